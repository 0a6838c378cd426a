import { ErrorCode } from '../../shared/errors.ts';
import { ApiError } from './api.ts';
import { locale } from './i18n/locale.svelte.ts';

const known = new Set<string>(Object.values(ErrorCode));

/**
 * In English the server's own message is the most specific; in Danish the stable error code is
 * translated, and for input problems the server's message is kept too because it names the field.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return detailedMessage(error.details) ?? codedMessage(error);
  return locale.t(error instanceof TypeError ? 'errors.network' : 'errors.generic');
}

/**
 * A refusal whose details name a reason the catalogues word themselves (`errors.details.<reason>`,
 * e.g. a file in an encoding Kadence does not read), with the details' other values as parameters.
 */
export function detailedMessage(details: unknown): string | null {
  if (typeof details !== 'object' || details === null || !('reason' in details) || typeof details.reason !== 'string')
    return null;
  const key = `errors.details.${details.reason}`;
  const params = Object.fromEntries(
    Object.entries(details).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const text = locale.t(key, params);
  return text === key ? null : text;
}

/** The same for a refusal that came back in a socket ack rather than an HTTP response. */
export function codedMessage(error: { code: string; message: string }): string {
  if (locale.lang === 'en' || !known.has(error.code)) return error.message;
  const translated = locale.t(`errors.codes.${error.code}`);
  return error.code === ErrorCode.VALIDATION || error.code === ErrorCode.CONFLICT
    ? `${translated} (${error.message})`
    : translated;
}
