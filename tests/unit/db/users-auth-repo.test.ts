import { afterAll, beforeAll, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { createLoginAttemptsRepo, createLoginLimit } from '../../../server/auth/login-limit.ts';
import { createSessionsRepo } from '../../../server/auth/repo.ts';
import type { Store } from '../../../server/db/kysely/store.ts';
import { createUsersRepo } from '../../../server/users/repo.ts';
import { onBothStores } from '../../helpers/both-stores.ts';

const NOW = '2026-12-02T08:00:00.500Z';
const LATER = '2026-12-16T08:00:00.500Z';

onBothStores('users, sessions and sign-in attempts repositories', (open) => {
  let store: Store;
  let done: () => Promise<void>;

  beforeAll(async () => {
    ({ store, done } = await open());
  });
  afterAll(async () => done?.());

  it('stores a user and reads it back by id and by e-mail, exactly as given', async () => {
    const users = createUsersRepo(store.db);
    const before = await users.count();
    const id = await users.insert('Anna@Example.dk', 'Anna Æbelø', 'scrypt$hash', false);
    const admin = await users.insert('admin@example.dk', 'Admin', 'scrypt$other', true);
    const expected = { id, email: 'Anna@Example.dk', name: 'Anna Æbelø', password_hash: 'scrypt$hash', is_admin: 0 };
    expect(await users.byId(id)).toEqual(expected);
    expect(await users.byEmail('Anna@Example.dk')).toEqual(expected);
    expect(await users.byId(admin)).toMatchObject({ is_admin: 1 });
    expect(await users.byId(admin + 1000)).toBeUndefined();
    expect(await users.byEmail('nobody@example.dk')).toBeUndefined();
    expect(await users.count()).toBe(before + 2);
  });

  it('finds an e-mail whatever its case, and refuses a second account for it', async () => {
    const users = createUsersRepo(store.db);
    const id = await users.insert('Bo@Example.dk', 'Bo', 'x', false);
    expect((await users.byEmail('bo@example.dk'))?.id).toBe(id);
    await expect(users.insert('BO@EXAMPLE.DK', 'Bo again', 'x', false)).rejects.toThrow();
  });

  it('changes one user’s password and no other’s', async () => {
    const users = createUsersRepo(store.db);
    const one = await users.insert('one@example.dk', 'One', 'old', false);
    const two = await users.insert('two@example.dk', 'Two', 'old', false);
    await users.updatePassword(one, 'new');
    expect((await users.byId(one))?.password_hash).toBe('new');
    expect((await users.byId(two))?.password_hash).toBe('old');
  });

  it('keeps sessions by token hash, removes one, the others of a user, and the expired', async () => {
    const users = createUsersRepo(store.db);
    const sessions = createSessionsRepo(store.db);
    const carl = await users.insert('carl@example.dk', 'Carl', 'x', false);
    const dora = await users.insert('dora@example.dk', 'Dora', 'x', false);
    await sessions.insert('carl-laptop', carl, LATER);
    await sessions.insert('carl-phone', carl, LATER);
    await sessions.insert('carl-old', carl, NOW);
    await sessions.insert('dora-laptop', dora, LATER);
    expect(await sessions.find('carl-laptop')).toEqual({ user_id: carl, expires_at: LATER });
    expect(await sessions.find('no-such-hash')).toBeUndefined();
    await expect(sessions.insert('carl-laptop', dora, LATER)).rejects.toThrow();

    await sessions.purgeExpired('2026-12-03T00:00:00.000Z');
    expect(await sessions.find('carl-old')).toBeUndefined();
    expect(await sessions.find('carl-phone')).toBeDefined();

    await sessions.removeOthers(carl, 'carl-laptop');
    expect(await sessions.find('carl-phone')).toBeUndefined();
    expect(await sessions.find('carl-laptop')).toBeDefined();
    expect(await sessions.find('dora-laptop')).toBeDefined();

    await sessions.remove('carl-laptop');
    expect(await sessions.find('carl-laptop')).toBeUndefined();
    expect(await sessions.find('dora-laptop')).toBeDefined();
  });

  it('counts sign-in attempts per address within the window and purges the older ones', async () => {
    const attempts = createLoginAttemptsRepo(store.db);
    const first = await attempts.insert('eve@example.dk', '2026-12-02T08:00:00.000Z');
    const second = await attempts.insert('eve@example.dk', '2026-12-02T08:00:30.000Z');
    await attempts.insert('frank@example.dk', '2026-12-02T08:00:30.000Z');
    expect(second).toBeGreaterThan(first);
    expect(await attempts.countSince('eve@example.dk', '2026-12-02T07:59:59.999Z')).toBe(2);
    // The window is open at its start: an attempt exactly at `since` no longer counts.
    expect(await attempts.countSince('eve@example.dk', '2026-12-02T08:00:00.000Z')).toBe(1);
    await attempts.remove(second);
    expect(await attempts.countSince('eve@example.dk', '2026-12-02T07:59:59.999Z')).toBe(1);
    await attempts.purge('2026-12-02T08:00:00.000Z');
    expect(await attempts.countSince('eve@example.dk', '2026-01-01T00:00:00.000Z')).toBe(0);
    expect(await attempts.countSince('frank@example.dk', '2026-01-01T00:00:00.000Z')).toBe(1);
  });

  it('refuses the attempt past the limit per minute, counts parallel ones, and forgets a successful one', async () => {
    const limit = createLoginLimit(store, 3);
    const at = new Date('2026-12-02T09:00:00.000Z');
    const seconds = (s: number) => new Date(at.getTime() + s * 1000);
    // Typed differently, the same account.
    const ids = await Promise.all([
      limit.begin('Gus@Example.dk', at),
      limit.begin(' gus@example.dk', seconds(1)),
      limit.begin('GUS@example.dk ', seconds(2)),
    ]);
    expect(new Set(ids).size).toBe(3);
    await expect(limit.begin('gus@example.dk', seconds(3))).rejects.toMatchObject({ code: ErrorCode.RATE_LIMITED });
    // Another account is not held back by it.
    await limit.succeeded(await limit.begin('hanne@example.dk', seconds(3)));
    // A successful sign-in is taken back, so it makes room for one more.
    await limit.succeeded(ids[2] ?? 0);
    const next = await limit.begin('gus@example.dk', seconds(4));
    await expect(limit.begin('gus@example.dk', seconds(5))).rejects.toMatchObject({ code: ErrorCode.RATE_LIMITED });
    // A minute after the first attempt, that one no longer counts.
    expect(await limit.begin('gus@example.dk', seconds(60))).toBeGreaterThan(next);
  });

  it('lets only one of many parallel attempts past the last free place', async () => {
    const limit = createLoginLimit(store, 2);
    const at = new Date('2026-12-02T10:00:00.000Z');
    await limit.begin('ida@example.dk', at);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => limit.begin('ida@example.dk', new Date(at.getTime() + 100 + i))),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });
});
