import { Type, type Static } from 'typebox';
import { FIELDS, type Field } from '../fields.ts';

export { FIELDS, METRICS, PRESETS, type Field, type Mapping, type Metric, type PresetName } from '../fields.ts';

export const MetricSchema = Type.Union([Type.Literal('nps'), Type.Literal('csat'), Type.Literal('ces'), Type.Literal('rating')]);

/** Which column feeds which field: { field: header }. */
export const MappingSchema = Type.Partial(Type.Object(Object.fromEntries(FIELDS.map((field) => [field, Type.String({ minLength: 1, maxLength: 300 })])) as Record<Field, ReturnType<typeof Type.String>>, { additionalProperties: false }));

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
  updated: Type.Integer({ description: 'answers already held (same source and id) that came back changed and were updated' }),
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
