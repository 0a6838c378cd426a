import type { Executor } from '../db/kysely/store.ts';

export interface LeaderDigestRow {
  id: number;
  unit_id: number;
  user_id: number;
  month: string;
  content: string;
  created_at: string;
  mailed_at: string | null;
  mail_state: MailState | null;
  mail_attempts: number;
  mail_next_at: string | null;
  mail_error: string | null;
}

/** Where a digest's mail stands: to be sent (now or at mail_next_at), sent, or given up. */
export type MailState = 'pending' | 'sent' | 'failed';

/** A unit lead with the address the digest goes to. */
export interface DigestRecipientRow {
  unit_id: number;
  unit_name: string;
  user_id: number;
  name: string;
  email: string;
}

const columns = [
  'id',
  'unit_id',
  'user_id',
  'month',
  'content',
  'created_at',
  'mailed_at',
  'mail_state',
  'mail_attempts',
  'mail_next_at',
  'mail_error',
] as const;

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
    claim: (
      unitId: number,
      userId: number,
      month: string,
      content: string,
      mail: { at: string } | null,
    ): Promise<LeaderDigestRow | undefined> =>
      db
        .insertInto('leader_digests')
        .values({
          unit_id: unitId,
          user_id: userId,
          month,
          content,
          created_at: new Date().toISOString(),
          mail_state: mail ? 'pending' : null,
          mail_next_at: mail?.at ?? null,
        })
        .onConflict((oc) => oc.columns(['unit_id', 'user_id', 'month']).doNothing())
        .returning(columns)
        .executeTakeFirst(),

    /** The digests whose mail may be tried now: pending, due, and held by no sender. */
    dueMails: async (at: string, limit: number): Promise<number[]> =>
      (
        await db
          .selectFrom('leader_digests')
          .select('id')
          .where('mail_state', '=', 'pending')
          .where('mail_next_at', '<=', at)
          .where((w) => w.or([w('mail_lease_until', 'is', null), w('mail_lease_until', '<', at)]))
          .orderBy('mail_next_at')
          .orderBy('id')
          .limit(limit)
          .execute()
      ).map((row) => row.id),

    /**
     * Takes a due mail for one attempt: counts the attempt and holds the mail until `leaseUntil`.
     * One conditional UPDATE, so of several processes asking at once exactly one gets the row back
     * (SQLite writes one at a time; PostgreSQL re-checks the WHERE on the row it waited for).
     */
    takeMail: (id: number, at: string, leaseUntil: string): Promise<LeaderDigestRow | undefined> =>
      db
        .updateTable('leader_digests')
        .set((eb) => ({ mail_lease_until: leaseUntil, mail_attempts: eb('mail_attempts', '+', 1) }))
        .where('id', '=', id)
        .where('mail_state', '=', 'pending')
        .where('mail_next_at', '<=', at)
        .where((w) => w.or([w('mail_lease_until', 'is', null), w('mail_lease_until', '<', at)]))
        .returning(columns)
        .executeTakeFirst(),

    /** The address a lead's digest goes to now (a changed address is used by the next attempt). */
    emailOf: async (userId: number): Promise<string | undefined> =>
      (await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst())?.email,

    markMailed: async (id: number, at: string): Promise<void> => {
      await db
        .updateTable('leader_digests')
        .set({ mailed_at: at, mail_state: 'sent', mail_next_at: null, mail_lease_until: null, mail_error: null })
        .where('id', '=', id)
        .execute();
    },

    /** A refused attempt: tried again at `nextAt`, or given up (failed) when there is none. */
    markMailFailed: async (id: number, error: string, nextAt: string | null): Promise<void> => {
      await db
        .updateTable('leader_digests')
        .set({
          mail_state: nextAt === null ? 'failed' : 'pending',
          mail_next_at: nextAt,
          mail_lease_until: null,
          mail_error: error.slice(0, 500),
        })
        .where('id', '=', id)
        .execute();
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
