import type { MeetingCommand, MeetingEvent } from '../../shared/meeting/index.ts';
import { type Host, makeMeeting } from './meeting.ts';

/** Sends one command to a meeting and resolves with the event it became (through a socket or the engine). */
export type Send = (command: MeetingCommand) => Promise<MeetingEvent>;

/** A theme on a board: the cards put in it (by their place on the board) and comments written and put in it. */
export interface Group {
  theme: string;
  cards: number[];
  comments?: { on: number; text: string }[];
}

/**
 * A planned meeting whose board shows `count` feedback items received at `receivedAt` (the month they
 * count for), made like makeMeeting. Returns the meeting and the items' ids in board order.
 */
export async function boardFor(
  app: Host,
  slug: string,
  receivedAt: string,
  count: number,
): Promise<{ meetingId: number; ids: number[] }> {
  const meetingId = await makeMeeting(
    app,
    slug,
    Array.from({ length: count }, (_, index) => ({
      comment: `Kort ${index + 1} fra ${receivedAt.slice(0, 7)}`,
      receivedAt,
    })),
  );
  const rows = await app.services.store.db
    .selectFrom('meeting_cards')
    .select('feedback_id as id')
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  return { meetingId, ids: rows.map((row) => row.id) };
}

/**
 * Holds a meeting through its commands: start, to the group step, each group's theme created and its
 * cards and comments moved into it, then the end. `ids` are the board's item ids in order.
 */
export async function holdGrouped(send: Send, ids: readonly number[], groups: readonly Group[], groupStep = 2) {
  await send({ type: 'meeting.start' });
  await send({ type: 'step.go', index: groupStep });
  for (const group of groups) {
    const created = await send({ type: 'theme.create', name: group.theme });
    if (created.type !== 'theme.create') throw new Error(`theme.create became ${created.type}`);
    const themeId = created.payload.themeId;
    for (const place of group.cards)
      await send({ type: 'item.move', item: { kind: 'card', id: String(ids[place]) }, themeId });
    for (const comment of group.comments ?? []) {
      const added = await send({ type: 'comment.add', cardId: String(ids[comment.on]), text: comment.text });
      if (added.type !== 'comment.add') throw new Error(`comment.add became ${added.type}`);
      await send({ type: 'item.move', item: { kind: 'comment', id: added.payload.commentId ?? added.opId }, themeId });
    }
  }
  await send({ type: 'meeting.end' });
}
