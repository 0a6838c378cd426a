import type { RouteOptions } from 'fastify';
import { ErrorCode } from '../../shared/errors.ts';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import { ActionDetailSchema, ActionSchema, EffectSchema, WebhookSchema } from '../../shared/schemas/actions.ts';
import { UserSchema } from '../../shared/schemas/auth.ts';
import { FeedbackItemSchema, KpiMonthSchema, KpiSchema } from '../../shared/schemas/feedback.ts';
import { MeetingSummarySchema } from '../../shared/schemas/meeting-summary.ts';
import { ImportSummarySchema } from '../../shared/schemas/imports.ts';
import { RoundResultSchema, RoundSchema, StatementSchema } from '../../shared/schemas/pulse.ts';
import { InviteSchema, MemberSchema, TeamDetailSchema, TeamSchema } from '../../shared/schemas/teams.ts';
import { MEDIA_TYPES, OPERATIONS, type OperationDoc } from './openapi-operations.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Shapes the document names once and refers to, instead of repeating them in every operation. */
const COMPONENTS: Record<string, unknown> = {
  Error: ErrorSchema,
  Ok: OkSchema,
  User: UserSchema,
  Team: TeamSchema,
  TeamDetail: TeamDetailSchema,
  Member: MemberSchema,
  Invite: InviteSchema,
  Action: ActionSchema,
  ActionDetail: ActionDetailSchema,
  ActionEffect: EffectSchema,
  Webhook: WebhookSchema,
  FeedbackItem: FeedbackItemSchema,
  KpiResult: KpiSchema,
  KpiMonth: KpiMonthSchema,
  ImportSummary: ImportSummarySchema,
  PulseStatement: StatementSchema,
  PulseRound: RoundSchema,
  PulseRoundResult: RoundResultSchema,
  MeetingSummary: MeetingSummarySchema,
};

/**
 * What an error of each status typically says, named once under components.examples and referred to
 * from every error response, instead of the Error component's one example (a 401 answered with
 * "Team not found" would mislead).
 */
const ERROR_EXAMPLES: Record<string, [name: string, code: string, message: string]> = {
  400: ['ValidationError', ErrorCode.VALIDATION, 'body/name must NOT have fewer than 1 characters'],
  401: ['Unauthenticated', ErrorCode.UNAUTHENTICATED, 'Sign in to continue'],
  403: ['Forbidden', ErrorCode.FORBIDDEN, 'You do not have access to this'],
  404: ['NotFound', ErrorCode.NOT_FOUND, 'Team not found'],
  409: ['Conflict', ErrorCode.CONFLICT, 'a team with slug kundeservice already exists'],
  410: ['InviteInvalid', ErrorCode.INVITE_INVALID, 'This invite link was revoked'],
  413: ['PayloadTooLarge', ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is too large'],
  429: ['RateLimited', ErrorCode.RATE_LIMITED, 'Too many attempts; try again in 60 seconds'],
  503: ['Unavailable', 'UNAVAILABLE', 'The database is not reachable'],
  507: [
    'StorageFull',
    ErrorCode.STORAGE_FULL,
    "The server's disk is full: the import stopped after 12,000 rows and nothing of it was kept. Free some space and import the file again.",
  ],
};

function errorExamples(): JsonObject {
  return Object.fromEntries(
    Object.values(ERROR_EXAMPLES).map(([name, code, message]) => [name, { value: { error: { code, message } } }]),
  );
}

/** "GET /api/teams/{team}" for a Fastify route, the key of OPERATIONS. */
export function operationKey(method: string, url: string): string {
  return `${method} ${url.replace(/:(\w+)/g, '{$1}')}`;
}

function securityFor(method: string, doc: OperationDoc | undefined): Record<string, string[]>[] {
  const write = WRITES.has(method);
  switch (doc?.auth) {
    case 'none':
      return write ? [{ csrf: [] }] : [];
    case 'optional-session':
      return write ? [{ session: [], csrf: [] }, { csrf: [] }] : [{ session: [] }, {}];
    case 'bearer':
      return [{ bearerAuth: [] }];
    case 'calendar-token':
      return [{ calendarToken: [] }];
    default:
      return write ? [{ session: [], csrf: [] }] : [{ session: [] }];
  }
}

/**
 * Completes a route's schema for the document before Fastify compiles it: its name, summary and
 * security, and the error statuses every route of its kind can answer (bad input 400, no or wrong
 * credentials 401, CSRF or role 403, unknown ids 404, body over the limit 413, rate limit 429).
 */
export function documentRoute(route: RouteOptions): void {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const method: string = methods.find((m) => m !== 'HEAD') ?? methods[0] ?? 'GET';
  if (!route.url.startsWith('/api/') || !route.schema || route.schema.hide) return;
  const doc = OPERATIONS[operationKey(method, route.url)];
  const schema = route.schema;
  const statuses: number[] = [];
  if (schema.body || schema.querystring || schema.params) statuses.push(400);
  if (doc?.auth !== 'none') statuses.push(401);
  if (WRITES.has(method) || doc?.auth === undefined) statuses.push(403);
  if (route.url.includes(':')) statuses.push(404);
  if (WRITES.has(method)) statuses.push(413);
  const config: unknown = route.config;
  if (typeof config === 'object' && config !== null && 'rateLimit' in config) statuses.push(429);
  const response: Record<string, unknown> = { ...(schema.response as Record<string, unknown> | undefined) };
  for (const status of statuses) response[status] ??= ErrorSchema;
  route.schema = {
    ...schema,
    ...(doc ? { operationId: doc.id, summary: doc.summary } : {}),
    security: schema.security ?? securityFor(method, doc),
    response,
  };
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keywords whose values are instances, not schemas: an example is kept as written, never rewritten. */
const DATA_KEYWORDS = new Set(['example', 'examples', 'default', 'enum', 'const']);
/** Whether `key` holds data; under `properties` the same words are only the names of fields. */
const isData = (key: string, parent: string | undefined): boolean => DATA_KEYWORDS.has(key) && parent !== 'properties';

/** OpenAPI 3.1 is JSON Schema 2020-12: a fixed-length pair is prefixItems, not an items list. */
function fixTuples(node: Json, parent?: string): Json {
  if (Array.isArray(node)) return node.map((child) => fixTuples(child));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = isData(key, parent) ? value : fixTuples(value, key);
  const items = out.items;
  if (Array.isArray(items)) {
    out.prefixItems = items;
    const closed = out.additionalItems === false;
    delete out.additionalItems;
    if (closed) {
      out.items = false;
      out.minItems = items.length;
      out.maxItems = items.length;
    } else delete out.items;
  }
  return out;
}

/** The form a schema takes in the generated document, to recognise it there. */
function documentForm(node: Json, parent?: string): Json {
  if (Array.isArray(node)) return node.map((child) => documentForm(child));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    const data = isData(key, parent);
    if (!data && (key === '$id' || key === '$schema')) continue;
    if (data && key === 'const') out.enum = [value];
    else out[key] = data ? value : documentForm(value, key);
  }
  return out;
}

function canonical(node: Json): string {
  if (Array.isArray(node)) return `[${node.map(canonical).join(',')}]`;
  if (!isObject(node)) return JSON.stringify(node);
  const entries = Object.entries(node).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${canonical(value)}`).join(',')}}`;
}

/**
 * What a shape is recognised by: its canonical form without its own examples, which @fastify/swagger
 * moves from a body's or response's top-level schema to the media type (nested schemas keep theirs).
 */
function shapeKey(node: JsonObject): string {
  return canonical(Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'examples' && key !== 'example')));
}

