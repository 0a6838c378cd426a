import type { Language } from '../../shared/language.ts';
import type { MeetingSummary } from '../../shared/meeting/index.ts';
import type { UnitTheme, UnitThemes } from '../../shared/schemas/unit-themes.ts';
import { localDate, toLocal } from '../../shared/zoned-clock.ts';
import { invalid } from '../errors.ts';
import type { TeamRow } from '../teams/repo.ts';
import { joinSimilar, nameStems, nameTopic, type NameGroup } from './theme-names.ts';
import type { ThemeActionRow, UnitThemesRepo } from './themes-repo.ts';

const QUARTER = /^(\d{4})-?Q([1-4])$/i;
const pad = (value: number) => String(value).padStart(2, '0');

export interface Quarter {
  key: string;
  from: string;
  to: string;
}

/** A quarter from `2026Q3` (or the pulse's `2026-Q3`), or the one `now` falls in, in `timezone`. */
export function quarterOf(text: string | undefined, now: Date, timezone: string): Quarter {
  let year: number;
  let quarter: number;
  if (text === undefined) {
    const local = toLocal(now, timezone);
    year = local.year;
    quarter = Math.floor((local.month - 1) / 3) + 1;
  } else {
    const match = QUARTER.exec(text.trim());
    if (!match) throw invalid(`quarter must be a year and a quarter written as 2026Q3; "${text}" is not`);
    year = Number(match[1]);
    quarter = Number(match[2]);
  }
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    key: `${year}Q${quarter}`,
    from: `${year}-${pad(lastMonth - 2)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

const shiftDay = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString();

/** One theme on one held review's board, as its summary kept it. */
interface Raised {
  team: TeamRow;
  meetingId: number;
  themeId: number;
  name: string;
  /** Actions decided on the theme in that review, by the summary. */
  actionIds: number[];
}

/**
 * The themes across a unit's teams in a quarter (the "retro of retros"): what the teams' held reviews
 * had on their boards, matched by name across teams (./theme-names.ts), with how many teams and
 * reviews raised each and what the teams decided about it. A review counts in the quarter by its day
 * in the team's own time zone. A decision is an action decided on the theme in one of those reviews:
 * the summary's decisions and the actions that carry the review and the theme, read as they stand
 * now (title, owner, status, due). Reads only.
 */
export async function unitThemes(
  deps: { repo: UnitThemesRepo },
  teams: readonly TeamRow[],
  quarterText: string | undefined,
  now: Date,
): Promise<UnitThemes> {
  const sorted = [...teams].sort((a, b) => a.name.localeCompare(b.name));
  const quarter = quarterOf(quarterText, now, sorted[0]?.timezone ?? 'UTC');
  const byId = new Map(sorted.map((team) => [team.id, team]));
  const reviews = await deps.repo.heldReviews(
    sorted.map((team) => team.id),
    shiftDay(quarter.from, -1),
    shiftDay(quarter.to, 2),
  );

  const raised: Raised[] = [];
  for (const review of reviews) {
    const team = byId.get(review.team_id);
    if (!team) continue;
    const day = localDate(toLocal(new Date(review.starts_at), team.timezone));
    if (day < quarter.from || day > quarter.to) continue;
    const summary = JSON.parse(review.summary) as MeetingSummary;
    for (const theme of summary.themes) {
      if (!theme.name.trim()) continue;
      raised.push({
        team,
        meetingId: review.id,
        themeId: theme.id,
        name: theme.name.trim(),
        actionIds: summary.decisions
          .filter((decision) => decision.themeId === theme.id)
          .map((decision) => decision.actionId),
      });
    }
  }

  // Same stems first, then similar names join the widest-raised theme they resemble.
  const exact = new Map<
    string,
    { stems: string[]; topic: number | undefined; language: Language; entries: Raised[] }
  >();
  for (const entry of raised) {
    const stems = nameStems(entry.name, entry.team.language);
    const key = stems.join(' ');
    const group = exact.get(key) ?? {
      stems,
      topic: nameTopic(entry.name, entry.team.language),
      language: entry.team.language,
      entries: [],
    };
    group.entries.push(entry);
    exact.set(key, group);
  }
  const spread = (entries: readonly Raised[]) => ({
    teams: new Set(entries.map((entry) => entry.team.id)).size,
    meetings: new Set(entries.map((entry) => entry.meetingId)).size,
  });
  const groups = [...exact.values()]
    .map((group): NameGroup & { entries: Raised[] } => ({
      ...group,
      ...spread(group.entries),
      label: commonestName(group.entries),
    }))
    .sort(widestFirst);
  const into = joinSimilar(groups);
  const merged = new Map<number, Raised[]>();
  groups.forEach((group, index) => {
    const target = into[index] ?? index;
    merged.set(target, [...(merged.get(target) ?? []), ...group.entries]);
  });

  const actions = await deps.repo.actionsOf(
    sorted.map((team) => team.id),
    [...new Set(raised.map((entry) => entry.meetingId))],
    [...new Set(raised.flatMap((entry) => entry.actionIds))],
  );
  const actionById = new Map(actions.map((action) => [action.id, action]));
  const themes = [...merged.values()].map((entries) => toTheme(entries, actions, actionById)).sort(widestThemeFirst);
  return {
    quarter: quarter.key,
    from: quarter.from,
    to: quarter.to,
    teams: sorted.length,
    teamsWithThemes: new Set(raised.map((entry) => entry.team.id)).size,
    themes,
  };
}

const widestFirst = (a: NameGroup, b: NameGroup) =>
  b.teams - a.teams || b.meetings - a.meetings || a.label.localeCompare(b.label);
const widestThemeFirst = (a: UnitTheme, b: UnitTheme) =>
  b.teamCount - a.teamCount || b.meetingCount - a.meetingCount || a.name.localeCompare(b.name);

/** The name the most teams gave, then the most reviews, then the first by the alphabet. */
function commonestName(entries: readonly Raised[]): string {
  const counts = new Map<string, { teams: Set<number>; meetings: Set<number> }>();
  for (const entry of entries) {
    const count = counts.get(entry.name) ?? { teams: new Set(), meetings: new Set() };
    count.teams.add(entry.team.id);
    count.meetings.add(entry.meetingId);
    counts.set(entry.name, count);
  }
  return (
    [...counts]
      .map(([name, count]) => ({ name, teams: count.teams.size, meetings: count.meetings.size }))
      .sort((a, b) => b.teams - a.teams || b.meetings - a.meetings || a.name.localeCompare(b.name))[0]?.name ?? ''
  );
}

function toTheme(
  entries: readonly Raised[],
  actions: readonly ThemeActionRow[],
  byId: Map<number, ThemeActionRow>,
): UnitTheme {
  const ref = (team: TeamRow) => ({ slug: team.slug, name: team.name, timezone: team.timezone });
  const perTeam = new Map<number, { team: TeamRow; meetingIds: Set<number> }>();
  for (const entry of entries) {
    const row = perTeam.get(entry.team.id) ?? { team: entry.team, meetingIds: new Set<number>() };
    row.meetingIds.add(entry.meetingId);
    perTeam.set(entry.team.id, row);
  }
  // The summary's decisions on the theme, and the actions that carry the same review and theme.
  const decided = new Set(entries.flatMap((entry) => entry.actionIds));
  const onTheme = new Set(entries.map((entry) => `${entry.meetingId}:${entry.themeId}`));
  for (const action of actions)
    if (action.meeting_id !== null && onTheme.has(`${action.meeting_id}:${action.theme_id}`)) decided.add(action.id);
  const teamOf = new Map(entries.map((entry) => [entry.team.id, entry.team]));
  const decisions = [...decided]
    .flatMap((id) => {
      const action = byId.get(id);
      const team = action ? teamOf.get(action.team_id) : undefined;
      if (!action || !team) return [];
      return [
        {
          actionId: action.id,
          title: action.title,
          team: ref(team),
          ownerName: action.owner_name,
          status: action.status,
          dueDate: action.due_date,
          meetingId: action.meeting_id,
        },
      ];
    })
    .sort((a, b) => a.team.name.localeCompare(b.team.name) || a.actionId - b.actionId);
  return {
    name: commonestName(entries),
    names: [...new Set(entries.map((entry) => entry.name))].sort((a, b) => a.localeCompare(b)),
    teamCount: perTeam.size,
    meetingCount: new Set(entries.map((entry) => entry.meetingId)).size,
    teams: [...perTeam.values()]
      .map(({ team, meetingIds }) => ({
        team: ref(team),
        meetings: meetingIds.size,
        meetingIds: [...meetingIds],
      }))
      .sort((a, b) => b.meetings - a.meetings || a.team.name.localeCompare(b.team.name)),
    decisions,
  };
}
