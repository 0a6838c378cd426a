import type { Database } from 'better-sqlite3';
import {
  applyMeetingEvent,
  checkCommand,
  initialState,
  own,
  voteTotals,
  type Actor,
  type EventBody,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingState,
  type MeetingSummary,
} from '../../shared/meeting/index.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { redact } from '../../shared/redact.ts';
import type { MeetingDecision } from '../actions/service.ts';
import { AppError, notFound } from '../errors.ts';
import { commandHash } from './command-hash.ts';
import { SERVER_SCOPE, type LiveRepo, type MeetingRow } from './repo.ts';

const SNAPSHOT_EVERY = 200;

/** The summary's rating: a count and a mean with one decimal, or nothing when nobody answered. */
const rating = (scores: number[]): Pick<MeetingSummary, 'rating'> =>
  scores.length === 0
    ? {}
    : {
        rating: {
          count: scores.length,
          mean: Math.round((scores.reduce((sum, n) => sum + n, 0) / scores.length) * 10) / 10,
        },
      };

export interface Applied {
  event: MeetingEvent;
  state: MeetingState;
  /** The state before the event, from which each viewer's step change is told as a patch. */
  before: MeetingState;
  /** True when the opId was seen before: nothing was applied again. */
  duplicate: boolean;
}

/**
 * The server side of a meeting: folds the log into state, checks commands and appends events in one
 * transaction each. The in-memory states are only a cache: before each write the tail is re-read from
 * SQLite, so another process writing the same meeting (or a restart) never leaves it stale.
 */
/**
 * Changes an earlier action's status for a signed-in person, through the actions service inside the
 * event's transaction; `announce` (the tracker's live update) is called once the event has committed.
 */
export type ActionStatusChanger = (
  userId: number,
  teamId: number,
  actionId: number,
  to: 'open' | 'in_progress' | 'done' | 'dropped',
  reason: string | undefined,
) => { title: string; from: string; announce: () => void };
/** Records a decided action through the actions service inside the event's transaction; `announce` as above. */
export type ActionDecider = (decision: MeetingDecision) => {
  actionId: number;
  dueDate: string | null;
  announce: () => void;
};

