import { sql } from 'kysely';
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
import type { Store, StoreTransaction } from '../db/kysely/store.ts';
import { AppError, notFound } from '../errors.ts';
import { commandHash } from './command-hash.ts';
import { SERVER_SCOPE, createLiveRepo, type LiveRepo, type MeetingRow } from './repo.ts';
import { createLiveStoreRepo, type MeetingLog, type OnAppended } from './store-repo.ts';

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
 * Changes an earlier action's status for a signed-in person, through the actions service inside the
 * event's transaction `trx`; `announce` (the tracker's live update) is called once the event has committed.
 */
export type ActionStatusChanger = (
  trx: StoreTransaction,
  userId: number,
  teamId: number,
  actionId: number,
  to: 'open' | 'in_progress' | 'done' | 'dropped',
  reason: string | undefined,
) => Promise<{ title: string; from: string; announce: () => void }>;
/** Records a decided action through the actions service inside the event's transaction; `announce` as above. */
export type ActionDecider = (
  trx: StoreTransaction,
  decision: MeetingDecision,
) => Promise<{ actionId: number; dueDate: string | null; announce: () => void }>;

/** The commands whose enrich step writes beside the log (meeting row, themes, actions). */
const WRITING_COMMANDS: ReadonlySet<string> = new Set([
  'meeting.start',
  'meeting.end',
  'theme.create',
  'theme.rename',
  'theme.merge',
  'theme.split',
  'theme.accept',
  'action.decide',
  'action.status',
] satisfies MeetingCommand['type'][]);

/**
 * The server side of a meeting: folds the log into state, checks commands and appends events, one
 * transaction per batch of a meeting's commands, on the live log (store-repo.ts), which holds the
 * meeting's lock for the transaction. The in-memory states are only a cache: inside each write the
 * tail is re-read, so another process writing the same meeting (or a restart) never leaves it stale.
 */
