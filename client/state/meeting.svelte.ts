import { io } from 'socket.io-client';
import { ErrorCode } from '../../shared/errors.ts';
import type { Ack, AckError } from '../../shared/events.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { MAX_COMMAND_BYTES } from '../../shared/socket-limits.ts';
import { codedMessage } from '../lib/errors.ts';
import { watchProtocol } from '../lib/protocol-watch.ts';
import { updateNotice } from './update-notice.svelte.ts';
// The meeting's own modules, not its index: the index also holds the command schemas, which only the server validates with.
import type {
  Actor,
  Card,
  Comment,
  MeetingCommand,
  MeetingEvent,
  MeetingState,
  Participant,
  Theme,
  ThemeSuggestions,
} from '../../shared/meeting/index.ts';
import { MeetingReplica } from '../../shared/meeting/replica.ts';
import { currentStep } from '../../shared/meeting/state.ts';

type JoinAck = Ack<{ seq: number; state?: MeetingState; events?: MeetingEvent[]; you: Actor }>;
type CommandAck = Ack<{ seq: number; duplicate: boolean }>;
export type Connection = 'connecting' | 'online' | 'offline';

/** The parts of a socket.io socket this class uses; a test can drive it with an in-memory one. */
export interface LiveSocket {
  on(event: 'connect' | 'disconnect', listener: () => void): unknown;
  on(event: 'connect_error', listener: (error?: Error) => void): unknown;
  on(event: 'live:event', listener: (payload: { meetingId: number; event: MeetingEvent }) => void): unknown;
  on(
    event: 'live:access',
    listener: (payload: { meetingId: number; rejoin: boolean; error: AckError }) => void,
  ): unknown;
  emitWithAck(event: 'live:join' | 'live:time' | 'themes:suggest', payload: object): Promise<unknown>;
  timeout(ms: number): { emitWithAck(event: 'live:command', payload: object): Promise<unknown> };
  removeAllListeners(): unknown;
  disconnect(): unknown;
}

const newOpId = (): string => crypto.randomUUID();
const CLOCK_RESYNC_MS = 60_000;
/**
 * Re-sending what was typed offline: this many at once, then this many per second, below the
 * server's per-person limit (burst 60, 30 a second) with room for the person's new input.
 */
const RESEND_BURST = 20;
const RESEND_PER_SECOND = 15;
/** A command the server refused as too many is not rolled back but sent again after this long. */
const RATE_LIMITED_RETRY_MS = 1_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const encoder = new TextEncoder();

/**
 * One live meeting as this browser sees it: the server-confirmed state plus the person's own pending
 * commands (shown at once, rolled back if refused, re-sent with the same opId after a reconnect, so
 * nothing is applied twice). Time is the server's, corrected by the measured clock offset.
 */
export class LiveMeeting {
  view = $state<MeetingState | null>(null);
  you = $state<Actor | null>(null);
  connection = $state<Connection>('connecting');
  error = $state('');
  offsetMs = $state(0);
  queued = $state(0);
  private replica: MeetingReplica | null = null;
  private socket: LiveSocket | null = null;
  /**
   * Events that arrive while a join is answered: the server may broadcast an event committed just after
   * this socket's join before the join's own answer reaches it. They are folded after the answer.
   */
  private early: MeetingEvent[] | null = null;

  constructor(
    readonly meetingId: number,
    private readonly guestSecret?: string,
  ) {}

