// A meeting row and events for the Kysely store tests of the live log and its fan-out.
import type { Store } from '../../server/db/kysely/store.ts';
import type { NewEvent } from '../../server/live/store-repo.ts';
import type { Actor } from '../../shared/meeting/index.ts';

export const anna: Actor = { key: 'u:2', name: 'Anna', role: 'member' };

/** A team and a planned meeting to write the log of. */
export async function makeMeetingRow(store: Store, slug: string): Promise<number> {
  const team = await store.db
    .insertInto('teams')
    .values({ name: slug, slug })
    .returning('id')
    .executeTakeFirstOrThrow();
  const meeting = await store.db
    .insertInto('meetings')
    .values({
      team_id: team.id,
      starts_at: '2026-12-08T09:00:00.000Z',
      ends_at: '2026-12-08T10:00:00.000Z',
      window_end: '2026-12-08T09:00:00.000Z',
      agenda: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return meeting.id;
}

export const hand = (opId: string, raised = true, actor = anna): NewEvent => ({
  opId,
  scope: actor.key,
  bodyHash: `hash-${opId}-${raised}`,
  actor,
  body: { type: 'hand.set', payload: { raised } },
  at: 1_700_000_000_000,
});
