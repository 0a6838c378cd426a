import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorCode } from '../../shared/errors.ts';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import {
  AcceptInviteBody,
  CreateInviteBody,
  CreatedInviteSchema,
  InvitePreviewSchema,
  InviteSchema,
  InviteTokenParams,
  SendInviteBody,
  Slug,
  TeamParams,
} from '../../shared/schemas/teams.ts';
import { AppError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';

const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  410: ErrorSchema,
};

export const inviteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { invites } = app.services;

  app.post(
    '/api/teams/:team/invites',
    {
      schema: {
        tags: ['invites'],
        params: TeamParams,
        body: CreateInviteBody,
        response: { 201: CreatedInviteSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invites.create(requireUser(request), request.params.team, request.body)),
  );

  app.post(
    '/api/teams/:team/invites/email',
    {
      schema: {
        tags: ['invites'],
        params: TeamParams,
        body: SendInviteBody,
        response: { 200: OkSchema, ...errors, 429: ErrorSchema },
      },
    },
    async (request) => {
      await invites.sendByEmail(requireUser(request), request.params.team, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/teams/:team/invites',
    {
      schema: {
        tags: ['invites'],
        params: TeamParams,
        response: { 200: Type.Object({ invites: Type.Array(InviteSchema) }), ...errors },
      },
    },
    async (request) => ({ invites: await invites.list(requireUser(request), request.params.team) }),
  );

  app.delete(
    '/api/teams/:team/invites/:id',
    {
      schema: {
        tags: ['invites'],
        params: Type.Object({ team: Slug, id: Type.Integer({ minimum: 1 }) }),
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      await invites.revoke(requireUser(request), request.params.team, request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/invites/:token',
    { schema: { tags: ['invites'], params: InviteTokenParams, response: { 200: InvitePreviewSchema, ...errors } } },
    async (request) => invites.preview(request.params.token),
  );

  app.post(
    '/api/invites/:token/accept',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['invites'],
        params: InviteTokenParams,
        body: AcceptInviteBody,
        response: { 200: Type.Object({ teamSlug: Type.String() }), ...errors },
      },
    },
    async (request, reply) => {
      if (request.user) return invites.acceptAsUser(request.params.token, request.user);
      const { name, email, password } = request.body;
      if (!name || !email || !password) {
        throw new AppError(ErrorCode.VALIDATION, 'name, email and password are needed to create your account');
      }
      const result = await invites.acceptAsNewUser(request.params.token, { name, email, password });
      app.setSessionCookie(reply, result.session);
      return { teamSlug: result.teamSlug };
    },
  );
};
