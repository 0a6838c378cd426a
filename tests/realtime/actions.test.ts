import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { handshakeAuth } from '../../shared/events.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.ts';
import { startKadence } from '../helpers/browser.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Changed = Parameters<ServerToClientEvents['actions:changed']>[0];

describe('live action updates in team rooms', () => {
  let kadence: Awaited<ReturnType<typeof startKadence>>;
  let lead: Awaited<ReturnType<typeof kadence.app.services.users.create>>;
  const sockets: ClientSocket[] = [];

  const cookieFor = async (email: string) => {
    const csrf = await kadence.app.inject('/api/auth/csrf');
    const csrfCookie = String(csrf.headers['set-cookie']).split(';')[0];
    const login = await kadence.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: csrfCookie, 'x-csrf-token': (csrf.json() as { token: string }).token },
      payload: { email, password: 'a-long-password' },
    });
    return String(login.headers['set-cookie']).split(';')[0] as string;
  };
  const joined = async (email: string, team: string): Promise<{ socket: ClientSocket; events: Changed[] }> => {
    const socket: ClientSocket = connect(kadence.url, {
      transports: ['websocket'],
      auth: handshakeAuth(),
      extraHeaders: { origin: kadence.url, cookie: await cookieFor(email) },
      reconnection: false,
    });
    sockets.push(socket);
    const events: Changed[] = [];
    socket.on('actions:changed', (payload) => events.push(payload));
    await new Promise<void>((resolve) => socket.emit('team:join', { opId: 'join-0001', team }, () => resolve()));
    return { socket, events };
  };

  beforeAll(async () => {
    kadence = await startKadence();
    const { services } = kadence.app;
    lead = await services.users.create({ email: 'lead@example.dk', name: 'Lea', password: 'a-long-password' });
    await services.users.create({ email: 'stranger@example.dk', name: 'Sten', password: 'a-long-password' });
    await services.teams.create({ name: 'Support', slug: 'support' });
    await services.teams.create({ name: 'Other', slug: 'other' });
    await services.teams.addMember('support', 'lead@example.dk', 'lead');
    await services.teams.addMember('other', 'stranger@example.dk', 'lead');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await kadence.stop();
  });

  it('tells the team room, and only it, when an action changes status', async () => {
    const member = await joined('lead@example.dk', 'support');
    const stranger = await joined('stranger@example.dk', 'other');
    const { services } = kadence.app;
    const created = await services.actions.create(lead, 'support', { title: 'Answer faster' });
    await services.actions.changeStatus(lead, created.id, 'done');
    // A round trip on the same connection guarantees earlier emits have arrived.
    await new Promise<void>((resolve) =>
      member.socket.emit('team:join', { opId: 'join-0002', team: 'support' }, () => resolve()),
    );
    expect(member.events).toEqual([
      { team: 'support', actionId: created.id, event: 'action.created' },
      { team: 'support', actionId: created.id, event: 'action.done' },
    ]);
    await new Promise<void>((resolve) =>
      stranger.socket.emit('team:join', { opId: 'join-0003', team: 'other' }, () => resolve()),
    );
    expect(stranger.events).toEqual([]);
  });
});