function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** Replaces every copy of a named shape with a reference to its component, the largest first. */
function referenceComponents(node: Json, known: Map<string, string>, skipRoot = false, parent?: string): Json {
  if (Array.isArray(node)) return node.map((child) => referenceComponents(child, known));
  if (!isObject(node)) return node;
  const name = skipRoot ? undefined : known.get(shapeKey(node));
  if (name) return { $ref: `#/components/schemas/${name}` };
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node))
    out[key] = isData(key, parent) ? value : referenceComponents(value, known, false, key);
  return out;
}

function patchOperations(paths: JsonObject): void {
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation)) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const responses = operation.responses;
      if (!isObject(responses)) continue;
      for (const [status, response] of Object.entries(responses)) {
        if (!isObject(response)) continue;
        if (response.description === 'Default Response')
          response.description = status.startsWith('2') ? 'Success' : 'Error: see error.code';
        const error = ERROR_EXAMPLES[status];
        const json = isObject(response.content) ? response.content['application/json'] : undefined;
        if (error && isObject(json)) {
          delete json.example;
          json.examples = { [error[0]]: { $ref: `#/components/examples/${error[0]}` } };
        }
        const media = MEDIA_TYPES[key];
        if (media && status.startsWith('2')) {
          response.content = Object.fromEntries(media.map((type) => [type, { schema: { type: 'string' } }]));
        }
      }
      if (key === 'POST /api/teams/{team}/imports/uploads') {
        operation.requestBody = {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: {
                  file: {
                    type: 'string',
                    contentMediaType: 'application/octet-stream',
                    description: 'a CSV, XLSX, JSON or NDJSON export',
                  },
                },
                // A Danish Excel export: semicolons, day-first dates, masked personal data.
                examples: [
                  {
                    file: 'Dato;Stjerner;Anmeldelse\r\n03-11-2026;2;"Lang ventetid, ring på [phone]"\r\n04-11-2026;5;Hurtig og venlig hjælp\r\n',
                  },
                ],
              },
            },
          },
        };
      }
    }
  }
}

/** The last touches on the generated document: valid 3.1 tuples, named components, true media types. */
export function finishDocument(document: Record<string, unknown>): Record<string, unknown> {
  const fixed = fixTuples(toJson(document));
  if (!isObject(fixed) || !isObject(fixed.paths)) return document;
  patchOperations(fixed.paths);
  const known = new Map<string, string>();
  const schemas: JsonObject = {};
  for (const [name, schema] of Object.entries(COMPONENTS)) {
    const form = fixTuples(documentForm(toJson(schema)));
    schemas[name] = form;
    if (isObject(form)) known.set(shapeKey(form), name);
  }
  for (const [name, schema] of Object.entries(schemas)) schemas[name] = referenceComponents(schema, known, true);
  const components = isObject(fixed.components) ? fixed.components : {};
  components.schemas = { ...(isObject(components.schemas) ? components.schemas : {}), ...schemas };
  components.examples = errorExamples();
  fixed.components = components;
  fixed.paths = referenceComponents(fixed.paths, known);
  return fixed;
}
