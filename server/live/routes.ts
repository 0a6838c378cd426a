import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import { MeetingSummarySchema } from '../../shared/schemas/meeting-summary.ts';
import { notFound } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import type { LiveEngine } from './engine.ts';
import type { GuestsService } from './guests.ts';

const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  410: ErrorSchema,
};
const MeetingParams = Type.Object({ team: Type.String({ maxLength: 40 }), id: Type.Integer({ minimum: 1 }) });
const LinkRole = Type.Union([Type.Literal('participant'), Type.Literal('observer')]);
const GuestLink = Type.Object({
  id: Type.Integer(),
  role: Type.String(),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

/** Guest links for a meeting, the guest's own join, the summary kept when a meeting ends, and the team's themes. */
export function liveRoutes(engine: LiveEngine, guests: GuestsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { teams } = app.services;
    /** The meeting, checked to belong to the team the person may act in with `role`. */
    const meetingOf = async (
      user: ReturnType<typeof requireUser>,
      slug: string,
      id: number,
      role: 'member' | 'facilitator',
    ) => {
      const { team } = await teams.access(user, slug, role);
      const row = await engine.meeting(id);
      if (row.team_id !== team.id) throw notFound('Meeting');
      return row;
    };

    app.get(
      '/api/teams/:team/meetings/:id/summary',
      {
        schema: {
          tags: ['live'],
          params: MeetingParams,
          response: {
            200: Type.Object({ status: Type.String(), summary: Type.Union([MeetingSummarySchema, Type.Null()]) }),
            ...errors,
          },
        },
      },
      async (request) => {
        const row = await meetingOf(requireUser(request), request.params.team, request.params.id, 'member');
        return { status: row.status, summary: (await engine.state(row.id)).summary };
      },
    );

    app.get(
      '/api/teams/:team/themes',
      {
        schema: {
          tags: ['live'],
          params: Type.Object({ team: Type.String({ maxLength: 40 }) }),
          response: { 200: Type.Object({ themes: Type.Array(Type.String()) }), ...errors },
        },
      },
      async (request) => {
        const { team } = await teams.access(requireUser(request), request.params.team, 'member');
        return { themes: await engine.teamThemes(team.id) };
      },
    );

    app.get(
      '/api/teams/:team/meetings/:id/guest-links',
      {
        schema: {
          tags: ['live'],
          params: MeetingParams,
          response: { 200: Type.Object({ links: Type.Array(GuestLink) }), ...errors },
        },
      },
      async (request) => {
        const row = await meetingOf(requireUser(request), request.params.team, request.params.id, 'facilitator');
        return {
          links: (await guests.links(row.id)).map((l) => ({
            id: l.id,
            role: l.role,
            createdAt: l.created_at,
            revokedAt: l.revoked_at,
          })),
        };
      },
    );

    app.post(
      '/api/teams/:team/meetings/:id/guest-links',
      {
        schema: {
          tags: ['live'],
          params: MeetingParams,
          body: Type.Object({ role: LinkRole }, { additionalProperties: false }),
          response: { 201: Type.Object({ id: Type.Integer(), token: Type.String(), path: Type.String() }), ...errors },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const row = await meetingOf(user, request.params.team, request.params.id, 'facilitator');
        const link = await guests.createLink(row.id, request.body.role, user.id);
        return reply.status(201).send({ ...link, path: `/#/join/${link.token}` });
      },
    );

    app.delete(
      '/api/teams/:team/meetings/:id/guest-links/:link',
      {
        schema: {
          tags: ['live'],
          params: Type.Object({ ...MeetingParams.properties, link: Type.Integer({ minimum: 1 }) }),
          response: { 200: OkSchema, ...errors },
        },
      },
      async (request) => {
        const row = await meetingOf(requireUser(request), request.params.team, request.params.id, 'facilitator');
        await guests.revoke(row.id, request.params.link);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/join/:token',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['live'],
          params: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }),
          body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              secret: Type.String(),
              meetingId: Type.Integer(),
              role: Type.String(),
              name: Type.String(),
              teamName: Type.String(),
              startsAt: Type.String(),
            }),
            ...errors,
          },
        },
      },
      async (request) => guests.join(request.params.token, request.body.name),
    );
  };
}
