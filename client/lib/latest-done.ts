/** What check-in needs to know of an action to pick the ones whose effect it shows. */
export interface DoneCandidate {
  status: string;
  doneAt: string | null;
  effectMetric: string | null;
  themeId: number | null;
}

/** Check-in shows a few effects: more charts would push the KPIs and WOW moments off a shared screen. */
export const CHECKIN_EFFECTS = 3;

/**
 * The done actions that have an effect to show (a metric or a theme), most recently completed first,
 * at most `limit`: the team wants to see what its latest work did, not the oldest. An action with no
 * completion time (done before Kadence kept one) comes last.
 */
export function latestDone<T extends DoneCandidate>(actions: readonly T[], limit = CHECKIN_EFFECTS): T[] {
  return actions
    .filter((action) => action.status === 'done' && (Boolean(action.effectMetric) || action.themeId !== null))
    .sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? ''))
    .slice(0, limit);
}
