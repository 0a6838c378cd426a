import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../server/db/kysely/store.ts';
import { ACCESS_CHANNEL, createAccessChanges, parseAccessChange } from '../../../server/realtime/access.ts';
import { createErasures } from '../../../server/realtime/erasures.ts';
import { createPgListener, type PgListener } from '../../../server/realtime/pg-listen.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  postgresSuite,
  usePostgresServer,
  type ScratchDatabase,
} from '../../helpers/postgres.ts';

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('access changes from another process', () => {
  it('reads back each kind and refuses anything else', () => {
    const changes = [
      { kind: 'session-ended', userId: 3, sessionHash: 'abc' },
      { kind: 'password-changed', userId: 3, keepSessionHash: 'def' },
      { kind: 'membership', userId: 3, teamId: 9, role: 'member' },
      { kind: 'membership', userId: 3, teamId: 9, role: null },
    ];
    for (const change of changes) expect(parseAccessChange(JSON.parse(JSON.stringify(change)))).toEqual(change);
    for (const bad of [
      null,
      'session-ended',
      { kind: 'session-ended', userId: 3 },
      { kind: 'session-ended', userId: -1, sessionHash: 'abc' },
      { kind: 'membership', userId: 3, teamId: 9, role: 'admin' },
      { kind: 'membership', userId: 3, role: 'lead' },
      { kind: 'something-else', userId: 3 },
    ])
      expect(parseAccessChange(bad)).toBeNull();
  });

  it('tells only this process on SQLite, where there is no other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kadence-signal-'));
    const store = await openStore({ dataDir: dir });
    try {
      const access = createAccessChanges(store);
      const heard: unknown[] = [];
      access.on((change) => heard.push(change));
      access.emit({ kind: 'session-ended', userId: 1, sessionHash: 'h' });
      expect(heard).toEqual([{ kind: 'session-ended', userId: 1, sessionHash: 'h' }]);
      // Nothing to announce to: it resolves without a query SQLite would refuse.
      await expect(createErasures('sqlite').announce(store.db, [1])).resolves.toBeUndefined();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!postgresAvailable)(postgresSuite('erasures and access changes across processes'), () => {
  const serverUrl = usePostgresServer();
  let database: ScratchDatabase;
  let store: Store;
  const listeners: PgListener[] = [];
  const listen = async () => {
    const listener = createPgListener({ connectionString: database.url, reconnectMs: 50 });
    listeners.push(listener);
    await listener.start();
    return listener;
  };

  beforeEach(async () => {
    database = await createScratchDatabase(serverUrl());
    store = await openStore({ databaseUrl: database.url, dataDir: 'unused', poolSize: 2 });
  });
  afterEach(async () => {
    for (const listener of listeners.splice(0)) await listener.stop();
    await store.close();
    await database.drop();
  });

  it('tells the other processes of an erasure when it commits, never when it rolls back, and not itself twice', async () => {
    const here = createErasures('postgres');
    const there = createErasures('postgres');
    const heardHere: number[][] = [];
    const heardThere: number[][] = [];
    here.on((ids) => heardHere.push(ids));
    there.on((ids) => heardThere.push(ids));
    await here.follow(await listen());
    await there.follow(await listen());
    await expect(
      store.transaction(async (trx) => {
        await here.announce(trx, [7]);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    // A long list goes out in several notifications, each under NOTIFY's limit.
    const many = Array.from({ length: 1_200 }, (_, i) => i + 1);
    await store.transaction(async (trx) => here.announce(trx, many));
    await until(() => heardThere.flat().length === many.length);
    await pause(100);
    expect(heardThere.flat()).toEqual(many);
    expect(heardThere.length).toBeGreaterThan(1);
    expect(heardHere).toEqual([]);
  });

  it('passes a sign-out on to the other process, and ignores what is not an access change', async () => {
    const sender = createAccessChanges({ db: store.db, dialect: 'postgres' });
    const receiver = createAccessChanges({ db: store.db, dialect: 'postgres' });
    const heard: unknown[] = [];
    receiver.on((change) => heard.push(change));
    await receiver.follow(await listen());
    const here: unknown[] = [];
    sender.on((change) => here.push(change));
    // Someone else's message on the channel, and a malformed one.
    await sql`SELECT pg_notify(${ACCESS_CHANNEL}, 'not json')`.execute(store.db);
    await sql`SELECT pg_notify(${ACCESS_CHANNEL}, '{"from":"x","message":{"kind":"membership"}}')`.execute(store.db);
    sender.emit({ kind: 'session-ended', userId: 4, sessionHash: 'hash-4' });
    await until(() => heard.length === 1);
    await pause(100);
    expect(heard).toEqual([{ kind: 'session-ended', userId: 4, sessionHash: 'hash-4' }]);
    expect(here).toEqual([{ kind: 'session-ended', userId: 4, sessionHash: 'hash-4' }]);
  });
});
