import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { type KpiValue, type ScoreBand, computeKpi, scoreBandRange } from '../../shared/kpi.ts';
import { type TeamMonthCounts, type UnitKpis, monthsBetween, poolUnitKpis } from '../../shared/kpi-pool.ts';
import { sql } from 'kysely';
import { MASK, redact } from '../../shared/redact.ts';
import type { FeedbackItem, FeedbackPage, FeedbackQuery, KpiMonth } from '../../shared/schemas/feedback.ts';
import { METRICS, type Metric } from '../../shared/schemas/imports.ts';
import type { Executor, Store } from '../db/kysely/store.ts';
import { invalid, notFound } from '../errors.ts';
import type { ImportsRepo } from '../imports/repo.ts';
import type { LiveRepo } from '../live/repo.ts';
import { cardScrubber } from '../live/scrub.ts';
import type { Erasures } from '../realtime/erasures.ts';
import { loadPseudonymiser } from './pseudonym.ts';
import { createPeriods } from './periods.ts';
import { type FeedbackRow, type Filter, TAG_SEPARATOR, createFeedbackRepo, ftsQuery } from './repo.ts';
import { createRollups } from './rollups.ts';

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

export { ftsQuery };

function normaliseTag(tag: string): string {
  const trimmed = tag.trim().toLowerCase();
  if (!trimmed || trimmed.length > 50 || /\p{Cc}/u.test(trimmed)) throw invalid('a tag is 1–50 characters of text');
  return trimmed;
}

/**
 * What erasure reaches beyond the feedback rows: import error reports (the imports repository, built
 * over the erasure's transaction) and the meetings that showed the cards (still a synchronous
 * repository on the handle the SQLite store shares, so inside the erasure's transaction it writes in it).
 */
export interface ErasureReach {
  imports: (trx: Executor) => Pick<ImportsRepo, 'eraseFromErrors'>;
  live: (trx: Executor) => Pick<LiveRepo, 'scrubMeetings'>;
}

/** Which themes the team's items carry (theme-trends/service.ts), for the inbox to show and filter by. */
export interface ItemThemes {
  themesOf(teamId: number, ids: readonly number[]): Promise<Map<number, string[]>>;
  itemsOf(teamId: number, name: string): Promise<number[]>;
  names(teamId: number): Promise<string[]>;
  /** The suggestion model's themes for items no board grouped: shown apart, filtered only when asked. */
  suggestedOf(teamId: number, ids: readonly number[]): Promise<Map<number, string[]>>;
  suggestedItemsOf(teamId: number, name: string): Promise<number[]>;
}