  // What the board's views read: derived from the view, so every panel sees the same thing.
  /** The key of the step the meeting is at ('' before it starts or after it ends). */
  readonly step = $derived(this.view?.status === 'live' ? (currentStep(this.view)?.key ?? '') : '');
  readonly isFacilitator = $derived(this.view !== null && this.you !== null && this.view.facilitator === this.you.key);
  /** May write on the board now: live, and not an observer. */
  readonly canWrite = $derived(this.view?.status === 'live' && this.you !== null && this.you.role !== 'observer');
  readonly cards = $derived<Card[]>(
    this.view ? Object.values(this.view.cards).sort((a, b) => a.position - b.position) : [],
  );
  readonly themes = $derived<Theme[]>(
    this.view ? Object.values(this.view.themes).sort((a, b) => a.order - b.order) : [],
  );
  /** Comments per card, oldest first. */
  readonly commentsByCard = $derived.by(() => {
    const byCard: Record<string, Comment[]> = {};
    for (const comment of Object.values(this.view?.comments ?? {}).sort((a, b) => a.at - b.at))
      (byCard[comment.cardId] ??= []).push(comment);
    return byCard;
  });
  /** People connected now, the facilitator first, then by name. */
  readonly present = $derived<Participant[]>(
    Object.values(this.view?.participants ?? {})
      .filter((p) => p.connections > 0)
      .sort(
        (a, b) =>
          Number(b.key === this.view?.facilitator) - Number(a.key === this.view?.facilitator) ||
          a.name.localeCompare(b.name),
      ),
  );
  /** Ids of the cards this person has commented on. */
  readonly commentedByMe = $derived<string[]>(
    Object.values(this.view?.comments ?? {})
      .filter((c) => c.author !== null && c.author === this.you?.key)
      .map((c) => c.cardId)
      .filter((id, index, ids) => ids.indexOf(id) === index),
  );
  /**
   * How much each person has written on the board, counts only: shared comments by author plus the
   * private ones the server counts. With authors hidden there is one anonymous total (key '').
   */
  readonly writingProgress = $derived.by(() => {
    const counts: Record<string, number> = { ...(this.view?.writing ?? {}) };
    for (const comment of Object.values(this.view?.comments ?? {})) {
      if (comment.private || comment.author === null) continue;
      counts[comment.author] = (counts[comment.author] ?? 0) + 1;
    }
    return counts;
  });

  /** Connects; the returned function disconnects (call it when the page is destroyed). */
  connect(
    open: () => LiveSocket = () =>
      io('/live', {
        transports: ['websocket'],
        withCredentials: true,
        auth: { protocol: PROTOCOL_VERSION, ...(this.guestSecret ? { guest: this.guestSecret } : {}) },
      }),
  ): () => void {
    const socket = open();
    this.socket = socket;
    socket.on('connect', () => void this.joined());
    socket.on('disconnect', () => (this.connection = 'offline'));
    socket.on('connect_error', () => (this.connection = 'offline'));
    watchProtocol(socket, updateNotice.show);
    // Access changed on the server: another role means joining again; removed or signed out means stop.
    socket.on('live:access', (payload) => {
      if (payload.meetingId !== this.meetingId) return;
      if (payload.rejoin) {
        void this.joined();
        return;
      }
      this.error = codedMessage(payload.error);
      this.connection = 'offline';
    });
    socket.on('live:event', (payload) => {
      if (payload.meetingId !== this.meetingId) return;
      if (this.early) this.early.push(payload.event);
      else this.fold([payload.event]);
    });
    // The offset is measured again now and then: a computer's clock may be corrected mid-meeting.
    const resync = setInterval(() => {
      if (this.connection === 'online') void this.measureClock(socket);
    }, CLOCK_RESYNC_MS);
    return () => {
      clearInterval(resync);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }

  /** Server time now, as every client estimates it. */
  serverNow(): number {
    return Date.now() + this.offsetMs;
  }

  /** Suggested themes for the whole board (the facilitator) or for the cards given; an error when offline. */
  async suggestThemes(cardIds?: string[]): Promise<Ack<ThemeSuggestions>> {
    const socket = this.socket;
    if (!socket || this.connection !== 'online')
      return { ok: false, error: { code: ErrorCode.CONFLICT, message: 'Not connected' } };
    return (await socket.emitWithAck('themes:suggest', {
      meetingId: this.meetingId,
      ...(cardIds ? { cardIds } : {}),
    })) as Ack<ThemeSuggestions>;
  }

  send(command: MeetingCommand): void {
    if (!this.replica) return;
    const opId = newOpId();
    this.error = '';
    this.replica.propose(opId, command);
    this.refresh();
    if (this.connection === 'online') void this.emit(opId, command);
  }

  private async emit(opId: string, command: MeetingCommand): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    const payload = { opId, meetingId: this.meetingId, command };
    // Too big for the server: refused here with the server's own code, never sent to be cut off.
    if (encoder.encode(JSON.stringify(payload)).length > MAX_COMMAND_BYTES) {
      this.replica?.reject(opId);
      this.error = codedMessage({
        code: ErrorCode.PAYLOAD_TOO_LARGE,
        message: `A command may be at most ${MAX_COMMAND_BYTES / 1024} KB`,
      });
      this.refresh();
      return;
    }
    let ack: CommandAck;
    try {
      ack = (await socket.timeout(10_000).emitWithAck('live:command', payload)) as CommandAck;
    } catch {
      return; // No answer: it stays pending and is re-sent (same opId) after the reconnect.
    }
    if (!this.replica) return;
    if (!ack.ok && ack.error.code === ErrorCode.RATE_LIMITED) {
      // Not refused, only early: it stays pending and goes again in a moment (same opId).
      await sleep(RATE_LIMITED_RETRY_MS);
      if (this.socket === socket && this.connection === 'online' && this.replica.pending.some((op) => op.opId === opId))
        void this.emit(opId, command);
      return;
    }
    if (!ack.ok) {
      this.replica.reject(opId);
      this.error = codedMessage(ack.error);
    } else if (this.replica.confirmed.seq >= ack.seq) {
      this.replica.reject(opId); // already folded in (a retry of something the server had)
    }
    this.refresh();
  }

