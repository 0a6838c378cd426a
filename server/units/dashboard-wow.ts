import { redact } from '../../shared/redact.ts';
import type { Metric } from '../../shared/schemas/imports.ts';
import type { TeamWowPage, WowItem, WowPage } from '../../shared/schemas/unit-wow.ts';
import type { Store } from '../db/kysely/store.ts';
import { notFound } from '../errors.ts';
import type { TeamRow } from '../teams/repo.ts';
import type { UnitRow } from './repo.ts';
import type { UnitsService } from './service.ts';
import { type WowCursor, type WowRow, createWowRepo } from './wow-repo.ts';

/** Items per page of the wall. */
export const WOW_PAGE = 20;

const parseCursor = (cursor: string | undefined): WowCursor | null => {
  if (cursor === undefined) return null;
  const cut = cursor.lastIndexOf('_');
  return { at: cursor.slice(0, cut), id: Number(cursor.slice(cut + 1)) };
};

/**
 * The ⭐ on each card at the end of each meeting, folded from the log as the board's reducer folds
 * `card.react` (each person's last toggle counts); a card shown in several meetings keeps its most.
 */
export function foldStars(
  events: readonly { meeting_id: number; actor: string; payload: string }[],
): Map<number, number> {
  const perMeeting = new Map<string, Set<string>>();
  for (const event of events) {
    const payload = JSON.parse(event.payload) as { cardId?: unknown; reaction?: unknown; on?: unknown };
    if (payload.reaction !== 'wow' || typeof payload.cardId !== 'string') continue;
    const who = (JSON.parse(event.actor) as { key?: unknown }).key;
    if (typeof who !== 'string') continue;
    const key = `${event.meeting_id}:${payload.cardId}`;
    const set = perMeeting.get(key) ?? new Set<string>();
    if (payload.on === true) set.add(who);
    else set.delete(who);
    perMeeting.set(key, set);
  }
  const stars = new Map<number, number>();
  for (const [key, set] of perMeeting) {
    const id = Number(key.slice(key.indexOf(':') + 1));
    if (set.size > 0 && Number.isInteger(id)) stars.set(id, Math.max(stars.get(id) ?? 0, set.size));
  }
  return stars;
}

/**
 * The WOW wall: praise across a unit's teams for its leaders to celebrate. Praise is what the
 * check-in's WOW moments show on a board — promoters' answers and cards someone starred — with
 * words to quote, masked on the way out. A team may keep an item off the wall; a kept-off item
 * never reaches the unit, only the team's own list (with the control to put it back).
 */
export function createWowWall(deps: { store: Store; units: Pick<UnitsService, 'teamsBelow'> }) {
  const repo = createWowRepo(deps.store.db, deps.store.dialect);

  async function read(teams: readonly TeamRow[], before: string | undefined, withKeptOff: boolean, limit: number) {
    const teamIds = teams.map((team) => team.id);
    const stars = foldStars(await repo.starEvents(teamIds));
    const rows = await repo.page({
      teamIds,
      starred: [...stars.keys()],
      cursor: parseCursor(before),
      limit: limit + 1,
      withKeptOff,
    });
    const names = new Map(teams.map((team) => [team.id, { slug: team.slug, name: team.name }]));
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const toItem = (row: WowRow): WowItem => ({
      id: row.id,
      team: names.get(row.team_id) ?? { slug: '', name: '' },
      source: row.source,
      receivedAt: row.received_at,
      metric: row.metric as Metric | null,
      score: row.score,
      title: redact(row.title),
      quote: redact(row.comment),
      language: row.language,
      promoter: Number(row.promoter) === 1,
      stars: stars.get(row.id) ?? 0,
    });
    return {
      rows: page,
      toItem,
      nextCursor: rows.length > limit && last ? `${last.received_at}_${last.id}` : null,
    };
  }

  return {
    /** One page of the unit's wall, newest first; `before` is the previous page's nextCursor. */
    async forUnit(unit: UnitRow, before?: string, limit = WOW_PAGE): Promise<WowPage> {
      const teams = (await deps.units.teamsBelow(unit.id)).map(({ team }) => team);
      const { rows, toItem, nextCursor } = await read(teams, before, false, limit);
      return { items: rows.map(toItem), nextCursor };
    },

    /** The team's own praise, kept-off items included and marked, for its lead to choose. */
    async forTeam(team: TeamRow, before?: string, limit = WOW_PAGE): Promise<TeamWowPage> {
      const { rows, toItem, nextCursor } = await read([team], before, true, limit);
      return { items: rows.map((row) => ({ ...toItem(row), keptOff: Number(row.kept_off) === 1 })), nextCursor };
    },

    /** Keeps one of the team's items off the wall, or puts it back; either twice is the same as once. */
    async setKeptOff(team: TeamRow, id: number, keptOff: boolean, userId: number): Promise<void> {
      if (!(await repo.isTeamItem(team.id, id))) throw notFound('Feedback item');
      if (keptOff) await repo.keepOff(team.id, id, userId);
      else await repo.putBack(team.id, id);
    },
  };
}
export type WowWall = ReturnType<typeof createWowWall>;
