import { Type, type Static } from 'typebox';
import { Slug } from './teams.ts';

export const ActionStatusSchema = Type.Union([
  Type.Literal('open'),
  Type.Literal('in_progress'),
  Type.Literal('done'),
  Type.Literal('dropped'),
]);
export const EffectMetricSchema = Type.Union([
  Type.Literal('nps'),
  Type.Literal('csat'),
  Type.Literal('ces'),
  Type.Literal('rating'),
]);
export const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ActionParams = Type.Object({ team: Slug, id: Type.Integer({ minimum: 1 }) });
export const WebhookParams = Type.Object({ team: Slug, id: Type.Integer({ minimum: 1 }) });

export const HistoryEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Nullable(Type.Integer()),
  actorName: Nullable(Type.String()),
  kind: Type.String(),
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type HistoryEntry = Static<typeof HistoryEntrySchema>;

export const ActionSchema = Type.Object(
  {
    id: Type.Integer(),
    team: Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() }),
    title: Type.String(),
    description: Type.String(),
    ownerId: Nullable(Type.Integer()),
    ownerName: Nullable(Type.String()),
    dueDate: Nullable(Type.String()),
    dueState: Type.Union([
      Type.Literal('overdue'),
      Type.Literal('due_soon'),
      Type.Literal('later'),
      Type.Literal('none'),
    ]),
    status: ActionStatusSchema,
    dropReason: Nullable(Type.String()),
    effectMetric: Nullable(EffectMetricSchema),
    themeId: Nullable(Type.Integer()),
    meetingId: Nullable(Type.Integer()),
    origins: Type.Array(Type.Object({ kind: Type.String(), ref: Type.String() })),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    doneAt: Nullable(Type.String()),
  },
  {
    examples: [
      {
        id: 57,
        team: { id: 3, slug: 'kundeservice', name: 'Kundeservice' },
        title: 'Ring kunder op inden for 24 timer efter en NPS på 0–6',
        description: 'Vi tager fat i kritikerne, mens sagen er frisk, og noterer årsagen i sagen.',
        ownerId: 12,
        ownerName: 'Mette Østergaard',
        dueDate: '2026-12-18',
        dueState: 'later',
        status: 'in_progress',
        dropReason: null,
        effectMetric: 'nps',
        themeId: 8,
        meetingId: 21,
        origins: [{ kind: 'feedback', ref: '1834' }],
        createdAt: '2026-11-10T09:42:17.000Z',
        updatedAt: '2026-11-24T13:05:00.000Z',
        doneAt: null,
      },
    ],
  },
);
export type Action = Static<typeof ActionSchema>;

export const ActionDetailSchema = Type.Intersect([
  ActionSchema,
  Type.Object({ history: Type.Array(HistoryEntrySchema) }),
]);
export type ActionDetail = Static<typeof ActionDetailSchema>;

export const CreateActionBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    ownerId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    dueDate: Type.Optional(Nullable(LocalDate)),
    effectMetric: Type.Optional(Nullable(EffectMetricSchema)),
    themeId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    feedbackIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100 })),
  },
  {
    examples: [
      {
        title: 'Ring kunder op inden for 24 timer efter en NPS på 0–6',
        description: 'Vi tager fat i kritikerne, mens sagen er frisk, og noterer årsagen i sagen.',
        ownerId: 12,
        dueDate: '2026-12-18',
        effectMetric: 'nps',
        themeId: 8,
        feedbackIds: [1834, 1840],
      },
    ],
  },
);
export type CreateActionBody = Static<typeof CreateActionBody>;

export const UpdateActionBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    ownerId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    dueDate: Type.Optional(Nullable(LocalDate)),
    effectMetric: Type.Optional(Nullable(EffectMetricSchema)),
    themeId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  },
  { examples: [{ ownerId: 15, dueDate: '2027-01-15' }] },
);
export type UpdateActionBody = Static<typeof UpdateActionBody>;

export const StatusBody = Type.Object(
  {
    to: ActionStatusSchema,
    reason: Type.Optional(Type.String({ maxLength: 500 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { examples: [{ to: 'done', note: 'Alle kritikere fra november er ringet op.' }] },
);
export const NoteBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 500 }) });

