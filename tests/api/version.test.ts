import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/session-client.ts';
import { testStore } from '../helpers/test-store.ts';

/** The version people read in /api/health is the one in package.json, and the document says so. */
describe('the version in /api/health', () => {
  const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await makeTestApp();
  });
  afterAll(async () => app.close());

  it('answers the status and the version of package.json', async () => {
    expect(packageVersion).toMatch(/^\d+\.\d+\.\d+/);
    const response = await app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', version: packageVersion, store: testStore });
  });

  it('documents the version as a required string of the health answer', async () => {
    interface ObjectSchema {
      type?: string;
      required?: string[];
      properties?: Record<string, { type?: string }>;
    }
    const doc = (await app.inject('/api/openapi.json')).json() as {
      paths: Record<
        string,
        {
          get: {
            operationId: string;
            responses: Record<string, { content: Record<string, { schema: ObjectSchema }> }>;
          };
        }
      >;
    };
    const health = doc.paths['/api/health']?.get;
    expect(health?.operationId).toBe('health.get');
    const schema = health?.responses['200']?.content['application/json']?.schema;
    expect(schema?.required).toEqual(expect.arrayContaining(['status', 'version']));
    expect(schema?.properties?.version?.type).toBe('string');
  });
});
