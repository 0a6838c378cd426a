import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import {
  type Ack,
  type ClientToServerEvents,
  handshakeAuth,
  PROTOCOL_VERSION,
  type PresenceMember,
  type ServerToClientEvents,
} from '../../shared/events.ts';
import { startKadence } from '../helpers/browser.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('socket.io handshake and team rooms', () => {
  let kadence: Awaited<ReturnType<typeof startKadence>>;
  let cookie = '';
  const sockets: ClientSocket[] = [];

  const open = (headers: Record<string, string>, auth: object = handshakeAuth(), namespace = ''): ClientSocket => {
    const socket: ClientSocket = connect(`${kadence.url}${namespace}`, {
      transports: ['websocket'],
      extraHeaders: headers,
      auth,
      reconnection: false,
      timeout: 5000,
    });
    sockets.push(socket);
    return socket;
  };
  const outcome = (socket: ClientSocket) =>
    new Promise<string>((resolve) => {
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', (error) => resolve(`refused: ${error.message}`));
    });

  beforeAll(async () => {
    kadence = await startKadence();
    const csrf = await kadence.app.inject('/api/auth/csrf');
    const csrfCookie = String(csrf.headers['set-cookie']).split(';')[0];
    const setup = await kadence.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { cookie: csrfCookie, 'x-csrf-token': (csrf.json() as { token: string }).token },
      payload: { email: 'lead@example.dk', name: 'Lea', password: 'a-long-password' },
    });
    cookie = String(setup.headers['set-cookie']).split(';')[0] as string;
    await kadence.app.services.teams.create({ name: 'Support', slug: 'support' });
    await kadence.app.services.teams.create({ name: 'Other', slug: 'other' });
    await kadence.app.services.teams.addMember('support', 'lead@example.dk', 'lead');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await kadence.stop();
  });

  it('refuses a socket without a session', async () => {
    expect(await outcome(open({ origin: kadence.url }))).toBe('refused: UNAUTHENTICATED');
  });

  it('refuses a page that speaks another protocol version, on the team socket and on the live board', async () => {
    expect(await outcome(open({ origin: kadence.url, cookie }, {}))).toBe('refused: PROTOCOL_OUTDATED');
    expect(await outcome(open({ origin: kadence.url, cookie }, { protocol: PROTOCOL_VERSION - 1 }))).toBe(
      'refused: PROTOCOL_OUTDATED',
    );
    expect(await outcome(open({ origin: kadence.url, cookie }, { protocol: String(PROTOCOL_VERSION) }))).toBe(
      'refused: PROTOCOL_OUTDATED',
    );
    expect(await outcome(open({ origin: kadence.url, cookie }, { protocol: PROTOCOL_VERSION - 1 }, '/live'))).toBe(
      'refused: PROTOCOL_OUTDATED',
    );
    // The version is checked before the session: even a guest link's socket is told to reload.
    expect(await outcome(open({ origin: kadence.url }, { guest: 'x'.repeat(40) }, '/live'))).toBe(
      'refused: PROTOCOL_OUTDATED',
    );
    expect(await outcome(open({ origin: kadence.url, cookie }, handshakeAuth(), '/live'))).toBe('connected');
  });

  it('refuses a socket from an origin outside the allow-list, even with a session', async () => {
    expect(await outcome(open({ origin: 'https://evil.example', cookie }))).toMatch(/^refused/);
  });

  it('accepts a signed-in socket, validates payloads and only joins the own team', async () => {
    const socket = open({ origin: kadence.url, cookie });
    expect(await outcome(socket)).toBe('connected');
    const emit = (payload: unknown) =>
      new Promise<Ack<{ online: PresenceMember[] }>>((resolve) => {
        socket.emit('team:join', payload as { opId: string; team: string }, resolve);
      });
    const joined = await emit({ opId: 'op-000001', team: 'support' });
    expect(joined).toEqual({ ok: true, online: [{ userId: 1, name: 'Lea' }] });
    // An admin acts as lead everywhere, so use a bad payload and an unknown team for the refusals.
    expect(await emit({ opId: 'x', team: 'support' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await emit({ opId: 'op-000002', team: 'no-such-team' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
