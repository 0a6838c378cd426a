import type { RouteOptions } from 'fastify';
import { ErrorSchema, OkSchema } from '../../shared/schemas/common.ts';
import { ActionDetailSchema, ActionSchema, EffectSchema, WebhookSchema } from '../../shared/schemas/actions.ts';
import { UserSchema } from '../../shared/schemas/auth.ts';
import { FeedbackItemSchema, KpiMonthSchema, KpiSchema } from '../../shared/schemas/feedback.ts';
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
};

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

/** OpenAPI 3.1 is JSON Schema 2020-12: a fixed-length pair is prefixItems, not an items list. */
function fixTuples(node: Json): Json {
  if (Array.isArray(node)) return node.map(fixTuples);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = fixTuples(value);
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
function documentForm(node: Json): Json {
  if (Array.isArray(node)) return node.map(documentForm);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$id' || key === '$schema') continue;
    if (key === 'const') out.enum = [documentForm(value)];
    else out[key] = documentForm(value);
  }
  return out;
}

function canonical(node: Json): string {
  if (Array.isArray(node)) return `[${node.map(canonical).join(',')}]`;
  if (!isObject(node)) return JSON.stringify(node);
  const entries = Object.entries(node).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${canonical(value)}`).join(',')}}`;
}

function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** Replaces every copy of a named shape with a reference to its component, the largest first. */
function referenceComponents(node: Json, known: Map<string, string>, skipRoot = false): Json {
  if (Array.isArray(node)) return node.map((child) => referenceComponents(child, known));
  if (!isObject(node)) return node;
  const name = skipRoot ? undefined : known.get(canonical(node));
  if (name) return { $ref: `#/components/schemas/${name}` };
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = referenceComponents(value, known);
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
    known.set(canonical(form), name);
  }
  for (const [name, schema] of Object.entries(schemas)) schemas[name] = referenceComponents(schema, known, true);
  const components = isObject(fixed.components) ? fixed.components : {};
  components.schemas = { ...(isObject(components.schemas) ? components.schemas : {}), ...schemas };
  fixed.components = components;
  fixed.paths = referenceComponents(fixed.paths, known);
  return fixed;
}
