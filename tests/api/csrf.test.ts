import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/session-client.ts';
import { PASSWORD, teamWithRoles } from '../helpers/team-clients.ts';

type Unsafe = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const UNSAFE: Unsafe[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

interface Operation {
  security?: Record<string, unknown>[];
}

/** A cookie header and CSRF token for one fresh signed-in session of `email`. */
async function signIn(app: FastifyInstance, email: string): Promise<{ cookie: string; token: string }> {
  const first = await app.inject('/api/auth/csrf');
  const csrfCookie = `kadence_csrf=${first.cookies.find((cookie) => cookie.name === 'kadence_csrf')?.value ?? ''}`;
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { cookie: csrfCookie, 'x-csrf-token': (first.json() as { token: string }).token },
    payload: { email, password: PASSWORD },
  });
  expect(login.statusCode).toBe(200);
  const session = login.cookies.find((cookie) => cookie.name === 'kadence_session')?.value ?? '';
  const cookie = `kadence_session=${session}; ${csrfCookie}`;
  const token = ((await app.inject({ url: '/api/auth/csrf', headers: { cookie } })).json() as { token: string }).token;
  return { cookie, token };
}

/** The same path as the router sees it, spelled the ways a raw-URL check would miss. */
function spellings(path: string): Record<string, string> {
  const [, first = '', ...rest] = path.split('/');
  const tail = rest.join('/');
  const encodeFirst = (segment: string) => `%${segment.charCodeAt(0).toString(16)}${segment.slice(1)}`;
  return {
    plain: path,
    'encoded first segment': `/${encodeFirst(first)}/${tail}`,
    'encoded second segment': `/${first}/${encodeFirst(rest[0] ?? '')}/${rest.slice(1).join('/')}`,
    'fully encoded first segment': `/${[...first].map((char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).join('')}/${tail}`,
    'doubled leading slash': `/${path}`,
    'doubled inner slash': `/${first}//${tail}`,
    'upper case': `/${first.toUpperCase()}/${tail}`,
    'mixed case': `/${first.charAt(0).toUpperCase()}${first.slice(1)}/${tail}`,
    'trailing slash': `${path}/`,
  };
}

/**
 * Every cookie-authenticated write in the OpenAPI document — including routes added later — needs a
 * CSRF token bound to the caller's session, however the path is spelled.
 */
describe('CSRF is decided on the matched route and bound to the session', () => {
  let app: FastifyInstance;
  let lead: { cookie: string; token: string };
  let routes: { method: Unsafe; path: string }[] = [];

  beforeAll(async () => {
    app = await makeTestApp();
    await teamWithRoles(app, ['lead']);
    lead = await signIn(app, 'lead@example.dk');
    const doc = (await app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Partial<Record<Lowercase<Unsafe>, Operation>>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      UNSAFE.flatMap((method) => {
        const operation = operations[method.toLowerCase() as Lowercase<Unsafe>];
        // Token-authenticated routes (a survey tool's webhook) carry no cookie and opt out.
        const bearerOnly = operation?.security?.some((scheme) => 'bearerAuth' in scheme) ?? false;
        return operation && !bearerOnly
          ? [{ method, path: path.replace('{team}', 'support').replace(/\{[^}]+\}/g, '1') }]
          : [];
      }),
    );
  });
  afterAll(async () => app.close());

  it('finds the unsafe routes in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses every unsafe route with only the session cookie, however the path is spelled', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const [how, url] of Object.entries(spellings(route.path))) {
        const response = await app.inject({
          method: route.method,
          url,
          headers: { cookie: lead.cookie },
          payload: route.method === 'DELETE' ? undefined : {},
        });
        const code = (response.json() as { error?: { code?: string } }).error?.code;
        const refused = (response.statusCode === 403 && code === 'CSRF') || response.statusCode === 404;
        if (!refused) failures.push(`${route.method} ${url} (${how}): ${response.statusCode} ${code ?? ''}`);
        if (how === 'plain' && code !== 'CSRF')
          failures.push(`${route.method} ${url}: expected CSRF, got ${response.statusCode} ${code ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('creates nothing through an encoded path without a token', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/%61pi/teams/support/actions',
      headers: { cookie: lead.cookie },
      payload: { title: 'Sneaked in' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'CSRF' } });
    const list = await app.inject({ url: '/api/teams/support/actions', headers: { cookie: lead.cookie } });
    expect(list.body).not.toContain('Sneaked in');
  });

  it('accepts the token of the same session and refuses one taken from another session', async () => {
    const other = await signIn(app, 'lead@example.dk');
    const write = (cookie: string, token: string, title: string) =>
      app.inject({
        method: 'POST',
        url: '/api/teams/support/actions',
        headers: { cookie, 'x-csrf-token': token },
        payload: { title },
      });
    expect((await write(lead.cookie, lead.token, 'Own token')).statusCode).toBe(201);
    expect((await write(other.cookie, other.token, 'Own token too')).statusCode).toBe(201);
    const crossed = await write(lead.cookie, other.token, 'Borrowed token');
    expect(crossed.statusCode).toBe(403);
    expect(crossed.json()).toMatchObject({ error: { code: 'CSRF' } });
  });

  it('refuses a token made before signing in once the session exists', async () => {
    const csrfCookie = lead.cookie.split('; ').find((part) => part.startsWith('kadence_csrf=')) ?? '';
    const before = (
      (await app.inject({ url: '/api/auth/csrf', headers: { cookie: csrfCookie } })).json() as { token: string }
    ).token;
    const response = await app.inject({
      method: 'POST',
      url: '/api/teams/support/actions',
      headers: { cookie: lead.cookie, 'x-csrf-token': before },
      payload: { title: 'Stale token' },
    });
    expect(response.statusCode).toBe(403);
  });
});
