/**
 * The default agenda's short step names (the stepper), apart from the board's catalogue. The full
 * names are the default agenda's own (shared/agenda.ts `stepName`), not a second copy here.
 */
export const stepNamesEn = {
  steps: {
    checkin: 'Check-in',
    followup: 'Follow-up',
    read: 'Read',
    group: 'Group',
    vote: 'Vote',
    decide: 'Decide',
    wrapup: 'Wrap-up',
  },
};
