import { ErrorCode } from '../../shared/errors.ts';
import { DEFAULT_LANGUAGE, type Language, isLanguage } from '../../shared/language.ts';
import {
  DEFAULT_TIMEZONE,
  SLUG_PATTERN,
  isTeamRole,
  isValidTimeZone,
  roleAtLeast,
  type TeamRole,
} from '../../shared/roles.ts';
import type { User } from '../../shared/schemas/auth.ts';
import type { Member, Team, TeamDetail } from '../../shared/schemas/teams.ts';
import type { Store } from '../db/kysely/store.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { createRollups } from '../feedback/rollups.ts';
import type { AccessChanges } from '../realtime/access.ts';
import type { UsersRepo } from '../users/repo.ts';
import { createTeamsRepo, type MemberRow, type TeamRow, type TeamsRepo } from './repo.ts';

export const toTeam = (row: TeamRow): Team => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  timezone: row.timezone,
  language: row.language,
  createdAt: row.created_at,
});

const toMember = (row: MemberRow): Member => ({
  userId: row.user_id,
  name: row.name,
  email: row.email,
  role: row.role,
});

export interface TeamAccess {
  team: TeamRow;
  /** The actor's own membership role; null for a workspace admin who is not a member. */
  role: TeamRole | null;
}

const SLUG = new RegExp(SLUG_PATTERN);

