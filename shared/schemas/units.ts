import { Type, type Static } from 'typebox';
import { Email } from './common.ts';
import { KpiSchema } from './feedback.ts';
import { MetricSchema } from './imports.ts';
import { Slug } from './teams.ts';

export const UnitName = Type.String({ minLength: 1, maxLength: 80 });
export const UnitParams = Type.Object({ unit: Type.Integer({ minimum: 1 }) });
export const UnitTeamParams = Type.Object({ unit: Type.Integer({ minimum: 1 }), team: Slug });
export const UnitLeadParams = Type.Object({ unit: Type.Integer({ minimum: 1 }), userId: Type.Integer({ minimum: 1 }) });

const TeamRef = Type.Object({ slug: Type.String(), name: Type.String() });

export const UnitSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
  teams: Type.Array(TeamRef),
  leads: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String(), email: Type.String() })),
  /** Whether the caller may open this unit's dashboard (an admin, or a lead of it or of a unit above). */
  mayView: Type.Boolean(),
});
export type Unit = Static<typeof UnitSchema>;

export const UnitListSchema = Type.Object({ units: Type.Array(UnitSchema) });

export const CreateUnitBody = Type.Object({
  name: UnitName,
  parentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
});
export type CreateUnitBody = Static<typeof CreateUnitBody>;

/** `parentId: null` moves the unit to the top; absent leaves it where it is. */
export const UpdateUnitBody = Type.Object({
  name: Type.Optional(UnitName),
  parentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
});
export type UpdateUnitBody = Static<typeof UpdateUnitBody>;

export const AddUnitLeadBody = Type.Object({ email: Email });

const Count = Type.Object({ planned: Type.Integer(), held: Type.Integer() });
const UnitTeamRef = Type.Object({ slug: Type.String(), name: Type.String(), timezone: Type.String() });

export const LostReasonSchema = Type.Union([Type.Literal('missed_two'), Type.Literal('none_45_days')]);

export const RhythmRowSchema = Type.Object({
  team: UnitTeamRef,
  /** The unit directly holding the team (the dashboard's unit or one below it). */
  unitName: Type.String(),
  quarter: Count,
  year: Count,
  streak: Type.Integer(),
  /** People at a held review this year, on average; null when none was held. */
  attendanceAvg: Type.Union([Type.Number(), Type.Null()]),
  members: Type.Integer(),
  lastHeldAt: Type.Union([Type.String(), Type.Null()]),
  lost: Type.Union([LostReasonSchema, Type.Null()]),
});
export type RhythmRow = Static<typeof RhythmRowSchema>;

export const ActionsRowSchema = Type.Object({
  team: UnitTeamRef,
  /** Decided at this year's reviews. */
  decided: Type.Integer(),
  doneByNext: Type.Integer(),
  doneByNextPct: Type.Union([Type.Integer(), Type.Null()]),
  open: Type.Integer(),
  overdue: Type.Integer(),
});
export type ActionsRow = Static<typeof ActionsRowSchema>;

export const OldestActionSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  team: UnitTeamRef,
  ownerName: Type.Union([Type.String(), Type.Null()]),
  dueDate: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  createdAt: Type.String(),
});
export type OldestAction = Static<typeof OldestActionSchema>;

export const DashboardSchema = Type.Object({
  unit: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    /** From the top of the tree down to this unit's parent. */
    path: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  }),
  /** The first day of this quarter and of this year (YYYY-MM-DD), as the figures count them. */
  quarterStart: Type.String(),
  yearStart: Type.String(),
  rhythm: Type.Object({
    /** Teams that lost the rhythm first, then by name. */
    teams: Type.Array(RhythmRowSchema),
    total: Type.Object({
      teams: Type.Integer(),
      lost: Type.Integer(),
      quarter: Count,
      year: Count,
      attendanceAvg: Type.Union([Type.Number(), Type.Null()]),
    }),
  }),
  actions: Type.Object({
    teams: Type.Array(ActionsRowSchema),
    total: Type.Object({
      decided: Type.Integer(),
      doneByNext: Type.Integer(),
      doneByNextPct: Type.Union([Type.Integer(), Type.Null()]),
      open: Type.Integer(),
      overdue: Type.Integer(),
    }),
    oldestOpen: Type.Array(OldestActionSchema),
  }),
});
export type Dashboard = Static<typeof DashboardSchema>;

