import type { Executor } from '../db/kysely/store.ts';

export interface LeaderDigestRow {
  id: number;
  unit_id: number;
  user_id: number;
  month: string;
  content: string;
  created_at: string;
  mailed_at: string | null;
}

/** A unit lead with the address the digest goes to. */
export interface DigestRecipientRow {
  unit_id: number;
  unit_name: string;
  user_id: number;
  name: string;
  email: string;
}

const columns = ['id', 'unit_id', 'user_id', 'month', 'content', 'created_at', 'mailed_at'] as const;

/** The leader digests over the Kysely store: SQL only, the same on SQLite and PostgreSQL. */
export function createLeaderDigestRepo(db: Executor) {
  return {
    /** Every unit lead, by unit and name: who gets a digest. */
    recipients: (): Promise<DigestRecipientRow[]> =>
      db
        .selectFrom('unit_leads as l')
        .innerJoin('units as un', 'un.id', 'l.unit_id')
        .innerJoin('users as u', 'u.id', 'l.user_id')
        .select(['l.unit_id', 'un.name as unit_name', 'u.id as user_id', 'u.name', 'u.email'])
        .orderBy('un.name')
        .orderBy('u.name')
        .execute(),

    exists: async (unitId: number, userId: number, month: string): Promise<boolean> =>
      (await db
        .selectFrom('leader_digests')
        .select('id')
        .where('unit_id', '=', unitId)
        .where('user_id', '=', userId)
        .where('month', '=', month)
        .executeTakeFirst()) !== undefined,

    /**
     * The claim: inserts the digest unless one exists for (unit, lead, month). The row comes back
     * only to the caller whose insert landed, on both stores, so of several processes composing the
     * same digest exactly one sends it.
     */
    claim: (unitId: number, userId: number, month: string, content: string): Promise<LeaderDigestRow | undefined> =>
      db
        .insertInto('leader_digests')
        .values({ unit_id: unitId, user_id: userId, month, content, created_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['unit_id', 'user_id', 'month']).doNothing())
        .returning(columns)
        .executeTakeFirst(),

    markMailed: async (id: number, at: string): Promise<void> => {
      await db.updateTable('leader_digests').set({ mailed_at: at }).where('id', '=', id).execute();
    },

    /** A lead's own digests, newest month first. */
    ofUser: (userId: number, limit: number): Promise<LeaderDigestRow[]> =>
      db
        .selectFrom('leader_digests')
        .select(columns)
        .where('user_id', '=', userId)
        .orderBy('month', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
  };
}
export type LeaderDigestRepo = ReturnType<typeof createLeaderDigestRepo>;
