/**
 * The default agenda's step names, short (the stepper) and long (above the step), apart from the
 * board's catalogue so the live board can tell a default name from a team's own without loading
 * both full catalogues.
 */
export const stepNamesEn = {
  steps: { checkin: 'Check-in', followup: 'Follow-up', read: 'Read', group: 'Group', vote: 'Vote', decide: 'Decide', wrapup: 'Wrap-up' },
  stepTitles: {
    checkin: 'Check-in and KPI pulse',
    followup: 'Follow-up of last month’s actions',
    read: 'Read the month’s feedback and comment',
    group: 'Group into themes',
    vote: 'Vote',
    decide: 'Decide improvement actions',
    wrapup: 'Wrap-up',
  },
};
