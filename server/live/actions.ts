import { notFound } from '../errors.ts';
import type { Services } from '../services.ts';
import type { ActionDecider, ActionStatusChanger } from './engine.ts';

export interface LiveActions {
  decideAction: ActionDecider;
  changeActionStatus: ActionStatusChanger;
}

/**
 * The live meeting's one way into the actions area: its service, so webhooks, history, reminders and
 * the tracker's live update happen as they do from the tracker. Each runs inside the meeting event's
 * transaction and hands back its announcement for the engine to make after the commit.
 *
 * The actions service still writes through the synchronous handle. On SQLite that handle is the
 * store's one connection, so its writes land inside the meeting's open transaction (its own
 * `db.transaction` becomes a savepoint there) and commit or roll back with the event; the
 * transaction `trx` is handed over for when the service runs on the store.
 */
export function liveActions(services: Pick<Services, 'actions' | 'users'>): LiveActions {
  const { actions, users } = services;
  return {
    decideAction: (_trx, decision) =>
      Promise.resolve().then(() => {
        const { value, announce } = actions.collect(() => actions.decide(decision));
        return { actionId: value.id, dueDate: value.dueDate, announce };
      }),
    // The follow-up step moves last month's actions through the same rules as the tracker.
    changeActionStatus: (_trx, userId, teamId, actionId, to, reason) =>
      Promise.resolve().then(() => {
        const user = users.byId(userId);
        const before = actions.repo.byId(actionId);
        if (!user || !before || before.team_id !== teamId) throw notFound('Action');
        const { announce } = actions.collect(() => actions.changeStatus(user, actionId, to, { reason }));
        return { title: before.title, from: before.status, announce };
      }),
  };
}
