import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { ErrorCode } from '../../shared/errors.ts';
import type { Store } from '../db/kysely/store.ts';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set false on routes authenticated by an API token instead of the session cookie. */
    csrf?: boolean;
  }
  interface FastifyReply {
    /** A CSRF token bound to the caller's current session (or to no session). */
    csrfToken(): string;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The session cookie's name; repeated here because security registers before the auth plugin. */
const SESSION_COOKIE = 'kadence_session';

/**
 * What a CSRF token is bound to: the session cookie (hashed), or 'no-session' before signing in. A token
 * taken from one session therefore fails in every other, and signing in needs a fresh token.
 */
function csrfBinding(request: FastifyRequest): string {
  const session = request.cookies[SESSION_COOKIE];
  return session ? `session:${createHash('sha256').update(session).digest('base64url')}` : 'no-session';
}

/**
 * Keeps one random cookie secret in the database, so CSRF cookies survive restarts. Of two
 * processes starting together, the first to insert wins and both read its secret.
 */
async function storedSecret(store: Store): Promise<string> {
  const read = () =>
    store.db.selectFrom('settings').select('value').where('key', '=', 'cookie_secret').executeTakeFirst();
  const row = await read();
  if (row) return row.value;
  await store.db
    .insertInto('settings')
    .values({ key: 'cookie_secret', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return ((await read()) as { value: string }).value;
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
    const secret = options.cookieSecret ?? (await storedSecret(app.services.store));
    await app.register(cookie, { secret });
    await app.register(csrf, {
      cookieKey: 'kadence_csrf',
      csrfOpts: { hmacKey: createHash('sha256').update(`csrf:${secret}`).digest('base64url') },
      getUserInfo: csrfBinding,
      cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true, secure: options.secureCookies },
      getToken: (request) => {
        const header = request.headers['x-csrf-token'];
        return Array.isArray(header) ? header[0] : header;
      },
    });
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new AppError(
          ErrorCode.RATE_LIMITED,
          `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} seconds`,
        ),
    });
    app.decorateReply('csrfToken', function (this: FastifyReply) {
      return this.generateCsrf({ userInfo: csrfBinding(this.request) });
    });
    // Every write needs the CSRF token, decided on the route the router matched (never on how the
    // URL was spelled); routes authenticated by an API token opt out in their config. Requests that
    // matched no route run no handler and get their 404.
    app.addHook('onRequest', (request, reply, done) => {
      if (SAFE_METHODS.has(request.method) || request.is404 || request.routeOptions.config.csrf === false) {
        done();
        return;
      }
      app.csrfProtection(request, reply, done);
    });
  },
  { name: 'security', dependencies: ['services'] },
);