export function createLiveEngine(deps: {
  store: Store;
  decideAction: ActionDecider;
  changeActionStatus?: ActionStatusChanger | undefined;
  /** Called inside a commit that appended events (e.g. to announce the new seq to other processes). */
  onAppended?: OnAppended;
}) {
  const { store } = deps;
  const log = createLiveStoreRepo(store, deps.onAppended ? { onAppended: deps.onAppended } : {});
  const reads = createLiveRepo(store.db, store.dialect);
  const cache = new Map<number, MeetingState>();
  /**
   * The meeting row's `log_rewrites` under which each cached state was folded. An erasure counts up
   * in the same transaction that rewrites the log, and every write reads the row under the meeting's
   * lock: a count not seen here means the cached state may hold erased words, on whichever process.
   */
  const foldedUnder = new Map<number, number>();
  /**
   * Keeps the newest state seen; a read that finished after a commit must not put an older one back.
   * A state at the cached seq under the same count is the same fold: the cached one stays.
   */
  const remember = (state: MeetingState, rewrites: number) => {
    const known = cache.get(state.meetingId);
    if (known && foldedUnder.get(state.meetingId) === rewrites && known.seq >= state.seq) return;
    cache.set(state.meetingId, state);
    foldedUnder.set(state.meetingId, rewrites);
  };
  const drop = (meetingId: number) => {
    cache.delete(meetingId);
    foldedUnder.delete(meetingId);
  };
  /** What the actions area announces about committed writes; a failed live update must not withhold acks. */
  const announce = (announcements: (() => void)[]) => {
    for (const announcement of announcements) {
      try {
        announcement();
      } catch {
        // Trackers reload on the next update.
      }
    }
  };

  /** The meeting's state: the cached (or snapshot) state plus whatever the log holds after it. */
  const trustCache = store.dialect === 'sqlite';
  async function fold(
    repo: LiveRepo,
    tail: Pick<MeetingLog, 'maxSeq' | 'eventsAfter' | 'knownAt'>,
    row: MeetingRow,
  ): Promise<MeetingState> {
    const meetingId = row.id;
    // Folded before an erasure rewrote the log: read the rewritten snapshot and log instead.
    if (cache.has(meetingId) && foldedUnder.get(meetingId) !== row.log_rewrites) drop(meetingId);
    const cached = cache.get(meetingId);
    // On SQLite this process is the file's one writer (docs/postgres.md), and the cache only ever holds
    // committed states of the current rewrite count: the cached state is the log's end.
    if (cached && trustCache && tail.knownAt) {
      tail.knownAt(cached.seq);
      return cached;
    }
    let state = cached ?? (await repo.latestSnapshot(meetingId)) ?? initialState(meetingId);
    if (state.seq < (await tail.maxSeq())) {
      for (const event of await tail.eventsAfter(state.seq)) state = applyMeetingEvent(state, event);
    }
    return state;
  }

  async function meetingRow(meetingId: number, repo: LiveRepo = reads): Promise<MeetingRow> {
    const row = await repo.meeting(meetingId);
    if (!row || row.status === 'skipped') throw notFound('Meeting');
    return row;
  }

  /** Fills in what the server decides: cards, themes from the team's list, action rows, the summary. */
  async function enrich(
    repo: LiveRepo,
    trx: StoreTransaction,
    announcements: (() => void)[],
    row: MeetingRow,
    state: MeetingState,
    actor: Actor,
    opId: string,
    command: MeetingCommand,
    at: number,
  ): Promise<EventBody> {
    const { type, ...rest } = command;
    switch (command.type) {
      case 'meeting.start': {
        await repo.start(row.id);
        const cards = (await repo.cards(row.id)).map((c) => ({
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
        const summary = await summarise(repo, state, at);
        await repo.end(row.id, JSON.stringify(summary));
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
        const themeId = await repo.themeFor(row.team_id, command.name.trim(), row.id);
        if (own(state.themes, themeId))
          throw new AppError(ErrorCode.CONFLICT, `The theme "${command.name}" is already on the board`);
        return { type: 'theme.create', payload: { name: command.name.trim(), themeId } };
      }
      case 'theme.rename':
        try {
          await repo.renameTheme(row.team_id, command.themeId, command.name.trim());
        } catch {
          throw new AppError(ErrorCode.CONFLICT, `The team already has a theme called "${command.name}"`);
        }
        return { type: 'theme.rename', payload: { themeId: command.themeId, name: command.name.trim() } };
      case 'theme.merge':
        await repo.mergeTheme(row.team_id, command.from, command.into);
        return { type: 'theme.merge', payload: { from: command.from, into: command.into } };
      case 'theme.split': {
        const newThemeId = await repo.themeFor(row.team_id, command.name.trim(), row.id);
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
        const themeId = onBoard?.id ?? (await repo.themeFor(row.team_id, name, row.id));
        return { type: 'theme.accept', payload: { name: onBoard?.name ?? name, items: command.items, themeId } };
      }
      case 'action.decide': {
        const ownerName = command.ownerId === null ? null : await repo.memberName(row.team_id, command.ownerId);
        if (ownerName === undefined) throw new AppError(ErrorCode.VALIDATION, 'The owner must be a member of the team');
        const origins = [
          ...command.commentIds.map((ref) => ({ kind: 'comment' as const, ref })),
          ...command.cardIds.map((ref) => ({ kind: 'feedback' as const, ref })),
          ...(command.themeId === null ? [] : [{ kind: 'theme' as const, ref: String(command.themeId) }]),
        ];
        const decided = await deps.decideAction(trx, {
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
        announcements.push(decided.announce);
        return {
          type: 'action.decide',
          payload: { ...command, dueDate: decided.dueDate, actionId: decided.actionId, ownerName },
        } as EventBody;
      }
      case 'action.status': {
        // Guests have no account; the owner, a lead or a facilitator of the team may move an action.
        if (!actor.key.startsWith('u:') || !deps.changeActionStatus)
          throw new AppError(ErrorCode.FORBIDDEN, 'Only team members can update actions');
        const changed = await deps.changeActionStatus(
          trx,
          Number(actor.key.slice(2)),
          row.team_id,
          command.actionId,
          command.to,
          command.reason,
        );
        announcements.push(changed.announce);
        return {
          type: 'action.status',
          payload: { ...command, title: changed.title, from: changed.from },
        } as EventBody;
      }
      default:
        return { type, payload: rest } as EventBody;
    }
  }

  async function summarise(repo: LiveRepo, state: MeetingState, at: number): Promise<MeetingSummary> {
    const scores = new Map<string, { sum: number; count: number }>();
    for (const card of Object.values(state.cards)) {
      if (card.metric === null || card.score === null) continue;
      const entry = scores.get(card.metric) ?? { sum: 0, count: 0 };
      scores.set(card.metric, { sum: entry.sum + card.score, count: entry.count + 1 });
    }
    return {
      endedAt: at,
      attendance: await repo.attendance(state.meetingId),
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

  interface Queued {
    actor: Actor;
    opId: string;
    command: MeetingCommand | EventBody;
    server: boolean;
    resolve: (a: Applied) => void;
    reject: (e: unknown) => void;
  }

  /**
   * Whether a command writes more than its event (enrich's cases with a write, and every server
   * event, a join's attendance among them): such a command runs in a savepoint of its own in a batch.
   */
  const writesBesideTheLog = (item: Pick<Queued, 'server' | 'command'>): boolean =>
    item.server || WRITING_COMMANDS.has(item.command.type);

  /** A retry is the same opId from the same person; ids the server makes live apart, so no client can take one first. */
  const scopeOf = (item: Pick<Queued, 'server' | 'actor'>): string => (item.server ? SERVER_SCOPE : item.actor.key);

  /** One command inside the meeting's transaction, against the state the batch has reached. */
  async function apply(
    repo: LiveRepo,
    tail: MeetingLog,
    trx: StoreTransaction,
    row: MeetingRow,
    state: MeetingState,
    item: Queued,
    announcements: (() => void)[],
  ): Promise<Applied> {
    const { actor, opId, command, server } = item;
    const scope = scopeOf(item);
    const hash = server ? null : commandHash(command);
    const seen = await tail.op(scope, opId);
    if (seen !== undefined) {
      if (seen.body_hash !== null && seen.body_hash !== hash)
        throw new AppError(ErrorCode.OPID_REUSED, 'This opId was already used for another command');
      const [event] = await tail.eventsAfter(seen.seq - 1, 1);
      return { event: event as MeetingEvent, state, before: state, duplicate: true };
    }
    const at = Date.now();
    let body: EventBody;
    if (server) {
      body = command as EventBody;
    } else {
      const refusal = checkCommand(state, actor, command as MeetingCommand);
      if (refusal) throw new AppError(refusal.code, refusal.message);
      body = await enrich(repo, trx, announcements, row, state, actor, opId, command as MeetingCommand, at);
    }
    const { event } = await tail.insert({ opId, scope, bodyHash: hash, actor, body, at });
    // The lock is held and the tail was folded, so the log's next seq is the state's.
    if (event.seq !== state.seq + 1) throw new Error(`meeting ${row.id}: event ${event.seq} after state ${state.seq}`);
    const next = applyMeetingEvent(state, event);
    if (next.seq % SNAPSHOT_EVERY === 0) await repo.saveSnapshot(next);
    if (body.type === 'presence.join') await repo.attend(row.id, actor);
    return { event, state: next, before: state, duplicate: false };
  }

  type Outcome = { applied: Applied } | { error: unknown };
  interface Batch {
    meetingId: number;
    items: Queued[];
  }
  type BatchResult =
    | { outcomes: Outcome[]; reached: MeetingState; rewrites: number; announcements: (() => void)[] }
    | { failed: unknown };

  /**
   * One meeting's batch inside the commit. A command that writes beside the log (the commands that
   * start or end the meeting, themes, actions, a join's attendance) runs in its own savepoint, so a
   * refused one leaves the others intact (on PostgreSQL a failed statement would otherwise abort
   * the whole transaction). The others write nothing but their event, and a refusal comes before it:
   * they need no savepoint, and their events are written together. Anything unexpected fails the batch.
   */
  async function runBatch(repo: LiveRepo, tail: MeetingLog, trx: StoreTransaction, batch: Batch): Promise<BatchResult> {
    const announcements: (() => void)[] = [];
    const row = await meetingRow(batch.meetingId, repo);
    let state = await fold(repo, tail, row);
    if (batch.items.length === 1) {
      const applied = await apply(repo, tail, trx, row, state, batch.items[0] as Queued, announcements);
      return { outcomes: [{ applied }], reached: applied.state, rewrites: row.log_rewrites, announcements };
    }
    await tail.prefetchOps(batch.items.map((item) => ({ scope: scopeOf(item), opId: item.opId })));
    const outcomes: Outcome[] = [];
    for (const item of batch.items) {
      const mark = announcements.length;
      if (!writesBesideTheLog(item)) {
        const logMark = tail.mark();
        try {
          const applied = await apply(repo, tail, trx, row, state, item, announcements);
          state = applied.state;
          outcomes.push({ applied });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          tail.restore(logMark);
          announcements.length = mark;
          outcomes.push({ error });
        }
        continue;
      }
      await tail.flush();
      const logMark = tail.mark();
      await sql`SAVEPOINT live_command`.execute(trx);
      try {
        const applied = await apply(repo, tail, trx, row, state, item, announcements);
        await tail.flush();
        await sql`RELEASE SAVEPOINT live_command`.execute(trx);
        state = applied.state;
        outcomes.push({ applied });
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT live_command`.execute(trx);
        await sql`RELEASE SAVEPOINT live_command`.execute(trx);
        tail.restore(logMark);
        announcements.length = mark;
        outcomes.push({ error });
      }
    }
    return { outcomes, reached: state, rewrites: row.log_rewrites, announcements };
  }

  /**
   * One transaction for the batches of one or more meetings, holding their locks. With several
   * meetings, each meeting's batch runs in a savepoint of its own, so one that fails unexpectedly
   * leaves the others to commit. Acks wait for the commit, so nothing is acknowledged before it is durable.
   */
  async function commit(batches: Batch[]): Promise<void> {
    let results: BatchResult[];
    try {
      results = await log.withMeetings(
        batches.map((batch) => batch.meetingId),
        async (logOf, trx) => {
          const repo = createLiveRepo(trx, store.dialect);
          if (batches.length === 1)
            return [await runBatch(repo, logOf(batches[0]?.meetingId ?? 0), trx, batches[0] as Batch)];
          const out: BatchResult[] = [];
          for (const batch of batches) {
            await sql`SAVEPOINT live_meeting`.execute(trx);
            try {
              out.push(await runBatch(repo, logOf(batch.meetingId), trx, batch));
              await sql`RELEASE SAVEPOINT live_meeting`.execute(trx);
            } catch (error) {
              await sql`ROLLBACK TO SAVEPOINT live_meeting`.execute(trx);
              await sql`RELEASE SAVEPOINT live_meeting`.execute(trx);
              out.push({ failed: error });
            }
          }
          return out;
        },
      );
    } catch (error) {
      // Rolled back: nothing was written; the next command re-reads the log.
      for (const batch of batches) {
        drop(batch.meetingId);
        for (const item of batch.items) item.reject(error);
      }
      return;
    }
    batches.forEach((batch, index) => {
      const result = results[index] as BatchResult;
      if ('failed' in result) {
        drop(batch.meetingId);
        for (const item of batch.items) item.reject(result.failed);
        return;
      }
      remember(result.reached, result.rewrites);
      announce(result.announcements);
      result.outcomes.forEach((outcome, at) => {
        const item = batch.items[at] as Queued;
        if ('applied' in outcome) item.resolve(outcome.applied);
        else item.reject(outcome.error);
      });
    });
  }

  /**
   * Group commit. The commands of one turn of the event loop, and those that arrive while a commit is
   * in flight, share the next transaction (one fsync), in the order they arrived per meeting.
   * On SQLite, which has one writer, one commit at a time takes every meeting's waiting commands; on
   * PostgreSQL each meeting commits on its own (its lock), so meetings commit side by side on the pool.
   */
  const perMeeting = store.dialect === 'postgres';
  interface Lane {
    waiting: Map<number, Queued[]>;
    running: Promise<void> | undefined;
    scheduled: boolean;
  }
  const lanes = new Map<number, Lane>();
  const laneKey = (meetingId: number) => (perMeeting ? meetingId : 0);

  function drain(key: number, lane: Lane): void {
    if (lane.running || lane.waiting.size === 0) {
      if (!lane.running && !lane.scheduled && lane.waiting.size === 0) lanes.delete(key);
      return;
    }
    const batches = [...lane.waiting].map(([meetingId, items]) => ({ meetingId, items }));
    lane.waiting = new Map();
    lane.running = commit(batches).finally(() => {
      lane.running = undefined;
      drain(key, lane);
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
      const key = laneKey(meetingId);
      let lane = lanes.get(key);
      if (!lane) {
        lane = { waiting: new Map(), running: undefined, scheduled: false };
        lanes.set(key, lane);
      }
      const waiting = lane.waiting.get(meetingId);
      const item = { actor, opId, command, server, resolve, reject };
      if (waiting) waiting.push(item);
      else lane.waiting.set(meetingId, [item]);
      if (lane.running || lane.scheduled) return;
      lane.scheduled = true;
      const scheduled = lane;
      setImmediate(() => {
        scheduled.scheduled = false;
        drain(key, scheduled);
      });
    });
  }

  /** The state as committed now, read outside any transaction. */
  async function state(meetingId: number): Promise<MeetingState> {
    const row = await meetingRow(meetingId);
    const folded = await fold(
      reads,
      {
        maxSeq: () => log.maxSeq(meetingId),
        eventsAfter: (seq: number, limit?: number) => log.eventsAfter(meetingId, seq, limit),
      },
      row,
    );
    // Under the count read before the log: an erasure in between only costs the next fold a fresh read.
    remember(folded, row.log_rewrites);
    return folded;
  }

  return {
    state,
    meeting: (meetingId: number): Promise<MeetingRow> => meetingRow(meetingId),
    /** The team's themes from every meeting so far, for recognising one again by its name. */
    teamThemes: (teamId: number): Promise<string[]> => reads.teamThemes(teamId),
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
    eventsAfter: (meetingId: number, seq: number, limit: number): Promise<MeetingEvent[]> =>
      log.eventsAfter(meetingId, seq, limit),
    /** Commits what is queued now and waits for commits in flight, e.g. the leaves of sockets closed at shutdown, before the database closes. */
    async settle(): Promise<void> {
      for (;;) {
        const running: Promise<void>[] = [];
        for (const [key, lane] of lanes) {
          drain(key, lane);
          if (lane.running) running.push(lane.running);
        }
        if (running.length === 0) return;
        await Promise.all(running);
      }
    },
    /**
     * A committed state of the meeting read elsewhere (another process's events, projected here): a
     * cached state behind it moves up to it, so the next fold reads less of the tail. Nothing is
     * cached that was not already.
     */
    advance(state: MeetingState): void {
      const rewrites = foldedUnder.get(state.meetingId);
      if (rewrites !== undefined) remember(state, rewrites);
    },
    /**
     * Drops the cached state of meetings whose stored log was rewritten (an erasure, told by this
     * process or another), so the next read folds the new one. Writes find out by the meeting's
     * rewrite count even before they are told; this frees the memory and serves reads at once.
     */
    forget(meetingIds: readonly number[]): void {
      for (const id of meetingIds) drop(id);
    },
    /** After a restart nobody is connected: clear presence left over in the log of live meetings. */
    async resetPresence(): Promise<void> {
      for (const id of await reads.liveMeetingIds()) {
        const current = await state(id);
        if (Object.values(current.participants).some((p) => p.connections > 0)) {
          await enqueue(
            id,
            { key: 'server', name: '', role: 'member' },
            `reset-${id}-${current.seq}`,
            { type: 'presence.reset', payload: {} },
            true,
          );
        }
      }
    },
  };
}
export type LiveEngine = ReturnType<typeof createLiveEngine>;
