import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Actor, EventBody, MeetingEvent } from '../../shared/meeting/index.ts';
import type { KadenceDatabase } from '../db/kysely/schema.ts';
import type { Store } from '../db/kysely/store.ts';
import { toEvent } from './repo.ts';

/**
 * The key space of the live log's transaction-scoped advisory locks: the two-key form
 * `pg_advisory_xact_lock(space, meeting)`, apart from the migration runner's one-key session lock
 * (PostgreSQL keeps one-key and two-key locks apart) and from any other area's space. "KLIV".
 */
export const LIVE_LOCK_SPACE = 0x4b4c4956;

/** An event to append: what the engine decided, without the seq the log gives it. */
export interface NewEvent {
  opId: string;
  /** The opId's scope: the sender's key, or SERVER_SCOPE for ids the server makes. */
  scope: string;
  /** The command's hash, to tell a retry from a reused opId; null for events the server makes. */
  bodyHash: string | null;
  actor: Actor;
  body: EventBody;
  at: number;
}

/** The outcome of one append: the stored event (the original one when the opId was seen before). */
export interface Appended {
  event: MeetingEvent;
  /** True when the opId was already in the log: nothing was written, `event` is the first one. */
  duplicate: boolean;
  /** For a duplicate: the hash stored with the original, so the caller can refuse a reused opId. */
  storedHash: string | null;
}

/** Called inside the append's transaction once its events are written, e.g. to queue a NOTIFY that fires on commit. */
export type OnAppended = (trx: Transaction<KadenceDatabase>, meetingId: number, lastSeq: number) => Promise<void>;

/** Where a locked log stood, to go back to when a savepoint is rolled back. */
export interface LogMark {
  last: number | undefined;
  appended: number;
}

/**
 * One meeting's log inside its locked transaction. Inserts are held and written together (one
 * multi-row INSERT per batch, `flush`), before anything reads the log again and before the commit.
 */
export type MeetingLog = ReturnType<typeof logReads> & {
  insert: (event: NewEvent) => Promise<Appended>;
  knownAt?: (seq: number) => void;
  /** Looks up many opIds in one query, so the batch's own lookups need none. */
  prefetchOps: (ops: readonly { scope: string; opId: string }[]) => Promise<void>;
  flush: () => Promise<void>;
  mark: () => LogMark;
  /** After ROLLBACK TO SAVEPOINT: forgets what was appended since `mark` (flush before the savepoint). */
  restore: (mark: LogMark) => void;
};

/** Rows per INSERT: well inside SQLite's and PostgreSQL's limits on bound parameters (9 a row). */
const INSERT_ROWS = 500;
const opKey = (scope: string, opId: string) => `${scope}\u0000${opId}`;

const eventColumns = ['seq', 'op_id', 'actor', 'type', 'payload', 'at'] as const;

