import { DEFAULT_STEP_NAMES } from '../../../../shared/agenda.ts';

/**
 * The default agenda's step names, short (the stepper) and long (above the step), apart from the
 * board's catalogue so the live board can tell a default name from a team's own without loading
 * both full catalogues.
 */
export const stepNamesEn = {
  steps: { checkin: 'Check-in', followup: 'Follow-up', read: 'Read', group: 'Group', vote: 'Vote', decide: 'Decide', wrapup: 'Wrap-up' },
  // The long names are the default agenda's own English names.
  stepTitles: DEFAULT_STEP_NAMES.en,
};
