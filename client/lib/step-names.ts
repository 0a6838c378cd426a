import { DEFAULT_STEP_NAMES } from '../../shared/agenda.ts';
import type { AgendaStep } from '../../shared/meeting/index.ts';
import { stepNamesDa } from './i18n/areas/step-names.da.ts';
import { stepNamesEn } from './i18n/areas/step-names.en.ts';

// Only the step-name tables, not the full catalogues: the live board must not pull both languages in.
type StepKey = keyof typeof stepNamesEn.steps;
const isStepKey = (key: string): key is StepKey => Object.hasOwn(stepNamesEn.steps, key);

/**
 * A step keeps the name a team gave it; a name Kadence made (the default agenda's, in either
 * language, long or short) is only a default, so it is shown in the viewer's own language.
 */
function isDefaultName(step: AgendaStep): step is AgendaStep & { key: StepKey } {
  if (!isStepKey(step.key)) return false;
  const key = step.key;
  const defaults = [DEFAULT_STEP_NAMES.da[key], stepNamesEn.steps[key], stepNamesDa.steps[key], stepNamesEn.stepTitles[key], stepNamesDa.stepTitles[key]];
  return defaults.includes(step.name.trim());
}

/** The short name in the stepper. */
export const stepShortName = (step: AgendaStep, t: (key: string) => string): string => (isDefaultName(step) ? t(`board.steps.${step.key}`) : step.name);

/** The full name above the step's content. */
export const stepTitle = (step: AgendaStep, t: (key: string) => string): string => (isDefaultName(step) ? t(`board.stepTitles.${step.key}`) : step.name);
