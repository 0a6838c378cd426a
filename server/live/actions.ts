import { createActionsRepo } from '../actions/repo.ts';
import { notFound } from '../errors.ts';
import type { Services } from '../services.ts';
import { createUsersRepo } from '../users/repo.ts';
import { toUser } from '../users/service.ts';
import type { ActionDecider, ActionStatusChanger } from './engine.ts';

export interface LiveActions {
  decideAction: ActionDecider;
  changeActionStatus: ActionStatusChanger;
}

/**
 * The live meeting's one way into the actions area: its service, so webhooks, history, reminders and
 * the tracker's live update happen as they do from the tracker. Each runs inside the meeting event's
 * transaction (`trx`, on either store) and hands back its announcement for the engine to make after the commit.
 */
export function liveActions(services: Pick<Services, 'actions'>): LiveActions {
  const { actions } = services;
  return {
    async decideAction(trx, decision) {
      const { value, announce } = await actions.within(trx).decide(decision);
      return { actionId: value.id, dueDate: value.dueDate, announce };
    },
    // The follow-up step moves last month's actions through the same rules as the tracker.
    async changeActionStatus(trx, userId, teamId, actionId, to, reason) {
      const row = await createUsersRepo(trx).byId(userId);
      const before = await createActionsRepo(trx).byId(actionId);
      if (!row || !before || before.team_id !== teamId) throw notFound('Action');
      const { announce } = await actions.within(trx).changeStatus(toUser(row), actionId, to, { reason });
      return { title: before.title, from: before.status, announce };
    },
  };
}
