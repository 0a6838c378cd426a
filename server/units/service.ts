import { ErrorCode } from '../../shared/errors.ts';
import type { User } from '../../shared/schemas/auth.ts';
import type { CreateUnitBody, Unit, UpdateUnitBody } from '../../shared/schemas/units.ts';
import type { Store } from '../db/kysely/store.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import type { TeamRow, TeamsRepo } from '../teams/repo.ts';
import type { UsersRepo } from '../users/repo.ts';
import { createUnitsRepo, type UnitRow, type UnitsRepo } from './repo.ts';

/**
 * The organisation: units in a tree, teams placed in at most one unit, and unit leads.
 *
 * Rules (the admin's; the routes and the command line share them):
 * - names are 1-80 characters and unique, so `--parent NAME` names one unit;
 * - a parent must exist (UNIT_PARENT_NOT_FOUND) and a unit never sits below itself (UNIT_CYCLE);
 * - moving a unit takes its whole subtree, teams and leads along;
 * - deleting a unit with units below it is refused (UNIT_HAS_CHILDREN); deleting a leaf releases
 *   its teams (they keep working, just outside the tree) and its leads' rights;
 * - placing a team that sits in another unit moves it: a team is in one unit at most.
 *
 * Reading: a unit lead reads the unit and everything below it; a workspace admin reads all.
 * Nobody else sees a unit at all (404, so unit names do not leak).
 */
