import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import { type KpiValue, type ScoreBand, computeKpi, scoreBandRange } from '../../shared/kpi.ts';
import { type TeamMonthCounts, type UnitKpis, monthsBetween, poolUnitKpis } from '../../shared/kpi-pool.ts';
import { MASK, redact } from '../../shared/redact.ts';
import type { FeedbackItem, FeedbackPage, FeedbackQuery, KpiMonth } from '../../shared/schemas/feedback.ts';
import { METRICS, type Metric } from '../../shared/schemas/imports.ts';
import { invalid, notFound } from '../errors.ts';
import type { ImportsRepo } from '../imports/repo.ts';
import { cardScrubber, type SyncMeetingScrub } from '../live/scrub.ts';
import { createPseudonymiser } from './pseudonym.ts';
import { createPeriods } from './periods.ts';
import { type FeedbackRepo, type FeedbackRow, type Filter, TAG_SEPARATOR } from './repo.ts';
import type { Rollups } from './rollups.ts';

const ERASE_STEP = 50_000;
/** The longest month range a unit's dashboard reads at once. */
const UNIT_MONTHS_MAX = 36;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Error reports are searched for the customer's texts of at least this length; shorter ones would hit unrelated words. */
const MIN_ERROR_QUOTE = 6;

interface Team {
  id: number;
  timezone: string;
}

/** Personal data is masked here, on the way out, so no screen or export of a team ever sees it. */
export function toItem(row: FeedbackRow): FeedbackItem {
  return {
    id: row.id,
    source: row.source,
    receivedAt: row.received_at,
    metric: row.metric,
    score: row.score,
    title: redact(row.title),
    comment: redact(row.comment),
    language: row.language,
    segment: row.segment,
    reply: redact(row.reply),
    repliedAt: row.replied_at,
    flagged: row.flagged === 1,
    tags: row.tags ? row.tags.split(TAG_SEPARATOR).sort() : [],
    edited: row.edited_at === null ? null : { at: row.edited_at, metric: row.was_metric, score: row.was_score },
  };
}

/** Turns what a person types into a safe FTS5 query: each word quoted, the last one as a prefix. */
export function ftsQuery(text: string): string | undefined {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return undefined;
  return words
    .slice(0, 12)
    .map((word, index, all) => `"${word}"${index === all.length - 1 ? '*' : ''}`)
    .join(' ');
}

function normaliseTag(tag: string): string {
  const trimmed = tag.trim().toLowerCase();
  if (!trimmed || trimmed.length > 50 || /\p{Cc}/u.test(trimmed)) throw invalid('a tag is 1–50 characters of text');
  return trimmed;
}

/** What erasure reaches beyond the feedback rows: import error reports and the meetings that showed the cards. */
export interface ErasureReach {
  imports: Pick<ImportsRepo, 'eraseFromErrors'>;
  live: Pick<SyncMeetingScrub, 'scrubMeetings'>;
}

/** Which themes the team's items carry (theme-trends/service.ts), for the inbox to show and filter by. */
export interface ItemThemes {
  themesOf(teamId: number, ids: readonly number[]): Promise<Map<number, string[]>>;
  itemsOf(teamId: number, name: string): Promise<number[]>;
  names(teamId: number): Promise<string[]>;
}

