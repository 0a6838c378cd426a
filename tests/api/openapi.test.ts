import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/session-client.ts';

const run = promisify(execFile);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

interface Response {
  description?: string;
  content?: Record<string, { schema?: unknown }>;
}
interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: { content?: Record<string, unknown> };
  responses: Record<string, Response>;
}
interface Document {
  openapi: string;
  servers?: { url: string }[];
  tags?: { name: string }[];
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}
interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string }[];
}

/** Every value in a JSON tree, with the path that reached it; examples are data, not schema, and are passed over. */
function* walk(node: unknown, path = ''): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) for (const [index, child] of node.entries()) yield* walk(child, `${path}/${index}`);
  else if (typeof node === 'object' && node !== null) {
    yield [path, node as Record<string, unknown>];
    for (const [key, child] of Object.entries(node))
      if (key !== 'example' && key !== 'examples') yield* walk(child, `${path}/${key}`);
  }
}

describe('the OpenAPI document', () => {
  let app: FastifyInstance;
  let doc: Document;
  let raw: Record<string, unknown>;
  let operations: { key: string; method: string; path: string; operation: Operation }[];

  beforeAll(async () => {
    app = await makeTestApp();
    const response = await app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    doc = response.json();
    raw = response.json();
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const operation = item[method];
        return operation ? [{ key: `${method.toUpperCase()} ${path}`, method, path, operation }] : [];
      }),
    );
  });
  afterAll(async () => app.close());

  it('is valid OpenAPI 3.1 by the official schema', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(raw);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('passes Redocly’s recommended rules with no errors and only the warnings redocly.yaml explains', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kadence-openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    // redocly exits non-zero only on errors; the JSON report is read either way.
    const { stdout } = await run(
      'node_modules/.bin/redocly',
      ['lint', file, '--config', 'redocly.yaml', '--format=json'],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const report = JSON.parse(stdout) as LintReport;
    expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const counts: Record<string, number> = {};
    for (const problem of report.problems) counts[problem.ruleId] = (counts[problem.ruleId] ?? 0) + 1;
    expect(counts).toEqual({ 'operation-4xx-response': 3, 'no-ambiguous-paths': 1 });
  }, 60_000);

  it('has no JSON Schema draft-07 tuples: fixed-length pairs are prefixItems', () => {
    const tuples = [...walk(doc)]
      .filter(([, node]) => Array.isArray(node.items) || 'additionalItems' in node)
      .map(([path]) => path);
    expect(tuples).toEqual([]);
    const pairs = [...walk(doc)].filter(([, node]) => Array.isArray(node.prefixItems));
    expect(pairs.length).toBeGreaterThanOrEqual(5);
  });

  it('names, summarises, tags and secures every operation, and says where the server is', () => {
    expect(operations.length).toBeGreaterThanOrEqual(86);
    expect(doc.servers?.length).toBeGreaterThan(0);
    const declaredTags = new Set((doc.tags ?? []).map((tag) => tag.name));
    const ids = new Set<string>();
    const missing: string[] = [];
    for (const { key, operation } of operations) {
      if (!operation.operationId || !/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)*$/.test(operation.operationId))
        missing.push(`${key}: operationId`);
      if (!operation.summary) missing.push(`${key}: summary`);
      if (!operation.tags?.length || !operation.tags.every((tag) => declaredTags.has(tag)))
        missing.push(`${key}: tags`);
      if (!operation.security) missing.push(`${key}: security`);
      if (operation.operationId) {
        if (ids.has(operation.operationId)) missing.push(`${key}: duplicate operationId ${operation.operationId}`);
        ids.add(operation.operationId);
      }
    }
    expect(missing).toEqual([]);
    expect(ids).toContain('teams.members.add');
  });

  it('declares the security each kind of route needs', () => {
    const security = (key: string) => operations.find((entry) => entry.key === key)?.operation.security;
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'bearerAuth',
      'calendarToken',
      'csrf',
      'session',
    ]);
    expect(security('GET /api/health')).toEqual([]);
    expect(security('GET /api/teams/{team}')).toEqual([{ session: [] }]);
    expect(security('PATCH /api/teams/{team}')).toEqual([{ session: [], csrf: [] }]);
    expect(security('POST /api/teams/{team}/feedback')).toEqual([{ bearerAuth: [] }]);
    expect(security('GET /api/teams/{team}/calendar.ics')).toEqual([{ calendarToken: [] }]);
    expect(security('POST /api/auth/login')).toEqual([{ csrf: [] }]);
    const unguardedWrites = operations.filter(
      ({ method, operation }) =>
        WRITES.has(method) && !operation.security?.every((option) => 'csrf' in option || 'bearerAuth' in option),
    );
    expect(unguardedWrites.map((entry) => entry.key)).toEqual([]);
  });

  it('writes the error shape once, as a component every error response refers to', () => {
    const errorRef = { $ref: '#/components/schemas/Error' };
    const inline = [...walk(doc.paths)].filter(([, node]) => {
      const properties = node.properties as Record<string, { properties?: Record<string, unknown> }> | undefined;
      return properties?.error?.properties?.code !== undefined;
    });
    expect(inline.map(([path]) => path)).toEqual([]);
    const wrong: string[] = [];
    for (const { key, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (
          Number(status) >= 400 &&
          JSON.stringify(response.content?.['application/json']?.schema) !== JSON.stringify(errorRef)
        )
          wrong.push(`${key} ${status}`);
      }
    }
    expect(wrong).toEqual([]);
    for (const name of ['Error', 'Team', 'Member', 'Action', 'FeedbackItem', 'KpiResult']) {
      expect(JSON.stringify(doc.paths)).toContain(`"#/components/schemas/${name}"`);
    }
  });

  it('documents 413 on every writing operation, 401 on every signed-in one and 429 where a rate limit applies', () => {
    const missing: string[] = [];
    for (const { key, method, operation } of operations) {
      if (WRITES.has(method) && !operation.responses['413']) missing.push(`${key} 413`);
      const signedIn = operation.security?.some((option) => 'session' in option || 'bearerAuth' in option);
      if (signedIn && !operation.responses['401']) missing.push(`${key} 401`);
    }
    expect(missing).toEqual([]);
    for (const key of [
      'POST /api/auth/login',
      'POST /api/teams/{team}/feedback',
      'GET /api/teams/{team}/calendar.ics',
      'POST /api/join/{token}',
    ]) {
      expect(operations.find((entry) => entry.key === key)?.operation.responses['429'], key).toBeDefined();
    }
  });

  it('gives CSV, Markdown and calendar answers their own media types, and the upload its multipart body', () => {
    const media = (key: string) =>
      Object.keys(operations.find((entry) => entry.key === key)?.operation.responses['200']?.content ?? {});
    expect(media('GET /api/actions/export')).toEqual(['text/csv', 'text/markdown']);
    expect(media('GET /api/teams/{team}/imports/{id}/errors.csv')).toEqual(['text/csv']);
    expect(media('GET /api/teams/{team}/meetings/{id}/calendar.ics')).toEqual(['text/calendar']);
    expect(media('GET /api/teams/{team}/calendar.ics')).toEqual(['text/calendar']);
    const stringsAsJson = operations.filter(({ operation }) => {
      const schema = operation.responses['200']?.content?.['application/json']?.schema as { type?: string } | undefined;
      return schema?.type === 'string';
    });
    expect(stringsAsJson.map((entry) => entry.key)).toEqual([]);
    const upload = operations.find((entry) => entry.key === 'POST /api/teams/{team}/imports/uploads')?.operation;
    expect(Object.keys(upload?.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
  });
});
