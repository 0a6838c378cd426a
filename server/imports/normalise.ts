import { createHash } from 'node:crypto';
import type { Mapping, Metric, Rejection } from '../../shared/schemas/imports.ts';
import { metricFromText } from './columns.ts';
import { type DateOrder, type ZonedClock, parseDate } from './dates.ts';
import { masked } from './errors.ts';
import { detectLanguage, languageFromCode } from './language.ts';
import type { OccurrenceCounter } from './occurrences.ts';
import type { Preset } from './presets.ts';

export interface NewFeedback {
  source: string;
  externalId: string | null;
  dedupeKey: string;
  receivedAt: string;
  metric: Metric | null;
  score: number | null;
  title: string | null;
  comment: string | null;
  language: 'da' | 'en' | null;
  customerRef: string | null;
  segment: string | null;
  /** The reply the tool's own team gave (Google Play's developer reply), and when. */
  reply: string | null;
  repliedAt: string | null;
  original: string;
}

export interface RowContext {
  preset: Preset;
  mapping: Mapping;
  /** The metric of the score column when one metric applies to the whole file. */
  metric: Metric | null;
  dateOrder: DateOrder;
  clock: ZonedClock;
  utcClock: ZonedClock;
  pseudonymise: (reference: string) => string;
  /** Identical rows of this file so far, so each gets its own occurrence number. */
  occurrences: OccurrenceCounter;
}

const RANGES: Record<Metric, [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7], rating: [1, 5] };
const MAX_FIELD = 20_000;

const text = (value: string | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** The row's value for a field, through the mapping. */
function fieldOf(values: Record<string, string>, mapping: Mapping, name: keyof Mapping): string | undefined {
  const header = mapping[name];
  return header === undefined ? undefined : values[header];
}

/**
 * The key of a row without an answer id: its content hash plus its occurrence number in the file, so
 * three customers who gave the same answer on the same day stay three answers, while the same file
 * or an overlapping export finds the same three keys again. The first occurrence is the bare hash,
 * the key such rows always had, so items imported before occurrence numbers still match.
 */
function contentKey(content: string, occurrences: OccurrenceCounter): string {
  const digest = createHash('sha1').update(content).digest();
  const occurrence = occurrences.next(digest);
  const hash = `h:${digest.toString('base64url')}`;
  return occurrence === 1 ? hash : `${hash}#${occurrence}`;
}

/**
 * One source row to a feedback item, or the reason a person can act on why it cannot be one (a code
 * and params: the client words it in the viewer's language; values in it are masked).
 * `values` is the caller's own copy of the row: the customer column in it is overwritten.
 */
export function normaliseRow(values: Record<string, string>, context: RowContext): NewFeedback | Rejection {
  const { mapping, preset } = context;
  const field = (name: keyof Mapping) => fieldOf(values, mapping, name);
  for (const header in values) {
    const length = values[header]?.length ?? 0;
    if (length > MAX_FIELD) return { code: 'FIELD_TOO_LONG', params: { column: header, length, limit: MAX_FIELD } };
  }

  const rawDate = field('receivedAt') ?? '';
  if (rawDate.trim() === '') return { code: 'DATE_MISSING', params: { column: mapping.receivedAt ?? '' } };
  const date = parseDate(rawDate, context.dateOrder, preset.datesInUtc ? context.utcClock : context.clock);
  if (!date) return { code: 'DATE_UNREADABLE', params: { value: masked(rawDate) } };

  let metric: Metric | null = context.metric;
  const rawMetric = field('metric');
  if (mapping.metric && rawMetric !== undefined && rawMetric.trim() !== '') {
    metric = metricFromText(rawMetric);
    if (!metric) return { code: 'METRIC_UNKNOWN', params: { value: masked(rawMetric) } };
  }

  let score: number | null = null;
  const rawScore = field('score')?.trim() ?? '';
  if (rawScore !== '') {
    const read = preset.score ? preset.score(rawScore) : Number(rawScore.replace(',', '.'));
    if (typeof read !== 'number') return read;
    if (!Number.isInteger(read)) return { code: 'SCORE_NOT_WHOLE', params: { value: masked(rawScore) } };
    if (!metric) return { code: 'SCORE_NO_METRIC', params: { value: masked(rawScore) } };
    const [low, high] = RANGES[metric];
    if (read < low || read > high)
      return { code: 'SCORE_OUT_OF_RANGE', params: { value: masked(rawScore), metric, low, high } };
    score = read;
  }
  const comment = text(field('comment'));
  const title = text(field('title'));
  if (score === null && comment === null && title === null) return { code: 'NO_SCORE_OR_COMMENT', params: {} };
  if (score === null) metric = null;

  const rawReplyDate = field('repliedAt')?.trim() ?? '';
  const replyDate =
    rawReplyDate === ''
      ? null
      : parseDate(rawReplyDate, context.dateOrder, preset.datesInUtc ? context.utcClock : context.clock);
  if (rawReplyDate !== '' && !replyDate)
    return { code: 'REPLY_DATE_UNREADABLE', params: { value: masked(rawReplyDate) } };

  const externalId = text(field('externalId'));
  const source = text(field('source'))?.toLowerCase() ?? preset.source;
  const customer = text(field('customer'));
  const rawLanguage = field('language');
  const language =
    (rawLanguage ? languageFromCode(rawLanguage) : null) ?? detectLanguage(`${title ?? ''} ${comment ?? ''}`);
  const receivedAt = date.toISOString();
  const customerRef = customer ? context.pseudonymise(customer) : null;
  // The raw reference must not survive in the kept original either.
  if (customer && mapping.customer) values[mapping.customer] = '(pseudonymised)';
  return {
    source,
    externalId,
    dedupeKey: externalId
      ? `id:${externalId}`
      : contentKey(
          `${receivedAt}\u0000${metric}\u0000${score}\u0000${title}\u0000${comment}\u0000${customer}`,
          context.occurrences,
        ),
    receivedAt,
    metric,
    score,
    title,
    comment,
    language,
    customerRef,
    segment: text(field('segment')),
    reply: text(field('reply')),
    repliedAt: replyDate ? replyDate.toISOString() : null,
    original: JSON.stringify(values),
  };
}
