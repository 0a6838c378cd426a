import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatorCompiler } from '../../server/plugins/validation.ts';
import { CreateTeamBody } from '../../shared/schemas/teams.ts';
import { makeTestApp } from '../helpers/session-client.ts';

type Node = Record<string, unknown>;

/** The shared shapes an integrator meets first; each carries an example of its own. */
const COMPONENTS = [
  'Error',
  'Team',
  'Member',
  'Action',
  'FeedbackItem',
  'KpiResult',
  'MeetingSummary',
  'User',
  'Invite',
] as const;

/** The main writes: each request body shows what to send. */
const REQUEST_BODIES = [
  'POST /api/setup',
  'POST /api/auth/login',
  'POST /api/teams',
  'PATCH /api/teams/{team}',
  'POST /api/teams/{team}/members',
  'POST /api/teams/{team}/invites',
  'POST /api/invites/{token}/accept',
  'POST /api/teams/{team}/actions',
  'PATCH /api/teams/{team}/actions/{id}',
  'POST /api/teams/{team}/actions/{id}/status',
  'POST /api/teams/{team}/imports/uploads',
  'POST /api/teams/{team}/imports/uploads/{uploadId}/preview',
  'POST /api/teams/{team}/imports',
  'POST /api/teams/{team}/feedback',
  'PUT /api/teams/{team}/cadence',
  'POST /api/pulse/rounds',
  'POST /api/teams/{team}/pulse/rounds/{id}/answers',
] as const;

/** Keys whose values are data, not schemas or media: an example's own fields are never read as schema. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

interface Example {
  where: string;
  /** JSON pointer to the schema the example must satisfy. */
  schema: string;
  value: unknown;
}

/** A media type's named example: its value, or the value of the components.examples entry it refers to. */
function exampleValue(doc: Node, entry: unknown): unknown {
  if (!isNode(entry)) return entry;
  if (typeof entry.$ref !== 'string') return entry.value;
  const name = entry.$ref.replace('#/components/examples/', '');
  const named = isNode(doc.components) && isNode(doc.components.examples) ? doc.components.examples[name] : undefined;
  if (!isNode(named)) throw new Error(`${entry.$ref} names no example`);
  return named.value;
}

/**
 * Every example in the document with the schema it belongs to: a schema's own `examples`, and a media
 * type's `example` or `examples` (which belong to its `schema`).
 */
function examplesOf(doc: Node, node: unknown = doc, pointer = ''): Example[] {
  if (Array.isArray(node)) return node.flatMap((child, index) => examplesOf(doc, child, `${pointer}/${index}`));
  if (!isNode(node)) return [];
  const found: Example[] = [];
  const media = /\/content\/[^/]+$/.test(pointer) && 'schema' in node;
  if (media) {
    if ('example' in node)
      found.push({ where: `${pointer}/example`, schema: `${pointer}/schema`, value: node.example });
    if (isNode(node.examples))
      for (const [name, entry] of Object.entries(node.examples))
        found.push({
          where: `${pointer}/examples/${name}`,
          schema: `${pointer}/schema`,
          value: exampleValue(doc, entry),
        });
  } else if (Array.isArray(node.examples)) {
    for (const [index, value] of node.examples.entries())
      found.push({ where: `${pointer}/examples/${index}`, schema: pointer, value });
  }
  for (const [key, child] of Object.entries(node))
    if (!DATA_KEYS.has(key)) found.push(...examplesOf(doc, child, `${pointer}/${escape(key)}`));
  return found;
}

/** The examples that do not satisfy their schema, with ajv's reason. */
function wrongExamples(doc: Node): string[] {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  ajv.addSchema(doc, 'openapi.json');
  const wrong: string[] = [];
  for (const example of examplesOf(doc)) {
    const validate = ajv.getSchema(`openapi.json#${example.schema}`);
    if (!validate) wrong.push(`${example.where}: no schema at ${example.schema}`);
    else if (!validate(example.value)) wrong.push(`${example.where}: ${ajv.errorsText(validate.errors)}`);
  }
  return wrong;
}

