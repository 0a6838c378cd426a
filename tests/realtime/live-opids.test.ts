import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKadence } from '../helpers/browser.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

describe('opIds belong to the person who sent them', () => {
  let kadence: Awaited<ReturnType<typeof startKadence>>;
  let meetingId: number;
  let lea: { id: number; cookie: string };
  let anna: { id: number; cookie: string };
  let bo: { id: number; cookie: string };
  const clients: LiveClient[] = [];
  const client = async (cookie: string, prefix: string) => {
    const c = new LiveClient(kadence.url, { cookie, prefix });
    clients.push(c);
    expect(await c.connected()).toBe('connected');
    expect(await c.join(meetingId)).toMatchObject({ ok: true });
    return c;
  };
  const stateFor = async (cookie: string) => {
    const watcher = new LiveClient(kadence.url, { cookie, prefix: 'look' });
    clients.push(watcher);
    await watcher.connected();
    const joined = await watcher.join(meetingId);
    watcher.close();
    if (!joined.ok || !joined.state) throw new Error('no state');
    return joined.state;
  };

  beforeAll(async () => {
    kadence = await startKadence();
    await kadence.app.services.teams.create({ name: 'Support', slug: 'support' });
    lea = await makeMember(kadence.app, 'support', 'lea@example.dk', 'Lea', 'lead');
    anna = await makeMember(kadence.app, 'support', 'anna@example.dk', 'Anna', 'member');
    bo = await makeMember(kadence.app, 'support', 'bo@example.dk', 'Bo', 'member');
    meetingId = await makeMeeting(kadence.app, 'support', [{ comment: 'Slow replies', score: 4 }]);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await kadence.stop();
  });

  it('applies another person’s command with my opId, and refuses my opId reused for another command', async () => {
    const l = await client(lea.cookie, 'lea');
    const a = await client(anna.cookie, 'anna');
    const b = await client(bo.cookie, 'bo');
    expect(await l.send(meetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });
    const mine = await a.send(meetingId, { type: 'hand.set', raised: true }, 'shared-op-0001');
    const theirs = await b.send(meetingId, { type: 'hand.set', raised: true }, 'shared-op-0001');
    expect(mine).toMatchObject({ ok: true, duplicate: false });
    expect(theirs).toMatchObject({ ok: true, duplicate: false });
    expect(theirs.ok && mine.ok && theirs.seq).not.toBe(mine.ok && mine.seq);
    // A true retry is still recognised, and the same opId with another body is an error.
    expect(await a.send(meetingId, { type: 'hand.set', raised: true }, 'shared-op-0001')).toMatchObject({
      ok: true,
      duplicate: true,
      seq: mine.ok ? mine.seq : -1,
    });
    expect(await a.send(meetingId, { type: 'hand.set', raised: false }, 'shared-op-0001')).toMatchObject({
      ok: false,
      error: { code: 'OPID_REUSED' },
    });
    const state = await stateFor(lea.cookie);
    expect(state.participants[`u:${anna.id}`]?.hand).toBe(true);
    expect(state.participants[`u:${bo.id}`]?.hand).toBe(true);
  });

  it('gives two people’s comments with the same opId two ids, so neither overwrites the other', async () => {
    const l = await client(lea.cookie, 'lea-c');
    const a = await client(anna.cookie, 'anna-c');
    const b = await client(bo.cookie, 'bo-c');
    expect(await l.send(meetingId, { type: 'step.go', index: 2 })).toMatchObject({ ok: true });
    const cardId = Object.keys((await stateFor(lea.cookie)).cards)[0] as string;
    expect(
      await a.send(meetingId, { type: 'comment.add', cardId, text: 'ANNA-WROTE-THIS' }, 'comment-op-0001'),
    ).toMatchObject({ ok: true });
    expect(
      await b.send(meetingId, { type: 'comment.add', cardId, text: 'BO-WROTE-THIS' }, 'comment-op-0001'),
    ).toMatchObject({ ok: true });
    const comments = Object.values((await stateFor(lea.cookie)).comments);
    expect(comments.map((c) => c.text).sort()).toEqual(['ANNA-WROTE-THIS', 'BO-WROTE-THIS']);
    expect(new Set(comments.map((c) => c.id)).size).toBe(2);
    expect(comments.find((c) => c.text === 'ANNA-WROTE-THIS')?.author).toBe(`u:${anna.id}`);
  });

  it('keeps the server’s presence ids out of every client’s reach, so a leave always lands', async () => {
    const b = await client(bo.cookie, 'bo-sly');
    // Bo sends commands under the ids the server would use for his leave and for a join.
    const leaveId = `leave-${b.socket.id}-${meetingId}`;
    expect(await b.send(meetingId, { type: 'hand.set', raised: true }, leaveId)).toMatchObject({
      ok: true,
      duplicate: false,
    });
    for (const c of clients) c.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const state = await stateFor(lea.cookie);
    expect(state.participants[`u:${bo.id}`]?.connections).toBe(0);
  });
});
