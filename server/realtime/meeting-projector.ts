import { applyMeetingEvent, type MeetingEvent, type MeetingState } from '../../shared/meeting/index.ts';
import type { Applied } from '../live/engine.ts';

/** Events read from the log per query while catching up. */
const READ_BATCH = 500;

/** Sends one committed event to this process's viewers of the meeting, each their own projection. */
export type MeetingEmit = (meetingId: number, applied: Applied, except?: string) => void;

/** What the projector reads: the live engine's committed state and its log. */
export interface ProjectorReads {
  /** The meeting's state as committed now. */
  state: (meetingId: number) => Promise<MeetingState>;
  eventsAfter: (meetingId: number, seq: number, limit: number) => Promise<MeetingEvent[]>;
  /** Hands the engine the state this process has projected, so its next fold starts there. */
  advance?: (state: MeetingState) => void;
}

/** The announcements the projector follows (the NOTIFY fan-out). */
export interface ProjectorFollow {
  watch: (meetingId: number, seq: number) => void;
  unwatch: (meetingId: number) => void;
}

interface Watched {
  /** The state after the last event emitted here; undefined until the first read. */
  state: MeetingState | undefined;
  /** Events this process appended, by seq, with the socket that was told another way (its join's ack). */
  own: Map<number, { applied: Applied; except: string | undefined }>;
  /** The highest seq known to be committed. */
  known: number;
  /** The meeting's work, one step after another, so events go out in seq order. */
  queue: Promise<void>;
  busy: number;
}

/**
 * Sends this process's viewers of a meeting every committed event once, in seq order, whichever
 * process appended it. Used when several processes serve one PostgreSQL database: a process with
 * viewers of meeting M watches M; each announcement that M committed up to N (`onRange`, from the
 * LISTEN/NOTIFY fan-out) makes it read the events after the last one it emitted and project them
 * for its own sockets (`emit`, the live socket's per-viewer broadcast). Events this process appended
 * (`publish`) go out at once when they are next in order, and are skipped when the announcement of
 * the same seq comes back, so none is sent twice; one that overtook an event of another process
 * waits until the log has given the missing ones.
 *
 * Each meeting's state here is folded from the same log the engine folds, so the projections are
 * the ones the engine would give. Reads that fail are retried on the next announcement or check.
 */
