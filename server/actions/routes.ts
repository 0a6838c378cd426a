import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ActionDetailSchema,
  ActionListQuery,
  ActionListSchema,
  ActionParams,
  CreateActionBody,
  CreatedWebhookSchema,
  CreateWebhookBody,
  DeliverySchema,
  EffectSchema,
  FollowUpQuery,
  FollowUpSchema,
  NoteBody,
  ReminderSchema,
  StatusBody,
  UpdateActionBody,
  WebhookParams,
  WebhookSchema,
} from '../../shared/schemas/actions.ts';
import type { User } from '../../shared/schemas/auth.ts';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import { TeamParams } from '../../shared/schemas/teams.ts';
import { notFound } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { actionsCsv, actionsMarkdown } from './export.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const tags = ['actions'];

export const actionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { actions, teams, webhooks } = app.services;

  /** An action is addressed under its own team; under any other slug it does not exist. */
  const scoped = async (user: User, slug: string, id: number): Promise<number> => {
    await teams.access(user, slug);
    if ((await actions.visible(user, id)).team_slug !== slug) throw notFound('Action');
    return id;
  };

  app.get(
    '/api/actions',
    { schema: { tags, querystring: ActionListQuery, response: { 200: ActionListSchema, ...errors } } },
    async (request) => actions.list(requireUser(request), request.query),
  );

  app.get(
    '/api/actions/reminders',
    { schema: { tags, response: { 200: ReminderSchema, 401: ErrorSchema } } },
    async (request) => ({
      actions: await actions.reminders(requireUser(request)),
    }),
  );

  app.get(
    '/api/actions/export',
    {
      schema: {
        tags,
        // One flat object: with removeAdditional, each part of an intersection would strip the other's fields.
        querystring: Type.Object({
          ...ActionListQuery.properties,
          format: Type.Union([Type.Literal('csv'), Type.Literal('md')]),
          delimiter: Type.Optional(Type.Union([Type.Literal('comma'), Type.Literal('semicolon')])),
        }),
        response: { 200: Type.String(), ...errors },
      },
    },
    async (request, reply) => {
      const { format, delimiter, ...query } = request.query;
      const list = (await actions.list(requireUser(request), query)).actions;
      if (format === 'md')
        return reply
          .type('text/markdown; charset=utf-8')
          .header('content-disposition', 'attachment; filename="actions.md"')
          .send(actionsMarkdown(list));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="actions.csv"')
        .send(actionsCsv(list, delimiter === 'semicolon' ? ';' : ','));
    },
  );

  app.post(
    '/api/teams/:team/actions',
    { schema: { tags, params: TeamParams, body: CreateActionBody, response: { 201: ActionDetailSchema, ...errors } } },
    async (request, reply) =>
      reply.status(201).send(await actions.create(requireUser(request), request.params.team, request.body)),
  );

  app.get(
    '/api/teams/:team/actions/follow-up',
    { schema: { tags, params: TeamParams, querystring: FollowUpQuery, response: { 200: FollowUpSchema, ...errors } } },
    async (request) => ({
      actions: await actions.followUp(requireUser(request), request.params.team, request.query.since ?? null),
    }),
  );

  app.get(
    '/api/teams/:team/actions/:id',
    { schema: { tags, params: ActionParams, response: { 200: ActionDetailSchema, ...errors } } },
    async (request) => {
      const user = requireUser(request);
      return actions.get(user, await scoped(user, request.params.team, request.params.id));
    },
  );

  app.patch(
    '/api/teams/:team/actions/:id',
    {
      schema: { tags, params: ActionParams, body: UpdateActionBody, response: { 200: ActionDetailSchema, ...errors } },
    },
    async (request) => {
      const user = requireUser(request);
      return actions.update(user, await scoped(user, request.params.team, request.params.id), request.body);
    },
  );

  app.post(
    '/api/teams/:team/actions/:id/status',
    { schema: { tags, params: ActionParams, body: StatusBody, response: { 200: ActionDetailSchema, ...errors } } },
    async (request) => {
      const user = requireUser(request);
      const { to, reason, note } = request.body;
      return actions.changeStatus(user, await scoped(user, request.params.team, request.params.id), to, {
        reason,
        note,
      });
    },
  );

  app.post(
    '/api/teams/:team/actions/:id/notes',
    { schema: { tags, params: ActionParams, body: NoteBody, response: { 200: ActionDetailSchema, ...errors } } },
    async (request) => {
      const user = requireUser(request);
      return actions.addNote(user, await scoped(user, request.params.team, request.params.id), request.body.note);
    },
  );

  app.delete(
    '/api/teams/:team/actions/:id',
    { schema: { tags, params: ActionParams, response: { 200: OkSchema, ...errors } } },
    async (request) => {
      const user = requireUser(request);
      await actions.remove(user, await scoped(user, request.params.team, request.params.id));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/teams/:team/actions/:id/effect',
    { schema: { tags, params: ActionParams, response: { 200: EffectSchema, ...errors } } },
    async (request) => {
      const user = requireUser(request);
      return actions.effect(user, await scoped(user, request.params.team, request.params.id));
    },
  );

  app.get(
    '/api/teams/:team/webhooks',
    {
      schema: {
        tags,
        params: TeamParams,
        response: {
          200: Type.Object({ webhooks: Type.Array(WebhookSchema), deliveries: Type.Array(DeliverySchema) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { team } = await teams.access(requireUser(request), request.params.team, 'lead');
      return { webhooks: await webhooks.list(team.id), deliveries: await webhooks.deliveries(team.id) };
    },
  );

  app.post(
    '/api/teams/:team/webhooks',
    {
      schema: { tags, params: TeamParams, body: CreateWebhookBody, response: { 201: CreatedWebhookSchema, ...errors } },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { team } = await teams.access(user, request.params.team, 'lead');
      return reply.status(201).send(await webhooks.create(team.id, request.body.url, user.id));
    },
  );

  app.delete(
    '/api/teams/:team/webhooks/:id',
    { schema: { tags, params: WebhookParams, response: { 200: OkSchema, ...errors } } },
    async (request) => {
      const { team } = await teams.access(requireUser(request), request.params.team, 'lead');
      await webhooks.remove(team.id, request.params.id);
      return { ok: true as const };
    },
  );
};
