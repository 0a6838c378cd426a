import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { api, ApiError, type ApiReply } from '../../../client/lib/api.ts';
import type { components } from '../../../client/lib/api-schema.ts';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that records what it was asked and answers from a list, one reply per call. */
function fakeFetch(replies: { status: number; body?: unknown }[]): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({
      url,
      method: String(init.method),
      headers: Object.fromEntries(Object.entries(init.headers ?? {})),
      body: init.body,
    });
    const reply = replies.shift() ?? { status: 500 };
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe('the typed API client', () => {
  it('fills in path parameters, leaves empty query values out and answers the reply', async () => {
    const sent = fakeFetch([{ status: 200, body: { items: [], nextCursor: null } }]);
    const page = await api('get', '/api/teams/{team}/feedback', {
      path: { team: 'kunde service' },
      query: { q: 'levering', source: undefined, flagged: true, limit: 50 },
    });
    expect(page).toEqual({ items: [], nextCursor: null });
    expect(sent).toEqual([
      {
        url: '/api/teams/kunde%20service/feedback?q=levering&flagged=true&limit=50',
        method: 'GET',
        headers: {},
        body: null,
      },
    ]);
  });

  it('sends writes as JSON with a CSRF token, and fetches a new token once when the old one is refused', async () => {
    const sent = fakeFetch([
      { status: 200, body: { token: 'first' } },
      { status: 403, body: { error: { code: 'CSRF', message: 'stale token' } } },
      { status: 200, body: { token: 'second' } },
      { status: 201, body: { id: 7 } },
    ]);
    const created = await api('post', '/api/teams/{team}/actions', {
      path: { team: 'support' },
      body: { title: 'Ring kunderne op' },
    });
    expect(created).toEqual({ id: 7 });
    expect(sent.map((request) => `${request.method} ${request.url} ${request.headers['x-csrf-token'] ?? ''}`)).toEqual([
      'GET /api/auth/csrf ',
      'POST /api/teams/support/actions first',
      'GET /api/auth/csrf ',
      'POST /api/teams/support/actions second',
    ]);
    expect(sent[3]?.headers['content-type']).toBe('application/json');
    expect(sent[3]?.body).toBe('{"title":"Ring kunderne op"}');
  });

  it('turns a refusal into an ApiError with the code, message and details', async () => {
    fakeFetch([
      {
        status: 409,
        body: { error: { code: 'IMPORT_ALREADY_UNDONE', message: 'already undone', details: { importId: 3 } } },
      },
    ]);
    const refused = await api('delete', '/api/teams/{team}/imports/{id}', { path: { team: 'support', id: 3 } }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({
      status: 409,
      code: 'IMPORT_ALREADY_UNDONE',
      message: 'already undone',
      details: { importId: 3 },
    });
  });

  it('takes its types from the generated document', () => {
    expectTypeOf<ApiReply<'/api/teams/{team}', 'get'>>().toEqualTypeOf<components['schemas']['TeamDetail']>();
    // @ts-expect-error a path the document does not have
    void (() => api('get', '/api/no-such-route'));
    // @ts-expect-error a team path needs its team
    void (() => api('get', '/api/teams/{team}'));
    // @ts-expect-error a body of the wrong shape: titles are text
    void (() => api('post', '/api/teams/{team}/actions', { path: { team: 'support' }, body: { title: 42 } }));
  });

  it('no client file declares or casts what the API answers', () => {
    // The state classes, pages and panels read replies through `api`, whose types come from the document:
    // no `api<MyType>(…)` with a hand-written reply type, no `as` on a call's result.
    const files = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) =>
        statSync(join(folder, name)).isDirectory() ? files(join(folder, name)) : [join(folder, name)],
      );
    const offenders = files('client')
      .filter((file) => /\.(ts|svelte)$/.test(file) && !/lib\/api(-schema)?\.ts$/.test(file))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ file, line: index + 1, text: line })),
      )
      .filter(({ text }) => /\b(api|upload)<\w/.test(text) || (/\bapi\(/.test(text) && / as [A-Z{]/.test(text)));
    expect(offenders).toEqual([]);
  });
});