/** One month of a KPI series: the KPI with n and its 95 % interval, and the linked actions completed in it. */
const KpiPointSchema = Type.Intersect([
  KpiSchema,
  Type.Object({
    /** YYYY-MM, each team's own calendar month. */
    month: Type.String(),
    /** Actions aimed at this metric that were completed in the month: the chart's markers. */
    actionsDone: Type.Integer(),
  }),
]);

export const CustomersSchema = Type.Object({
  /** The months shown, oldest first (YYYY-MM): the last twelve, this one included. */
  months: Type.Array(Type.String()),
  /** Fewer answers than this in a month and its KPI is not shown. */
  minimum: Type.Integer(),
  /** One block per metric any team has answers for: metrics side by side, never mixed into one number. */
  metrics: Type.Array(
    Type.Object({
      metric: MetricSchema,
      /** The unit's figure: the answers of every team with this metric pooled, month by month. */
      unit: Type.Array(
        Type.Intersect([KpiPointSchema, Type.Object({ teams: Type.Integer({ description: 'teams with answers' }) })]),
      ),
      teams: Type.Array(Type.Object({ team: UnitTeamRef, months: Type.Array(KpiPointSchema) })),
    }),
  ),
  /** The completed actions behind the markers, oldest first. */
  completed: Type.Array(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      team: UnitTeamRef,
      metric: MetricSchema,
      month: Type.String(),
      doneAt: Type.String(),
    }),
  ),
});
export type Customers = Static<typeof CustomersSchema>;

const Distribution = Type.Tuple([Type.Integer(), Type.Integer(), Type.Integer(), Type.Integer(), Type.Integer()]);

const CultureNoChange = Type.Union([
  Type.Literal('no_previous_round'),
  Type.Literal('previous_not_enough'),
  Type.Literal('not_asked_before'),
]);

export const CultureSchema = Type.Object({
  /** The newest quarter in which a round of the unit's teams has closed (e.g. 2026-Q4); null before any round. */
  quarter: Type.Union([Type.String(), Type.Null()]),
  /** Fewest respondents, and people asked, for any figure to show. */
  threshold: Type.Integer(),
  /** Each team's round that quarter, as counts: whether it met the threshold and so is in the rollup. */
  teams: Type.Array(
    Type.Object({
      team: UnitTeamRef,
      hasRound: Type.Boolean(),
      respondents: Type.Integer(),
      eligible: Type.Integer(),
      open: Type.Boolean(),
      included: Type.Boolean(),
    }),
  ),
  /** The answers of the included teams pooled; statements only when the pool meets the threshold too. */
  pooled: Type.Object({
    teams: Type.Integer(),
    respondents: Type.Integer(),
    eligible: Type.Integer(),
    enough: Type.Boolean(),
    statements: Type.Array(
      Type.Object({
        statementId: Type.Integer(),
        textEn: Type.String(),
        textDa: Type.String(),
        distribution: Distribution,
        n: Type.Integer(),
        mean: Type.Number(),
        teams: Type.Integer(),
        /** The change since the previous quarter's pooled mean; null when that quarter cannot be compared. */
        change: Type.Union([Type.Object({ previousMean: Type.Number(), delta: Type.Number() }), Type.Null()]),
        /** Why there is no change: the previous pool missed the thresholds, had no rounds, or did not ask it. */
        noChange: Type.Union([CultureNoChange, Type.Null()]),
      }),
    ),
  }),
  /** The previous quarter's pool, by the same rule, that each statement's change is measured against. */
  previous: Type.Union([
    Type.Object({
      quarter: Type.String(),
      teams: Type.Integer(),
      respondents: Type.Integer(),
      enough: Type.Boolean(),
    }),
    Type.Null(),
  ]),
});
export type Culture = Static<typeof CultureSchema>;

export const DashboardTable = Type.Union([
  Type.Literal('rhythm'),
  Type.Literal('actions'),
  Type.Literal('oldest'),
  Type.Literal('customers'),
  Type.Literal('culture'),
  Type.Literal('themes'),
]);
export const DashboardExportQuery = Type.Object({
  table: DashboardTable,
  /** For table=themes: the quarter, as GET …/dashboard/themes takes it. */
  quarter: Type.Optional(Type.String()),
  delimiter: Type.Optional(Type.Union([Type.Literal('comma'), Type.Literal('semicolon')])),
});
