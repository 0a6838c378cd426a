import { ApiError } from './api.ts';
import { errorMessage } from './errors.ts';
import { locale } from './i18n/locale.svelte.ts';

/**
 * An error on the import page: a refusal whose details name a reason (a file Kadence cannot read
 * at all, shared/import-refusals.ts; an upload over a limit) in the viewer's language, from the
 * import page's catalogue (`refusals.<reason>`, the details' other text values as parameters);
 * anything else as errorMessage words it.
 */
export function importErrorMessage(error: unknown): string {
  return (error instanceof ApiError && refusalText(error.details)) || errorMessage(error);
}

function refusalText(details: unknown): string | null {
  if (typeof details !== 'object' || details === null || !('reason' in details) || typeof details.reason !== 'string')
    return null;
  const key = `refusals.${details.reason}`;
  const params = Object.fromEntries(
    Object.entries(details).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const text = locale.t(key, params);
  return text === key ? null : text;
}
