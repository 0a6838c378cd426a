import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorSchema } from '../../shared/schemas/common.ts';
import { TeamParams } from '../../shared/schemas/teams.ts';
import { ThemeTrendsQuery, ThemeTrendsSchema } from '../../shared/schemas/theme-trends.ts';
import { requireUser } from '../plugins/auth.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

/** Themes month by month: every member of the team reads. */
export const themeTrendRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { teams, themeTrends } = app.services;
  app.get(
    '/api/teams/:team/themes/monthly',
    {
      schema: {
        tags: ['feedback'],
        params: TeamParams,
        querystring: ThemeTrendsQuery,
        response: { 200: ThemeTrendsSchema, ...errors },
      },
    },
    async (request) => {
      const { team } = await teams.access(requireUser(request), request.params.team, 'member');
      return await themeTrends.monthly(team, request.query.months ?? 6);
    },
  );
};
