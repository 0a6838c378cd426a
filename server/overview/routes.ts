import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorSchema } from '../../shared/schemas/common.ts';
import { OverviewSchema } from '../../shared/schemas/overview.ts';
import { requireUser } from '../plugins/auth.ts';

/** The home page's one read: what needs the signed-in person now. */
export const overviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/me/overview',
    { schema: { tags: ['overview'], response: { 200: OverviewSchema, 401: ErrorSchema } } },
    async (request) => await app.services.overview.forUser(requireUser(request)),
  );
};
