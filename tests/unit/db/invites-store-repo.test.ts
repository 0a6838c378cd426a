import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../server/db/kysely/store.ts';
import { databasePath, openDatabase } from '../../../server/db/open.ts';
import { createInvitesRepo } from '../../../server/invites/repo.ts';
import { createInvitesStoreRepo, type InvitesStoreRepo } from '../../../server/invites/store-repo.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  postgresSuite,
  usePostgresServer,
  type ScratchDatabase,
} from '../../helpers/postgres.ts';

/** The synchronous repository behind the asynchronous twin's signature, so one set of cases runs on all three. */
function asAsync(db: Database): InvitesStoreRepo {
  const repo = createInvitesRepo(db);
  return {
    insert: async (...args) => repo.insert(...args),
    byId: async (id) => repo.byId(id),
    byHash: async (hash) => repo.byHash(hash),
    forTeam: async (teamId) => repo.forTeam(teamId),
    markUsed: async (...args) => repo.markUsed(...args),
    revoke: async (...args) => repo.revoke(...args),
  };
}

const EXPIRES = '2026-12-09T10:15:30.125Z';
const NOW = '2026-12-02T08:00:00.500Z';

function inviteCases(open: () => Promise<{ store: Store; repo: InvitesStoreRepo; done: () => Promise<void> }>) {
  let store: Store;
  let repo: InvitesStoreRepo;
  let done: () => Promise<void>;
  let lead: number;
  let member: number;
  let team: number;
  let otherTeam: number;

  beforeAll(async () => {
    ({ store, repo, done } = await open());
    const user = async (email: string) =>
      (
        await store.db
          .insertInto('users')
          .values({ email, name: email, password_hash: 'x' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const newTeam = async (slug: string) =>
      (await store.db.insertInto('teams').values({ name: slug, slug }).returning('id').executeTakeFirstOrThrow()).id;
    lead = await user('lead@example.dk');
    member = await user('member@example.dk');
    team = await newTeam('kundeservice');
    otherTeam = await newTeam('salg');
  });
  afterAll(async () => done?.());

  it('stores an invite and reads it back by id and by hash, exactly as given', async () => {
    const id = await repo.insert('hash-1', team, 'facilitator', 'Anna@Example.dk', lead, EXPIRES);
    const expected = {
      id,
      team_id: team,
      role: 'facilitator',
      email: 'Anna@Example.dk',
      expires_at: EXPIRES,
      used_at: null,
      revoked_at: null,
    };
    expect(await repo.byId(id)).toEqual(expected);
    expect(await repo.byHash('hash-1')).toEqual(expected);
    expect(await repo.byHash('no-such-hash')).toBeUndefined();
    expect(await repo.byId(id + 1000)).toBeUndefined();
  });

  it("lists a team's invites newest first and no other team's", async () => {
    const first = await repo.insert('hash-2', team, 'member', null, lead, EXPIRES);
    const second = await repo.insert('hash-3', team, 'lead', null, lead, EXPIRES);
    await repo.insert('hash-4', otherTeam, 'member', null, lead, EXPIRES);
    const ids = (await repo.forTeam(team)).map((row) => row.id);
    expect(ids.slice(0, 2)).toEqual([second, first]);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect((await repo.forTeam(otherTeam)).map((row) => row.team_id)).toEqual([otherTeam]);
  });

  it('is used once: of two people using it at the same moment exactly one gets it', async () => {
    const id = await repo.insert('hash-5', team, 'member', null, lead, EXPIRES);
    const results = await Promise.all([repo.markUsed(id, member, NOW), repo.markUsed(id, lead, NOW)]);
    expect(results.sort()).toEqual([0, 1]);
    expect(await repo.byId(id)).toMatchObject({ used_at: NOW });
    expect(await repo.markUsed(id, member, NOW)).toBe(0);
    // A used invite cannot be revoked any more.
    expect(await repo.revoke(id, team, NOW)).toBe(0);
  });

  it('is revoked once, and only through its own team', async () => {
    const id = await repo.insert('hash-6', team, 'member', null, lead, EXPIRES);
    expect(await repo.revoke(id, otherTeam, NOW)).toBe(0);
    expect(await repo.revoke(id, team, NOW)).toBe(1);
    expect(await repo.revoke(id, team, NOW)).toBe(0);
    expect(await repo.byId(id)).toMatchObject({ revoked_at: NOW, used_at: null });
  });

  it('refuses an invite that names no existing team', async () => {
    await expect(repo.insert('hash-7', otherTeam + 1000, 'member', null, lead, EXPIRES)).rejects.toThrow();
  });
}

function sqliteFile() {
  const dir = mkdtempSync(join(tmpdir(), 'kadence-invites-'));
  const db = openDatabase(databasePath(dir));
  const remove = async () => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, db, remove };
}

describe('invites repository: the synchronous one (SQLite)', () => {
  inviteCases(async () => {
    const { dir, db, remove } = sqliteFile();
    const store = await openStore({ dataDir: dir, sqlite: db });
    return { store, repo: asAsync(db), done: remove };
  });
});

describe('invites repository: the Kysely twin on SQLite', () => {
  inviteCases(async () => {
    const { dir, db, remove } = sqliteFile();
    const store = await openStore({ dataDir: dir, sqlite: db });
    return { store, repo: createInvitesStoreRepo(store.db), done: remove };
  });
});

describe.skipIf(!postgresAvailable)(postgresSuite('invites repository: the Kysely twin'), () => {
  const serverUrl = usePostgresServer();
  let database: ScratchDatabase;
  inviteCases(async () => {
    database = await createScratchDatabase(serverUrl());
    const store = await openStore({ databaseUrl: database.url, dataDir: 'unused' });
    return {
      store,
      repo: createInvitesStoreRepo(store.db),
      done: async () => {
        await store.close();
        await database.drop();
      },
    };
  });
});
