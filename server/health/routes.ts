import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema } from '../../shared/schemas/common.ts';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    { schema: { tags: ['health'], response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: ErrorSchema } } },
    async (request, reply) => {
      try {
        app.db.prepare('SELECT 1').get();
        return { status: 'ok' as const };
      } catch (error) {
        request.log.error({ err: error }, 'database unreachable');
        return reply.status(503).send({ error: { code: 'UNAVAILABLE', message: 'The database is not reachable' } });
      }
    },
  );
};
