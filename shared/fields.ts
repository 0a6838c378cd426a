/** Plain constants shared by server and client; kept apart from the schemas so the client bundle stays small. */
export const METRICS = ['nps', 'csat', 'ces', 'rating'] as const;
export type Metric = (typeof METRICS)[number];

export const FIELDS = [
  'receivedAt',
  'score',
  'comment',
  'title',
  'externalId',
  'customer',
  'segment',
  'source',
  'language',
  'metric',
  'reply',
  'repliedAt',
] as const;
export type Field = (typeof FIELDS)[number];
export type Mapping = Partial<Record<Field, string>>;

export const PRESETS = [
  'surveymonkey',
  'typeform',
  'google-forms',
  'microsoft-forms',
  'google-play',
  'trustpilot',
  'delighted',
  'zendesk',
  'generic',
] as const;
export type PresetName = (typeof PRESETS)[number];
