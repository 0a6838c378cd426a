import { Type, type Static } from 'typebox';
import { Slug } from './teams.ts';

export const StatementSchema = Type.Object({
  id: Type.Integer(),
  scope: Type.Union([Type.Literal('workspace'), Type.Literal('team')]),
  textEn: Type.String(),
  textDa: Type.String(),
  retired: Type.Boolean(),
});
export type Statement = Static<typeof StatementSchema>;

export const StatementText = {
  textEn: Type.String({ minLength: 5, maxLength: 300 }),
  textDa: Type.String({ minLength: 5, maxLength: 300 }),
};

export const OpenRoundBody = Type.Object(
  {
    quarter: Type.String({ pattern: '^\\d{4}-Q[1-4]$' }),
    teams: Type.Array(Slug, { minItems: 1, maxItems: 50 }),
    endsOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  },
  { examples: [{ quarter: '2026-Q4', teams: ['kundeservice', 'webshop'], endsOn: '2026-12-18' }] },
);

export const OpenRoundWarning = Type.Object({
  // The codes of PULSE_WARNINGS in shared/pulse.ts.
  code: Type.Union([Type.Literal('PULSE_RESULTS_NEVER_SHOWN'), Type.Literal('PULSE_COMMENTS_NEVER_SHOWN')]),
  team: Type.String({ description: 'the team slug' }),
  teamName: Type.String(),
  eligible: Type.Integer({ description: 'members who may answer, fixed when the round opened' }),
  threshold: Type.Integer(),
});
export type OpenRoundWarning = Static<typeof OpenRoundWarning>;
export const OpenRoundResponse = Type.Object({ id: Type.Integer(), warnings: Type.Array(OpenRoundWarning) });
export type OpenRoundResponse = Static<typeof OpenRoundResponse>;

export const ThresholdsSchema = Type.Object({
  threshold: Type.Integer({ description: 'fewest respondents (and eligible members) for a result to show' }),
  commentThreshold: Type.Integer({
    description: 'fewest respondents (and eligible members) for comments to show; never below threshold',
  }),
});
export type Thresholds = Static<typeof ThresholdsSchema>;

export const RoundSchema = Type.Object({
  id: Type.Integer(),
  quarter: Type.String(),
  endsOn: Type.String(),
  open: Type.Boolean(),
  teams: Type.Array(Type.String()),
  respondents: Type.Integer({ description: 'people who answered in this team (a count, never who)' }),
  members: Type.Integer({ description: 'members who may answer: the team as it was when the round opened' }),
  mayAnswer: Type.Boolean({ description: 'whether the person asking was a member when the round opened' }),
  answered: Type.Boolean({ description: 'whether the person asking has answered' }),
  statements: Type.Array(Type.Object({ statementId: Type.Integer(), textEn: Type.String(), textDa: Type.String() })),
});
export type Round = Static<typeof RoundSchema>;

export const AnswerBody = Type.Object(
  {
    answers: Type.Array(
      Type.Object(
        {
          statementId: Type.Integer({ minimum: 1 }),
          score: Type.Integer({ minimum: 1, maximum: 5 }),
          comment: Type.Optional(Type.String({ maxLength: 1000 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  {
    examples: [
      {
        answers: [
          { statementId: 1, score: 4 },
          { statementId: 2, score: 2, comment: 'Vi får feedbacken, men sjældent tid til at handle på den.' },
          { statementId: 3, score: 5 },
        ],
      },
    ],
  },
);

export const StatementResultSchema = Type.Object({
  statementId: Type.Integer(),
  textEn: Type.String(),
  textDa: Type.String(),
  distribution: Type.Tuple([Type.Integer(), Type.Integer(), Type.Integer(), Type.Integer(), Type.Integer()]),
  mean: Type.Number(),
  change: Type.Union([Type.Number(), Type.Null()]),
});

export const RoundResultSchema = Type.Object({
  roundId: Type.Integer(),
  quarter: Type.String(),
  respondents: Type.Integer(),
  threshold: Type.Integer(),
  eligible: Type.Integer({ description: 'members who could answer, fixed when the round opened' }),
  commentThreshold: Type.Integer(),
  open: Type.Boolean({ description: 'results of an open round are withheld until it closes' }),
  enough: Type.Boolean(),
  statements: Type.Array(StatementResultSchema),
  comments: Type.Array(Type.Object({ statementId: Type.Integer(), text: Type.String() })),
});
export type RoundResult = Static<typeof RoundResultSchema>;