function requestMedia(doc: Node, key: string): Node[] {
  const [method = '', path = ''] = key.split(' ');
  const paths = isNode(doc.paths) ? doc.paths : {};
  const item = paths[path];
  const operation = isNode(item) ? item[method.toLowerCase()] : undefined;
  const body = isNode(operation) ? operation.requestBody : undefined;
  const content = isNode(body) && isNode(body.content) ? body.content : {};
  return Object.values(content).filter(isNode);
}

const hasExample = (media: Node) =>
  'example' in media ||
  (isNode(media.examples) && Object.keys(media.examples).length > 0) ||
  (isNode(media.schema) && Array.isArray(media.schema.examples) && media.schema.examples.length > 0);

describe('the examples in /api/docs', () => {
  let app: FastifyInstance;
  let doc: Node;
  const schemas = () => (isNode(doc.components) && isNode(doc.components.schemas) ? doc.components.schemas : {});

  beforeAll(async () => {
    app = await makeTestApp();
    const response = await app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(async () => app.close());

  it('gives each named component an example', () => {
    const missing = COMPONENTS.filter((name) => {
      const schema = schemas()[name];
      return !isNode(schema) || !Array.isArray(schema.examples) || schema.examples.length === 0;
    });
    expect(missing).toEqual([]);
  });

  it('gives each main request body an example', () => {
    const missing = REQUEST_BODIES.filter((key) => {
      const media = requestMedia(doc, key);
      return media.length === 0 || !media.every(hasExample);
    });
    expect(missing).toEqual([]);
  });

  it('shows each error status with an error of that kind, not one example for all', () => {
    const paths = isNode(doc.paths) ? doc.paths : {};
    const item = paths['/api/teams/{team}'];
    const operation = isNode(item) && isNode(item.patch) ? item.patch : {};
    const responses = isNode(operation.responses) ? operation.responses : {};
    const code = (status: string) => {
      const response = responses[status];
      const content = isNode(response) && isNode(response.content) ? response.content['application/json'] : undefined;
      const named = isNode(content) && isNode(content.examples) ? Object.values(content.examples) : [];
      const value = named.length === 1 ? exampleValue(doc, named[0]) : undefined;
      return isNode(value) && isNode(value.error) ? value.error.code : undefined;
    };
    expect([code('400'), code('401'), code('403'), code('404'), code('413')]).toEqual([
      'VALIDATION',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'PAYLOAD_TOO_LARGE',
    ]);
  });

  it('holds only examples that validate against the schema they sit on', () => {
    const examples = examplesOf(doc);
    expect(examples.filter((example) => example.where.includes('/responses/4')).length).toBeGreaterThan(300);
    // Components, request bodies and error responses together: far more than the lists above.
    expect(examples.length).toBeGreaterThan(COMPONENTS.length + REQUEST_BODIES.length);
    expect(wrongExamples(doc)).toEqual([]);
  });

  it('catches a wrong example, in a component and in a request body', () => {
    const tampered: Node = structuredClone(doc);
    const team = isNode(tampered.components) && isNode(tampered.components.schemas) && tampered.components.schemas.Team;
    const teamExamples = isNode(team) && Array.isArray(team.examples) ? team.examples : [];
    if (isNode(teamExamples[0])) teamExamples[0].language = 'sv';
    const [login] = requestMedia(tampered, 'POST /api/auth/login');
    if (login) login.example = { email: 'mette.ostergaard@example.dk' };
    const wrong = wrongExamples(tampered).sort();
    expect(wrong).toHaveLength(2);
    expect(wrong[0]).toMatch(/^\/components\/schemas\/Team\/examples\/0: .*language/);
    expect(wrong[1]).toMatch(
      /^\/paths\/~1api~1auth~1login\/post\/requestBody\/content\/application~1json\/example: .*password/,
    );
  });

  it('uses `examples`, a keyword the strict route validators know, not OpenAPI 3.0’s `example`', () => {
    const compile = (schema: object) =>
      validatorCompiler({ schema, method: 'POST', url: '/api/teams', httpPart: 'body' });
    expect(compile(CreateTeamBody)({ name: 'Kundeservice', slug: 'kundeservice' })).toBe(true);
    expect(() => compile({ type: 'object', example: { name: 'Kundeservice' } })).toThrow(/unknown keyword/);
  });
});
