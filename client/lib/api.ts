import type { ErrorBody } from '../../shared/errors.ts';

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

let csrfToken: string | undefined;

async function csrf(): Promise<string> {
  csrfToken ??= ((await (await fetch('/api/auth/csrf', { credentials: 'same-origin' })).json()) as { token: string }).token;
  return csrfToken;
}

/**
 * A write with the CSRF header. The token is bound to the session, so after signing in or out (here
 * or in another tab) the server refuses the old one before doing anything: fetch a new one and send
 * the same request once more.
 */
async function write(path: string, init: RequestInit & { headers: Record<string, string> }): Promise<Response> {
  const send = async () => fetch(path, { ...init, credentials: 'same-origin', headers: { ...init.headers, 'x-csrf-token': await csrf() } });
  const response = await send();
  if (response.status !== 403) return response;
  const error = ((await response.clone().json().catch(() => ({}))) as Partial<ErrorBody>).error;
  if (error?.code !== 'CSRF') return response;
  csrfToken = undefined;
  return send();
}

/** JSON over fetch with the session cookie and the CSRF header; errors arrive as ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const init = { method, headers, body: body === undefined ? null : JSON.stringify(body) };
  const response = method === 'GET' ? await fetch(path, { ...init, credentials: 'same-origin' }) : await write(path, init);
  const data: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (data as Partial<ErrorBody>).error;
    throw new ApiError(response.status, error?.code ?? 'INTERNAL', error?.message ?? response.statusText);
  }
  return data as T;
}

/** Sends one file as multipart/form-data (field "file"), with the CSRF header. */
export async function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const response = await write(path, { method: 'POST', headers: {}, body: form });
  const data: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (data as Partial<ErrorBody>).error;
    throw new ApiError(response.status, error?.code ?? 'INTERNAL', error?.message ?? response.statusText, error?.details);
  }
  return data as T;
}
