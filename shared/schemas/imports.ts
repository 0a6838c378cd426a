import { Type, type Static, type TProperties } from 'typebox';
import { FIELDS, type Field } from '../fields.ts';

export { FIELDS, METRICS, PRESETS, type Field, type Mapping, type Metric, type PresetName } from '../fields.ts';

export const MetricSchema = Type.Union([
  Type.Literal('nps'),
  Type.Literal('csat'),
  Type.Literal('ces'),
  Type.Literal('rating'),
]);

/** Which column feeds which field: { field: header }. */
export const MappingSchema = Type.Partial(
  Type.Object(
    Object.fromEntries(FIELDS.map((field) => [field, Type.String({ minLength: 1, maxLength: 300 })])) as Record<
      Field,
      ReturnType<typeof Type.String>
    >,
    { additionalProperties: false },
  ),
);

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

/** One kind of rejected row: its code, the values its wording needs, its line and an English sentence for API users. */
function rejected<Code extends string, Params extends TProperties>(code: Code, params: Params, description: string) {
  return Type.Object(
    {
      line: Type.Integer({ description: 'the line as a spreadsheet shows it (header = line 1)' }),
      code: Type.Literal(code),
      params: Type.Object(params, { additionalProperties: false }),
      message: Type.String({
        description: 'the reason in English, for API users and the command line; the app words it from code and params',
      }),
    },
    { description },
  );
}
const value = Type.String({
  description: 'the value as the file has it, masked (e-mail, phone, CPR) and at most 40 characters',
});
const count = Type.Integer({ minimum: 0 });

/** Why a row was not imported: a stable code and typed params, worded by the client in the viewer's language. */
export const ImportErrorSchema = Type.Union([
  rejected(
    'FIELD_TOO_LONG',
    { column: Type.String(), length: count, limit: count },
    'a field holds more characters than the limit',
  ),
  rejected('DATE_MISSING', { column: Type.String() }, 'the date column is empty on this row'),
  rejected('DATE_UNREADABLE', { value }, 'the date is not one Kadence can read'),
  rejected('REPLY_DATE_UNREADABLE', { value }, 'the reply date is not one Kadence can read'),
  rejected('METRIC_UNKNOWN', { value }, 'the metric column names no known metric'),
  rejected('SCORE_NOT_WHOLE', { value }, 'the score is not a whole number'),
  rejected('SCORE_NO_METRIC', { value }, 'the score has no metric: map a metric column or choose one'),
  rejected(
    'SCORE_OUT_OF_RANGE',
    { value, metric: MetricSchema, low: Type.Integer(), high: Type.Integer() },
    "the score lies outside its metric's scale",
  ),
  rejected(
    'RATING_NOT_GIVEN',
    { value: Type.String({ description: 'what the tool wrote instead (e.g. offered), or empty' }) },
    'a rating was asked for but not given (Zendesk)',
  ),
  rejected('RATING_NOT_GOOD_OR_BAD', { value }, 'a Zendesk rating that is neither good nor bad'),
  rejected('NO_SCORE_OR_COMMENT', {}, 'the row has neither a score nor a comment'),
  rejected('FIELD_COUNT', { fields: count, expected: count }, 'the row has more fields than the header, or fewer'),
  rejected('QUOTE_NOT_CLOSED', {}, 'a quoted field is never closed'),
  rejected('STRAY_QUOTE', {}, 'a quoted field has a stray quote inside it'),
  rejected('ENTRY_NOT_OBJECT', {}, 'an entry of the JSON list is not an object'),
  rejected('LINE_NOT_OBJECT', {}, 'an NDJSON line is not a JSON object'),
  rejected('LINE_NOT_JSON', {}, 'an NDJSON line is not valid JSON'),
  rejected(
    'OTHER',
    { text: Type.String({ description: 'the reason as it was stored before reasons had codes, masked' }) },
    'a reason kept from before reasons had codes',
  ),
]);
export type ImportError = Static<typeof ImportErrorSchema>;
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A rejection as rules make it and the database keeps it: the code and its params, no line and no wording. */
export type Rejection = Without<ImportError, 'line' | 'message'>;
export type RejectionCode = ImportError['code'];

export const ImportSummarySchema = Type.Object({
  id: Type.Integer(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed'), Type.Literal('undone')]),
  channel: Type.Union([Type.Literal('file'), Type.Literal('cli'), Type.Literal('api')]),
  fileName: Type.Union([Type.String(), Type.Null()]),
  preset: Type.String(),
  rows: Type.Integer(),
  imported: Type.Integer(),
  updated: Type.Integer({
    description: 'answers already held (same source and id) that came back changed and were updated',
  }),
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
    Type.Literal('AMBIGUOUS_COLUMN', {
      description: 'params.columns (", "-separated) could each be params.field: choose one',
    }),
    Type.Literal('HEADER_BELOW_TITLE', {
      description: 'the header is on params.line; the rows above it were passed over',
    }),
  ]),
  params: Type.Record(Type.String(), Type.String()),
});
export type ImportWarning = Static<typeof ImportWarningSchema>;

/** A row at the end of a table that is not an answer (a total, a note), reported with its line. */
export const ImportSkippedSchema = Type.Object({
  line: Type.Integer(),
  code: Type.Union([Type.Literal('SUMMARY_ROW'), Type.Literal('NOTE_ROW')]),
  label: Type.String({ description: "the row's first words, masked" }),
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
