import { randomBytes } from 'node:crypto';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { ErrorCode } from '../../shared/errors.ts';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set false on routes authenticated by an API token instead of the session cookie. */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Keeps one random cookie secret in the database, so CSRF cookies survive restarts. */
function storedSecret(app: { db: import('better-sqlite3').Database }): string {
  const row = app.db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'cookie_secret'").get();
  if (row) return row.value;
  const secret = randomBytes(32).toString('base64url');
  app.db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('cookie_secret', ?)").run(secret);
  return (app.db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'cookie_secret'").get() as { value: string }).value;
}

export default fp<{ cookieSecret: string | undefined; secureCookies: boolean }>(
  async (app, options) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: options.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: options.secureCookies,
    });
    await app.register(cookie, { secret: options.cookieSecret ?? storedSecret(app) });
    await app.register(csrf, {
      cookieKey: 'kadence_csrf',
      cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true, secure: options.secureCookies },
      getToken: (request) => {
        const header = request.headers['x-csrf-token'];
        return Array.isArray(header) ? header[0] : header;
      },
    });
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new AppError(ErrorCode.RATE_LIMITED, `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} seconds`),
    });
    // Every cookie-authenticated write needs the CSRF token; token-authenticated routes opt out.
    app.addHook('onRequest', (request, reply, done) => {
      if (SAFE_METHODS.has(request.method) || request.routeOptions.config.csrf === false || !request.url.startsWith('/api/')) {
        done();
        return;
      }
      app.csrfProtection(request, reply, done);
    });
  },
  { name: 'security', dependencies: ['db'] },
);
