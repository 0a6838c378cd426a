import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/schemas/auth.ts';
import { AppError } from '../../../server/errors.ts';
import { makeServices } from '../../helpers/services.ts';

const ADMIN: User = { id: 0, email: '', name: 'admin', isAdmin: true };

/** The error code a call throws, or null when it does not. */
function codeOf(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('the units tree', () => {
  let ctx: ReturnType<typeof makeServices>;
  beforeEach(() => {
    ctx = makeServices();
  });
  afterEach(() => ctx.db.close());
  const units = () => ctx.services.units;

  it('nests units at any depth and walks the path to the top', () => {
    let parentId: number | null = null;
    const ids: number[] = [];
    for (const name of ['Koncern', 'Division', 'Afdeling', 'Område', 'Gruppe', 'Hold']) {
      const created = units().create(ADMIN, { name, parentId });
      ids.push(created.id);
      parentId = created.id;
    }
    expect(
      units()
        .pathTo(ids[5] ?? 0)
        .map((unit) => unit.name),
    ).toEqual(['Koncern', 'Division', 'Afdeling', 'Område', 'Gruppe']);
  });

  it('refuses a parent that does not exist, on create and on move', () => {
    expect(codeOf(() => units().create(ADMIN, { name: 'Løs', parentId: 999 }))).toBe('UNIT_PARENT_NOT_FOUND');
    const top = units().create(ADMIN, { name: 'Top' });
    expect(codeOf(() => units().update(ADMIN, top.id, { parentId: 999 }))).toBe('UNIT_PARENT_NOT_FOUND');
    expect(
      units()
        .list(ADMIN)
        .map((unit) => unit.name),
    ).toEqual(['Top']);
  });

  it('refuses a cycle: a unit below itself or below one of its own units', () => {
    const a = units().create(ADMIN, { name: 'A' });
    const b = units().create(ADMIN, { name: 'B', parentId: a.id });
    const c = units().create(ADMIN, { name: 'C', parentId: b.id });
    expect(codeOf(() => units().update(ADMIN, a.id, { parentId: a.id }))).toBe('UNIT_CYCLE');
    expect(codeOf(() => units().update(ADMIN, a.id, { parentId: c.id }))).toBe('UNIT_CYCLE');
    expect(codeOf(() => units().update(ADMIN, b.id, { parentId: c.id }))).toBe('UNIT_CYCLE');
    expect(
      units()
        .list(ADMIN)
        .find((unit) => unit.id === a.id)?.parentId,
    ).toBeNull();
    // Moving to a sibling branch or to the top is fine, and takes the subtree along.
    const d = units().create(ADMIN, { name: 'D' });
    expect(units().update(ADMIN, b.id, { parentId: d.id }).parentId).toBe(d.id);
    expect(
      units()
        .pathTo(c.id)
        .map((unit) => unit.name),
    ).toEqual(['D', 'B']);
    expect(units().update(ADMIN, b.id, { parentId: null }).parentId).toBeNull();
  });

  it('keeps unit names unique and non-empty', () => {
    units().create(ADMIN, { name: 'Salg' });
    expect(codeOf(() => units().create(ADMIN, { name: ' Salg ' }))).toBe('UNIT_NAME_TAKEN');
    expect(codeOf(() => units().create(ADMIN, { name: '   ' }))).toBe('VALIDATION');
    const other = units().create(ADMIN, { name: 'Service' });
    expect(codeOf(() => units().update(ADMIN, other.id, { name: 'Salg' }))).toBe('UNIT_NAME_TAKEN');
    expect(units().update(ADMIN, other.id, { name: 'Service' }).name).toBe('Service');
  });

  it('puts a team in one unit at most: placing it elsewhere moves it', () => {
    const a = units().create(ADMIN, { name: 'A' });
    const b = units().create(ADMIN, { name: 'B' });
    units().addTeam(ADMIN, a.id, 'kundeservice');
    units().addTeam(ADMIN, b.id, 'kundeservice');
    const all = units().list(ADMIN);
    expect(all.find((unit) => unit.id === a.id)?.teams).toEqual([]);
    expect(all.find((unit) => unit.id === b.id)?.teams).toEqual([{ slug: 'kundeservice', name: 'Kundeservice' }]);
    expect(codeOf(() => units().removeTeam(ADMIN, a.id, 'kundeservice'))).toBe('NOT_FOUND');
    expect(codeOf(() => units().addTeam(ADMIN, a.id, 'no-such-team'))).toBe('NOT_FOUND');
  });

  it('refuses to delete a unit with units below it; deleting a leaf releases its teams and leads', async () => {
    const lead = await ctx.services.users.create({
      email: 'leder@example.dk',
      name: 'Leder',
      password: 'a-long-password',
    });
    const top = units().create(ADMIN, { name: 'Top' });
    const leaf = units().create(ADMIN, { name: 'Leaf', parentId: top.id });
    units().addTeam(ADMIN, leaf.id, 'kundeservice');
    await units().addLead(ADMIN, leaf.id, 'leder@example.dk');
    expect(units().mayView(lead, leaf.id)).toBe(true);
    expect(codeOf(() => units().remove(ADMIN, top.id))).toBe('UNIT_HAS_CHILDREN');
    units().remove(ADMIN, leaf.id);
    expect(units().led(lead)).toEqual([]);
    expect(ctx.services.teams.bySlug('kundeservice').id).toBe(ctx.team.id);
    units().remove(ADMIN, top.id);
    expect(units().list(ADMIN)).toEqual([]);
  });

  it('lets only a workspace admin change the tree', async () => {
    const person = await ctx.services.users.create({ email: 'p@example.dk', name: 'P', password: 'a-long-password' });
    const top = units().create(ADMIN, { name: 'Top' });
    await units().addLead(ADMIN, top.id, 'p@example.dk');
    expect(codeOf(() => units().create(person, { name: 'Mine' }))).toBe('FORBIDDEN');
    expect(codeOf(() => units().update(person, top.id, { name: 'Mine' }))).toBe('FORBIDDEN');
    expect(codeOf(() => units().addTeam(person, top.id, 'kundeservice'))).toBe('FORBIDDEN');
    expect(codeOf(() => units().remove(person, top.id))).toBe('FORBIDDEN');
  });

  it('lets a lead see their unit and everything below, nothing above or beside', async () => {
    const lead = await ctx.services.users.create({ email: 'l@example.dk', name: 'L', password: 'a-long-password' });
    const top = units().create(ADMIN, { name: 'Top' });
    const mid = units().create(ADMIN, { name: 'Mid', parentId: top.id });
    const low = units().create(ADMIN, { name: 'Low', parentId: mid.id });
    const side = units().create(ADMIN, { name: 'Side', parentId: top.id });
    await units().addLead(ADMIN, mid.id, 'l@example.dk');
    expect([top, mid, low, side].map((unit) => units().mayView(lead, unit.id))).toEqual([false, true, true, false]);
    expect(
      units()
        .list(lead)
        .map((unit) => unit.name)
        .sort(),
    ).toEqual(['Low', 'Mid']);
  });
});
