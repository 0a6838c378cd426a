import { describe, expect, it } from 'vitest';
import { applyMeetingEvent, initialState, type MeetingEvent, type MeetingState } from '../../shared/meeting/index.ts';
import { useLiveServer } from '../helpers/live-server.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

/** A viewer's replica: the state they joined with, folded with every event they received after it. */
function replica(joined: MeetingState, client: LiveClient): MeetingState {
  return client.events.filter((e) => e.seq > joined.seq).reduce(applyMeetingEvent, joined);
}

const board = (s: MeetingState) => ({
  themes: Object.values(s.themes).map((t) => ({ id: t.id, name: t.name })),
  cards: Object.fromEntries(Object.values(s.cards).map((c) => [c.id, c.themeId])),
  comments: Object.fromEntries(Object.values(s.comments).map((c) => [c.id, c.themeId])),
});

describe('accepting a suggested theme through the log', () => {
  const live = useLiveServer();
  const { client } = live;

  it('lets the facilitator accept a theme with its items in one event that every viewer folds alike', async () => {
    await live.server().app.services.teams.create({ name: 'Support', slug: 'support' });
    const lea = await makeMember(live.server().app, 'support', 'lea@example.dk', 'Lea', 'lead');
    const anna = await makeMember(live.server().app, 'support', 'anna@example.dk', 'Anna', 'member');
    const meetingId = await makeMeeting(live.server().app, 'support', [
      { comment: 'Pakken kom for sent', score: 3 },
      { comment: 'Leveringen tog to uger', score: 4 },
      { comment: 'Venlig support', score: 9 },
    ]);
    const l = client(lea.cookie, 'lea');
    const a = client(anna.cookie, 'anna');
    for (const c of [l, a]) {
      await c.connected();
      expect(await c.join(meetingId)).toMatchObject({ ok: true });
    }
    expect(await l.send(meetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });
    expect(await l.send(meetingId, { type: 'step.go', index: 1 })).toMatchObject({ ok: true });
    const commented = await a.send(meetingId, { type: 'comment.add', cardId: '1', text: 'Også for mig' });
    if (!commented.ok) throw new Error(commented.error.message);
    expect(await l.send(meetingId, { type: 'step.go', index: 2 })).toMatchObject({ ok: true });
    const joinedL = await l.join(meetingId);
    const joinedA = await a.join(meetingId);
    if (!joinedL.ok || !joinedL.state || !joinedA.ok || !joinedA.state) throw new Error('join failed');
    const commentId = Object.keys(joinedA.state.comments)[0] ?? '';
    expect(commentId).not.toBe('');

    const items = [
      { kind: 'card' as const, id: '1' },
      { kind: 'card' as const, id: '2' },
      { kind: 'comment' as const, id: commentId },
    ];
    // A participant cannot accept; the facilitator can, in one event.
    expect(await a.send(meetingId, { type: 'theme.accept', name: 'Levering', items })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const accepted = await l.send(meetingId, { type: 'theme.accept', name: 'Levering', items });
    if (!accepted.ok) throw new Error(accepted.error.message);
    // A second acceptance under the same name in another case adds to the theme on the board.
    const more = await l.send(meetingId, {
      type: 'theme.accept',
      name: 'levering',
      items: [{ kind: 'card', id: '3' }],
    });
    if (!more.ok) throw new Error(more.error.message);
    expect(more.seq).toBe(accepted.seq + 1);
    await a.until(more.seq);
    await l.until(more.seq);

    const seenByAnna = replica(joinedA.state, a);
    const seenByLea = replica(joinedL.state, l);
    expect(Object.values(seenByAnna.themes).map((t) => t.name)).toEqual(['Levering']);
    const themeId = Object.values(seenByAnna.themes)[0]?.id;
    expect(board(seenByAnna)).toEqual({
      themes: [{ id: themeId, name: 'Levering' }],
      cards: { 1: themeId, 2: themeId, 3: themeId },
      comments: { [commentId]: themeId },
    });
    expect(board(seenByLea)).toEqual(board(seenByAnna));
    expect(a.events.filter((e) => e.type === 'theme.accept')).toHaveLength(2);

    // Replaying the stored log from the start gives the same board.
    const rows = await live
      .server()
      .app.services.store.db.selectFrom('meeting_events')
      .select(['seq', 'op_id', 'actor', 'type', 'payload', 'at'])
      .where('meeting_id', '=', meetingId)
      .orderBy('seq')
      .execute();
    const events = rows.map(
      (r) =>
        ({
          seq: r.seq,
          opId: r.op_id,
          at: r.at,
          actor: JSON.parse(r.actor),
          type: r.type,
          payload: JSON.parse(r.payload),
        }) as MeetingEvent,
    );
    const replayed = events.reduce(applyMeetingEvent, initialState(meetingId));
    expect(board(replayed)).toEqual(board(seenByAnna));
  });
});
