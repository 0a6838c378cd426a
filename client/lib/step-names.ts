import { isUneditedStep } from '../../shared/agenda.ts';
import type { AgendaStep } from '../../shared/meeting/index.ts';

/**
 * The short name in the stepper. Whether a step is unedited is decided by shared/agenda.ts (the same
 * rule as `stepName`, which gives the full name): an unedited default shows in the viewer's language,
 * a name the team wrote shows as written.
 */
export const stepShortName = (step: AgendaStep, t: (key: string) => string): string =>
  isUneditedStep(step) ? t(`board.steps.${step.key}`) : step.name;
