import type { Database } from 'better-sqlite3';
import { ErrorCode } from '../../shared/errors.ts';
import type { User } from '../../shared/schemas/auth.ts';
import type { CreateUnitBody, Unit, UpdateUnitBody } from '../../shared/schemas/units.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import type { TeamRow, TeamsRepo } from '../teams/repo.ts';
import type { UsersRepo } from '../users/repo.ts';
import type { UnitRow, UnitsRepo } from './repo.ts';

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
export function createUnitsService(deps: { db: Database; units: UnitsRepo; teams: TeamsRepo; users: UsersRepo }) {
  const { db, units, teams, users } = deps;

  const requireAdmin = (user: User) => {
    if (!user.isAdmin) throw forbidden('Only a workspace admin changes the organisation');
  };

  function unitOrThrow(id: number): UnitRow {
    const row = units.byId(id);
    if (!row) throw notFound('Unit');
    return row;
  }

  function cleanName(name: string, exceptId?: number): string {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 80) throw invalid('a unit name of 1 to 80 characters is required');
    const same = units.byName(trimmed);
    if (same && same.id !== exceptId) throw new AppError(ErrorCode.UNIT_NAME_TAKEN, `a unit named ${trimmed} exists`);
    return trimmed;
  }

  function requireParent(parentId: number): void {
    if (!units.byId(parentId)) throw new AppError(ErrorCode.UNIT_PARENT_NOT_FOUND, `there is no unit ${parentId}`);
  }

  /** The units the user leads and every unit below them. */
  function visibleIds(user: User): Set<number> {
    return new Set(units.ledBy(user.id).flatMap((id) => units.descendantIds(id)));
  }

  /** Whether the user may read unit `id` as a leader: admin, or a lead of it or of a unit above it. */
  function mayView(user: User, id: number): boolean {
    if (user.isAdmin) return true;
    const led = new Set(units.ledBy(user.id));
    return units.ancestorIds(id).some((ancestor) => led.has(ancestor));
  }

  function toUnits(rows: UnitRow[], user: User): Unit[] {
    const teamRows = units.teams();
    const leadRows = units.leads();
    const visible = user.isAdmin ? null : visibleIds(user);
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

  const one = (id: number, user: User): Unit => toUnits([unitOrThrow(id)], user)[0] as Unit;

  return {
    mayView,

    /** The gate for every unit read: 404 for anyone who is neither admin nor a lead at or above it. */
    view(user: User, id: number): UnitRow {
      const row = units.byId(id);
      if (!row || !mayView(user, id)) throw notFound('Unit');
      return row;
    },

    /**
     * The one path by which a leader reads a team that is not theirs: the team must sit in the unit
     * or below it, and the unit must be one the user may view. It grants no team role; the team's
     * own routes and the live meeting still ask for membership.
     */
    teamAsLeader(user: User, unitId: number, slug: string): TeamRow {
      const unit = units.byId(unitId);
      const team = teams.bySlug(slug);
      if (!unit || !mayView(user, unitId)) throw notFound('Unit');
      const placed = team ? units.unitOfTeam(team.id) : null;
      if (!team || placed === null || !units.descendantIds(unitId).includes(placed)) throw notFound('Team');
      return team;
    },

    /** The teams in a unit and below it, each with the unit that holds it directly. */
    teamsBelow(unitId: number): { team: TeamRow; unitName: string }[] {
      const below = new Set(units.descendantIds(unitId));
      const names = new Map(units.all().map((row) => [row.id, row.name]));
      return units
        .teams()
        .filter((row) => below.has(row.unit_id))
        .flatMap((row) => {
          const team = teams.byId(row.team_id);
          return team ? [{ team, unitName: names.get(row.unit_id) ?? '' }] : [];
        });
    },

    /** From the top of the tree down to the unit's parent. */
    pathTo(unitId: number): { id: number; name: string }[] {
      return units
        .ancestorIds(unitId)
        .slice(1)
        .reverse()
        .map((id) => unitOrThrow(id))
        .map((row) => ({ id: row.id, name: row.name }));
    },

    /** Admins see the whole tree; a unit lead sees the units they lead and those below them. */
    list(user: User): Unit[] {
      const rows = units.all();
      if (user.isAdmin) return toUnits(rows, user);
      const visible = visibleIds(user);
      return toUnits(
        rows.filter((row) => visible.has(row.id)),
        user,
      );
    },

    /** The units the user leads, for the home page's links. */
    led(user: User): { id: number; name: string }[] {
      return units
        .ledBy(user.id)
        .map((id) => unitOrThrow(id))
        .map((row) => ({ id: row.id, name: row.name }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    /** A unit by id or by name, for the command line. */
    resolve(ref: string): UnitRow {
      const row = /^\d+$/.test(ref) ? units.byId(Number(ref)) : units.byName(ref.trim());
      if (!row) throw notFound(`Unit ${ref}`);
      return row;
    },

    create(user: User, body: CreateUnitBody): Unit {
      requireAdmin(user);
      const id = db.transaction(() => {
        const name = cleanName(body.name);
        const parentId = body.parentId ?? null;
        if (parentId !== null) requireParent(parentId);
        return units.insert(name, parentId);
      })();
      return one(id, user);
    },

    update(user: User, id: number, body: UpdateUnitBody): Unit {
      requireAdmin(user);
      db.transaction(() => {
        const row = unitOrThrow(id);
        const name = body.name === undefined ? row.name : cleanName(body.name, id);
        const parentId = body.parentId === undefined ? row.parent_id : body.parentId;
        if (parentId !== null) {
          requireParent(parentId);
          // The new parent must not be the unit itself or anything below it.
          if (units.ancestorIds(parentId).includes(id))
            throw new AppError(ErrorCode.UNIT_CYCLE, `${row.name} cannot sit below itself`);
        }
        units.update(id, name, parentId);
      })();
      return one(id, user);
    },

    remove(user: User, id: number): void {
      requireAdmin(user);
      db.transaction(() => {
        const row = unitOrThrow(id);
        if (units.childCount(id) > 0)
          throw new AppError(ErrorCode.UNIT_HAS_CHILDREN, `${row.name} has units below it; move or delete them first`);
        units.remove(id);
      })();
    },

    addTeam(user: User, id: number, slug: string): Unit {
      requireAdmin(user);
      const unit = unitOrThrow(id);
      const team = teams.bySlug(slug);
      if (!team) throw notFound(`Team ${slug}`);
      units.placeTeam(team.id, unit.id);
      return one(id, user);
    },

    removeTeam(user: User, id: number, slug: string): Unit {
      requireAdmin(user);
      unitOrThrow(id);
      const team = teams.bySlug(slug);
      if (!team || units.releaseTeam(team.id, id) === 0) throw notFound(`Team ${slug} in this unit`);
      return one(id, user);
    },

    async addLead(user: User, id: number, email: string): Promise<Unit> {
      requireAdmin(user);
      unitOrThrow(id);
      const lead = await users.byEmail(email.trim());
      if (!lead) throw notFound(`User ${email}`);
      units.addLead(id, lead.id);
      return one(id, user);
    },

    removeLead(user: User, id: number, userId: number): Unit {
      requireAdmin(user);
      unitOrThrow(id);
      if (units.removeLead(id, userId) === 0) throw notFound('Lead');
      return one(id, user);
    },
  };
}
export type UnitsService = ReturnType<typeof createUnitsService>;