export function createFeedbackService(deps: { store: Store; themes: ItemThemes; erasures: Erasures } & ErasureReach) {
  const { store } = deps;
  const feedback = createFeedbackRepo(store.db, store.dialect);
  const rollups = createRollups(store.db);
  let pseudonymiser: Promise<(reference: string) => string> | undefined;
  const pseudonymise = async (reference: string) => (await (pseudonymiser ??= loadPseudonymiser(store.db)))(reference);

  /**
   * One transaction: the meetings' copies of the cards and the error reports' quotes are rewritten,
   * then the rows go (the search index follows by trigger or foreign key, on SQLite with
   * secure-delete so no old segment keeps their words). All of it or nothing.
   */
  const eraseEverywhere = (teamId: number, ids: number[], texts: string[], reference: string) =>
    store.transaction(async (trx) => {
      const rows = createFeedbackRepo(trx, store.dialect);
      await rows.secureIndexDeletes(true);
      const cardIds = ids.map(String);
      const meetings =
        ids.length > 0 ? await deps.live(trx).scrubMeetings(teamId, cardIds, cardScrubber(cardIds, texts)) : [];
      // Heard by the other processes when (and only if) the rewrite commits.
      await deps.erasures.announce(trx, meetings);
      await deps
        .imports(trx)
        .eraseFromErrors(
          teamId,
          [...new Set([reference, ...texts.filter((text) => text.length >= MIN_ERROR_QUOTE)])],
          MASK.erased,
        );
      await createRollups(trx).rowsDeleted(teamId, ids);
      const deleted = await rows.deleteRows(teamId, ids);
      await rows.secureIndexDeletes(false);
      return { deleted, meetings };
    });

  /**
   * On SQLite, secure_delete makes it overwrite what this erasure frees (cells and pages) with
   * zeros, and the TRUNCATE checkpoint moves the WAL into the file and empties it, so no copy of the
   * words stays on disk. Chosen over VACUUM, which rewrites the whole database to remove a few
   * kilobytes: on 200,000 rows (126 MB) VACUUM took 1.9 s against 0.13 s for the whole erasure, it
   * grows with the file, needs as much free disk again, and every live meeting's writes wait for it.
   * PostgreSQL has no counterpart: its dead tuples stay until vacuum reclaims them.
   */
  async function eraseDurably(teamId: number, ids: number[], texts: string[], reference: string) {
    if (store.dialect === 'postgres') return eraseEverywhere(teamId, ids, texts, reference);
    const before = (await sql<{ secure_delete: number }>`PRAGMA secure_delete`.execute(store.db)).rows[0]
      ?.secure_delete;
    await sql`PRAGMA secure_delete = ON`.execute(store.db);
    try {
      return await eraseEverywhere(teamId, ids, texts, reference);
    } finally {
      await sql`PRAGMA secure_delete = ${sql.raw(before === 1 ? 'ON' : before === 2 ? 'FAST' : 'OFF')}`.execute(
        store.db,
      );
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
    }
  }

  /**
   * KPIs of whole calendar months in the team's zone, from the monthly rollups: the same answers
   * per score as the rows give for each month (tests/unit/feedback/rollups.test.ts), a few cells read.
   */
  async function kpiMonths(
    team: Team,
    metric: Metric,
    periods: { month: string; start: string; end: string }[],
    source: string | undefined,
  ): Promise<KpiMonth[]> {
    const first = periods[0];
    const last = periods[periods.length - 1];
    if (!first || !last) return [];
    const counts = await rollups.teamMonths(team.id, metric, first.month, last.month, source);
    return periods.map((period) => ({ ...period, ...computeKpi(metric, counts.get(period.month) ?? new Map()) }));
  }

  /**
   * For a unit's dashboard: per team, metric and month (each team's own calendar month, YYYY-MM,
   * `from` to `to` inclusive) the answers per score over all sources, from the rollups. The
   * caller has checked that the reader may see these teams.
   */
  async function unitCounts(teamIds: number[], from: string, to: string): Promise<TeamMonthCounts[]> {
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
      match: query.q ? query.q : undefined,
      bands: band
        ? bandMetrics.map((metric) => {
            const [low, high] = scoreBandRange(metric, band);
            return { metric, low, high };
          })
        : undefined,
    };
  }

  /** The items under a theme on the boards, and with `suggested` also those the model puts under it. */
  const themedItems = async (teamId: number, name: string, suggested: boolean | undefined): Promise<number[]> => {
    const grouped = await deps.themes.itemsOf(teamId, name);
    if (!suggested) return grouped;
    return [...new Set([...grouped, ...(await deps.themes.suggestedItemsOf(teamId, name))])];
  };
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
      const ids = query.theme === undefined ? undefined : await themedItems(team.id, query.theme, query.suggested);
      if (ids?.length === 0) return { items: [], nextCursor: null };
      const rows = await feedback.page({ ...filterFor(team, query), ids }, cursor, limit + 1);
      const shown = rows.slice(0, limit);
      const themes = await deps.themes.themesOf(
        team.id,
        shown.map((row) => row.id),
      );
      const suggested = await deps.themes.suggestedOf(
        team.id,
        shown.map((row) => row.id),
      );
      const items = shown.map((row) => ({
        ...toItem(row),
        themes: themes.get(row.id) ?? [],
        suggestedThemes: suggested.get(row.id) ?? [],
      }));
      const last = rows.length > limit ? rows[limit - 1] : undefined;
      return { items, nextCursor: last ? `${last.received_at}_${last.id}` : null };
    },

    /** The KPI over a range; `decimals` only for output that promises more precision than the UI shows. */
    async kpi(
      team: Team,
      metric: Metric,
      query: { from?: string | undefined; to?: string | undefined; source?: string | undefined },
      decimals?: number,
    ): Promise<KpiValue> {
      return computeKpi(
        metric,
        await feedback.scoreCounts({ ...filterFor(team, { ...query, metric }), metric }),
        decimals,
      );
    },

    /** The answers per score over a range, for tests that need more than the KPI's value (an action's effect). */
    scoreCounts(team: Team, metric: Metric, query: { from?: string | undefined; to?: string | undefined }) {
      return feedback.scoreCounts({ ...filterFor(team, { ...query, metric }), metric });
    },

    /** One KPI per calendar month in the team's zone, oldest first. */
    monthly(
      team: Team,
      metric: Metric,
      months: number,
      source: string | undefined,
      now = new Date(),
    ): Promise<KpiMonth[]> {
      return kpiMonths(team, metric, createPeriods(team.timezone).months(months, now), source);
    },

    /** The months a period touches (a meeting's window), from `since`'s month to `until`'s, local dates; at most 36. */
    async monthlyBetween(
      team: Team,
      metric: Metric,
      since: string,
      until: string,
      source: string | undefined,
    ): Promise<KpiMonth[]> {
      const index = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
      const count = index(until) - index(since) + 1;
      if (count < 1) throw invalid('since must not be after until');
      const periods = createPeriods(team.timezone);
      return kpiMonths(team, metric, periods.months(Math.min(36, count), new Date(periods.startOf(until))), source);
    },

    unitCounts,

    /** A unit's KPIs month by month: each team's, and per metric the teams' answers pooled (shared/kpi-pool.ts). */
    async unitKpis(teamIds: number[], from: string, to: string): Promise<UnitKpis> {
      return poolUnitKpis(await unitCounts(teamIds, from, to), monthsBetween(from, to), [...new Set(teamIds)]);
    },

    /** The themes the team's items carry, for the inbox's filter. */
    themeNames: (team: Team) => deps.themes.names(team.id),

    async items(team: Team, ids: number[]): Promise<FeedbackItem[]> {
      return (await feedback.byIds(team.id, ids)).map(toItem);
    },
    async addTag(team: Team, id: number, tag: string): Promise<void> {
      const normalised = normaliseTag(tag);
      if ((await feedback.addTag(team.id, id, normalised)) === 0 && (await feedback.byIds(team.id, [id])).length === 0)
        throw notFound('Feedback');
    },
    async removeTag(team: Team, id: number, tag: string): Promise<void> {
      await feedback.removeTag(team.id, id, normaliseTag(tag));
    },
    async setFlag(team: Team, id: number, flagged: boolean): Promise<void> {
      if ((await feedback.setFlag(team.id, id, flagged)) === 0) throw notFound('Feedback');
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
      const customerRef = await pseudonymise(reference);
      const ids: number[] = [];
      const last = await feedback.lastId();
      for (let after = 0; after < last; after += ERASE_STEP) {
        ids.push(...(await feedback.customerRowsIn(team.id, customerRef, after, Math.min(after + ERASE_STEP, last))));
        await yieldToLoop();
      }
      const texts = (await feedback.textsOf(team.id, ids))
        .flatMap((row) => [row.comment, row.title, redact(row.comment), redact(row.title)])
        .filter((text): text is string => !!text?.trim());
      const { deleted, meetings } = await eraseDurably(team.id, ids, texts, reference.trim());
      deps.erasures.emit(meetings);
      return deleted;
    },
    /**
     * Lets the live engine drop what it holds in memory of meetings an erasure rewrote: this
     * process's erasures, and on PostgreSQL those of other processes once it follows them.
     */
    onErased: (listener: (meetingIds: number[]) => void): (() => void) => deps.erasures.on(listener),
    /** At start-up, before anything is served: rollups for teams that have none yet (migration 0018). */
    buildMissingRollups: () => rollups.buildMissing(),
    sources: (team: Team) => feedback.sources(team.id),
    tags: (team: Team) => feedback.tags(team.id),
  };
}
export type FeedbackService = ReturnType<typeof createFeedbackService>;
