import { type Static, Type } from 'typebox';
import { MetricSchema } from './imports.ts';
import { LostReasonSchema } from './units.ts';

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'a calendar month, YYYY-MM' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Interval = Nullable(Type.Tuple([Type.Number(), Type.Number()]));

const TeamRef = Type.Object({ slug: Type.String(), name: Type.String() });

/** One month of a metric's pooled answers, as shared/kpi-pool.ts gives it. */
const KpiPoint = Type.Object({
  month: Month,
  n: Type.Integer(),
  /** Null below the minimum of answers. */
  value: Nullable(Type.Number()),
  ci95: Interval,
});

export const LeaderDigestContentSchema = Type.Object({
  unit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  lead: Type.Object({ id: Type.Integer(), name: Type.String() }),
  month: Month,
  /** The month's figures are counted in each team's own time zone; this one names the unit's days. */
  timezone: Type.String(),
  language: Type.Union([Type.Literal('da'), Type.Literal('en')]),
  totals: Type.Object({
    teams: Type.Integer(),
    planned: Type.Integer({ description: 'reviews due in the month (held, or past their planned hour)' }),
    held: Type.Integer(),
    decided: Type.Integer({ description: 'actions decided at the reviews of the month' }),
    completed: Type.Integer({ description: 'actions marked done during the month' }),
    lost: Type.Integer(),
  }),
  /** Teams that lost the rhythm first, then by name. */
  teams: Type.Array(
    Type.Object({
      team: TeamRef,
      planned: Type.Integer(),
      held: Type.Integer(),
      decided: Type.Integer(),
      completed: Type.Integer(),
      lost: Nullable(LostReasonSchema),
      lastHeldAt: Nullable(Type.String()),
    }),
  ),
  /** Per metric, the unit's pooled answers this month beside the month before; metrics never mixed. */
  kpis: Type.Array(
    Type.Object({
      metric: MetricSchema,
      /** Teams with answers for this metric in either month. */
      teams: Type.Integer(),
      current: KpiPoint,
      previous: KpiPoint,
      /** This month's value minus the previous one's; null when either is below the minimum of answers. */
      change: Nullable(Type.Number()),
      /** An approximate 95 % interval of the change, from the two months' intervals. */
      changeCi95: Interval,
      /** Whether that interval leaves out 0: a movement beyond the noise of the answers. */
      clear: Type.Boolean(),
    }),
  ),
});
export type LeaderDigestContent = Static<typeof LeaderDigestContentSchema>;

export const LeaderDigestSchema = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  month: Month,
  createdAt: Type.String(),
  /** When the e-mail went out; null without SMTP_URL (the digest is in the app all the same). */
  mailedAt: Nullable(Type.String()),
  /**
   * The e-mail's state: pending (to be tried, again at nextAttemptAt after a refusal), sent, or
   * failed (every attempt refused); null when the digest was kept in the app only (no SMTP_URL).
   */
  mail: Nullable(
    Type.Object({
      state: Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')]),
      attempts: Type.Integer({ minimum: 0 }),
      nextAttemptAt: Nullable(Type.String()),
    }),
  ),
  content: LeaderDigestContentSchema,
});
export type LeaderDigest = Static<typeof LeaderDigestSchema>;

export const LeaderDigestListSchema = Type.Object({ digests: Type.Array(LeaderDigestSchema) });