export function createMeetingProjector(options: {
  reads: ProjectorReads;
  emit: MeetingEmit;
  follow: ProjectorFollow;
  onError?: (error: unknown) => void;
}) {
  const { reads, emit, follow } = options;
  const onError = options.onError ?? (() => undefined);
  const watched = new Map<number, Watched>();

  /** Runs `step` after the meeting's earlier steps, while it is still watched by the same entry. */
  function enqueue(meetingId: number, entry: Watched, step: () => Promise<void>): void {
    entry.busy += 1;
    entry.queue = entry.queue
      .then(async () => {
        if (watched.get(meetingId) === entry) await step();
      })
      .catch(onError)
      .finally(() => {
        entry.busy -= 1;
      });
  }

  function send(meetingId: number, entry: Watched, applied: Applied, except: string | undefined): void {
    entry.state = applied.state;
    try {
      emit(meetingId, applied, except);
    } catch (error) {
      onError(error);
    }
  }

  /** Drops what this process appended that has gone out already. */
  function prune(entry: Watched, upTo: number): void {
    for (const seq of entry.own.keys()) if (seq <= upTo) entry.own.delete(seq);
  }

  /** Reads the state at the start (or again after an erasure rewrote the log). */
  async function load(meetingId: number, entry: Watched): Promise<MeetingState> {
    if (entry.state) return entry.state;
    const state = await reads.state(meetingId);
    entry.state = state;
    entry.known = Math.max(entry.known, state.seq);
    prune(entry, state.seq);
    return state;
  }

  /**
   * Emits every event after the last one emitted, up to what is known committed. `handOn` false:
   * the state reached is folded from a copy an erasure rewrote since, and stays out of the engine.
   */
  async function catchUp(meetingId: number, entry: Watched, handOn = true): Promise<void> {
    let state = await load(meetingId, entry);
    while (state.seq < entry.known) {
      const mine = entry.own.get(state.seq + 1);
      if (mine) {
        send(meetingId, entry, mine.applied, mine.except);
        state = mine.applied.state;
      } else {
        const events = await reads.eventsAfter(meetingId, state.seq, Math.min(READ_BATCH, entry.known - state.seq));
        if (watched.get(meetingId) !== entry || entry.state !== state) return; // unwatched or reset meanwhile
        if (events[0]?.seq !== state.seq + 1) return; // announced but not readable (yet): the next announcement retries
        for (const event of events) {
          if (event.seq !== state.seq + 1) break;
          const own = entry.own.get(event.seq);
          const applied = own?.applied ?? {
            event,
            before: state,
            state: applyMeetingEvent(state, event),
            duplicate: false,
          };
          send(meetingId, entry, applied, own?.except);
          state = applied.state;
        }
      }
      prune(entry, state.seq);
    }
    if (handOn) reads.advance?.(state);
  }

  return {
    /** The meeting has viewers in this process now. */
    watch(meetingId: number): void {
      if (watched.has(meetingId)) return;
      const entry: Watched = { state: undefined, own: new Map(), known: 0, queue: Promise.resolve(), busy: 0 };
      watched.set(meetingId, entry);
      // Followed from 0 at once, before the first read ends: an announcement arriving during that read
      // is not lost, and whatever it covers that the read already had is skipped here.
      follow.watch(meetingId, 0);
      enqueue(meetingId, entry, () => catchUp(meetingId, entry));
    },
    /** The meeting's last viewer in this process left. */
    unwatch(meetingId: number): void {
      if (!watched.delete(meetingId)) return;
      follow.unwatch(meetingId);
    },
    /** The fan-out's announcement: the meeting is committed up to `toSeq`. */
    onRange(meetingId: number, _afterSeq: number, toSeq: number): void {
      const entry = watched.get(meetingId);
      if (!entry || toSeq <= entry.known) return;
      entry.known = toSeq;
      enqueue(meetingId, entry, () => catchUp(meetingId, entry));
    },
    /**
     * An event this process appended, after its commit. Sent at once when it is the next one and
     * nothing is waiting, else in its turn; `except` is a socket told by other means (a join's ack).
     */
    publish(meetingId: number, applied: Applied, except?: string): void {
      const entry = watched.get(meetingId);
      if (!entry) return; // no viewers here
      const seq = applied.event.seq;
      if (entry.state && seq <= entry.state.seq) return;
      entry.known = Math.max(entry.known, seq);
      if (entry.busy === 0 && entry.state?.seq === seq - 1) {
        send(meetingId, entry, applied, except);
        reads.advance?.(applied.state);
        return;
      }
      entry.own.set(seq, { applied, except });
      enqueue(meetingId, entry, () => catchUp(meetingId, entry));
    },
    /**
     * An erasure rewrote these meetings' logs: what is held here is read again. Events after the
     * last one emitted are sent first, folded from what was held (they are projected as they were).
     */
    forget(meetingIds: readonly number[]): void {
      for (const meetingId of meetingIds) {
        const entry = watched.get(meetingId);
        if (!entry) continue;
        enqueue(meetingId, entry, async () => {
          // A few tries: events committed between the read and the catch-up make the read stale.
          for (let attempt = 0; attempt < 3; attempt++) {
            const fresh = await reads.state(meetingId);
            entry.known = Math.max(entry.known, fresh.seq);
            await catchUp(meetingId, entry, false);
            if (entry.state?.seq === fresh.seq) {
              entry.state = fresh;
              return;
            }
          }
          // Still moving: start again from a fresh read on the next announcement.
          entry.state = undefined;
        });
      }
    },
    /** Waits until every meeting's queued work has run (tests, shutdown). */
    async settle(): Promise<void> {
      await Promise.all([...watched.values()].map((entry) => entry.queue));
    },
    /** The seq of the last event emitted here for the meeting; undefined when not watched or not read yet. */
    emittedSeq: (meetingId: number): number | undefined => watched.get(meetingId)?.state?.seq,
  };
}
export type MeetingProjector = ReturnType<typeof createMeetingProjector>;
