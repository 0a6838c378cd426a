import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import { ImportErrorSchema } from '../../shared/schemas/imports.ts';
import { Slug, TeamParams } from '../../shared/schemas/teams.ts';
import { notFound } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 429: ErrorSchema };
const Text = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const Item = Type.Object(
  {
    id: Text(200),
    receivedAt: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'ISO 8601; without a zone it is read in the team’s time zone',
    }),
    metric: Type.Optional(
      Type.Union([Type.Literal('nps'), Type.Literal('csat'), Type.Literal('ces'), Type.Literal('rating'), Type.Null()]),
    ),
    score: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    title: Text(1000),
    comment: Text(20_000),
    customer: Text(300),
    segment: Text(200),
    source: Text(100),
    language: Text(20),
    // The tool's own team's answer to the customer, kept like a file's reply column. Stores cap these
    // replies well below this (Google Play at 350 characters, the App Store near 6,000); a comment's
    // 20,000 here would double the body limit below for text no tool sends.
    reply: Text(6_000),
    repliedAt: Type.Optional(
      Type.Union([
        Type.String({
          minLength: 1,
          maxLength: 40,
          description: 'ISO 8601; without a zone it is read in the team’s time zone',
        }),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);
const MAX_ITEMS = 100;
/**
 * The body limit is what the schema allows, so a valid batch is never refused for its size: each
 * item's longest texts at 4 bytes a character (UTF-8's widest), plus 1 KiB for keys, numbers and
 * punctuation. Only text that JSON must escape (control characters) can go beyond it.
 */
function maxChars(schema: unknown): number {
  if (typeof schema !== 'object' || schema === null) return 0;
  const own = 'maxLength' in schema && typeof schema.maxLength === 'number' ? schema.maxLength : 0;
  const options: unknown[] = 'anyOf' in schema && Array.isArray(schema.anyOf) ? schema.anyOf : [];
  return Math.max(own, ...options.map(maxChars));
}
const ITEM_TEXT_CHARS = Object.values(Item.properties).reduce((sum: number, property) => sum + maxChars(property), 0);
export const INGEST_BODY_LIMIT = MAX_ITEMS * (ITEM_TEXT_CHARS * 4 + 1024) + 1024;
const TokenSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

/** Continuous ingestion for survey tools' webhooks, and the team API tokens that allow it. */
export const ingestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { teams, imports, apiTokens } = app.services;

  app.post(
    '/api/teams/:team/feedback',
    {
      // A webhook carries a bearer token, not a browser session, so CSRF does not apply.
      config: { csrf: false, rateLimit: { max: 120, timeWindow: '1 minute' } },
      bodyLimit: INGEST_BODY_LIMIT,
      schema: {
        tags: ['feedback'],
        security: [{ bearerAuth: [] }],
        params: TeamParams,
        body: Type.Object(
          { items: Type.Array(Item, { minItems: 1, maxItems: MAX_ITEMS }) },
          {
            additionalProperties: false,
            examples: [
              {
                items: [
                  {
                    id: 'resp-88213',
                    receivedAt: '2026-11-03T14:12:00+01:00',
                    metric: 'nps',
                    score: 3,
                    comment: 'Pakken kom fem dage for sent, og ingen svarede på min mail.',
                    customer: 'kunde-4471',
                    segment: 'Privat',
                    source: 'SurveyMonkey',
                    language: 'da',
                  },
                ],
              },
            ],
          },
        ),
        response: {
          201: Type.Object({
            imported: Type.Integer(),
            updated: Type.Integer(),
            duplicates: Type.Integer(),
            rejected: Type.Integer(),
            errors: Type.Array(ImportErrorSchema),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const team = await teams.bySlugOrNull(request.params.team);
      // An unknown team and a wrong token look the same, so neither can be probed.
      await apiTokens.authenticate(request.headers.authorization, team?.id ?? -1);
      if (!team) throw notFound('Team');
      const result = await imports.ingestBatch(team, request.body.items);
      return reply.status(201).send({
        imported: result.imported,
        updated: result.updated,
        duplicates: result.duplicates,
        rejected: result.rejected,
        errors: result.errors,
      });
    },
  );

  app.get(
    '/api/teams/:team/api-tokens',
    {
      schema: {
        tags: ['feedback'],
        params: TeamParams,
        response: { 200: Type.Object({ tokens: Type.Array(TokenSchema) }), ...errors },
      },
    },
    async (request) => {
      const { team } = await teams.access(requireUser(request), request.params.team, 'lead');
      return { tokens: await apiTokens.list(team.id) };
    },
  );

  app.post(
    '/api/teams/:team/api-tokens',
    {
      schema: {
        tags: ['feedback'],
        params: TeamParams,
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 201: Type.Object({ token: Type.String(), apiToken: TokenSchema }), ...errors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { team } = await teams.access(user, request.params.team, 'lead');
      return reply.status(201).send(await apiTokens.create(team.id, request.body.name, user.id));
    },
  );

  app.delete(
    '/api/teams/:team/api-tokens/:id',
    {
      schema: {
        tags: ['feedback'],
        params: Type.Object({ team: Slug, id: Type.Integer({ minimum: 1 }) }),
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      const { team } = await teams.access(requireUser(request), request.params.team, 'lead');
      await apiTokens.revoke(team.id, request.params.id);
      return { ok: true as const };
    },
  );
};
