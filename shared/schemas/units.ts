import { Type, type Static } from 'typebox';
import { Email } from './common.ts';
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

export const DashboardTable = Type.Union([Type.Literal('rhythm'), Type.Literal('actions'), Type.Literal('oldest')]);
export const DashboardExportQuery = Type.Object({
  table: DashboardTable,
  delimiter: Type.Optional(Type.Union([Type.Literal('comma'), Type.Literal('semicolon')])),
});
