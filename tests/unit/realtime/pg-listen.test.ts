import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPgListener, type PgListener } from '../../../server/realtime/pg-listen.ts';
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

describe.skipIf(!postgresAvailable)(postgresSuite('one LISTEN connection per process'), () => {
  const serverUrl = usePostgresServer();
  let database: ScratchDatabase;
  let sender: pg.Client;
  const listeners: PgListener[] = [];
  const notify = (channel: string, payload: string) => sender.query('SELECT pg_notify($1, $2)', [channel, payload]);
  const start = async () => {
    const errors: unknown[] = [];
    const listener = createPgListener({
      connectionString: database.url,
      reconnectMs: 50,
      onError: (error) => errors.push(error),
    });
    listeners.push(listener);
    await listener.start();
    return { listener, errors };
  };
  /** Ends the listening connection from the server's side, as a restart or a lost network would. */
  async function kill(listener: PgListener): Promise<number | undefined> {
    const pid = await listener.backendPid();
    await sender.query('SELECT pg_terminate_backend($1)', [pid]);
    return pid;
  }

  beforeEach(async () => {
    database = await createScratchDatabase(serverUrl());
    sender = new pg.Client({ connectionString: database.url });
    await sender.connect();
  });
  afterEach(async () => {
    for (const listener of listeners.splice(0)) await listener.stop();
    await sender.end();
    await database.drop();
  });

  it('hands each channel its own notifications, on one connection, to every subscriber', async () => {
    const { listener, errors } = await start();
    const rooms: string[] = [];
    const meetings: string[] = [];
    const meetingsToo: string[] = [];
    await listener.subscribe('kadence_room', (payload) => rooms.push(payload ?? ''));
    await listener.subscribe('kadence_meeting', (payload) => meetings.push(payload ?? ''));
    const stopToo = await listener.subscribe('kadence_meeting', (payload) => meetingsToo.push(payload ?? ''));
    await notify('kadence_room', 'r1');
    await notify('kadence_meeting', '1:1');
    await notify('kadence_other', 'nobody listens');
    await until(() => rooms.length === 1 && meetings.length === 1 && meetingsToo.length === 1);
    stopToo();
    await notify('kadence_meeting', '1:2');
    await until(() => meetings.length === 2);
    await pause(100);
    expect(rooms).toEqual(['r1']);
    expect(meetings).toEqual(['1:1', '1:2']);
    expect(meetingsToo).toEqual(['1:1']);
    // One backend for all the channels.
    const backends = await sender.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    );
    expect(Number(backends.rows[0]?.n)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('reconnects after its connection was killed, LISTENs to every channel again and says so', async () => {
    const { listener, errors } = await start();
    const heard: string[] = [];
    let connections = 0;
    listener.onConnected(() => (connections += 1));
    await listener.subscribe('kadence_room', (payload) => heard.push(`room ${payload}`));
    await listener.subscribe('kadence_access', (payload) => heard.push(`access ${payload}`));
    const pid = await kill(listener);
    await until(() => !listener.connected());
    // Sent while nobody listens: lost, which is what onConnected is for.
    await notify('kadence_room', 'lost');
    await until(() => listener.connected());
    expect(listener.reconnects()).toBeGreaterThan(0);
    expect(connections).toBe(1);
    expect(await listener.backendPid()).not.toBe(pid);
    await notify('kadence_room', 'after');
    await notify('kadence_access', 'after');
    await until(() => heard.length === 2);
    expect(heard).toEqual(['room after', 'access after']);
    expect(errors.length).toBeGreaterThan(0); // the termination was reported
    // And again: a second loss is survived the same way.
    await kill(listener);
    await until(() => listener.reconnects() > 1 && listener.connected());
    await notify('kadence_room', 'again');
    await until(() => heard.length === 3);
    expect(heard[2]).toBe('room again');
    expect(connections).toBe(2);
  });

  it('sends on the listening connection in order, and refuses while it is down', async () => {
    const one = await start();
    const two = await start();
    const heard: string[] = [];
    await two.listener.subscribe('kadence_room', (payload) => heard.push(payload ?? ''));
    for (let i = 0; i < 20; i++) void one.listener.notify('kadence_room', String(i));
    await until(() => heard.length === 20);
    expect(heard).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    await kill(one.listener);
    await until(() => !one.listener.connected());
    await expect(one.listener.notify('kadence_room', 'down')).rejects.toThrow(/not connected/);
    await expect(one.listener.subscribe('not a name; DROP TABLE x', () => undefined)).rejects.toThrow(
      /not a channel name/,
    );
  });

  it('stops for good: no reconnect after stop', async () => {
    const { listener } = await start();
    await listener.stop();
    await pause(150);
    expect(listener.connected()).toBe(false);
    expect(listener.reconnects()).toBe(0);
  });
});
