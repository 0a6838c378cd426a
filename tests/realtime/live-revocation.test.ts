import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { handshakeAuth } from '../../shared/events.ts';
import { hashToken } from '../../server/auth/tokens.ts';
import { startKadence } from '../helpers/browser.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

interface AccessNotice {
  meetingId: number;
  rejoin: boolean;
  error: { code: string; message: string };
}

/** A live client that also records the server's access notices and how its connection ended. */
class WatchedClient extends LiveClient {
  readonly notices: AccessNotice[] = [];
  ended: string | null = null;
  constructor(url: string, cookie: string, prefix: string) {
    super(url, { cookie, prefix });
    this.socket.on('live:access', (notice: AccessNotice) => this.notices.push(notice));
    this.socket.on('disconnect', (reason) => (this.ended = reason));
  }
}

/** Waits (bounded) until `done` holds; returns how long it took, for the figures printed below. */
async function settle(done: () => boolean, limitMs = 3000): Promise<number> {
  const start = Date.now();
  while (!done() && Date.now() - start < limitMs) await new Promise((r) => setTimeout(r, 5));
  return Date.now() - start;
}

describe('revoking access reaches open sockets', () => {
  let kadence: Awaited<ReturnType<typeof startKadence>>;
  let lea: { id: number; cookie: string };
  let meetingId: number;
  const sockets: { close(): void }[] = [];
  const figures: string[] = [];

  const member = async (email: string, name: string, role: 'lead' | 'facilitator' | 'member') =>
    makeMember(kadence.app, 'support', email, name, role);
  const joined = async (cookie: string, prefix: string) => {
    const c = new WatchedClient(kadence.url, cookie, prefix);
    sockets.push(c);
    expect(await c.connected()).toBe('connected');
    expect(await c.join(meetingId)).toMatchObject({ ok: true });
    return c;
  };
  /** Cookie and CSRF header for a write through app.inject. */
  async function csrfHeaders(session: string): Promise<Record<string, string>> {
    const csrf = await kadence.app.inject({ url: '/api/auth/csrf', headers: { cookie: session } });
    const csrfCookie = String(csrf.headers['set-cookie']).split(';')[0] as string;
    return { cookie: `${session}; ${csrfCookie}`, 'x-csrf-token': (csrf.json() as { token: string }).token };
  }
  const asLea = async (method: 'PUT' | 'DELETE', url: string, payload?: object) =>
    kadence.app.inject({ method, url, headers: await csrfHeaders(lea.cookie), ...(payload ? { payload } : {}) });
  /** Cards are the meeting's feedback items, by id. */
  const cardId = async () =>
    String(
      (
        await kadence.app.services.store.db
          .selectFrom('meeting_cards')
          .select('feedback_id')
          .where('meeting_id', '=', meetingId)
          .executeTakeFirst()
      )?.feedback_id,
    );

  beforeAll(async () => {
    kadence = await startKadence();
    await kadence.app.services.teams.create({ name: 'Support', slug: 'support' });
    lea = await member('lea@example.dk', 'Lea', 'lead');
    meetingId = await makeMeeting(kadence.app, 'support', [{ comment: 'Slow replies', score: 4 }]);
    const l = await joined(lea.cookie, 'lea-start');
    expect(await l.send(meetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });
    expect(await l.send(meetingId, { type: 'step.go', index: 2 })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await kadence.stop();
    console.log(`revocation reached the open socket after: ${figures.join(', ')}`);
  });

  it('removes a member from the meeting at once: told why, disconnected, sent nothing more', async () => {
    const anna = await member('anna@example.dk', 'Anna', 'member');
    const a = await joined(anna.cookie, 'anna');
    const l = await joined(lea.cookie, 'lea-1');
    const start = Date.now();
    expect((await asLea('DELETE', `/api/teams/support/members/${anna.id}`)).statusCode).toBe(200);
    figures.push(`removal ${await settle(() => a.ended !== null)} ms`);
    expect(a.ended).toBe('io server disconnect');
    expect(a.notices).toEqual([
      { meetingId, rejoin: false, error: { code: 'FORBIDDEN', message: 'You are no longer a member of this team' } },
    ]);
    const seen = a.events.length;
    const hand = await l.send(meetingId, { type: 'hand.set', raised: true });
    if (!hand.ok) throw new Error(hand.error.message);
    await l.until(hand.seq);
    expect(a.events.length).toBe(seen);
    // The others see Anna leave.
    expect(l.events.some((e) => e.type === 'presence.leave' && e.actor.key === `u:${anna.id}` && e.at >= start)).toBe(
      true,
    );
    // And she cannot come back in with the socket she still has a cookie for.
    const again = new WatchedClient(kadence.url, anna.cookie, 'anna-again');
    sockets.push(again);
    await again.connected();
    expect(await again.join(meetingId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses the next command of a member removed behind the server’s back (another process, the CLI)', async () => {
    const bo = await member('bo@example.dk', 'Bo', 'member');
    const b = await joined(bo.cookie, 'bo');
    // Written straight to the database: no notification reaches this process.
    await kadence.app.services.store.db.deleteFrom('memberships').where('user_id', '=', bo.id).execute();
    const refused = await b.send(meetingId, { type: 'comment.add', cardId: await cardId(), text: 'still here?' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await settle(() => b.ended !== null);
    expect(b.ended).toBe('io server disconnect');
    const count = await kadence.app.services.store.db
      .selectFrom('meeting_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('payload', 'like', '%still here?%')
      .executeTakeFirst();
    expect(count?.n).toBe(0);
  });

  it('demotes a facilitator’s open socket: it rejoins as a member and can no longer take over', async () => {
    const finn = await member('finn@example.dk', 'Finn', 'facilitator');
    const f = await joined(finn.cookie, 'finn');
    expect((await asLea('PUT', `/api/teams/support/members/${finn.id}`, { role: 'member' })).statusCode).toBe(200);
    figures.push(`role change ${await settle(() => f.notices.length > 0)} ms`);
    expect(f.notices).toEqual([{ meetingId, rejoin: true, error: expect.objectContaining({ code: 'FORBIDDEN' }) }]);
    expect(f.ended).toBeNull();
    // The old presence is gone, so the socket's commands are refused until it joins again …
    expect(await f.send(meetingId, { type: 'facilitator.claim' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // … and joining again gives the new role, under which taking over is not allowed.
    expect(await f.join(meetingId)).toMatchObject({ ok: true, you: { role: 'member' } });
    expect(await f.send(meetingId, { type: 'facilitator.claim' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('checks the role on every command even when it changed in the database only', async () => {
    const gry = await member('gry@example.dk', 'Gry', 'facilitator');
    const g = await joined(gry.cookie, 'gry');
    await kadence.app.services.store.db
      .updateTable('memberships')
      .set({ role: 'member' })
      .where('user_id', '=', gry.id)
      .execute();
    expect(await g.send(meetingId, { type: 'facilitator.claim' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(g.notices.at(-1)).toMatchObject({ meetingId, rejoin: true });
    const state = await g.join(meetingId);
    expect(state).toMatchObject({ ok: true, you: { role: 'member' } });
  });

  it('disconnects the sockets of a session that signs out, and keeps the person’s other sessions', async () => {
    const ida = await member('ida@example.dk', 'Ida', 'member');
    const other = `kadence_session=${(await kadence.app.services.auth.startSession(ida.id)).token}`;
    const i = await joined(ida.cookie, 'ida');
    const elsewhere = await joined(other, 'ida-phone');
    const out = await kadence.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: await csrfHeaders(ida.cookie),
    });
    expect(out.statusCode).toBe(200);
    figures.push(`sign-out ${await settle(() => i.ended !== null)} ms`);
    expect(i.ended).toBe('io server disconnect');
    expect(i.notices).toEqual([
      {
        meetingId,
        rejoin: false,
        error: { code: 'UNAUTHENTICATED', message: 'Your session has ended; sign in again' },
      },
    ]);
    expect(elsewhere.ended).toBeNull();
    expect(await elsewhere.send(meetingId, { type: 'hand.set', raised: true })).toMatchObject({ ok: true });
  });

  it('disconnects every other session’s sockets when the password changes', async () => {
    const jens = await member('jens@example.dk', 'Jens', 'member');
    const laptop = `kadence_session=${(await kadence.app.services.auth.startSession(jens.id)).token}`;
    const here = await joined(jens.cookie, 'jens');
    const there = await joined(laptop, 'jens-laptop');
    const changed = await kadence.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: await csrfHeaders(jens.cookie),
      payload: { currentPassword: 'a-long-password', newPassword: 'another-long-password' },
    });
    expect(changed.statusCode).toBe(200);
    figures.push(`password change ${await settle(() => there.ended !== null)} ms`);
    expect(there.ended).toBe('io server disconnect');
    expect(here.ended).toBeNull();
    expect(await here.send(meetingId, { type: 'hand.set', raised: true })).toMatchObject({ ok: true });
  });

  it('ends a socket when its session expires, and refuses commands of a session that ended in the database', async () => {
    const kim = await member('kim@example.dk', 'Kim', 'member');
    const token = 'k'.repeat(43);
    await kadence.app.services.store.db
      .insertInto('sessions')
      .values({ token_hash: hashToken(token), user_id: kim.id, expires_at: new Date(Date.now() + 1500).toISOString() })
      .execute();
    const k = await joined(`kadence_session=${token}`, 'kim');
    figures.push(`expiry (1.5 s session) ${await settle(() => k.ended !== null, 5000)} ms`);
    expect(k.ended).toBe('io server disconnect');
    expect(k.notices).toEqual([
      { meetingId, rejoin: false, error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) },
    ]);

    const k2 = await joined(kim.cookie, 'kim-2');
    await kadence.app.services.store.db.deleteFrom('sessions').where('user_id', '=', kim.id).execute();
    expect(await k2.send(meetingId, { type: 'hand.set', raised: true })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    await settle(() => k2.ended !== null);
    expect(k2.ended).toBe('io server disconnect');
  });

  it('refuses a guest’s next command once the link was revoked in the database only', async () => {
    const link = await kadence.app.inject({
      method: 'POST',
      url: `/api/teams/support/meetings/${meetingId}/guest-links`,
      headers: await csrfHeaders(lea.cookie),
      payload: { role: 'participant' },
    });
    const { token, id } = link.json() as { token: string; id: number };
    const csrf = await kadence.app.inject({ url: '/api/auth/csrf' });
    const csrfCookie = String(csrf.headers['set-cookie']).split(';')[0] as string;
    const entered = await kadence.app.inject({
      method: 'POST',
      url: `/api/join/${token}`,
      headers: { cookie: csrfCookie, 'x-csrf-token': (csrf.json() as { token: string }).token },
      payload: { name: 'Gitte' },
    });
    const { secret } = entered.json() as { secret: string };
    const g = new LiveClient(kadence.url, { guest: secret, prefix: 'gitte' });
    sockets.push(g);
    let ended: string | null = null;
    g.socket.on('disconnect', (reason) => (ended = reason));
    await g.connected();
    expect(await g.join(meetingId)).toMatchObject({ ok: true });
    expect(await g.send(meetingId, { type: 'hand.set', raised: true })).toMatchObject({ ok: true });
    await kadence.app.services.store.db
      .updateTable('meeting_guest_links')
      .set({ revoked_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', id)
      .execute();
    expect(await g.send(meetingId, { type: 'hand.set', raised: false })).toMatchObject({
      ok: false,
      error: { code: 'INVITE_INVALID' },
    });
    await settle(() => ended !== null);
    expect(ended).toBe('io server disconnect');
  });

  it('takes a removed member out of the team room, so its events stop at once', async () => {
    const liv = await member('liv@example.dk', 'Liv', 'member');
    const socket: Socket = connect(kadence.url, {
      transports: ['websocket'],
      forceNew: true,
      auth: handshakeAuth(),
      extraHeaders: { origin: kadence.url, cookie: liv.cookie },
      reconnection: false,
    });
    sockets.push({ close: () => socket.disconnect() });
    const changes: unknown[] = [];
    socket.on('actions:changed', (payload: unknown) => changes.push(payload));
    expect(await socket.emitWithAck('team:join', { opId: 'join-liv-0001', team: 'support' })).toMatchObject({
      ok: true,
    });
    const leaUser = await kadence.app.services.users.byId(lea.id);
    if (!leaUser) throw new Error('no lead');
    await kadence.app.services.actions.create(leaUser, 'support', { title: 'Before the removal' });
    await settle(() => changes.length > 0);
    expect(changes).toHaveLength(1);
    expect((await asLea('DELETE', `/api/teams/support/members/${liv.id}`)).statusCode).toBe(200);
    await kadence.app.services.actions.create(leaUser, 'support', { title: 'After the removal' });
    // A round trip on the same connection guarantees earlier emits have arrived.
    await socket.emitWithAck('team:join', { opId: 'join-liv-0002', team: 'other-team' });
    expect(changes).toHaveLength(1);
  });

  it('logs a signed-out person’s team socket off too', async () => {
    const mads = await member('mads@example.dk', 'Mads', 'member');
    const socket: Socket = connect(kadence.url, {
      transports: ['websocket'],
      forceNew: true,
      auth: handshakeAuth(),
      extraHeaders: { origin: kadence.url, cookie: mads.cookie },
      reconnection: false,
    });
    sockets.push({ close: () => socket.disconnect() });
    let ended: string | null = null;
    socket.on('disconnect', (reason) => (ended = reason));
    expect(await socket.emitWithAck('team:join', { opId: 'join-mads-001', team: 'support' })).toMatchObject({
      ok: true,
    });
    await kadence.app.inject({ method: 'POST', url: '/api/auth/logout', headers: await csrfHeaders(mads.cookie) });
    await settle(() => ended !== null);
    expect(ended).toBe('io server disconnect');
  });
});
