import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../server/db/kysely/store.ts';
import { createTeamsRepo, type TeamsRepo } from '../../../server/teams/repo.ts';
import { createUnitsRepo, type UnitsRepo } from '../../../server/units/repo.ts';
import { onBothStores, type OpenedStore } from '../../helpers/both-stores.ts';

onBothStores('the teams and units repositories', (open: () => Promise<OpenedStore>) => {
  let opened: OpenedStore;
  let store: Store;
  let teams: TeamsRepo;
  let units: UnitsRepo;
  const people: Record<'ada' | 'bo' | 'cy', number> = { ada: 0, bo: 0, cy: 0 };
  // Names that sort alike in every collation (one case, no accents).
  const ids = { alpha: 0, beta: 0, gamma: 0 };
  const tree = { top: 0, mid: 0, low: 0, side: 0 };

  beforeAll(async () => {
    opened = await open();
    store = opened.store;
    teams = createTeamsRepo(store.db);
    units = createUnitsRepo(store.db);
    for (const [key, name] of [
      ['ada', 'ada'],
      ['bo', 'bo'],
      ['cy', 'cy'],
    ] as const) {
      const row = await store.db
        .insertInto('users')
        .values({ email: `${name}@example.dk`, name, password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow();
      people[key] = row.id;
    }
  }, 120_000);
  afterAll(() => opened.done());

  it('inserts teams with their ids and reads them by slug, by id and all by name', async () => {
    ids.beta = await teams.insert('beta', 'beta', 'Europe/Copenhagen', 'da');
    ids.alpha = await teams.insert('alpha', 'alpha', 'UTC', 'en');
    ids.gamma = await teams.insert('gamma', 'gamma', 'Europe/London', 'da');
    expect(ids.alpha).toBeGreaterThan(ids.beta);
    const alpha = await teams.bySlug('alpha');
    expect(alpha).toEqual({
      id: ids.alpha,
      name: 'alpha',
      slug: 'alpha',
      timezone: 'UTC',
      language: 'en',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(await teams.byId(ids.alpha)).toEqual(alpha);
    expect(await teams.bySlug('nope')).toBeUndefined();
    expect(await teams.byId(999_999)).toBeUndefined();
    expect((await teams.all()).map((row) => row.slug)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('updates a team’s name, zone and language, counting the rows it changed', async () => {
    expect(await teams.update(ids.gamma, 'gamma', 'Europe/Oslo', 'en')).toBe(1);
    expect(await teams.byId(ids.gamma)).toMatchObject({ timezone: 'Europe/Oslo', language: 'en' });
    expect(await teams.update(999_999, 'x', 'UTC', 'da')).toBe(0);
  });

  it('adds members, changes a role on a second upsert, and lists members and a person’s teams', async () => {
    await teams.upsertMember(ids.alpha, people.bo, 'member');
    await teams.upsertMember(ids.alpha, people.ada, 'lead');
    await teams.upsertMember(ids.beta, people.ada, 'facilitator');
    expect(await teams.role(ids.alpha, people.bo)).toBe('member');
    await teams.upsertMember(ids.alpha, people.bo, 'facilitator');
    expect(await teams.role(ids.alpha, people.bo)).toBe('facilitator');
    expect(await teams.role(ids.gamma, people.bo)).toBeUndefined();
    expect(await teams.members(ids.alpha)).toEqual([
      { user_id: people.ada, name: 'ada', email: 'ada@example.dk', role: 'lead' },
      { user_id: people.bo, name: 'bo', email: 'bo@example.dk', role: 'facilitator' },
    ]);
    const mine = await teams.forUser(people.ada);
    expect(mine.map((row) => [row.slug, row.role])).toEqual([
      ['alpha', 'lead'],
      ['beta', 'facilitator'],
    ]);
    expect(mine[0]).toMatchObject({ id: ids.alpha, timezone: 'UTC', language: 'en' });
    expect(await teams.forUser(people.cy)).toEqual([]);
  });

  it('counts leads as a number and removes a member once', async () => {
    expect(await teams.leadCount(ids.alpha)).toBe(1);
    await teams.upsertMember(ids.alpha, people.cy, 'lead');
    expect(await teams.leadCount(ids.alpha)).toBe(2);
    expect(await teams.leadCount(ids.gamma)).toBe(0);
    expect(await teams.removeMember(ids.alpha, people.cy)).toBe(1);
    expect(await teams.removeMember(ids.alpha, people.cy)).toBe(0);
    expect(await teams.leadCount(ids.alpha)).toBe(1);
  });

  it('builds a tree of units and reads them by id, by name and all by name', async () => {
    tree.top = await units.insert('top', null);
    tree.mid = await units.insert('mid', tree.top);
    tree.low = await units.insert('low', tree.mid);
    tree.side = await units.insert('side', tree.top);
    expect(await units.byId(tree.mid)).toEqual({
      id: tree.mid,
      name: 'mid',
      parent_id: tree.top,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(await units.byName('low')).toMatchObject({ id: tree.low, parent_id: tree.mid });
    expect(await units.byName('none')).toBeUndefined();
    expect(await units.byId(999_999)).toBeUndefined();
    expect((await units.all()).map((row) => row.name)).toEqual(['low', 'mid', 'side', 'top']);
    expect(await units.childCount(tree.top)).toBe(2);
    expect(await units.childCount(tree.low)).toBe(0);
  });

  it('walks up the tree nearest first and down through every level (WITH RECURSIVE)', async () => {
    expect(await units.ancestorIds(tree.low)).toEqual([tree.low, tree.mid, tree.top]);
    expect(await units.ancestorIds(tree.top)).toEqual([tree.top]);
    expect(await units.ancestorIds(999_999)).toEqual([]);
    expect((await units.descendantIds(tree.top)).sort((a, b) => a - b)).toEqual(
      [tree.top, tree.mid, tree.low, tree.side].sort((a, b) => a - b),
    );
    expect(await units.descendantIds(tree.low)).toEqual([tree.low]);
  });

  it('places a team in one unit at most, moving it on a second placement, and releases it', async () => {
    await units.placeTeam(ids.alpha, tree.low);
    await units.placeTeam(ids.beta, tree.side);
    expect(await units.unitOfTeam(ids.alpha)).toBe(tree.low);
    await units.placeTeam(ids.alpha, tree.mid);
    expect(await units.unitOfTeam(ids.alpha)).toBe(tree.mid);
    expect(await units.unitOfTeam(ids.gamma)).toBeNull();
    expect(await units.teams()).toEqual([
      { unit_id: tree.mid, team_id: ids.alpha, slug: 'alpha', name: 'alpha' },
      { unit_id: tree.side, team_id: ids.beta, slug: 'beta', name: 'beta' },
    ]);
    expect(await units.releaseTeam(ids.beta, tree.mid)).toBe(0);
    expect(await units.releaseTeam(ids.beta, tree.side)).toBe(1);
    expect(await units.unitOfTeam(ids.beta)).toBeNull();
  });

  it('adds a lead once, lists leads and the units a person leads, and removes a lead', async () => {
    expect(await units.addLead(tree.top, people.cy)).toBe(1);
    expect(await units.addLead(tree.top, people.cy)).toBe(0);
    expect(await units.addLead(tree.side, people.cy)).toBe(1);
    expect(await units.addLead(tree.mid, people.bo)).toBe(1);
    // By name; one person's units in no set order.
    const leads = await units.leads();
    expect(leads.map((row) => row.name)).toEqual(['bo', 'cy', 'cy']);
    expect(leads.slice().sort((a, b) => a.name.localeCompare(b.name) || a.unit_id - b.unit_id)).toEqual(
      [
        { unit_id: tree.mid, user_id: people.bo, name: 'bo', email: 'bo@example.dk' },
        { unit_id: tree.top, user_id: people.cy, name: 'cy', email: 'cy@example.dk' },
        { unit_id: tree.side, user_id: people.cy, name: 'cy', email: 'cy@example.dk' },
      ].sort((a, b) => a.name.localeCompare(b.name) || a.unit_id - b.unit_id),
    );
    expect((await units.ledBy(people.cy)).sort((a, b) => a - b)).toEqual([tree.top, tree.side].sort((a, b) => a - b));
    expect(await units.ledBy(people.ada)).toEqual([]);
    expect(await units.removeLead(tree.side, people.cy)).toBe(1);
    expect(await units.removeLead(tree.side, people.cy)).toBe(0);
  });

  it('tells whether someone leads the team’s unit or one above it (WITH RECURSIVE from the team)', async () => {
    // alpha sits in mid; bo leads mid, cy leads top above it; ada leads nothing.
    expect(await teams.ledFromAbove(ids.alpha, people.bo)).toBe(true);
    expect(await teams.ledFromAbove(ids.alpha, people.cy)).toBe(true);
    expect(await teams.ledFromAbove(ids.alpha, people.ada)).toBe(false);
    // gamma is in no unit.
    expect(await teams.ledFromAbove(ids.gamma, people.cy)).toBe(false);
  });

  it('renames and moves a unit, removes a leaf, and runs inside a transaction through its executor', async () => {
    expect(await units.update(tree.side, 'side2', tree.mid)).toBe(1);
    expect(await units.ancestorIds(tree.side)).toEqual([tree.side, tree.mid, tree.top]);
    await expect(
      store.transaction(async (trx) => {
        const inTrx = createUnitsRepo(trx);
        expect(await inTrx.remove(tree.side)).toBe(1);
        expect(await inTrx.byId(tree.side)).toBeUndefined();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await units.byId(tree.side)).toMatchObject({ name: 'side2' });
    expect(await units.remove(tree.side)).toBe(1);
    expect(await units.remove(tree.side)).toBe(0);
  });
});