export const ActionListQuery = Type.Object({
  team: Type.Optional(Slug),
  owner: Type.Optional(Type.Union([Type.Literal('me'), Type.Integer({ minimum: 1 })])),
  status: Type.Optional(ActionStatusSchema),
  due: Type.Optional(
    Type.Union([Type.Literal('overdue'), Type.Literal('due_soon'), Type.Literal('later'), Type.Literal('none')]),
  ),
});
export type ActionListQuery = Static<typeof ActionListQuery>;

export const ActionListSchema = Type.Object({ actions: Type.Array(ActionSchema), ledTeams: Type.Array(Type.String()) });

export const WebhookSchema = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String(),
});
export const CreatedWebhookSchema = Type.Intersect([WebhookSchema, Type.Object({ secret: Type.String() })]);
export const CreateWebhookBody = Type.Object({
  url: Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://' }),
});
export const DeliverySchema = Type.Object({
  id: Type.Integer(),
  webhookId: Type.Integer(),
  event: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  lastStatus: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  /** Why the last attempt failed, for the client to translate: PRIVATE_ADDRESS, TIMED_OUT, REDIRECT, HTTP_STATUS, NETWORK. */
  lastErrorCode: Nullable(Type.String()),
  nextAttemptAt: Nullable(Type.String()),
  createdAt: Type.String(),
  deliveredAt: Nullable(Type.String()),
});
export type Delivery = Static<typeof DeliverySchema>;

export const ReminderSchema = Type.Object({ actions: Type.Array(ActionSchema) });

const Interval = Nullable(Type.Tuple([Type.Number(), Type.Number()]));
export const EffectSchema = Type.Object({
  actionId: Type.Integer(),
  metric: Nullable(EffectMetricSchema),
  themeId: Nullable(Type.Integer()),
  months: Type.Array(
    Type.Object({
      month: Type.String(),
      n: Type.Integer(),
      value: Nullable(Type.Number()),
      ci95: Interval,
      mentions: Type.Integer(),
    }),
  ),
  markers: Type.Array(
    Type.Object({
      month: Type.String(),
      at: Type.String(),
      kind: Type.Union([Type.Literal('decided'), Type.Literal('done')]),
      actionId: Type.Integer(),
      title: Type.String(),
    }),
  ),
  comparison: Nullable(
    Type.Object({
      before: Type.Object({
        from: Type.String(),
        to: Type.String(),
        n: Type.Integer(),
        value: Nullable(Type.Number()),
        ci95: Interval,
      }),
      after: Nullable(
        Type.Object({
          from: Type.String(),
          to: Type.String(),
          n: Type.Integer(),
          value: Nullable(Type.Number()),
          ci95: Interval,
        }),
      ),
      verdict: Type.Union([
        Type.Literal('improved'),
        Type.Literal('worse'),
        Type.Literal('within_noise'),
        Type.Literal('too_few'),
        Type.Literal('not_done'),
      ]),
      /**
       * The test of the difference itself (after − before), two-sided at `alpha`: NPS by its standard
       * error (z), CSAT by a two-proportion z-test, CES and rating by Welch's t. Null until the action is
       * done; below 5 answers on either side only the counts are given.
       */
      test: Nullable(
        Type.Object({
          method: Type.Union([Type.Literal('nps_z'), Type.Literal('two_proportion_z'), Type.Literal('welch_t')]),
          nBefore: Type.Integer(),
          nAfter: Type.Integer(),
          alpha: Type.Number(),
          difference: Nullable(Type.Number()),
          se: Nullable(Type.Number()),
          statistic: Nullable(Type.Number()),
          df: Nullable(Type.Number()),
          p: Nullable(Type.Number()),
        }),
      ),
    }),
  ),
});
export type Effect = Static<typeof EffectSchema>;

export const FollowUpSchema = Type.Object({
  actions: Type.Array(
    Type.Intersect([
      ActionSchema,
      Type.Object({
        notes: Type.Array(Type.Object({ at: Type.String(), by: Nullable(Type.String()), note: Type.String() })),
      }),
    ]),
  ),
});
export const FollowUpQuery = Type.Object({ since: Type.Optional(Type.String({ format: 'date-time' })) });
