import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import {
  AnswerBody,
  OpenRoundBody,
  OpenRoundResponse,
  RoundResultSchema,
  RoundSchema,
  StatementSchema,
  StatementText,
  ThresholdsSchema,
} from '../../shared/schemas/pulse.ts';
import { Slug, TeamParams } from '../../shared/schemas/teams.ts';
import { requireUser } from '../plugins/auth.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const RoundParams = Type.Object({ team: Slug, id: Type.Integer({ minimum: 1 }) });

/** The culture pulse. Results only ever leave through `results`, which enforces the threshold. */
export const pulseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { pulse } = app.services;

  app.get(
    '/api/teams/:team/pulse/statements',
    {
      schema: {
        tags: ['pulse'],
        params: TeamParams,
        response: { 200: Type.Object({ statements: Type.Array(StatementSchema) }), ...errors },
      },
    },
    async (request) => ({
      statements: await pulse.statements(requireUser(request), request.params.team),
    }),
  );

  app.post(
    '/api/teams/:team/pulse/statements',
    {
      schema: {
        tags: ['pulse'],
        params: TeamParams,
        body: Type.Object(StatementText),
        response: { 201: StatementSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await pulse.addStatement(requireUser(request), request.params.team, request.body.textEn, request.body.textDa),
        ),
  );

  app.post(
    '/api/pulse/statements',
    { schema: { tags: ['pulse'], body: Type.Object(StatementText), response: { 201: StatementSchema, ...errors } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await pulse.addStatement(requireUser(request), null, request.body.textEn, request.body.textDa)),
  );

  app.patch(
    '/api/pulse/statements/:id',
    {
      schema: {
        tags: ['pulse'],
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({
          textEn: Type.Optional(StatementText.textEn),
          textDa: Type.Optional(StatementText.textDa),
          retired: Type.Optional(Type.Boolean()),
        }),
        response: { 200: StatementSchema, ...errors },
      },
    },
    async (request) => pulse.updateStatement(requireUser(request), request.params.id, request.body),
  );

  app.put(
    '/api/pulse/threshold',
    {
      schema: {
        tags: ['pulse'],
        body: Type.Object({ threshold: Type.Integer({ minimum: 5, maximum: 1000 }) }),
        response: { 200: Type.Object({ threshold: Type.Integer() }), ...errors },
      },
    },
    async (request) => ({ threshold: pulse.setThreshold(requireUser(request), request.body.threshold) }),
  );

  app.get(
    '/api/pulse/thresholds',
    { schema: { tags: ['pulse'], response: { 200: ThresholdsSchema, ...errors } } },
    async (request) => {
      requireUser(request);
      return pulse.thresholds();
    },
  );

  app.put(
    '/api/pulse/comment-threshold',
    {
      schema: {
        tags: ['pulse'],
        body: Type.Object({ commentThreshold: Type.Integer({ minimum: 5, maximum: 1000 }) }),
        response: { 200: Type.Object({ commentThreshold: Type.Integer() }), ...errors },
      },
    },
    async (request) => ({
      commentThreshold: pulse.setCommentThreshold(requireUser(request), request.body.commentThreshold),
    }),
  );

  // The answer carries warnings (codes) for teams too small for their results ever to show.
  app.post(
    '/api/pulse/rounds',
    { schema: { tags: ['pulse'], body: OpenRoundBody, response: { 201: OpenRoundResponse, ...errors } } },
    async (request, reply) => reply.status(201).send(await pulse.openRound(requireUser(request), request.body)),
  );

  app.get(
    '/api/teams/:team/pulse/rounds',
    {
      schema: {
        tags: ['pulse'],
        params: TeamParams,
        response: { 200: Type.Object({ rounds: Type.Array(RoundSchema) }), ...errors },
      },
    },
    async (request) => ({
      rounds: await pulse.rounds(requireUser(request), request.params.team),
    }),
  );

  app.post(
    '/api/teams/:team/pulse/rounds/:id/answers',
    { schema: { tags: ['pulse'], params: RoundParams, body: AnswerBody, response: { 201: OkSchema, ...errors } } },
    async (request, reply) => {
      await pulse.answer(requireUser(request), request.params.team, request.params.id, request.body.answers);
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.post(
    '/api/teams/:team/pulse/rounds/:id/close',
    { schema: { tags: ['pulse'], params: RoundParams, response: { 200: OkSchema, ...errors } } },
    async (request) => {
      await pulse.closeRound(requireUser(request), request.params.team, request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/teams/:team/pulse/results',
    {
      schema: {
        tags: ['pulse'],
        params: TeamParams,
        response: { 200: Type.Object({ results: Type.Array(RoundResultSchema) }), ...errors },
      },
    },
    async (request) => ({
      results: await pulse.results(requireUser(request), request.params.team),
    }),
  );
};
