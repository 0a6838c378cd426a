import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { ErrorCode } from '../../shared/errors.ts';

export const CLIENT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'client');

/** Serves the built client; unknown /api paths answer with the JSON error shape, others with the app. */
export default fp<{ root?: string }>(
  async (app, options) => {
    const root = options.root ?? CLIENT_DIR;
    const built = existsSync(join(root, 'index.html'));
    if (built) {
      await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
    } else {
      app.log.warn({ root }, 'client not built; run npm run build to serve the web app');
    }
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || !built || request.method !== 'GET') {
        return reply.status(404).send({ error: { code: ErrorCode.NOT_FOUND, message: `No route ${request.method} ${request.url.split('?')[0]}` } });
      }
      return reply.sendFile('index.html');
    });
  },
  { name: 'static' },
);
