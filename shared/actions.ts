/** The one status machine for actions, used by the server to enforce and by the client to offer buttons. */
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Allowed moves: forward through the work, drop while unfinished, reopen once finished. */
const NEXT: Record<ActionStatus, readonly ActionStatus[]> = {
  open: ['in_progress', 'done', 'dropped'],
  in_progress: ['open', 'done', 'dropped'],
  done: ['open'],
  dropped: ['open'],
};

export type TransitionCheck = { ok: true } | { ok: false; message: string };

export function isActionStatus(value: string): value is ActionStatus {
  return (ACTION_STATUSES as readonly string[]).includes(value);
}

export function allowedNext(from: ActionStatus): readonly ActionStatus[] {
  return NEXT[from];
}

/** Checks one transition; every refusal names why, so the person can fix it. */
export function checkTransition(from: ActionStatus, to: ActionStatus, reason?: string | null): TransitionCheck {
  if (from === to) return { ok: false, message: `The action is already ${to.replace('_', ' ')}` };
  if (!NEXT[from].includes(to)) {
    const hint = from === 'done' || from === 'dropped' ? '; reopen it first' : '';
    return {
      ok: false,
      message: `An action that is ${from.replace('_', ' ')} cannot become ${to.replace('_', ' ')}${hint}`,
    };
  }
  if (to === 'dropped' && !reason?.trim()) return { ok: false, message: 'Dropping an action needs a reason' };
  return { ok: true };
}

/** Local YYYY-MM-DD of `now` in a time zone. */
export function localDate(now: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export const DUE_SOON_DAYS = 3;

export type DueState = 'overdue' | 'due_soon' | 'later' | 'none';

/** Overdue once the due date has passed; due soon within DUE_SOON_DAYS; finished actions are never due. */
export function dueState(status: ActionStatus, dueDate: string | null, today: string): DueState {
  if (!dueDate || status === 'done' || status === 'dropped') return 'none';
  if (dueDate < today) return 'overdue';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + DUE_SOON_DAYS);
  return dueDate <= soon.toISOString().slice(0, 10) ? 'due_soon' : 'later';
}
