import { Type, type Static } from 'typebox';

export const METRICS = ['nps', 'csat', 'ces', 'rating'] as const;
export const MetricSchema = Type.Union([Type.Literal('nps'), Type.Literal('csat'), Type.Literal('ces'), Type.Literal('rating')]);
export type Metric = (typeof METRICS)[number];

export const FIELDS = ['receivedAt', 'score', 'comment', 'title', 'externalId', 'customer', 'segment', 'source', 'language', 'metric'] as const;
export type Field = (typeof FIELDS)[number];
/** Which column feeds which field: { field: header }. */
export const MappingSchema = Type.Partial(Type.Object(Object.fromEntries(FIELDS.map((field) => [field, Type.String({ minLength: 1, maxLength: 300 })])) as Record<Field, ReturnType<typeof Type.String>>, { additionalProperties: false }));
export type Mapping = Partial<Record<Field, string>>;

export const PRESETS = ['surveymonkey', 'typeform', 'google-forms', 'microsoft-forms', 'google-play', 'trustpilot', 'delighted', 'zendesk', 'generic'] as const;
export type PresetName = (typeof PRESETS)[number];
export const PresetNameSchema = Type.Union([
  Type.Literal('surveymonkey'),
  Type.Literal('typeform'),
  Type.Literal('google-forms'),
  Type.Literal('microsoft-forms'),
  Type.Literal('google-play'),
  Type.Literal('trustpilot'),
  Type.Literal('delighted'),
  Type.Literal('zendesk'),
  Type.Literal('generic'),
]);

export const ImportErrorSchema = Type.Object({ line: Type.Integer(), reason: Type.String() });
export type ImportError = Static<typeof ImportErrorSchema>;

export const ImportSummarySchema = Type.Object({
  id: Type.Integer(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed'), Type.Literal('undone')]),
  channel: Type.Union([Type.Literal('file'), Type.Literal('cli'), Type.Literal('api')]),
  fileName: Type.Union([Type.String(), Type.Null()]),
  preset: Type.String(),
  rows: Type.Integer(),
  imported: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
  failure: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type ImportSummary = Static<typeof ImportSummarySchema>;

/** What the first rows of a file look like, for mapping columns by hand before importing. */
export const PreviewSchema = Type.Object({
  format: Type.String(),
  encoding: Type.String(),
  preset: Type.String(),
  headers: Type.Array(Type.String()),
  rows: Type.Array(Type.Array(Type.String())),
  mapping: Type.Record(Type.String(), Type.String()),
  missing: Type.Array(Type.String()),
});
export type Preview = Static<typeof PreviewSchema>;

export const ProgressSchema = Type.Object({
  importId: Type.Integer(),
  rows: Type.Integer(),
  bytes: Type.Integer(),
  totalBytes: Type.Integer(),
  percent: Type.Number(),
});
export type ImportProgress = Static<typeof ProgressSchema>;