export function createUnitsService(deps: { store: Store; units: UnitsRepo; teams: TeamsRepo; users: UsersRepo }) {
  const { store, units, teams, users } = deps;

  const requireAdmin = (user: User) => {
    if (!user.isAdmin) throw forbidden('Only a workspace admin changes the organisation');
  };

  async function unitOrThrow(id: number, repo: UnitsRepo = units): Promise<UnitRow> {
    const row = await repo.byId(id);
    if (!row) throw notFound('Unit');
    return row;
  }

  async function cleanName(repo: UnitsRepo, name: string, exceptId?: number): Promise<string> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 80) throw invalid('a unit name of 1 to 80 characters is required');
    const same = await repo.byName(trimmed);
    if (same && same.id !== exceptId) throw new AppError(ErrorCode.UNIT_NAME_TAKEN, `a unit named ${trimmed} exists`);
    return trimmed;
  }

  async function requireParent(repo: UnitsRepo, parentId: number): Promise<void> {
    if (!(await repo.byId(parentId)))
      throw new AppError(ErrorCode.UNIT_PARENT_NOT_FOUND, `there is no unit ${parentId}`);
  }

  /** The units the user leads and every unit below them. */
  async function visibleIds(user: User): Promise<Set<number>> {
    const led = await units.ledBy(user.id);
    const below = await Promise.all(led.map((id) => units.descendantIds(id)));
    return new Set(below.flat());
  }

  /** Whether the user may read unit `id` as a leader: admin, or a lead of it or of a unit above it. */
  async function mayView(user: User, id: number): Promise<boolean> {
    if (user.isAdmin) return true;
    const led = new Set(await units.ledBy(user.id));
    return (await units.ancestorIds(id)).some((ancestor) => led.has(ancestor));
  }

  async function toUnits(rows: UnitRow[], user: User): Promise<Unit[]> {
    const teamRows = await units.teams();
    const leadRows = await units.leads();
    const visible = user.isAdmin ? null : await visibleIds(user);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      parentId: row.parent_id,
      createdAt: row.created_at,
      teams: teamRows.filter((team) => team.unit_id === row.id).map(({ slug, name }) => ({ slug, name })),
      leads: leadRows
        .filter((lead) => lead.unit_id === row.id)
        .map((lead) => ({ userId: lead.user_id, name: lead.name, email: lead.email })),
      mayView: visible === null || visible.has(row.id),
    }));
  }

  const one = async (id: number, user: User): Promise<Unit> =>
    (await toUnits([await unitOrThrow(id)], user))[0] as Unit;

  return {
    mayView,

    /** The gate for every unit read: 404 for anyone who is neither admin nor a lead at or above it. */
    async view(user: User, id: number): Promise<UnitRow> {
      const row = await units.byId(id);
      if (!row || !(await mayView(user, id))) throw notFound('Unit');
      return row;
    },

    /**
     * The one path by which a leader reads a team that is not theirs: the team must sit in the unit
     * or below it, and the unit must be one the user may view. It grants no team role; the team's
     * own routes and the live meeting still ask for membership.
     */
    async teamAsLeader(user: User, unitId: number, slug: string): Promise<TeamRow> {
      const unit = await units.byId(unitId);
      const team = await teams.bySlug(slug);
      if (!unit || !(await mayView(user, unitId))) throw notFound('Unit');
      const placed = team ? await units.unitOfTeam(team.id) : null;
      if (!team || placed === null || !(await units.descendantIds(unitId)).includes(placed)) throw notFound('Team');
      return team;
    },

    /** The teams in a unit and below it, each with the unit that holds it directly, by name. */
    async teamsBelow(unitId: number): Promise<{ team: TeamRow; unitName: string }[]> {
      return (await units.teamsBelow(unitId)).map(({ unit_name, ...team }) => ({ team, unitName: unit_name }));
    },

    /** From the top of the tree down to the unit's parent. */
    async pathTo(unitId: number): Promise<{ id: number; name: string }[]> {
      const above = (await units.ancestorIds(unitId)).slice(1).reverse();
      const rows = await Promise.all(above.map((id) => unitOrThrow(id)));
      return rows.map((row) => ({ id: row.id, name: row.name }));
    },

    /** Admins see the whole tree; a unit lead sees the units they lead and those below them. */
    async list(user: User): Promise<Unit[]> {
      const rows = await units.all();
      if (user.isAdmin) return toUnits(rows, user);
      const visible = await visibleIds(user);
      return toUnits(
        rows.filter((row) => visible.has(row.id)),
        user,
      );
    },

    /** The units the user leads, for the home page's links. */
    async led(user: User): Promise<{ id: number; name: string }[]> {
      const rows = await Promise.all((await units.ledBy(user.id)).map((id) => unitOrThrow(id)));
      return rows.map((row) => ({ id: row.id, name: row.name })).sort((a, b) => a.name.localeCompare(b.name));
    },

    /** A unit by id or by name, for the command line. */
    async resolve(ref: string): Promise<UnitRow> {
      const row = /^\d+$/.test(ref) ? await units.byId(Number(ref)) : await units.byName(ref.trim());
      if (!row) throw notFound(`Unit ${ref}`);
      return row;
    },

    async create(user: User, body: CreateUnitBody): Promise<Unit> {
      requireAdmin(user);
      const id = await store.transaction(async (trx) => {
        const inTrx = createUnitsRepo(trx);
        const name = await cleanName(inTrx, body.name);
        const parentId = body.parentId ?? null;
        if (parentId !== null) await requireParent(inTrx, parentId);
        return inTrx.insert(name, parentId);
      });
      return one(id, user);
    },

    async update(user: User, id: number, body: UpdateUnitBody): Promise<Unit> {
      requireAdmin(user);
      await store.transaction(async (trx) => {
        const inTrx = createUnitsRepo(trx);
        const row = await unitOrThrow(id, inTrx);
        const name = body.name === undefined ? row.name : await cleanName(inTrx, body.name, id);
        const parentId = body.parentId === undefined ? row.parent_id : body.parentId;
        if (parentId !== null) {
          await requireParent(inTrx, parentId);
          // The new parent must not be the unit itself or anything below it.
          if ((await inTrx.ancestorIds(parentId)).includes(id))
            throw new AppError(ErrorCode.UNIT_CYCLE, `${row.name} cannot sit below itself`);
        }
        await inTrx.update(id, name, parentId);
      });
      return one(id, user);
    },

    async remove(user: User, id: number): Promise<void> {
      requireAdmin(user);
      await store.transaction(async (trx) => {
        const inTrx = createUnitsRepo(trx);
        const row = await unitOrThrow(id, inTrx);
        if ((await inTrx.childCount(id)) > 0)
          throw new AppError(ErrorCode.UNIT_HAS_CHILDREN, `${row.name} has units below it; move or delete them first`);
        await inTrx.remove(id);
      });
    },

    async addTeam(user: User, id: number, slug: string): Promise<Unit> {
      requireAdmin(user);
      const unit = await unitOrThrow(id);
      const team = await teams.bySlug(slug);
      if (!team) throw notFound(`Team ${slug}`);
      await units.placeTeam(team.id, unit.id);
      return one(id, user);
    },

    async removeTeam(user: User, id: number, slug: string): Promise<Unit> {
      requireAdmin(user);
      await unitOrThrow(id);
      const team = await teams.bySlug(slug);
      if (!team || (await units.releaseTeam(team.id, id)) === 0) throw notFound(`Team ${slug} in this unit`);
      return one(id, user);
    },

    async addLead(user: User, id: number, email: string): Promise<Unit> {
      requireAdmin(user);
      await unitOrThrow(id);
      const lead = await users.byEmail(email.trim());
      if (!lead) throw notFound(`User ${email}`);
      await units.addLead(id, lead.id);
      return one(id, user);
    },

    async removeLead(user: User, id: number, userId: number): Promise<Unit> {
      requireAdmin(user);
      await unitOrThrow(id);
      if ((await units.removeLead(id, userId)) === 0) throw notFound('Lead');
      return one(id, user);
    },
  };
}
export type UnitsService = ReturnType<typeof createUnitsService>;
