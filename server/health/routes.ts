import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { ErrorSchema } from '../../shared/schemas/common.ts';
import { KADENCE_VERSION } from '../version.ts';

const HealthSchema = Type.Object(
  {
    status: Type.Literal('ok'),
    version: Type.String({
      description: 'The Kadence release answering, as in its package.json (e.g. 0.1.0)',
      examples: ['0.1.0'],
    }),
    store: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')], {
      description: 'The database Kadence runs on: the embedded SQLite file, or PostgreSQL (DATABASE_URL)',
      examples: ['sqlite'],
    }),
  },
  { description: 'The server and its database answer' },
);

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    { schema: { tags: ['health'], response: { 200: HealthSchema, 503: ErrorSchema } } },
    async (request, reply) => {
      try {
        await sql`SELECT 1`.execute(app.services.store.db);
        return { status: 'ok' as const, version: KADENCE_VERSION, store: app.services.store.dialect };
      } catch (error) {
        request.log.error({ err: error }, 'database unreachable');
        return reply.status(503).send({ error: { code: 'UNAVAILABLE', message: 'The database is not reachable' } });
      }
    },
  );
};
