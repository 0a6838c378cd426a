import type { ErrorBody } from '../../shared/errors.ts';
import type { components, paths } from './api-schema.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the server says beyond the code, e.g. { reason: 'ENCODING', encoding: 'Big5 (…)' }. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

// The types below read the generated `paths` (client/lib/api-schema.ts, `npm run gen:api`): a call
// names a documented path, and its parameters, body and reply come from the OpenAPI document.
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
/** The documented paths that answer a method. */
export type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: object } ? P : never;
}[keyof paths];

type PathPart<O> = O extends { parameters: { path: infer T } } ? { path: T } : object;
type QueryPart<O> = O extends { parameters: { query: infer T } }
  ? { query: T }
  : O extends { parameters: { query?: infer T } }
    ? [NonNullable<T>] extends [never]
      ? object
      : { query?: T }
    : object;
/** A JSON body as the document describes it; a multipart upload is sent as the FormData it is. */
type JsonBody<B> = B extends { content: { 'application/json': infer T } }
  ? T
  : B extends { content: { 'multipart/form-data': unknown } }
    ? FormData
    : never;
type BodyPart<O> = O extends { requestBody: infer B }
  ? [JsonBody<B>] extends [never]
    ? object
    : { body: JsonBody<B> }
  : O extends { requestBody?: infer B }
    ? [JsonBody<NonNullable<B>>] extends [never]
      ? object
      : { body?: JsonBody<NonNullable<B>> }
    : object;
/** What a call sends besides its path: path parameters, the query and a JSON body, each when documented. */
export type Init<O> = PathPart<O> & QueryPart<O> & BodyPart<O>;
type InitArgs<O> = object extends Init<O> ? [init?: Init<O>] : [init: Init<O>];

type SuccessStatus = 200 | 201 | 202 | 204;
type ReplyOf<R> = R extends { content: { 'application/json': infer T } }
  ? T
  : R extends { content: { [type: string]: infer T } }
    ? T
    : undefined;
/** The JSON a successful call answers (undefined for "204 No Content"). */
export type Reply<O> = O extends { responses: infer R }
  ? { [S in keyof R & SuccessStatus]: ReplyOf<R[S]> }[keyof R & SuccessStatus]
  : never;

/** What every typed call is at run time. */
interface Loose {
  path?: object;
  query?: object;
  body?: unknown;
}

let csrfToken: string | undefined;

/**
 * The Kadence API, typed from its OpenAPI document: `api('get', '/api/teams/{team}', { path: { team } })`
 * answers the documented reply. The session cookie goes along and writes carry the CSRF header; the
 * token is bound to the session, so after signing in or out (here or in another tab) the server
 * refuses the old one before doing anything: fetch a new one and send the same request once more.
 * Refusals arrive as ApiError.
 */
export function api<M extends Method, P extends PathsWith<M>>(
  method: M,
  path: P,
  ...init: InitArgs<Operation<P, M>>
): Promise<Reply<Operation<P, M>>>;
export async function api(method: Method, template: string, given?: unknown): Promise<unknown> {
  const init: Loose = typeof given === 'object' && given !== null ? given : {};
  const values = new Map(Object.entries(init.path ?? {}));
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(init.query ?? {}))
    if (value !== undefined && value !== null && value !== '') query.append(key, String(value));
  const target =
    template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(values.get(name)))) +
    (String(query) ? `?${query}` : '');
  const body = init.body instanceof FormData ? init.body : init.body === undefined ? null : JSON.stringify(init.body);
  const headers: Record<string, string> = typeof body === 'string' ? { 'content-type': 'application/json' } : {};
  const attempt = async (): Promise<[Response, Partial<ErrorBody> | undefined]> => {
    if (method !== 'get') headers['x-csrf-token'] = csrfToken ??= (await api('get', '/api/auth/csrf')).token;
    const response = await fetch(target, { method: method.toUpperCase(), body, headers, credentials: 'same-origin' });
    // The reply is what the document says it is: tests/api/openapi-conformance.test.ts holds the server to it.
    return [response, await response.json().catch(() => undefined)];
  };
  let [response, data] = await attempt();
  if (response.status === 403 && data?.error?.code === 'CSRF' && method !== 'get') {
    csrfToken = undefined;
    [response, data] = await attempt();
  }
  const error = data?.error;
  if (!response.ok)
    throw new ApiError(
      response.status,
      error?.code ?? 'INTERNAL',
      error?.message ?? response.statusText,
      error?.details,
    );
  return data;
}

/** What a documented operation answers on success, e.g. `ApiReply<'/api/teams/{team}', 'get'>`. */
export type ApiReply<P extends PathsWith<M>, M extends Method> = Reply<Operation<P, M>>;
/** The query a documented operation takes, e.g. `ApiQuery<'/api/actions', 'get'>`. */
export type ApiQuery<P extends PathsWith<M>, M extends Method> = NonNullable<
  Init<Operation<P, M>> extends { query?: infer Q } ? Q : never
>;
/** A named schema of the document, e.g. `ApiSchema<'TeamDetail'>`. */
export type ApiSchema<N extends keyof components['schemas']> = components['schemas'][N];
