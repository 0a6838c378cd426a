/** One step of the meeting's agenda; the key lets the live board know what the step is for. */
export interface AgendaStep {
  key: string;
  name: string;
  minutes: number;
}

/** The method's one-hour review. Names are the catalog keys' English defaults; teams rename them. */
export const DEFAULT_AGENDA: AgendaStep[] = [
  { key: 'checkin', name: 'Check-in and KPI pulse', minutes: 5 },
  { key: 'followup', name: 'Follow-up of last month’s actions', minutes: 10 },
  { key: 'read', name: 'Read the month’s feedback and comment', minutes: 15 },
  { key: 'group', name: 'Group into themes', minutes: 10 },
  { key: 'vote', name: 'Vote', minutes: 5 },
  { key: 'decide', name: 'Decide improvement actions', minutes: 12 },
  { key: 'wrapup', name: 'Wrap-up', minutes: 3 },
];

export const agendaMinutes = (steps: readonly AgendaStep[]) => steps.reduce((total, step) => total + step.minutes, 0);
