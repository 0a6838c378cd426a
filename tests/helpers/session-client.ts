import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { type AppConfig, loadConfig } from '../../server/plugins/config.ts';
import { assertTestStore, testStoreEnv } from './test-store.ts';

/** An app over an in-memory SQLite database, or a database of its own on this run's PostgreSQL (tests/helpers/test-store.ts). */
export async function makeTestApp(overrides: Partial<AppConfig> = {}): Promise<FastifyInstance> {
  const app = await buildApp(
    {
      ...loadConfig(await testStoreEnv()),
      databaseFile: ':memory:',
      uploadDir: mkdtempSync(join(tmpdir(), 'kadence-uploads-')),
      ...overrides,
    },
    { logger: false, clientDir: '/nonexistent' },
  );
  await app.ready();
  assertTestStore(app.services.store.dialect);
  return app;
}

/** A browser-like client over app.inject: keeps its cookies and sends the CSRF token on writes. */
export class SessionClient {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;
  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      // The CSRF token is bound to the session: a new (or no) session needs a new token.
      if (cookie.name === 'kadence_session' && cookie.value !== this.cookies.get(cookie.name)) this.csrf = undefined;
      if (cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object | Buffer,
    extraHeaders: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (method !== 'GET') {
      if (!this.csrf) {
        const response = await this.app.inject({ url: '/api/auth/csrf', cookies: Object.fromEntries(this.cookies) });
        this.remember(response);
        this.csrf = (response.json() as { token: string }).token;
      }
      headers['x-csrf-token'] = this.csrf;
    }
    const response = await this.app.inject({
      method,
      url,
      headers,
      cookies: Object.fromEntries(this.cookies),
      ...(payload ? { payload } : {}),
    });
    this.remember(response);
    return response;
  }
}
