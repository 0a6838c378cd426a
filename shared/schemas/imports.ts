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

/** Something a person should look at before importing; the client words it from the code and params. */
export const ImportWarningSchema = Type.Object({
  code: Type.Union([
    Type.Literal('UNMAPPED_TEXT', { description: 'params.column holds long free text and is not imported' }),
    Type.Literal('NO_SCORE_OR_COMMENT', { description: 'no column was recognised as a score or a comment' }),
    Type.Literal('AMBIGUOUS_COLUMN', { description: 'params.columns (", "-separated) could each be params.field: choose one' }),
    Type.Literal('HEADER_BELOW_TITLE', { description: 'the header is on params.line; the rows above it were passed over' }),
  ]),
  params: Type.Record(Type.String(), Type.String()),
});
export type ImportWarning = Static<typeof ImportWarningSchema>;

/** A row at the end of a table that is not an answer (a total, a note), reported with its line. */
export const ImportSkippedSchema = Type.Object({
  line: Type.Integer(),
  code: Type.Union([Type.Literal('SUMMARY_ROW'), Type.Literal('NOTE_ROW')]),
  label: Type.String({ description: 'the row\'s first words, masked' }),
});
export type ImportSkipped = Static<typeof ImportSkippedSchema>;

/** What the first rows of a file look like, for mapping columns by hand before importing. */
export const PreviewSchema = Type.Object({
  format: Type.String(),
  encoding: Type.String(),
  preset: Type.String(),
  headers: Type.Array(Type.String()),
  headerLine: Type.Union([Type.Integer(), Type.Null()], { description: 'the line of the header row; null for JSON' }),
  rows: Type.Array(Type.Array(Type.String())),
  mapping: Type.Record(Type.String(), Type.String()),
  unmapped: Type.Array(Type.String(), { description: 'columns no field takes: not imported' }),
  missing: Type.Array(Type.String()),
  warnings: Type.Array(ImportWarningSchema),
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
