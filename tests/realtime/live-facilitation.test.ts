import { describe, expect, it } from 'vitest';
import { useLiveServer } from '../helpers/live-server.ts';
import { makeMeeting, makeMember } from '../helpers/meeting.ts';

describe('facilitation over socket.io', () => {
  const live = useLiveServer();
  const { client } = live;

  it('hands over, and lets a facilitator take over only once the current one has dropped out', async () => {
    await live.server().app.services.teams.create({ name: 'Support', slug: 'support' });
    const lea = await makeMember(live.server().app, 'support', 'lea@example.dk', 'Lea', 'lead');
    const finn = await makeMember(live.server().app, 'support', 'finn@example.dk', 'Finn', 'facilitator');
    const anna = await makeMember(live.server().app, 'support', 'anna@example.dk', 'Anna', 'member');
    const meetingId = await makeMeeting(live.server().app, 'support', [{ comment: 'Slow replies', score: 5 }]);
    const l = client(lea.cookie, 'lea');
    const f = client(finn.cookie, 'finn');
    const a = client(anna.cookie, 'anna');
    for (const c of [l, f, a]) {
      await c.connected();
      expect(await c.join(meetingId)).toMatchObject({ ok: true });
    }
    expect(await l.send(meetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });

    // While Lea is here, Finn (a facilitator) may not take over and Anna (a member) never may.
    expect(await f.send(meetingId, { type: 'facilitator.claim' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await a.send(meetingId, { type: 'facilitator.claim' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // Lea hands over to Anna, who can then move the agenda; Lea no longer can.
    expect(await l.send(meetingId, { type: 'facilitator.handover', to: `u:${anna.id}` })).toMatchObject({ ok: true });
    expect(await a.send(meetingId, { type: 'step.go', index: 1 })).toMatchObject({ ok: true });
    expect(await l.send(meetingId, { type: 'step.go', index: 2 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // Anna drops out: Finn takes over, and everyone still here sees it.
    a.close();
    for (
      let i = 0;
      i < 100 && !f.events.some((e) => e.type === 'presence.leave' && e.actor.key === `u:${anna.id}`);
      i++
    )
      await new Promise((r) => setTimeout(r, 10));
    const claimed = await f.send(meetingId, { type: 'facilitator.claim' });
    if (!claimed.ok) throw new Error(claimed.error.message);
    await l.until(claimed.seq);
    const seen = l.events.find((e) => e.seq === claimed.seq);
    expect(seen?.type === 'snapshot' ? seen.payload.state.facilitator : null).toBe(`u:${finn.id}`);
    expect(await f.send(meetingId, { type: 'step.go', index: 2 })).toMatchObject({ ok: true });
  });
});