export function createLiveEngine(deps: {
  db: Database;
  repo: LiveRepo;
  decideAction: ActionDecider;
  changeActionStatus?: ActionStatusChanger | undefined;
}) {
  const { db, repo } = deps;
  const cache = new Map<number, MeetingState>();
  /** What the actions area announces about writes not yet committed: run after the commit, dropped on a rollback. */
  let afterCommit: (() => void)[] = [];
  const announceCommitted = () => {
    const due = afterCommit;
    afterCommit = [];
    for (const announce of due) {
      try {
        announce();
      } catch {
        // A failed live update must not withhold the acks of committed events; trackers reload on the next one.
      }
    }
  };

  function load(meetingId: number): MeetingState {
    let state = cache.get(meetingId) ?? repo.latestSnapshot(meetingId) ?? initialState(meetingId);
    if (state.seq < repo.maxSeq(meetingId)) {
      for (const event of repo.eventsAfter(meetingId, state.seq)) state = applyMeetingEvent(state, event);
    }
    cache.set(meetingId, state);
    return state;
  }

  function meetingRow(meetingId: number): MeetingRow {
    const row = repo.meeting(meetingId);
    if (!row || row.status === 'skipped') throw notFound('Meeting');
    return row;
  }

  /** Fills in what the server decides: cards, themes from the team's list, action rows, the summary. */
  function enrich(
    row: MeetingRow,
    state: MeetingState,
    actor: Actor,
    opId: string,
    command: MeetingCommand,
    at: number,
  ): EventBody {
    const { type, ...rest } = command;
    switch (command.type) {
      case 'meeting.start': {
        repo.start(row.id);
        const cards = repo.cards(row.id).map((c) => ({
          id: String(c.id),
          quote: redact(c.comment ?? ''),
          title: redact(c.title),
          metric: c.metric,
          score: c.score,
          source: c.source,
          receivedAt: c.received_at,
          language: c.language,
          position: c.position,
        }));
        return { type: 'meeting.start', payload: { steps: repo.steps(row), cards } };
      }
      case 'meeting.end': {
        const summary = summarise(state, at);
        repo.end(row.id, JSON.stringify(summary));
        return { type: 'meeting.end', payload: { summary } };
      }
      case 'comment.add': {
        // opIds are unique per person only, so a comment's id is the opId unless someone's comment has it.
        const commentId = own(state.comments, opId) ? `#${state.seq + 1}` : opId;
        return { type: 'comment.add', payload: { cardId: command.cardId, text: command.text, commentId } };
      }
      case 'comment.delete':
        return {
          type: 'comment.delete',
          payload: { commentId: command.commentId, private: own(state.comments, command.commentId)?.private === true },
        };
      case 'theme.create': {
        const themeId = repo.themeFor(row.team_id, command.name.trim(), row.id);
        if (own(state.themes, themeId))
          throw new AppError(ErrorCode.CONFLICT, `The theme "${command.name}" is already on the board`);
        return { type: 'theme.create', payload: { name: command.name.trim(), themeId } };
      }
      case 'theme.rename':
        try {
          repo.renameTheme(row.team_id, command.themeId, command.name.trim());
        } catch {
          throw new AppError(ErrorCode.CONFLICT, `The team already has a theme called "${command.name}"`);
        }
        return { type: 'theme.rename', payload: { themeId: command.themeId, name: command.name.trim() } };
      case 'theme.merge':
        repo.mergeTheme(row.team_id, command.from, command.into);
        return { type: 'theme.merge', payload: { from: command.from, into: command.into } };
      case 'theme.split': {
        const newThemeId = repo.themeFor(row.team_id, command.name.trim(), row.id);
        if (own(state.themes, newThemeId))
          throw new AppError(ErrorCode.CONFLICT, `The theme "${command.name}" is already on the board`);
        return {
          type: 'theme.split',
          payload: { themeId: command.themeId, name: command.name.trim(), items: command.items, newThemeId },
        };
      }
      case 'theme.accept': {
        // A theme of that name on the board (in any case) takes the items; else the team's theme of that name, or a new one.
        const name = command.name.trim();
        const onBoard = Object.values(state.themes).find(
          (t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase(),
        );
        const themeId = onBoard?.id ?? repo.themeFor(row.team_id, name, row.id);
        return { type: 'theme.accept', payload: { name: onBoard?.name ?? name, items: command.items, themeId } };
      }
      case 'action.decide': {
        const ownerName = command.ownerId === null ? null : repo.memberName(row.team_id, command.ownerId);
        if (ownerName === undefined) throw new AppError(ErrorCode.VALIDATION, 'The owner must be a member of the team');
        const origins = [
          ...command.commentIds.map((ref) => ({ kind: 'comment' as const, ref })),
          ...command.cardIds.map((ref) => ({ kind: 'feedback' as const, ref })),
          ...(command.themeId === null ? [] : [{ kind: 'theme' as const, ref: String(command.themeId) }]),
        ];
        const decided = deps.decideAction({
          teamId: row.team_id,
          meetingId: row.id,
          title: command.title,
          ownerId: command.ownerId,
          dueDate: command.dueDate,
          effectMetric: command.effectMetric ?? null,
          themeId: command.themeId,
          decidedBy: actor.key.startsWith('u:') ? Number(actor.key.slice(2)) : null,
          origins,
        });
        afterCommit.push(decided.announce);
        return {
          type: 'action.decide',
          payload: { ...command, dueDate: decided.dueDate, actionId: decided.actionId, ownerName },
        } as EventBody;
      }
      case 'action.status': {
        // Guests have no account; the owner, a lead or a facilitator of the team may move an action.
        if (!actor.key.startsWith('u:') || !deps.changeActionStatus)
          throw new AppError(ErrorCode.FORBIDDEN, 'Only team members can update actions');
        const changed = deps.changeActionStatus(
          Number(actor.key.slice(2)),
          row.team_id,
          command.actionId,
          command.to,
          command.reason,
        );
        afterCommit.push(changed.announce);
        return {
          type: 'action.status',
          payload: { ...command, title: changed.title, from: changed.from },
        } as EventBody;
      }
      default:
        return { type, payload: rest } as EventBody;
    }
  }

  function summarise(state: MeetingState, at: number): MeetingSummary {
    const scores = new Map<string, { sum: number; count: number }>();
    for (const card of Object.values(state.cards)) {
      if (card.metric === null || card.score === null) continue;
      const entry = scores.get(card.metric) ?? { sum: 0, count: 0 };
      scores.set(card.metric, { sum: entry.sum + card.score, count: entry.count + 1 });
    }
    return {
      endedAt: at,
      attendance: repo.attendance(state.meetingId),
      cards: Object.keys(state.cards).length,
      averageScores: [...scores].map(([metric, { sum, count }]) => ({
        metric,
        average: Math.round((sum / count) * 10) / 10,
        count,
      })),
      themes: voteTotals(state).map(({ themeId, votes }) => ({
        id: themeId,
        name: own(state.themes, themeId)?.name ?? '',
        votes,
        cards: Object.values(state.cards).filter((c) => c.themeId === themeId).length,
        comments: Object.values(state.comments).filter((c) => c.themeId === themeId).length,
      })),
      decisions: state.decisions,
      ...rating(Object.values(state.ratings ?? {})),
    };
  }

  const write = db.transaction(
    (meetingId: number, actor: Actor, opId: string, command: MeetingCommand | EventBody, server: boolean): Applied => {
      const row = meetingRow(meetingId);
      const state = load(meetingId);
      // A retry is the same opId from the same person with the same command; ids the server makes
      // live apart, so no client can take one first.
      const scope = server ? SERVER_SCOPE : actor.key;
      const hash = server ? null : commandHash(command);
      const seen = repo.op(meetingId, scope, opId);
      if (seen !== undefined) {
        if (seen.body_hash !== null && seen.body_hash !== hash)
          throw new AppError(ErrorCode.OPID_REUSED, 'This opId was already used for another command');
        const [event] = repo.eventsAfter(meetingId, seen.seq - 1, 1);
        return { event: event as MeetingEvent, state, before: state, duplicate: true };
      }
      const at = Date.now();
      let body: EventBody;
      if (server) {
        body = command as EventBody;
      } else {
        const refusal = checkCommand(state, actor, command as MeetingCommand);
        if (refusal) throw new AppError(refusal.code, refusal.message);
        body = enrich(row, state, actor, opId, command as MeetingCommand, at);
      }
      const event = { ...body, seq: state.seq + 1, opId, at, actor } as MeetingEvent;
      repo.append(meetingId, event, scope, hash);
      const next = applyMeetingEvent(state, event);
      if (next.seq % SNAPSHOT_EVERY === 0) repo.saveSnapshot(next);
      if (body.type === 'presence.join') repo.attend(meetingId, actor);
      cache.set(meetingId, next);
      return { event, state: next, before: state, duplicate: false };
    },
  );

  function run(
    meetingId: number,
    actor: Actor,
    opId: string,
    command: MeetingCommand | EventBody,
    server: boolean,
  ): Applied {
    try {
      const applied = write(meetingId, actor, opId, command, server);
      announceCommitted();
      return applied;
    } catch (error) {
      // The transaction rolled back; drop the cache so the next command re-reads the log.
      cache.delete(meetingId);
      afterCommit = [];
      throw error;
    }
  }

  /**
   * Group commit: commands arriving in the same turn of the event loop share one transaction (one
   * fsync); each runs in its own savepoint, so a refused command leaves the others intact. Acks
   * wait for the commit, so nothing is acknowledged before it is durable.
   */
  interface Queued {
    meetingId: number;
    actor: Actor;
    opId: string;
    command: MeetingCommand | EventBody;
    server: boolean;
    resolve: (a: Applied) => void;
    reject: (e: unknown) => void;
  }
  let queue: Queued[] = [];
  const commitBatch = db.transaction((items: Queued[]) =>
    items.map((item) => {
      const mark = afterCommit.length;
      try {
        return { applied: write(item.meetingId, item.actor, item.opId, item.command, item.server) };
      } catch (error) {
        cache.delete(item.meetingId);
        afterCommit.length = mark;
        return { error };
      }
    }),
  );
  function flush(): void {
    const items = queue;
    queue = [];
    if (items.length === 0) return;
    let results: { applied?: Applied; error?: unknown }[];
    try {
      results = commitBatch(items);
    } catch (error) {
      cache.clear();
      afterCommit = [];
      for (const item of items) item.reject(error);
      return;
    }
    announceCommitted();
    results.forEach((result, index) => {
      const item = items[index] as Queued;
      if (result.applied) item.resolve(result.applied);
      else item.reject(result.error);
    });
  }

  function enqueue(
    meetingId: number,
    actor: Actor,
    opId: string,
    command: MeetingCommand | EventBody,
    server: boolean,
  ): Promise<Applied> {
    return new Promise((resolve, reject) => {
      queue.push({ meetingId, actor, opId, command, server, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
  }

  return {
    state: (meetingId: number): MeetingState => {
      meetingRow(meetingId);
      return load(meetingId);
    },
    meeting: meetingRow,
    /** The team's themes from every meeting so far, for recognising one again by its name. */
    teamThemes: (teamId: number): string[] => repo.teamThemes(teamId),
    command: (meetingId: number, actor: Actor, opId: string, command: MeetingCommand): Promise<Applied> =>
      enqueue(meetingId, actor, opId, command, false),
    /**
     * Presence changes are events too, so a restart or another process rebuilds who is here. They share
     * the group commit: when a whole team joins at the hour, their joins do not take an fsync each.
     */
    presence: (
      meetingId: number,
      actor: Actor,
      opId: string,
      type: 'presence.join' | 'presence.leave',
    ): Promise<Applied> => enqueue(meetingId, actor, opId, { type, payload: {} }, true),
    eventsAfter: (meetingId: number, seq: number, limit: number) => repo.eventsAfter(meetingId, seq, limit),
    /** Commits what is queued now, e.g. the leaves of sockets closed at shutdown, before the database closes. */
    settle(): void {
      if (queue.length > 0) flush();
    },
    /** Drops the cached state of meetings whose stored log was rewritten (erasure), so the next read folds the new one. */
    forget(meetingIds: readonly number[]): void {
      for (const id of meetingIds) cache.delete(id);
    },
    /** After a restart nobody is connected: clear presence left over in the log of live meetings. */
    resetPresence(): void {
      for (const id of repo.liveMeetingIds()) {
        const state = load(id);
        if (Object.values(state.participants).some((p) => p.connections > 0)) {
          run(
            id,
            { key: 'server', name: '', role: 'member' },
            `reset-${id}-${state.seq}`,
            { type: 'presence.reset', payload: {} },
            true,
          );
        }
      }
    },
  };
}
export type LiveEngine = ReturnType<typeof createLiveEngine>;
