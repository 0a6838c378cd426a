import { sql, type Kysely, type Transaction } from 'kysely';
import type { KadenceDatabase } from '../db/kysely/schema.ts';
import type { PgListener } from './pg-listen.ts';

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
  /** The process's LISTEN connection (pg-listen.ts). */
  listener: PgListener;
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
  const onError = options.onError ?? (() => undefined);
  const stops: (() => void)[] = [];
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

  return {
    /** Follows the channel, and checks now and after every reconnect and `checkEveryMs`. */
    async start(): Promise<void> {
      stops.push(
        await options.listener.subscribe(MEETING_CHANNEL, (payload) => {
          const announced = parseAnnouncement(payload);
          if (announced) advance(announced.meetingId, announced.seq);
        }),
      );
      // Whatever was committed while nobody here listened.
      stops.push(options.listener.onConnected(() => void check().catch(onError)));
      await check();
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
    stop(): void {
      if (timer) clearInterval(timer);
      for (const stop of stops.splice(0)) stop();
    },
  };
}
export type MeetingFanout = ReturnType<typeof createMeetingFanout>;
