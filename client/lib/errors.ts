import { ApiError } from './api.ts';
import { locale } from './i18n/locale.svelte.ts';

/** The server's message where it gave one, else a translated generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return locale.t(error instanceof TypeError ? 'errors.network' : 'errors.generic');
}
