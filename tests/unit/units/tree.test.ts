import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/schemas/auth.ts';
import { AppError } from '../../../server/errors.ts';
import { makeServices } from '../../helpers/services.ts';

const ADMIN: User = { id: 0, email: '', name: 'admin', isAdmin: true };

/** The error code a call throws, or null when it does not. */
async function codeOf(work: () => Promise<unknown>): Promise<string | null> {
  try {
    await work();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('the units tree', () => {
  let ctx: Awaited<ReturnType<typeof makeServices>>;
  beforeEach(async () => {
    ctx = await makeServices();
  });
  afterEach(() => ctx.db.close());
  const units = () => ctx.services.units;

  it('nests units at any depth and walks the path to the top', async () => {
    let parentId: number | null = null;
    const ids: number[] = [];
    for (const name of ['Koncern', 'Division', 'Afdeling', 'Område', 'Gruppe', 'Hold']) {
      const created = await units().create(ADMIN, { name, parentId });
      ids.push(created.id);
      parentId = created.id;
    }
    expect((await units().pathTo(ids[5] ?? 0)).map((unit) => unit.name)).toEqual([
      'Koncern',
      'Division',
      'Afdeling',
      'Område',
      'Gruppe',
    ]);
  });

  it('refuses a parent that does not exist, on create and on move', async () => {
    expect(await codeOf(async () => await units().create(ADMIN, { name: 'Løs', parentId: 999 }))).toBe(
      'UNIT_PARENT_NOT_FOUND',
    );
    const top = await units().create(ADMIN, { name: 'Top' });
    expect(await codeOf(async () => await units().update(ADMIN, top.id, { parentId: 999 }))).toBe(
      'UNIT_PARENT_NOT_FOUND',
    );
    expect((await units().list(ADMIN)).map((unit) => unit.name)).toEqual(['Top']);
  });

  it('refuses a cycle: a unit below itself or below one of its own units', async () => {
    const a = await units().create(ADMIN, { name: 'A' });
    const b = await units().create(ADMIN, { name: 'B', parentId: a.id });
    const c = await units().create(ADMIN, { name: 'C', parentId: b.id });
    expect(await codeOf(async () => await units().update(ADMIN, a.id, { parentId: a.id }))).toBe('UNIT_CYCLE');
    expect(await codeOf(async () => await units().update(ADMIN, a.id, { parentId: c.id }))).toBe('UNIT_CYCLE');
    expect(await codeOf(async () => await units().update(ADMIN, b.id, { parentId: c.id }))).toBe('UNIT_CYCLE');
    expect((await units().list(ADMIN)).find((unit) => unit.id === a.id)?.parentId).toBeNull();
    // Moving to a sibling branch or to the top is fine, and takes the subtree along.
    const d = await units().create(ADMIN, { name: 'D' });
    expect((await units().update(ADMIN, b.id, { parentId: d.id })).parentId).toBe(d.id);
    expect((await units().pathTo(c.id)).map((unit) => unit.name)).toEqual(['D', 'B']);
    expect((await units().update(ADMIN, b.id, { parentId: null })).parentId).toBeNull();
  });

  it('keeps unit names unique and non-empty', async () => {
    await units().create(ADMIN, { name: 'Salg' });
    expect(await codeOf(async () => await units().create(ADMIN, { name: ' Salg ' }))).toBe('UNIT_NAME_TAKEN');
    expect(await codeOf(async () => await units().create(ADMIN, { name: '   ' }))).toBe('VALIDATION');
    const other = await units().create(ADMIN, { name: 'Service' });
    expect(await codeOf(async () => await units().update(ADMIN, other.id, { name: 'Salg' }))).toBe('UNIT_NAME_TAKEN');
    expect((await units().update(ADMIN, other.id, { name: 'Service' })).name).toBe('Service');
  });

  it('puts a team in one unit at most: placing it elsewhere moves it', async () => {
    const a = await units().create(ADMIN, { name: 'A' });
    const b = await units().create(ADMIN, { name: 'B' });
    await units().addTeam(ADMIN, a.id, 'kundeservice');
    await units().addTeam(ADMIN, b.id, 'kundeservice');
    const all = await units().list(ADMIN);
    expect(all.find((unit) => unit.id === a.id)?.teams).toEqual([]);
    expect(all.find((unit) => unit.id === b.id)?.teams).toEqual([{ slug: 'kundeservice', name: 'Kundeservice' }]);
    expect(await codeOf(async () => await units().removeTeam(ADMIN, a.id, 'kundeservice'))).toBe('NOT_FOUND');
    expect(await codeOf(async () => await units().addTeam(ADMIN, a.id, 'no-such-team'))).toBe('NOT_FOUND');
  });

  it('refuses to delete a unit with units below it; deleting a leaf releases its teams and leads', async () => {
    const lead = await ctx.services.users.create({
      email: 'leder@example.dk',
      name: 'Leder',
      password: 'a-long-password',
    });
    const top = await units().create(ADMIN, { name: 'Top' });
    const leaf = await units().create(ADMIN, { name: 'Leaf', parentId: top.id });
    await units().addTeam(ADMIN, leaf.id, 'kundeservice');
    await units().addLead(ADMIN, leaf.id, 'leder@example.dk');
    expect(await units().mayView(lead, leaf.id)).toBe(true);
    expect(await codeOf(async () => await units().remove(ADMIN, top.id))).toBe('UNIT_HAS_CHILDREN');
    await units().remove(ADMIN, leaf.id);
    expect(await units().led(lead)).toEqual([]);
    expect((await ctx.services.teams.bySlug('kundeservice')).id).toBe(ctx.team.id);
    await units().remove(ADMIN, top.id);
    expect(await units().list(ADMIN)).toEqual([]);
  });

  it('lets only a workspace admin change the tree', async () => {
    const person = await ctx.services.users.create({ email: 'p@example.dk', name: 'P', password: 'a-long-password' });
    const top = await units().create(ADMIN, { name: 'Top' });
    await units().addLead(ADMIN, top.id, 'p@example.dk');
    expect(await codeOf(async () => await units().create(person, { name: 'Mine' }))).toBe('FORBIDDEN');
    expect(await codeOf(async () => await units().update(person, top.id, { name: 'Mine' }))).toBe('FORBIDDEN');
    expect(await codeOf(async () => await units().addTeam(person, top.id, 'kundeservice'))).toBe('FORBIDDEN');
    expect(await codeOf(async () => await units().remove(person, top.id))).toBe('FORBIDDEN');
  });

  it('lets a lead see their unit and everything below, nothing above or beside', async () => {
    const lead = await ctx.services.users.create({ email: 'l@example.dk', name: 'L', password: 'a-long-password' });
    const top = await units().create(ADMIN, { name: 'Top' });
    const mid = await units().create(ADMIN, { name: 'Mid', parentId: top.id });
    const low = await units().create(ADMIN, { name: 'Low', parentId: mid.id });
    const side = await units().create(ADMIN, { name: 'Side', parentId: top.id });
    await units().addLead(ADMIN, mid.id, 'l@example.dk');
    expect(await Promise.all([top, mid, low, side].map((unit) => units().mayView(lead, unit.id)))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect((await units().list(lead)).map((unit) => unit.name).sort()).toEqual(['Low', 'Mid']);
  });
});