  private async measureClock(socket: LiveSocket): Promise<void> {
    let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
    for (let i = 0; i < 3; i++) {
      const sent = Date.now();
      const ack = (await socket.emitWithAck('live:time', { opId: newOpId() })) as Ack<{ serverNow: number }>;
      const received = Date.now();
      if (ack.ok && received - sent < best.rtt)
        best = { rtt: received - sent, offset: ack.serverNow + (received - sent) / 2 - received };
    }
    // Keep the last good estimate when no answer came back (e.g. refused by the rate limit).
    if (Number.isFinite(best.rtt)) this.offsetMs = Math.round(best.offset);
  }

  private async joined(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.connection = 'connecting';
    const lastSeq = this.replica?.confirmed.seq;
    this.early = [];
    const ack = (await socket.emitWithAck('live:join', {
      opId: newOpId(),
      meetingId: this.meetingId,
      ...(lastSeq === undefined ? {} : { lastSeq }),
    })) as JoinAck;
    // Whatever came meanwhile is folded below, once the answer has set the starting point.
    const early = this.early ?? [];
    this.early = null;
    if (!ack.ok) {
      this.error = codedMessage(ack.error);
      this.connection = 'offline';
      return;
    }
    this.you = ack.you;
    if (ack.state) {
      if (this.replica) this.replica.reset(ack.state);
      else this.replica = new MeetingReplica(ack.state, ack.you);
    } else if (this.replica) {
      for (const event of ack.events ?? []) this.replica.receive(event);
    }
    this.connection = 'online';
    this.fold(early);
    void this.resend(socket);
    await this.measureClock(socket);
  }

  /**
   * What was typed while offline goes now, in order, with its original opIds, paced so that a long
   * queue is not refused as too many at once. Stops when the connection drops (it goes again then).
   */
  private async resend(socket: LiveSocket): Promise<void> {
    const queue = [...(this.replica?.pending ?? [])];
    for (const [index, op] of queue.entries()) {
      if (this.socket !== socket || this.connection !== 'online') return;
      if (index >= RESEND_BURST) await sleep(1000 / RESEND_PER_SECOND);
      if (this.replica?.pending.some((pending) => pending.opId === op.opId)) void this.emit(op.opId, op.command);
    }
  }

  /** Folds events in; a gap (something missed) asks the server again from the last seq. */
  private fold(events: MeetingEvent[]): void {
    if (!this.replica) return;
    for (const event of events) {
      if (this.replica.receive(event) === 'gap') {
        void this.joined();
        break;
      }
    }
    this.refresh();
  }

  private refresh(): void {
    this.view = this.replica ? this.replica.view : null;
    this.queued = this.replica?.pending.length ?? 0;
  }
}
