import { sql, type Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import type { KadenceDatabase } from '../db/kysely/schema.ts';

/** The channel on which a process announces "meeting M committed up to seq N" as `M:N`. */
export const MEETING_CHANNEL = 'kadence_meeting';

/**
 * Queues the announcement inside the append's transaction: PostgreSQL delivers a NOTIFY only when
 * the transaction commits, and never when it rolls back, so a listener never hears of an event it
 * cannot read yet. Fits the live log's `onAppended` (server/live/store-repo.ts).
 */
export async function announceCommitted(
  trx: Transaction<KadenceDatabase>,
  meetingId: number,
  seq: number,
): Promise<void> {
  await sql`SELECT pg_notify(${MEETING_CHANNEL}, ${`${meetingId}:${seq}`})`.execute(trx);
}

/** `M:N` back into numbers; anything else (another sender's mistake) is ignored. */
export function parseAnnouncement(payload: string | undefined): { meetingId: number; seq: number } | null {
  const match = /^(\d+):(\d+)$/.exec(payload ?? '');
  if (!match) return null;
  return { meetingId: Number(match[1]), seq: Number(match[2]) };
}

export interface FanoutOptions {
  /** The database to LISTEN on, through one connection of the fan-out's own (not from the pool). */
  connectionString: string;
  /** The store's pool, for the periodic check of max(seq). */
  db: Kysely<KadenceDatabase>;
  /**
   * The events after `afterSeq` up to and including `toSeq` of a watched meeting are committed and
   * not yet projected here: read them and send each local viewer their projection. Ranges of one
   * meeting never overlap and follow each other without a gap.
   */
  onRange: (meetingId: number, afterSeq: number, toSeq: number) => void;
  /** How often max(seq) of the watched meetings is read, for announcements missed. */
  checkEveryMs?: number;
  /** The wait before listening again after the connection was lost. */
  reconnectMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * The listening half of the several-process fan-out. Each process keeps, per meeting with viewers
 * of its own, the last seq it projected; an announcement past it hands the range to `onRange`. An
 * announcement can be missed (the listening connection dropped and came back, the server restarted):
 * the next one for that meeting covers the gap because the range starts at the last seq projected,
 * and after every reconnect and every `checkEveryMs` the watched meetings' max(seq) is read as well.
 */
export function createMeetingFanout(options: FanoutOptions) {
  const lastSeq = new Map<number, number>();
  const checkEveryMs = options.checkEveryMs ?? 5_000;
  const reconnectMs = options.reconnectMs ?? 1_000;
  const onError = options.onError ?? (() => undefined);
  let client: pg.Client | undefined;
  let stopped = false;
  let reconnects = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  /** Moves a watched meeting up to `seq`, handing on the range not projected yet. */
  function advance(meetingId: number, seq: number): void {
    const last = lastSeq.get(meetingId);
    if (last === undefined || seq <= last) return;
    lastSeq.set(meetingId, seq);
    try {
      options.onRange(meetingId, last, seq);
    } catch (error) {
      onError(error);
    }
  }

  async function check(): Promise<void> {
    const ids = [...lastSeq.keys()];
    if (ids.length === 0) return;
    const rows = await options.db
      .selectFrom('meeting_events')
      .select((eb) => ['meeting_id', eb.fn.max('seq').as('seq')])
      .where('meeting_id', 'in', ids)
      .groupBy('meeting_id')
      .execute();
    for (const row of rows) advance(row.meeting_id, row.seq);
  }

  function scheduleReconnect(): void {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      reconnects += 1;
      listen().catch((error: unknown) => {
        onError(error);
        scheduleReconnect();
      });
    }, reconnectMs);
  }

  async function listen(): Promise<void> {
    const next = new pg.Client({ connectionString: options.connectionString });
    // A terminated backend or a lost network reports an error and then ends; listen again after a
    // pause. Only the current connection's loss counts (one that never became current rejected listen).
    const lost = () => {
      if (client !== next) return;
      client = undefined;
      next.end().catch(() => undefined);
      scheduleReconnect();
    };
    next.on('error', (error) => {
      onError(error);
      lost();
    });
    next.on('end', lost);
    next.on('notification', (message) => {
      if (message.channel !== MEETING_CHANNEL) return;
      const announced = parseAnnouncement(message.payload);
      if (announced) advance(announced.meetingId, announced.seq);
    });
    await next.connect();
    await next.query(`LISTEN ${MEETING_CHANNEL}`);
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
    // Whatever was committed while nobody here listened.
    await check();
  }

  return {
    async start(): Promise<void> {
      stopped = false;
      await listen();
      timer = setInterval(() => void check().catch(onError), checkEveryMs);
      timer.unref();
    },
    /** A meeting got viewers in this process, who have everything up to `seq`. */
    watch(meetingId: number, seq: number): void {
      lastSeq.set(meetingId, Math.max(seq, lastSeq.get(meetingId) ?? 0));
    },
    /** The meeting's last viewer here left. */
    unwatch(meetingId: number): void {
      lastSeq.delete(meetingId);
    },
    lastSeq: (meetingId: number): number | undefined => lastSeq.get(meetingId),
    /** Reads max(seq) of the watched meetings now (the periodic check, on demand). */
    check,
    /** The listening connection's server process, e.g. to see it end; undefined while reconnecting. */
    async backendPid(): Promise<number | undefined> {
      const result = await client?.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      return result?.rows[0]?.pid;
    },
    /** How often the connection was made again after it was lost. */
    reconnects: (): number => reconnects,
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      if (retry) clearTimeout(retry);
      const open = client;
      client = undefined;
      await open?.end();
    },
  };
}
export type MeetingFanout = ReturnType<typeof createMeetingFanout>;
