import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../server/db/kysely/store.ts';
import { createInvitesRepo, type InvitesRepo } from '../../../server/invites/repo.ts';
import { onBothStores } from '../../helpers/both-stores.ts';

const EXPIRES = '2026-12-09T10:15:30.125Z';
const NOW = '2026-12-02T08:00:00.500Z';

onBothStores('invites repository', (open) => {
  let store: Store;
  let repo: InvitesRepo;
  let done: () => Promise<void>;
  let lead: number;
  let member: number;
  let team: number;
  let otherTeam: number;

  beforeAll(async () => {
    ({ store, done } = await open());
    repo = createInvitesRepo(store.db);
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

  it("takes a team's invite e-mails up to the limit within the window, then again once they are older", async () => {
    const id = await repo.insert('hash-8', team, 'member', null, lead, EXPIRES);
    const other = await repo.insert('hash-9', otherTeam, 'member', null, lead, EXPIRES);
    const now = new Date(NOW);
    const later = (ms: number) => new Date(now.getTime() + ms);
    const take = (teamId: number, inviteId: number, at: Date) =>
      store.transaction((trx) => createInvitesRepo(trx).takeMail(teamId, inviteId, at, 3_600_000, 2));
    expect(await take(team, id, now)).toBe(true);
    expect(await take(team, id, later(1_000))).toBe(true);
    expect(await take(team, id, later(2_000))).toBe(false);
    // Another team's count is its own.
    expect(await take(otherTeam, other, later(2_000))).toBe(true);
    // The window moves: an hour after the first mail, that one no longer counts (and is purged).
    expect(await take(team, id, later(3_600_000))).toBe(true);
    expect(await take(team, id, later(3_600_500))).toBe(false);
    const kept = await store.db
      .selectFrom('invite_emails')
      .select('sent_at')
      .where('team_id', '=', team)
      .orderBy('sent_at')
      .execute();
    expect(kept.map((row) => row.sent_at)).toEqual([later(1_000).toISOString(), later(3_600_000).toISOString()]);
  });
});