export function createTeamsService(deps: {
  store: Store;
  teams: TeamsRepo;
  users: UsersRepo;
  access: AccessChanges;
  defaultLanguage?: Language;
}) {
  const { store, teams, users } = deps;
  const defaultLanguage = deps.defaultLanguage ?? DEFAULT_LANGUAGE;
  /** Open sockets follow a membership change at once (after the commit). */
  const announce = (teamId: number, userId: number, role: TeamRole | null) =>
    deps.access.emit({ kind: 'membership', userId, teamId, role });

  /**
   * The one gate for team data. Non-members get 404 rather than 403 so that team names and slugs
   * do not leak; workspace admins act with a lead's rights in every team. A unit lead above the team
   * knows it already (the unit dashboard lists it) and gets 403: they read it through the unit's
   * routes, and acting in it needs a team role.
   */
  async function access(user: User, slug: string, required: TeamRole = 'member'): Promise<TeamAccess> {
    const team = await teams.bySlug(slug);
    if (!team) throw notFound('Team');
    return { team, role: await roleIn(user, team, required) };
  }

  /**
   * The gate's rule for a team already found (a live meeting's, read with the meeting): the caller's
   * role in it, or the refusal `access` gives.
   */
  async function roleIn(
    user: User,
    team: { id: number; name: string },
    required: TeamRole = 'member',
  ): Promise<TeamRole | null> {
    const role = (await teams.role(team.id, user.id)) ?? null;
    if (!role && !user.isAdmin && (await teams.ledFromAbove(team.id, user.id)))
      throw forbidden(`A unit lead reads ${team.name} from the unit's dashboard; acting in it needs a team role`);
    if (!role && !user.isAdmin) throw notFound('Team');
    if (!user.isAdmin && !roleAtLeast(role as TeamRole, required)) {
      throw forbidden(`This needs the ${required} role in team ${team.name}`);
    }
    return role;
  }

  function validateTimezone(zone: string): string {
    if (!isValidTimeZone(zone)) throw invalid(`"${zone}" is not a known IANA time zone such as Europe/Copenhagen`);
    return zone;
  }

  /** The CLI hands over whatever was typed; the API's schema already allows only da and en. */
  function validateLanguage(language: string): Language {
    if (!isLanguage(language)) throw invalid(`"${language}" is not a team language: use da or en`);
    return language;
  }

  return {
    access,
    roleIn,

    /** A new team; `leadUserId`, when given, joins it as lead in the same transaction. */
    async create(
      input: { name: string; slug: string; timezone?: string | undefined; language?: string | undefined },
      leadUserId?: number,
    ): Promise<Team> {
      const name = input.name.trim();
      if (!name || name.length > 80) throw invalid('a team name of 1 to 80 characters is required');
      if (!SLUG.test(input.slug)) {
        throw invalid(`"${input.slug}" is not a valid slug: use 1-40 lowercase letters, digits and inner hyphens`);
      }
      const timezone = validateTimezone(input.timezone ?? DEFAULT_TIMEZONE);
      const language = validateLanguage(input.language ?? defaultLanguage);
      const created = await store.transaction(async (trx) => {
        const inTrx = createTeamsRepo(trx);
        if (await inTrx.bySlug(input.slug))
          throw new AppError(ErrorCode.CONFLICT, `a team with slug ${input.slug} already exists`);
        const id = await inTrx.insert(name, input.slug, timezone, language);
        // A team's KPI rollups are counted in its zone: started with the team, in its transaction.
        await createRollups(trx).rebuild(id);
        if (leadUserId !== undefined) await inTrx.upsertMember(id, leadUserId, 'lead');
        return (await inTrx.byId(id)) as TeamRow;
      });
      return toTeam(created);
    },

    async update(
      slug: string,
      user: User,
      input: { name?: string | undefined; timezone?: string | undefined; language?: string | undefined },
    ): Promise<Team> {
      const { team } = await access(user, slug, 'lead');
      const name = input.name?.trim() ?? team.name;
      if (!name) throw invalid('the team name cannot be empty');
      const timezone = validateTimezone(input.timezone ?? team.timezone);
      const language = validateLanguage(input.language ?? team.language);
      const updated = await store.transaction(async (trx) => {
        const inTrx = createTeamsRepo(trx);
        await inTrx.update(team.id, name, timezone, language);
        if (timezone !== team.timezone) await createRollups(trx).rebuild(team.id);
        return (await inTrx.byId(team.id)) as TeamRow;
      });
      return toTeam(updated);
    },

    /** Admins see every team (role null where they are not members); others only their own. */
    async listFor(user: User): Promise<{ team: Team; role: TeamRole | null }[]> {
      const mine = await teams.forUser(user.id);
      if (!user.isAdmin) return mine.map((row) => ({ team: toTeam(row), role: row.role }));
      const roles = new Map(mine.map((row) => [row.id, row.role]));
      return (await teams.all()).map((row) => ({ team: toTeam(row), role: roles.get(row.id) ?? null }));
    },

    async detail(user: User, slug: string): Promise<TeamDetail> {
      const { team, role } = await access(user, slug);
      return { team: toTeam(team), myRole: role, members: (await teams.members(team.id)).map(toMember) };
    },

    async bySlugOrNull(slug: string): Promise<TeamRow | null> {
      return (await teams.bySlug(slug)) ?? null;
    },

    /** A team by slug for the admin command line, which acts with the workspace's full rights. */
    async bySlug(slug: string): Promise<TeamRow> {
      const team = await teams.bySlug(slug);
      if (!team) throw notFound(`Team ${slug}`);
      return team;
    },

    /** Adds a person by e-mail or changes their role (admin CLI and team leads). */
    async addMember(slug: string, email: string, role: string): Promise<Member> {
      if (!isTeamRole(role)) throw invalid(`"${role}" is not a role; use lead, facilitator or member`);
      const team = await teams.bySlug(slug);
      if (!team) throw notFound(`Team ${slug}`);
      const user = await users.byEmail(email.trim());
      if (!user) throw notFound(`User ${email}`);
      await store.transaction(async (trx) => {
        const inTrx = createTeamsRepo(trx);
        // Adding is not a role change: a second add must not quietly promote or demote someone.
        if (await inTrx.role(team.id, user.id))
          throw new AppError(
            ErrorCode.ALREADY_MEMBER,
            `${user.email} is already a member of ${team.slug}; change their role instead`,
          );
        await inTrx.upsertMember(team.id, user.id, role);
      });
      return { userId: user.id, name: user.name, email: user.email, role };
    },

    async setRole(actor: User, slug: string, userId: number, role: TeamRole): Promise<Member> {
      const { team } = await access(actor, slug, 'lead');
      const member = await store.transaction(async (trx) => {
        const inTrx = createTeamsRepo(trx);
        const current = await inTrx.role(team.id, userId);
        if (!current) throw notFound('Member');
        if (current === 'lead' && role !== 'lead' && (await inTrx.leadCount(team.id)) === 1) {
          throw new AppError(ErrorCode.CONFLICT, 'A team needs at least one lead; make someone else lead first');
        }
        await inTrx.upsertMember(team.id, userId, role);
        return toMember((await inTrx.members(team.id)).find((row) => row.user_id === userId) as MemberRow);
      });
      announce(team.id, userId, role);
      return member;
    },

    async removeMember(actor: User, slug: string, userId: number): Promise<void> {
      const { team } = await access(actor, slug, actor.id === userId ? 'member' : 'lead');
      await store.transaction(async (trx) => {
        const inTrx = createTeamsRepo(trx);
        const current = await inTrx.role(team.id, userId);
        if (!current) throw notFound('Member');
        if (current === 'lead' && (await inTrx.leadCount(team.id)) === 1) {
          throw new AppError(ErrorCode.CONFLICT, 'A team needs at least one lead; make someone else lead first');
        }
        await inTrx.removeMember(team.id, userId);
      });
      announce(team.id, userId, null);
    },
  };
}
export type TeamsService = ReturnType<typeof createTeamsService>;