/** Reads of one meeting's log, over the store or inside a transaction. */
function logReads(db: Kysely<KadenceDatabase>, meetingId: number) {
  return {
    maxSeq: async (): Promise<number> => {
      const row = await db
        .selectFrom('meeting_events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('meeting_id', '=', meetingId)
        .executeTakeFirst();
      return row?.seq ?? 0;
    },
    op: (scope: string, opId: string) =>
      db
        .selectFrom('meeting_events')
        .select(['seq', 'body_hash'])
        .where('meeting_id', '=', meetingId)
        .where('op_scope', '=', scope)
        .where('op_id', '=', opId)
        .executeTakeFirst(),
    eventsAfter: async (seq: number, limit = 100_000): Promise<MeetingEvent[]> =>
      (
        await db
          .selectFrom('meeting_events')
          .select(eventColumns)
          .where('meeting_id', '=', meetingId)
          .where('seq', '>', seq)
          .orderBy('seq')
          .limit(limit)
          .execute()
      ).map(toEvent),
  };
}

/**
 * The live event log over the Kysely store, with the ordering contract on both databases: one
 * order per meeting, gapless, whichever process writes. Each append is one transaction that first
 * takes the meeting's lock (PostgreSQL: a transaction-scoped advisory lock in LIVE_LOCK_SPACE;
 * SQLite: the database's write lock, taken by the transaction's first statement, since SQLite
 * has one writer anyway), then reads max(seq), recognises a seen opId through
 * UNIQUE (meeting_id, op_scope, op_id), and inserts at seq + 1; the primary key (meeting_id, seq)
 * refuses a writer that got past a missing lock. The promise resolves after the commit, so an ack
 * sent then is for something durable.
 *
 * The engine's one log (engine.ts). On SQLite only one Kysely store may write a file at a time from
 * one process: a second connection would busy-wait on the event loop while the first awaits inside
 * its transaction. Given the store's own `transaction`, queries through the root inside one are refused.
 */
export function createLiveStoreRepo(
  store: Pick<Store, 'db' | 'dialect'> & Partial<Pick<Store, 'transaction'>>,
  options: { onAppended?: OnAppended } = {},
) {
  const { db, dialect } = store;
  const transaction =
    store.transaction?.bind(store) ??
    (<T>(fn: (trx: Transaction<KadenceDatabase>) => Promise<T>) => db.transaction().execute(fn));

  async function lockMeeting(trx: Transaction<KadenceDatabase>, meetingId: number): Promise<void> {
    if (dialect === 'postgres') {
      // The two-key form takes int4 keys; ids past 2^31 share a lock with another meeting, which only serialises the two.
      await sql`SELECT pg_advisory_xact_lock(${LIVE_LOCK_SPACE}, ${meetingId % 2 ** 31}::int)`.execute(trx);
    } else {
      // A write as the first statement makes SQLite take its write lock now (waiting up to busy_timeout),
      // so the max(seq) read below cannot be stale.
      await trx.updateTable('meetings').set({ id: meetingId }).where('id', '=', meetingId).execute();
    }
  }

  /** One meeting's log inside a transaction that holds its lock; `written.last` is its last new seq, if any. */
  function lockedLog(trx: Transaction<KadenceDatabase>, meetingId: number) {
    const reads = logReads(trx, meetingId);
    const written: { last: number | undefined } = { last: undefined };
    type Row = Insertable<KadenceDatabase['meeting_events']>;
    let pending: Row[] = [];
    /** What this transaction appended, by opId, in order: a retry inside the batch finds it here. */
    const appended = new Map<string, Appended>();
    /** opIds looked up ahead (`prefetchOps`): those not found are known to be new. */
    const looked = new Map<string, { seq: number; body_hash: string | null } | undefined>();

    const flush = async (): Promise<void> => {
      const rows = pending;
      pending = [];
      for (let at = 0; at < rows.length; at += INSERT_ROWS)
        await trx
          .insertInto('meeting_events')
          .values(rows.slice(at, at + INSERT_ROWS))
          .execute();
    };
    const op = async (scope: string, opId: string) => {
      const key = opKey(scope, opId);
      const own = appended.get(key);
      if (own) return { seq: own.event.seq, body_hash: own.storedHash };
      if (looked.has(key)) return looked.get(key);
      return reads.op(scope, opId);
    };
    const eventsAfter: typeof reads.eventsAfter = async (seq, limit) => {
      await flush();
      return reads.eventsAfter(seq, limit);
    };
    const insert = async (event: NewEvent): Promise<Appended> => {
      const key = opKey(event.scope, event.opId);
      const own = appended.get(key);
      if (own) return { event: own.event, duplicate: true, storedHash: own.storedHash };
      const seen = await op(event.scope, event.opId);
      if (seen) {
        const [original] = await reads.eventsAfter(seen.seq - 1, 1);
        if (!original) throw new Error(`event ${seen.seq} of meeting ${meetingId} vanished`);
        return { event: original, duplicate: true, storedHash: seen.body_hash };
      }
      const seq = (written.last ?? (await reads.maxSeq())) + 1;
      pending.push({
        meeting_id: meetingId,
        seq,
        op_scope: event.scope,
        op_id: event.opId,
        body_hash: event.bodyHash,
        actor: JSON.stringify(event.actor),
        type: event.body.type,
        payload: JSON.stringify(event.body.payload),
        at: event.at,
      });
      written.last = seq;
      const stored = { ...event.body, seq, opId: event.opId, at: event.at, actor: event.actor } as MeetingEvent;
      const result = { event: stored, duplicate: false, storedHash: event.bodyHash };
      appended.set(key, result);
      return result;
    };
    const prefetchOps = async (ops: readonly { scope: string; opId: string }[]): Promise<void> => {
      const asked = ops.map(({ scope, opId }) => opKey(scope, opId)).filter((key) => !looked.has(key));
      if (asked.length === 0) return;
      const rows = await trx
        .selectFrom('meeting_events')
        .select(['op_scope', 'op_id', 'seq', 'body_hash'])
        .where('meeting_id', '=', meetingId)
        .where('op_id', 'in', [...new Set(ops.map((o) => o.opId))])
        .execute();
      for (const key of asked) looked.set(key, undefined);
      for (const row of rows) {
        const key = opKey(row.op_scope, row.op_id);
        if (looked.has(key)) looked.set(key, { seq: row.seq, body_hash: row.body_hash });
      }
    };
    const mark = (): LogMark => ({ last: written.last, appended: appended.size });
    const restore = (to: LogMark): void => {
      written.last = to.last;
      pending = pending.filter((row) => to.last !== undefined && Number(row.seq) <= to.last);
      [...appended.keys()].slice(to.appended).forEach((key) => appended.delete(key));
    };
    /** Takes `seq` as the log's last, when the caller knows it under this lock, so the insert need not read it. */
    const knownAt = (seq: number): void => {
      written.last ??= seq;
    };
    // What this transaction holds to write counts: the log's end is its last seq.
    const maxSeq = async (): Promise<number> => written.last ?? (await reads.maxSeq());
    const log: MeetingLog = { ...reads, maxSeq, op, eventsAfter, insert, knownAt, prefetchOps, flush, mark, restore };
    return { log, written };
  }

  /**
   * Runs `fn` in one transaction holding the locks of all the given meetings (taken in id order, so
   * two such transactions never wait for each other in a cycle): the engine's path, which folds each
   * tail, checks the commands and appends what it decided before anyone else can write the meetings.
   * `logOf(id)` is one meeting's log; `trx` is the transaction, for the other writes of the same commit.
   * On SQLite, which has one writer, the commands of many meetings then share one commit (one fsync).
   */
  async function withMeetings<T>(
    meetingIds: readonly number[],
    fn: (logOf: (meetingId: number) => MeetingLog, trx: Transaction<KadenceDatabase>) => Promise<T>,
  ): Promise<T> {
    const ids = [...new Set(meetingIds)].sort((a, b) => a - b);
    return transaction(async (trx) => {
      const logs = new Map<number, ReturnType<typeof lockedLog>>();
      for (const [index, id] of ids.entries()) {
        // SQLite's write lock is the whole database's: the first meeting's write takes it for all.
        if (dialect === 'postgres' || index === 0) await lockMeeting(trx, id);
        logs.set(id, lockedLog(trx, id));
      }
      const logOf = (meetingId: number): MeetingLog => {
        const locked = logs.get(meetingId);
        if (!locked) throw new Error(`meeting ${meetingId} is not locked in this transaction`);
        return locked.log;
      };
      const result = await fn(logOf, trx);
      for (const { log } of logs.values()) await log.flush();
      if (options.onAppended)
        for (const [id, { written }] of logs)
          if (written.last !== undefined) await options.onAppended(trx, id, written.last);
      return result;
    });
  }

  /** withMeetings for one meeting. */
  const withMeeting = <T>(
    meetingId: number,
    fn: (log: MeetingLog, trx: Transaction<KadenceDatabase>) => Promise<T>,
  ): Promise<T> => withMeetings([meetingId], (logOf, trx) => fn(logOf(meetingId), trx));

  return {
    withMeeting,
    withMeetings,
    /** Appends events to one meeting in one transaction (a group commit); resolves after the commit. */
    append: (meetingId: number, events: NewEvent[]): Promise<Appended[]> =>
      withMeeting(meetingId, async (log) => {
        const results: Appended[] = [];
        for (const event of events) results.push(await log.insert(event));
        return results;
      }),
    maxSeq: (meetingId: number) => logReads(db, meetingId).maxSeq(),
    op: (meetingId: number, scope: string, opId: string) => logReads(db, meetingId).op(scope, opId),
    /** The events after `seq`, in order: a reconnecting client's gap, or what a NOTIFY announced. */
    eventsAfter: (meetingId: number, seq: number, limit?: number) => logReads(db, meetingId).eventsAfter(seq, limit),
  };
}
export type LiveStoreRepo = ReturnType<typeof createLiveStoreRepo>;
