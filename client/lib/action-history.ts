import type { HistoryEntry } from '../../shared/schemas/actions.ts';
import type { DatePattern } from './i18n/dates.ts';

interface Translator {
  t: (key: string, params?: Record<string, string>) => string;
  date: (iso: string, pattern?: DatePattern) => string;
}

/** What one history entry says after its date and person, e.g. "decided it in the review of 8 December 2026". */
export function historyText(entry: Pick<HistoryEntry, 'kind' | 'to'>, locale: Translator): string {
  // A decision keeps the review's start (UTC ISO); the viewer reads its date in their own language.
  if (entry.kind === 'decided' && entry.to)
    return locale.t('actions.historyKinds.decided', { date: locale.date(entry.to) });
  return locale.t(`actions.historyKinds.${entry.kind}`);
}
