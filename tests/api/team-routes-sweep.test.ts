import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PASSWORD = 'a-long-password';

interface Operation {
  security?: Record<string, string[]>[];
  parameters?: {
    in: string;
    name: string;
    required?: boolean;
    schema?: { enum?: string[]; minLength?: number; anyOf?: { const?: string; enum?: string[] }[] };
  }[];
}

type Schemes = Record<string, { type: string; in?: string; name?: string }>;

/** A valid value for every required query parameter, so a refusal is about access, not input. */
function requiredQuery(operation: Operation, schemes: Schemes): string {
  // A secret carried in the query (the calendar feed's token) is a security scheme, not a parameter.
  const secrets = (operation.security?.[0] ? Object.keys(operation.security[0]) : [])
    .map((name) => schemes[name])
    .flatMap((scheme) =>
      scheme?.type === 'apiKey' && scheme.in === 'query' && scheme.name ? [`${scheme.name}=${'1'.repeat(40)}`] : [],
    );
  const pairs = secrets.concat(
    (operation.parameters ?? [])
      .filter((parameter) => parameter.in === 'query' && parameter.required)
      .map(
        (parameter) =>
          `${parameter.name}=${parameter.schema?.enum?.[0] ?? parameter.schema?.anyOf?.[0]?.const ?? parameter.schema?.anyOf?.[0]?.enum?.[0] ?? '1'.repeat(Math.max(1, parameter.schema?.minLength ?? 1))}`,
      ),
  );
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/**
 * Every route under /api/teams/{team} in the OpenAPI document — including routes added later —
 * must refuse people outside the team without telling whether the team exists or leaking its data.
 */
describe('every team-scoped route refuses outsiders', () => {
  let app: FastifyInstance;
  let anonymous: SessionClient;
  let outsider: SessionClient;
  let routes: { method: Method; path: string; query: string }[] = [];

  beforeAll(async () => {
    app = await makeTestApp();
    const admin = new SessionClient(app);
    await admin.request('POST', '/api/setup', { email: 'admin@example.dk', name: 'Admin', password: PASSWORD });
    await admin.request('POST', '/api/teams', { name: 'Fortroligt Hold', slug: 'support' });
    await admin.request('POST', '/api/teams', { name: 'Other', slug: 'other' });
    const user = await app.services.users.create({
      email: 'outsider@example.dk',
      name: 'Outsider',
      password: PASSWORD,
    });
    await app.services.teams.addMember('other', user.email, 'lead');
    outsider = new SessionClient(app);
    await outsider.request('POST', '/api/auth/login', { email: user.email, password: PASSWORD });
    anonymous = new SessionClient(app);

    const doc = (await app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Partial<Record<Lowercase<Method>, Operation>>>;
      components: { securitySchemes: Schemes };
    };
    routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/teams/{team}'))
      .flatMap(([path, operations]) =>
        METHODS.flatMap((method) => {
          const operation = operations[method.toLowerCase() as Lowercase<Method>];
          return operation ? [{ method, path, query: requiredQuery(operation, doc.components.securitySchemes) }] : [];
        }),
      );
  });
  afterAll(async () => app.close());

  it('finds the team routes in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(7);
  });

  it('answers anonymous people and outsiders with a refusal that is the same for a team that does not exist', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const url = (team: string) => route.path.replace('{team}', team).replace(/\{[^}]+\}/g, '1') + route.query;
      for (const [who, client] of [
        ['anonymous', anonymous],
        ['outsider', outsider],
      ] as const) {
        const real = await client.request(
          route.method,
          url('support'),
          route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        );
        const missing = await client.request(
          route.method,
          url('no-such-team'),
          route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        );
        const label = `${who} ${route.method} ${route.path}: ${real.statusCode}`;
        if (real.statusCode < 400 || real.statusCode >= 500) failures.push(`${label} is not a refusal`);
        if (real.statusCode !== missing.statusCode)
          failures.push(`${label} differs from a missing team (${missing.statusCode})`);
        if (real.body.includes('Fortroligt Hold') || real.body.includes('admin@example.dk'))
          failures.push(`${label} leaks team data`);
        if (who === 'outsider' && route.method === 'GET' && ![401, 404].includes(real.statusCode))
          failures.push(`${label} should be 404`);
      }
    }
    expect(failures).toEqual([]);
  });
});
