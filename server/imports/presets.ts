import type { Mapping, Metric, PresetName, Rejection } from '../../shared/schemas/imports.ts';
import { autoMap, normaliseHeader, surveyColumns } from './columns.ts';
import type { DateOrder } from './dates.ts';
import { masked } from './errors.ts';

/** How a known tool's export looks and which of its columns mean what. */
export interface Preset {
  name: PresetName;
  /** SurveyMonkey puts the question on one header row and the answer type on a second. */
  headerRows: 1 | 2;
  matches(headers: string[]): boolean;
  mapping(headers: string[]): Mapping;
  /** A fixed metric, or null when it follows from the header, a column or the values. */
  metric: Metric | null;
  source: string;
  /** The date order the tool writes when the column alone cannot tell. */
  dateOrder?: DateOrder;
  /** The tool writes naive times in UTC rather than in the team's zone. */
  datesInUtc?: boolean;
  /** Tools that rate in words (Zendesk: good/bad) turn them into a score, or say why there is none. */
  score?: (raw: string) => number | Rejection;
}

const has = (headers: string[], ...names: string[]) =>
  names.every((name) => headers.some((header) => normaliseHeader(header) === normaliseHeader(name)));
/** The first of `names` (in order of preference) that the file has. */
const find = (headers: string[], ...names: string[]) => {
  for (const name of names) {
    const hit = headers.find((header) => normaliseHeader(header) === normaliseHeader(name));
    if (hit) return hit;
  }
  return undefined;
};
const findLike = (headers: string[], pattern: RegExp, not?: string) =>
  headers.find((header) => header !== not && pattern.test(normaliseHeader(header)));

const CONTACT = /e ?mail|mailadresse|name|navn|phone|telefon/;

/** Survey exports: the score is the rating question, the comment the open question after it. */
function surveyQuestions(headers: string[]): Mapping {
  const { score, comment: open } = surveyColumns(headers);
  // Without a recognisable open question, the first other question is the free text.
  const comment = open ?? headers.find((header) => header !== score && !CONTACT.test(normaliseHeader(header)));
  return { ...(score ? { score } : {}), ...(comment ? { comment } : {}) };
}

function defined(mapping: Record<string, string | undefined>): Mapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, header]) => header !== undefined)) as Mapping;
}