export function createFeedbackService(
  deps: { db: Database; feedback: FeedbackRepo; rollups: Rollups; themes: ItemThemes } & ErasureReach,
) {
  const { db, feedback, rollups } = deps;
  const pseudonymise = createPseudonymiser(db);
  const erasedListeners = new Set<(meetingIds: number[]) => void>();

  /**
   * One transaction: the meetings' copies of the cards and the error reports' quotes are rewritten,
   * then the rows go (the search index follows by trigger, with secure-delete so no old segment keeps
   * their words). All of it or nothing.
   */
  const eraseEverywhere = db.transaction((teamId: number, ids: number[], texts: string[], reference: string) => {
    feedback.secureIndexDeletes(true);
    const cardIds = ids.map(String);
    const meetings = ids.length > 0 ? deps.live.scrubMeetings(teamId, cardIds, cardScrubber(cardIds, texts)) : [];
    deps.imports.eraseFromErrors(
      teamId,
      [...new Set([reference, ...texts.filter((text) => text.length >= MIN_ERROR_QUOTE)])],
      MASK.erased,
    );
    rollups.rowsDeleted(teamId, ids);
    const deleted = feedback.deleteRows(teamId, ids);
    feedback.secureIndexDeletes(false);
    return { deleted, meetings };
  });

  /**
   * secure_delete makes SQLite overwrite what this erasure frees (cells and pages) with zeros, and
   * the TRUNCATE checkpoint moves the WAL into the file and empties it, so no copy of the words stays
   * on disk. Chosen over VACUUM, which rewrites the whole database to remove a few kilobytes: on
   * 200,000 rows (126 MB) VACUUM took 1.9 s against 0.13 s for the whole erasure, it grows with the
   * file, needs as much free disk again, and every live meeting's writes wait for it.
   */
  function eraseDurably(teamId: number, ids: number[], texts: string[], reference: string) {
    const before = db.pragma('secure_delete', { simple: true });
    db.pragma('secure_delete = ON');
    try {
      return eraseEverywhere(teamId, ids, texts, reference);
    } finally {
      db.pragma(`secure_delete = ${before === 1 ? 'ON' : before === 2 ? 'FAST' : 'OFF'}`);
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
  }

  /**
   * KPIs of whole calendar months in the team's zone, from the monthly rollups: the same answers
   * per score as the rows give for each month (tests/unit/feedback/rollups.test.ts), a few cells read.
   */
  function kpiMonths(
    team: Team,
    metric: Metric,
    periods: { month: string; start: string; end: string }[],
    source: string | undefined,
  ): KpiMonth[] {
    const first = periods[0];
    const last = periods[periods.length - 1];
    if (!first || !last) return [];
    const counts = rollups.teamMonths(team.id, metric, first.month, last.month, source);
    return periods.map((period) => ({ ...period, ...computeKpi(metric, counts.get(period.month) ?? new Map()) }));
  }

  /**
   * For a unit's dashboard: per team, metric and month (each team's own calendar month, YYYY-MM,
   * `from` to `to` inclusive) the answers per score over all sources, from the rollups. The
   * caller has checked that the reader may see these teams.
   */
  function unitCounts(teamIds: number[], from: string, to: string): TeamMonthCounts[] {
    if (!MONTH.test(from) || !MONTH.test(to)) throw invalid('months are written YYYY-MM');
    const months = monthsBetween(from, to).length;
    if (months < 1) throw invalid('from must not be after to');
    if (months > UNIT_MONTHS_MAX) throw invalid(`at most ${UNIT_MONTHS_MAX} months at once`);
    return rollups.teamsMonths([...new Set(teamIds)], from, to);
  }

  function filterFor(team: Team, query: Omit<FeedbackQuery, 'cursor' | 'limit'>): Filter {
    const periods = createPeriods(team.timezone);
    const band = query.band as ScoreBand | undefined;
    const bandMetrics: Metric[] = query.metric ? [query.metric] : [...METRICS];
    return {
      teamId: team.id,
      from: query.from ? periods.startOf(query.from) : undefined,
      to: query.to ? periods.endOf(query.to) : undefined,
      source: query.source,
      metric: query.metric,
      language: query.language,
      tag: query.tag?.trim().toLowerCase(),
      flagged: query.flagged,
      ratingAfterReply: query.ratingAfterReply,
      match: query.q ? ftsQuery(query.q) : undefined,
      bands: band
        ? bandMetrics.map((metric) => {
            const [low, high] = scoreBandRange(metric, band);
            return { metric, low, high };
          })
        : undefined,
    };
  }

  return {
    /** Newest first, by keyset: the cursor is the last item's time and id, so pages never skip or repeat. */
    async list(team: Team, query: FeedbackQuery): Promise<FeedbackPage> {
      const limit = query.limit ?? 50;
      const cursor = query.cursor
        ? {
            at: query.cursor.slice(0, query.cursor.lastIndexOf('_')),
            id: Number(query.cursor.slice(query.cursor.lastIndexOf('_') + 1)),
          }
        : null;
      if (query.q !== undefined && !ftsQuery(query.q)) return { items: [], nextCursor: null };
      const ids = query.theme === undefined ? undefined : await deps.themes.itemsOf(team.id, query.theme);
      if (ids?.length === 0) return { items: [], nextCursor: null };
      const rows = feedback.page({ ...filterFor(team, query), ids }, cursor, limit + 1);
      const shown = rows.slice(0, limit);
      const themes = await deps.themes.themesOf(
        team.id,
        shown.map((row) => row.id),
      );
      const items = shown.map((row) => ({ ...toItem(row), themes: themes.get(row.id) ?? [] }));
      const last = rows.length > limit ? rows[limit - 1] : undefined;
      return { items, nextCursor: last ? `${last.received_at}_${last.id}` : null };
    },

    /** The KPI over a range; `decimals` only for output that promises more precision than the UI shows. */
    kpi(
      team: Team,
      metric: Metric,
      query: { from?: string | undefined; to?: string | undefined; source?: string | undefined },
      decimals?: number,
    ): KpiValue {
      return computeKpi(metric, feedback.scoreCounts({ ...filterFor(team, { ...query, metric }), metric }), decimals);
    },

    /** The answers per score over a range, for tests that need more than the KPI's value (an action's effect). */
    scoreCounts(team: Team, metric: Metric, query: { from?: string | undefined; to?: string | undefined }) {
      return feedback.scoreCounts({ ...filterFor(team, { ...query, metric }), metric });
    },

    /** One KPI per calendar month in the team's zone, oldest first. */
    monthly(team: Team, metric: Metric, months: number, source: string | undefined, now = new Date()): KpiMonth[] {
      return kpiMonths(team, metric, createPeriods(team.timezone).months(months, now), source);
    },

    /** The months a period touches (a meeting's window), from `since`'s month to `until`'s, local dates; at most 36. */
    monthlyBetween(team: Team, metric: Metric, since: string, until: string, source: string | undefined): KpiMonth[] {
      const index = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
      const count = index(until) - index(since) + 1;
      if (count < 1) throw invalid('since must not be after until');
      const periods = createPeriods(team.timezone);
      return kpiMonths(team, metric, periods.months(Math.min(36, count), new Date(periods.startOf(until))), source);
    },

    unitCounts,

    /** A unit's KPIs month by month: each team's, and per metric the teams' answers pooled (shared/kpi-pool.ts). */
    unitKpis(teamIds: number[], from: string, to: string): UnitKpis {
      return poolUnitKpis(unitCounts(teamIds, from, to), monthsBetween(from, to), [...new Set(teamIds)]);
    },

    /** The themes the team's items carry, for the inbox's filter. */
    themeNames: (team: Team) => deps.themes.names(team.id),

    items(team: Team, ids: number[]): FeedbackItem[] {
      return feedback.byIds(team.id, ids).map(toItem);
    },
    addTag(team: Team, id: number, tag: string): void {
      if (feedback.addTag(team.id, id, normaliseTag(tag)) === 0 && feedback.byIds(team.id, [id]).length === 0)
        throw notFound('Feedback');
    },
    removeTag(team: Team, id: number, tag: string): void {
      feedback.removeTag(team.id, id, normaliseTag(tag));
    },
    setFlag(team: Team, id: number, flagged: boolean): void {
      if (feedback.setFlag(team.id, id, flagged) === 0) throw notFound('Feedback');
    },
    /**
     * Erasure on request: every item of this customer in the team, found by the same keyed hash, and
     * every copy of their words Kadence keeps — the search index, the kept original (in the row),
     * import error reports, and the event logs, snapshots and summaries of meetings that showed their
     * cards (the quote becomes a marker; the board keeps its structure and counts). The rows are found
     * in steps of 50,000 ids, yielding between them (a million rows take about a second, and live
     * meetings keep running), then everything is erased in one transaction.
     */
    async eraseCustomer(team: Team, reference: string): Promise<number> {
      if (!reference.trim()) throw invalid('give the customer reference (e-mail or customer id) to erase');
      const customerRef = pseudonymise(reference);
      const ids: number[] = [];
      const last = feedback.lastId();
      for (let after = 0; after < last; after += ERASE_STEP) {
        ids.push(...feedback.customerRowsIn(team.id, customerRef, after, Math.min(after + ERASE_STEP, last)));
        await yieldToLoop();
      }
      const texts = feedback
        .textsOf(team.id, ids)
        .flatMap((row) => [row.comment, row.title, redact(row.comment), redact(row.title)])
        .filter((text): text is string => !!text?.trim());
      const { deleted, meetings } = eraseDurably(team.id, ids, texts, reference.trim());
      for (const listener of erasedListeners) listener(meetings);
      return deleted;
    },
    /** Lets the live engine drop what it holds in memory of meetings an erasure rewrote. */
    onErased(listener: (meetingIds: number[]) => void): () => void {
      erasedListeners.add(listener);
      return () => erasedListeners.delete(listener);
    },
    /** At start-up, before anything is served: rollups for teams that have none yet (migration 0018). */
    buildMissingRollups: () => rollups.buildMissing(),
    sources: (team: Team) => feedback.sources(team.id),
    tags: (team: Team) => feedback.tags(team.id),
  };
}
export type FeedbackService = ReturnType<typeof createFeedbackService>;
