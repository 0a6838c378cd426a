import { ErrorCode } from '../../shared/errors.ts';
import { ApiError } from './api.ts';
import { locale } from './i18n/locale.svelte.ts';

const known = new Set<string>(Object.values(ErrorCode));

/**
 * In English the server's own message is the most specific; in Danish the stable error code is
 * translated, and for input problems the server's message is kept too because it names the field.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return codedMessage(error);
  return locale.t(error instanceof TypeError ? 'errors.network' : 'errors.generic');
}

/** The same for a refusal that came back in a socket ack rather than an HTTP response. */
export function codedMessage(error: { code: string; message: string }): string {
  if (locale.lang === 'en' || !known.has(error.code)) return error.message;
  const translated = locale.t(`errors.codes.${error.code}`);
  return error.code === ErrorCode.VALIDATION || error.code === ErrorCode.CONFLICT
    ? `${translated} (${error.message})`
    : translated;
}