export const PRESET_LIST: Preset[] = [
  {
    name: 'surveymonkey',
    headerRows: 2,
    matches: (headers) => has(headers, 'Respondent ID', 'Collector ID'),
    mapping: (headers) =>
      defined({
        externalId: find(headers, 'Respondent ID'),
        receivedAt: find(headers, 'End Date', 'Start Date'),
        customer: find(headers, 'Email Address'),
        segment: find(headers, 'Custom Data 1'),
        ...surveyQuestions(
          headers.filter(
            (header) =>
              !/^(respondent|collector|start date|end date|ip address|email address|first name|last name|custom data)/i.test(
                header,
              ),
          ),
        ),
      }),
    metric: null,
    source: 'surveymonkey',
    dateOrder: 'mdy',
  },
  {
    name: 'typeform',
    headerRows: 1,
    matches: (headers) => has(headers, '#', 'Submit Date (UTC)'),
    mapping: (headers) =>
      defined({
        externalId: find(headers, '#'),
        receivedAt: find(headers, 'Submit Date (UTC)'),
        customer: findLike(headers, /e ?mail/),
        ...surveyQuestions(
          headers.filter((header) => !/^(#|start date|submit date|network id|stage date|tags)/i.test(header)),
        ),
      }),
    metric: null,
    source: 'typeform',
    datesInUtc: true,
  },
  {
    name: 'google-forms',
    headerRows: 1,
    matches: (headers) => ['timestamp', 'tidsstempel'].includes(normaliseHeader(headers[0] ?? '')),
    mapping: (headers) =>
      defined({
        receivedAt: headers[0],
        customer: find(headers, 'Email Address', 'Email', 'Mailadresse', 'E-mailadresse'),
        ...surveyQuestions(headers.slice(1)),
      }),
    metric: null,
    source: 'google-forms',
  },
  {
    name: 'microsoft-forms',
    headerRows: 1,
    matches: (headers) =>
      has(headers, 'ID', 'Start time', 'Completion time') ||
      has(headers, 'Id', 'Starttidspunkt', 'Fuldførelsestidspunkt'),
    mapping: (headers) =>
      defined({
        externalId: find(headers, 'ID'),
        receivedAt: find(headers, 'Completion time', 'Fuldførelsestidspunkt'),
        customer: find(headers, 'Email', 'Mail'),
        ...surveyQuestions(
          headers.filter(
            (header) =>
              !/^(id|start time|completion time|email|name|starttidspunkt|fuldførelsestidspunkt|mail|navn|last modified time)$/i.test(
                header,
              ),
          ),
        ),
      }),
    metric: null,
    source: 'microsoft-forms',
  },
  {
    name: 'google-play',
    headerRows: 1,
    matches: (headers) => has(headers, 'Package Name', 'Star Rating'),
    mapping: (headers) =>
      defined({
        receivedAt: find(headers, 'Review Submit Date and Time'),
        externalId: find(headers, 'Review Link'),
        score: find(headers, 'Star Rating'),
        title: find(headers, 'Review Title'),
        comment: find(headers, 'Review Text'),
        language: find(headers, 'Reviewer Language'),
        segment: find(headers, 'App Version Name'),
        reply: find(headers, 'Developer Reply Text'),
        repliedAt: find(headers, 'Developer Reply Date and Time'),
      }),
    metric: 'rating',
    source: 'google-play',
  },
  {
    name: 'trustpilot',
    headerRows: 1,
    matches: (headers) => has(headers, 'Review ID', 'Review Stars'),
    mapping: (headers) =>
      defined({
        receivedAt: find(headers, 'Review Created (UTC)', 'Review Created'),
        externalId: find(headers, 'Review ID'),
        score: find(headers, 'Review Stars'),
        title: find(headers, 'Review Title'),
        comment: find(headers, 'Review Content'),
        language: find(headers, 'Review Language'),
        customer: find(headers, 'Email', 'Reviewer Email', 'Reference Id'),
        segment: find(headers, 'Source Of Review', 'Tags'),
      }),
    metric: 'rating',
    source: 'trustpilot',
    datesInUtc: true,
  },
  {
    name: 'delighted',
    headerRows: 1,
    matches: (headers) => has(headers, 'survey_type', 'score', 'created_at'),
    mapping: (headers) =>
      defined({
        externalId: find(headers, 'id'),
        receivedAt: find(headers, 'created_at'),
        score: find(headers, 'score'),
        comment: find(headers, 'comment'),
        metric: find(headers, 'survey_type'),
        customer: find(headers, 'person.email', 'person.id', 'person'),
        segment: findLike(headers, /^person properties (segment|plan|kundetype|delighted source)/),
      }),
    metric: null,
    source: 'delighted',
  },
  {
    name: 'zendesk',
    headerRows: 1,
    matches: (headers) =>
      has(headers, 'ticket_id', 'score', 'created_at') || has(headers, 'Ticket ID', 'Satisfaction score'),
    mapping: (headers) =>
      defined({
        externalId: find(headers, 'id', 'Ticket ID'),
        receivedAt: find(headers, 'created_at', 'Satisfaction date', 'Ticket solved'),
        score: find(headers, 'score', 'Satisfaction score'),
        comment: find(headers, 'comment', 'Satisfaction comment'),
        customer: find(headers, 'requester_id', 'Requester email'),
        segment: find(headers, 'reason', 'Satisfaction reason'),
      }),
    metric: 'csat',
    source: 'zendesk',
    // Zendesk asks "good or bad?": good counts as satisfied (5), bad as dissatisfied (1).
    score: (raw) => {
      const text = raw.trim().toLowerCase();
      if (text === 'good' || text === 'god') return 5;
      if (text === 'bad' || text === 'dårlig') return 1;
      if (text === 'offered' || text === 'unoffered' || text === '')
        return { code: 'RATING_NOT_GIVEN', params: { value: text } };
      return { code: 'RATING_NOT_GOOD_OR_BAD', params: { value: masked(raw) } };
    },
  },
];

export const GENERIC: Preset = {
  name: 'generic',
  headerRows: 1,
  matches: () => true,
  mapping: autoMap,
  metric: null,
  source: 'import',
};

export function presetByName(name: PresetName): Preset {
  return PRESET_LIST.find((preset) => preset.name === name) ?? GENERIC;
}

/** The first known tool whose header this is, else the generic reader. */
export function detectPreset(headers: string[]): Preset {
  return PRESET_LIST.find((preset) => preset.matches(headers)) ?? GENERIC;
}
