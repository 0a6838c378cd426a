import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import { ErrorCode } from '../../shared/errors.ts';

// The same folder from this file (server/plugins/) and from the bundle (dist/server/), so a release runs from dist/.
export const CLIENT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'client');

/** Vite names everything under assets/ by its content hash, so a name never changes meaning. */
const HASHED_DIR = 'assets';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: the browser must check it on every load. */
export const REVALIDATE = 'no-cache';

function cacheHeaders(root: string) {
  return (res: SetHeadersResponse, path: string): void => {
    const hashed = relative(root, path).split(sep)[0] === HASHED_DIR;
    res.setHeader('Cache-Control', hashed ? IMMUTABLE : REVALIDATE);
    res.setHeader('Vary', 'Accept-Encoding');
  };
}

/**
 * Serves the built client, sending the .br or .gz the build wrote beside each file when the browser
 * accepts it; unknown /api paths answer with the JSON error shape, others with the app.
 */
export default fp<{ root?: string }>(
  async (app, options) => {
    const root = options.root ?? CLIENT_DIR;
    const built = existsSync(join(root, 'index.html'));
    if (built) {
      await app.register(fastifyStatic, {
        root,
        wildcard: false,
        index: ['index.html'],
        preCompressed: true,
        cacheControl: false,
        setHeaders: cacheHeaders(root),
      });
    } else {
      app.log.warn({ root }, 'client not built; run npm run build to serve the web app');
    }
    app.setNotFoundHandler((request, reply) => {
      // A hashed file that is gone (an old tab after a release) must fail as missing, not arrive as the app's HTML.
      const asset = request.url.startsWith(`/${HASHED_DIR}/`);
      if (request.url.startsWith('/api/') || asset || !built || request.method !== 'GET') {
        return reply.status(404).send({
          error: { code: ErrorCode.NOT_FOUND, message: `No route ${request.method} ${request.url.split('?')[0]}` },
        });
      }
      return reply.sendFile('index.html');
    });
  },
  { name: 'static' },
);
