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

/** JSON over fetch with the session cookie and the CSRF header; errors arrive as ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await csrf();
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? null : JSON.stringify(body) });
  const data: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (data as Partial<ErrorBody>).error;
    if (error?.code === 'CSRF') csrfToken = undefined;
    throw new ApiError(response.status, error?.code ?? 'INTERNAL', error?.message ?? response.statusText);
  }
  return data as T;
}

/** Sends one file as multipart/form-data (field "file"), with the CSRF header. */
export async function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch(path, { method: 'POST', headers: { 'x-csrf-token': await csrf() }, credentials: 'same-origin', body: form });
  const data: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (data as Partial<ErrorBody>).error;
    throw new ApiError(response.status, error?.code ?? 'INTERNAL', error?.message ?? response.statusText, error?.details);
  }
  return data as T;
}
