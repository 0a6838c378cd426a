import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPgListener, type PgListener } from '../../../server/realtime/pg-listen.ts';
import { MAX_NOTIFY_BYTES, createRoomRelay, type RoomRelay } from '../../../server/realtime/room-relay.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  postgresSuite,
  usePostgresServer,
  type ScratchDatabase,
} from '../../helpers/postgres.ts';

/** Polls until `done()` holds, for at most about five seconds; the assertion after it says what was missing. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One process: a socket.io server whose sockets join the rooms their handshake names, with the relay. */
interface Process {
  io: Server;
  http: HttpServer;
  relay: RoomRelay;
  listener: PgListener;
  errors: unknown[];
  url: string;
}

describe.skipIf(!postgresAvailable)(postgresSuite('team-room events across processes'), () => {
  const serverUrl = usePostgresServer();
  let database: ScratchDatabase;
  const processes: Process[] = [];
  const clients: Socket[] = [];

  async function startProcess(): Promise<Process> {
    const http = createServer();
    const io = new Server(http);
    const errors: unknown[] = [];
    const listener = createPgListener({ connectionString: database.url, onError: (error) => errors.push(error) });
    await listener.start();
    const relay = createRoomRelay({ listener, io, onError: (error) => errors.push(error) });
    await relay.start();
    io.on('connection', (socket) => {
      const { rooms } = socket.handshake.auth as { rooms: string[] };
      void socket.join(rooms);
    });
    io.of('/live').on('connection', (socket) => void socket.join('team:1'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const process = {
      io,
      http,
      relay,
      listener,
      errors,
      url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    };
    processes.push(process);
    return process;
  }

  /** A client in `rooms` on `process`, recording every event it receives. */
  async function client(process: Process, rooms: string[], namespace = '/') {
    const received: [string, unknown][] = [];
    const socket = connect(`${process.url}${namespace}`, { transports: ['websocket'], auth: { rooms } });
    clients.push(socket);
    socket.onAny((event: string, payload: unknown) => received.push([event, payload]));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return received;
  }

  beforeEach(async () => {
    database = await createScratchDatabase(serverUrl());
  });
  afterEach(async () => {
    for (const socket of clients.splice(0)) socket.disconnect();
    for (const process of processes.splice(0)) {
      process.relay.stop();
      await process.listener.stop();
      await new Promise<void>((resolve) => process.io.close(() => resolve()));
    }
    await database.drop();
  });

  it('passes actions:changed and import:progress on to sockets of the room on another process, once', async () => {
    const a = await startProcess();
    const b = await startProcess();
    const onA = await client(a, ['team:1']);
    const onB = await client(b, ['team:1']);
    const otherTeam = await client(b, ['team:2']);
    const change = { team: 'kundeservice', actionId: 7, event: 'created' };
    a.io.to('team:1').emit('actions:changed', change);
    a.io.to('team:1').emit('import:progress', { team: 'kundeservice', rows: 500, done: false });
    await until(() => onB.length === 2);
    expect(onB).toEqual([
      ['actions:changed', change],
      ['import:progress', { team: 'kundeservice', rows: 500, done: false }],
    ]);
    // And the other way round; each socket gets each event once.
    b.io.to('team:1').emit('actions:changed', { ...change, actionId: 8 });
    await until(() => onA.length === 2);
    await pause(200);
    expect(onA.map(([event, payload]) => [event, (payload as { actionId?: number }).actionId])).toEqual([
      ['actions:changed', 7],
      ['import:progress', undefined],
      ['actions:changed', 8],
    ]);
    expect(onB).toHaveLength(3);
    expect(otherTeam).toEqual([]);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('relays nothing else: other events, other rooms, other namespaces, local emits', async () => {
    const a = await startProcess();
    const b = await startProcess();
    const onB = await client(b, ['team:1', 'user:1']);
    const liveOnB = await client(b, [], '/live');
    a.io.to('team:1').emit('team:presence', { team: 'kundeservice', online: [] });
    a.io.to('user:1').emit('actions:changed', { team: 'kundeservice', actionId: 1, event: 'created' });
    a.io.of('/live').to('team:1').emit('actions:changed', { team: 'kundeservice', actionId: 2, event: 'created' });
    a.io.local.to('team:1').emit('actions:changed', { team: 'kundeservice', actionId: 3, event: 'created' });
    // The marker goes last: once it is here, anything relayed before it would be too (one session's NOTIFYs keep their order).
    a.io.to('team:1').emit('actions:changed', { team: 'kundeservice', actionId: 4, event: 'created' });
    await until(() => onB.length > 0);
    await pause(200);
    expect(onB).toEqual([['actions:changed', { team: 'kundeservice', actionId: 4, event: 'created' }]]);
    expect(liveOnB).toEqual([]);
  });

  it('refuses a payload over the NOTIFY limit, and says so, but still sends it to its own sockets', async () => {
    const a = await startProcess();
    const b = await startProcess();
    const onA = await client(a, ['team:1']);
    const onB = await client(b, ['team:1']);
    const big = { team: 'kundeservice', note: 'x'.repeat(MAX_NOTIFY_BYTES) };
    a.io.to('team:1').emit('import:progress', big);
    a.io.to('team:1').emit('actions:changed', { team: 'kundeservice', actionId: 5, event: 'created' });
    await until(() => onB.length > 0);
    await pause(200);
    expect(onB.map(([event]) => event)).toEqual(['actions:changed']);
    expect(onA.map(([event]) => event)).toEqual(['import:progress', 'actions:changed']);
    expect(a.errors).toHaveLength(1);
    expect(String(a.errors[0])).toMatch(/import:progress to team:1 not relayed: \d+ bytes/);
  });
});
