import { type Static, Type } from 'typebox';
import { ActionSchema } from './actions.ts';
import { TeamRoleSchema } from './teams.ts';

const TeamRef = Type.Object({ slug: Type.String(), name: Type.String(), timezone: Type.String() });

/** What the home page shows a person: what needs them now, across their teams. */
export const OverviewSchema = Type.Object({
  nextReviews: Type.Array(
    Type.Object({
      meetingId: Type.Integer(),
      team: TeamRef,
      startsAt: Type.String(),
      status: Type.Union([Type.Literal('planned'), Type.Literal('live')]),
      prepared: Type.Boolean(),
      mayPrepare: Type.Boolean({ description: 'a lead or facilitator of the team, who prepares its board' }),
    }),
  ),
  openActions: Type.Array(ActionSchema),
  pulseRounds: Type.Array(
    Type.Object({ roundId: Type.Integer(), team: TeamRef, quarter: Type.String(), endsOn: Type.String() }),
  ),
  rhythm: Type.Array(
    Type.Object({
      team: TeamRef,
      planned: Type.Integer(),
      held: Type.Integer(),
      streak: Type.Integer(),
      actionCompletionPct: Type.Union([Type.Integer(), Type.Null()]),
    }),
    { description: 'the teams the person leads; empty for everyone else' },
  ),
  teams: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), role: TeamRoleSchema })),
  units: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() }), {
    description: 'the units the person leads, each with a dashboard',
  }),
});
export type Overview = Static<typeof OverviewSchema>;
