import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorSchema } from '../../shared/schemas/common.ts';
import { LeaderDigestListSchema } from '../../shared/schemas/leader-digests.ts';
import { requireUser } from '../plugins/auth.ts';

/** A unit lead's monthly digests, as the e-mail told them (or would have, without SMTP): their own only. */
export const leaderDigestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/me/leader-digests',
    {
      schema: {
        // Named here, not in server/plugins/openapi-operations.ts: the document keeps a route's own name.
        operationId: 'me.leaderDigests',
        summary: 'The caller’s monthly unit-lead digests, newest month first',
        tags: ['units'],
        response: { 200: LeaderDigestListSchema, 401: ErrorSchema },
      },
    },
    async (request) => ({ digests: await app.services.leaderDigests.mine(requireUser(request)) }),
  );
};
