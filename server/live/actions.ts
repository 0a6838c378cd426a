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
 */
export function liveActions(services: Pick<Services, 'actions' | 'users'>): LiveActions {
  const { actions, users } = services;
  return {
    decideAction(decision) {
      const { value, announce } = actions.sync.collect(() => actions.sync.decide(decision));
      return { actionId: value.id, dueDate: value.dueDate, announce };
    },
    // The follow-up step moves last month's actions through the same rules as the tracker.
    changeActionStatus(userId, teamId, actionId, to, reason) {
      const user = users.byIdInSyncTransaction(userId);
      const before = actions.sync.byId(actionId);
      if (!user || !before || before.team_id !== teamId) throw notFound('Action');
      const { announce } = actions.sync.collect(() => actions.sync.changeStatus(user, actionId, to, { reason }));
      return { title: before.title, from: before.status, announce };
    },
  };
}
