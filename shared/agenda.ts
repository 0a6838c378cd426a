import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './language.ts';

/**
 * One step of the meeting's agenda. `key` says what the step is for (the live board shows each
 * step's own content by it) and is stored with the agenda; `name` is what the team sees.
 */
export interface AgendaStep {
  key: string;
  name: string;
  minutes: number;
}

/** The keys of the method's seven steps, in their order. */
export const STEP_KEYS = ['checkin', 'followup', 'read', 'group', 'vote', 'decide', 'wrapup'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/** The default step names in each language; the client's catalogues show the same words. */
export const DEFAULT_STEP_NAMES: Record<Language, Record<StepKey, string>> = {
  da: {
    checkin: 'Check-in og KPI-puls',
    followup: 'Opfølgning på sidste måneds handlinger',
    read: 'Læs månedens feedback og kommentér',
    group: 'Saml i temaer',
    vote: 'Stem',
    decide: 'Beslut forbedringshandlinger',
    wrapup: 'Afrunding',
  },
  en: {
    checkin: 'Check-in and KPI pulse',
    followup: 'Follow-up of last month’s actions',
    read: 'Read the month’s feedback and comment',
    group: 'Group into themes',
    vote: 'Vote',
    decide: 'Decide improvement actions',
    wrapup: 'Wrap-up',
  },
};

const DEFAULT_MINUTES: Record<StepKey, number> = {
  checkin: 5,
  followup: 10,
  read: 15,
  group: 10,
  vote: 5,
  decide: 12,
  wrapup: 3,
};

/** The method's one-hour review with its step names in the team's language. */
export const defaultAgenda = (language: Language = DEFAULT_LANGUAGE): AgendaStep[] =>
  STEP_KEYS.map((key) => ({ key, name: DEFAULT_STEP_NAMES[language][key], minutes: DEFAULT_MINUTES[key] }));

const isStepKey = (key: string): key is StepKey => (STEP_KEYS as readonly string[]).includes(key);

/**
 * The name a viewer reads: a step still carrying a default name (in any language) is shown in the
 * viewer's language, so a Danish team's English guest reads English; a name the team wrote is shown
 * as written.
 */
export function stepName(step: Pick<AgendaStep, 'key' | 'name'>, viewer: Language): string {
  return isUneditedStep(step) ? DEFAULT_STEP_NAMES[viewer][step.key] : step.name;
}

/** Whether a step still carries the default name (in any language) of the method's step its key names. */
export function isUneditedStep(
  step: Pick<AgendaStep, 'key' | 'name'>,
): step is Pick<AgendaStep, 'name'> & { key: StepKey } {
  if (!isStepKey(step.key)) return false;
  const key = step.key;
  return LANGUAGES.some((language) => DEFAULT_STEP_NAMES[language][key] === step.name.trim());
}

export const agendaMinutes = (steps: readonly AgendaStep[]) => steps.reduce((total, step) => total + step.minutes, 0);
