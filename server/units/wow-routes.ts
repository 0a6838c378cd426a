import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import { TeamParams } from '../../shared/schemas/teams.ts';
import { UnitParams } from '../../shared/schemas/units.ts';
import {
  KeepOffBody,
  TeamWowPageSchema,
  TeamWowParams,
  WowPageSchema,
  WowQuery,
} from '../../shared/schemas/unit-wow.ts';
import { requireUser } from '../plugins/auth.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

/**
 * The WOW wall: the unit's leaders read it through the unit gate; the team reads its own praise and
 * its lead or facilitator keeps an item off the wall (or puts it back), like the team's other steering.
 */
export const wowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { units, teams, wowWall } = app.services;

  app.get(
    '/api/units/:unit/dashboard/wow',
    {
      schema: {
        tags: ['units'],
        operationId: 'units.dashboard.wow',
        summary: 'Praise across the unit’s teams (promoters and starred cards, masked), newest first, 20 a page',
        params: UnitParams,
        querystring: WowQuery,
        response: { 200: WowPageSchema, ...errors },
      },
    },
    async (request) =>
      wowWall.forUnit(await units.view(requireUser(request), request.params.unit), request.query.before),
  );

  app.get(
    '/api/teams/:team/wow',
    {
      schema: {
        tags: ['feedback'],
        operationId: 'teams.wow.list',
        summary: 'The team’s praise as its unit’s WOW wall would show it, with what the team keeps off',
        params: TeamParams,
        querystring: WowQuery,
        response: { 200: TeamWowPageSchema, ...errors },
      },
    },
    async (request) => {
      const { team } = await teams.access(requireUser(request), request.params.team);
      return wowWall.forTeam(team, request.query.before);
    },
  );

  app.put(
    '/api/teams/:team/wow/:id',
    {
      schema: {
        tags: ['feedback'],
        operationId: 'teams.wow.keepOff',
        summary: 'Keep one of the team’s items off its unit’s WOW wall, or put it back',
        params: TeamWowParams,
        body: KeepOffBody,
        response: { 200: OkSchema, ...errors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { team } = await teams.access(user, request.params.team, 'facilitator');
      await wowWall.setKeptOff(team, request.params.id, request.body.keptOff, user.id);
      return { ok: true as const };
    },
  );
};
