import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import {
  FeedbackPageSchema,
  FeedbackQuery,
  KpiMonthSchema,
  KpiSchema,
  LocalDate,
} from '../../shared/schemas/feedback.ts';
import { MetricSchema } from '../../shared/schemas/imports.ts';
import { Slug, TeamParams } from '../../shared/schemas/teams.ts';
import { requireUser } from '../plugins/auth.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };
const ItemParams = Type.Object({ team: Slug, id: Type.Integer({ minimum: 1 }) });
const KpiQuery = Type.Object({
  metric: MetricSchema,
  from: Type.Optional(LocalDate),
  to: Type.Optional(LocalDate),
  source: Type.Optional(Type.String({ maxLength: 100 })),
});

/** The feedback inbox and the KPIs: every member of the team reads; members tag and flag; leads erase. */
export const feedbackRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { teams, feedback } = app.services;
  const team = (
    request: { params: { team: string } } & Parameters<typeof requireUser>[0],
    role: 'member' | 'lead' = 'member',
  ) => teams.access(requireUser(request), request.params.team, role).team;

  app.get(
    '/api/teams/:team/feedback',
    {
      schema: {
        tags: ['feedback'],
        params: TeamParams,
        querystring: FeedbackQuery,
        response: { 200: FeedbackPageSchema, ...errors },
      },
    },
    async (request) => feedback.list(team(request), request.query),
  );

  app.get(
    '/api/teams/:team/feedback/facets',
    {
      schema: {
        tags: ['feedback'],
        params: TeamParams,
        response: {
          200: Type.Object({
            sources: Type.Array(Type.String()),
            tags: Type.Array(Type.String()),
            themes: Type.Array(Type.String(), { description: 'themes the team’s boards grouped items into' }),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const found = team(request);
      return { sources: feedback.sources(found), tags: feedback.tags(found), themes: await feedback.themeNames(found) };
    },
  );

  app.post(
    '/api/teams/:team/feedback/:id/tags',
    {
      schema: {
        tags: ['feedback'],
        params: ItemParams,
        body: Type.Object({ tag: Type.String({ minLength: 1, maxLength: 50 }) }),
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      feedback.addTag(team(request), request.params.id, request.body.tag);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/teams/:team/feedback/:id/tags/:tag',
    {
      schema: {
        tags: ['feedback'],
        params: Type.Object({
          team: Slug,
          id: Type.Integer({ minimum: 1 }),
          tag: Type.String({ minLength: 1, maxLength: 50 }),
        }),
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      feedback.removeTag(team(request), request.params.id, request.params.tag);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/teams/:team/feedback/:id/flag',
    {
      schema: {
        tags: ['feedback'],
        params: ItemParams,
        body: Type.Object({ flagged: Type.Boolean() }),
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      feedback.setFlag(team(request), request.params.id, request.body.flagged);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/teams/:team/feedback/erase',
    {
      schema: {
        tags: ['feedback'],
        params: TeamParams,
        body: Type.Object({ customer: Type.String({ minLength: 1, maxLength: 300 }) }),
        response: { 200: Type.Object({ erased: Type.Integer() }), ...errors },
      },
    },
    async (request) => ({ erased: await feedback.eraseCustomer(team(request, 'lead'), request.body.customer) }),
  );

  app.get(
    '/api/teams/:team/kpis',
    { schema: { tags: ['kpis'], params: TeamParams, querystring: KpiQuery, response: { 200: KpiSchema, ...errors } } },
    async (request) => feedback.kpi(team(request), request.query.metric, request.query),
  );

  app.get(
    '/api/teams/:team/kpis/monthly',
    {
      schema: {
        tags: ['kpis'],
        params: TeamParams,
        querystring: Type.Object({
          metric: MetricSchema,
          months: Type.Optional(Type.Integer({ minimum: 1, maximum: 36, default: 12 })),
          source: Type.Optional(Type.String({ maxLength: 100 })),
          // A period's months instead (a meeting's window): from the month of `since` to the month of `until`, local dates.
          since: Type.Optional(LocalDate),
          until: Type.Optional(LocalDate),
        }),
        response: { 200: Type.Object({ months: Type.Array(KpiMonthSchema) }), ...errors },
      },
    },
    async (request) => {
      const { metric, months, source, since, until } = request.query;
      const owner = team(request);
      if (since !== undefined && until !== undefined)
        return { months: feedback.monthlyBetween(owner, metric, since, until, source) };
      return { months: feedback.monthly(owner, metric, months ?? 12, source) };
    },
  );
};
