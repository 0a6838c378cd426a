import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorCode } from '../../shared/errors.ts';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import {
  AddMemberBody,
  CreateTeamBody,
  MemberParams,
  MemberSchema,
  SetRoleBody,
  TeamDetailSchema,
  TeamParams,
  TeamSchema,
  UpdateTeamBody,
} from '../../shared/schemas/teams.ts';
import { AppError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

export const teamRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { teams } = app.services;

  app.get(
    '/api/teams',
    {
      schema: {
        tags: ['teams'],
        response: {
          200: Type.Object({
            teams: Type.Array(
              Type.Object({ team: TeamSchema, role: Type.Union([MemberSchema.properties.role, Type.Null()]) }),
            ),
          }),
          401: ErrorSchema,
        },
      },
    },
    async (request) => ({ teams: await teams.listFor(requireUser(request)) }),
  );

  app.post(
    '/api/teams',
    { schema: { tags: ['teams'], body: CreateTeamBody, response: { 201: TeamSchema, ...errors } } },
    async (request, reply) => {
      const user = requireUser(request);
      if (!user.isAdmin) throw new AppError(ErrorCode.FORBIDDEN, 'Only a workspace admin can create teams');
      return reply.status(201).send(await teams.create(request.body, request.body.asLead ? user.id : undefined));
    },
  );

  app.get(
    '/api/teams/:team',
    { schema: { tags: ['teams'], params: TeamParams, response: { 200: TeamDetailSchema, ...errors } } },
    async (request) => teams.detail(requireUser(request), request.params.team),
  );

  app.patch(
    '/api/teams/:team',
    { schema: { tags: ['teams'], params: TeamParams, body: UpdateTeamBody, response: { 200: TeamSchema, ...errors } } },
    async (request) => teams.update(request.params.team, requireUser(request), request.body),
  );

  app.post(
    '/api/teams/:team/members',
    {
      schema: { tags: ['teams'], params: TeamParams, body: AddMemberBody, response: { 201: MemberSchema, ...errors } },
    },
    async (request, reply) => {
      await teams.access(requireUser(request), request.params.team, 'lead');
      return reply.status(201).send(await teams.addMember(request.params.team, request.body.email, request.body.role));
    },
  );

  app.put(
    '/api/teams/:team/members/:userId',
    {
      schema: { tags: ['teams'], params: MemberParams, body: SetRoleBody, response: { 200: MemberSchema, ...errors } },
    },
    async (request) =>
      teams.setRole(requireUser(request), request.params.team, request.params.userId, request.body.role),
  );

  app.delete(
    '/api/teams/:team/members/:userId',
    { schema: { tags: ['teams'], params: MemberParams, response: { 200: OkSchema, ...errors } } },
    async (request) => {
      await teams.removeMember(requireUser(request), request.params.team, request.params.userId);
      return { ok: true as const };
    },
  );
};
