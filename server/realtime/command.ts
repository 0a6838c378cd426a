import { Compile } from 'typebox/compile';
import type { TSchema, Static } from 'typebox';
import { ErrorCode } from '../../shared/errors.ts';
import { MAX_COMMAND_BYTES, type Ack, type AckCallback } from '../../shared/events.ts';
import { AppError } from '../errors.ts';

/** Anything that says whether one more command may go through now. */
export interface Limiter {
  take(): boolean;
}

/**
 * How long this process's event loop has been unable to run, in ms since it started: a heartbeat that
 * should fire every `HEARTBEAT_MS` and notes how late it was, plus how overdue it is right now (a
 * command read just after a stall is handled before the late heartbeat has had its turn).
 */
const HEARTBEAT_MS = 50;
let stalledMs = 0;
let nextBeat = Date.now() + HEARTBEAT_MS;
let heartbeat: ReturnType<typeof setInterval> | undefined;
export function loopStalledMs(now = Date.now()): number {
  if (!heartbeat) {
    heartbeat = setInterval(() => {
      const at = Date.now();
      stalledMs += Math.max(0, at - nextBeat);
      nextBeat = at + HEARTBEAT_MS;
    }, HEARTBEAT_MS);
    heartbeat.unref();
    nextBeat = now + HEARTBEAT_MS;
  }
  return stalledMs + Math.max(0, now - nextBeat);
}

/** Shorter delays are the ordinary lateness of a busy loop, not a stall to make up for. */
const MIN_STALL_MS = 100;
/** At most this much of a stall is made up for, so a long one cannot bank a flood. */
const MAX_STALL_CREDIT_MS = 10_000;
/** Credit beyond the burst is kept this long after it was given, time enough to work off the backlog. */
const STALL_CREDIT_KEPT_MS = 1_000;

/**
 * A token bucket: `burst` commands at once, refilled at `perSecond`. The time is the server's when it
 * handles the command, not when the client sent it: while the server's event loop stalls, commands
 * sent at an allowed pace wait in the socket and are all handled when it catches up. So the bucket may
 * fill beyond `burst` by what the stalled time refilled, and a participant who kept the pace is not
 * refused for the server's slowness. Only the ceiling moves, never the rate: a flood keeps the bucket
 * empty and gains nothing; someone idle through a stall gets at most what the stall (up to 10 s)
 * refilled, within a second, as an honest client at the full pace would have sent it.
 */
export class RateLimiter implements Limiter {
  private tokens: number;
  private last = Date.now();
  private stalledAtLast = loopStalledMs(this.last);
  private creditUntil = 0;
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }
  take(): boolean {
    const now = Date.now();
    const stalled = loopStalledMs(now);
    const behind = stalled - this.stalledAtLast;
    const credit = behind >= MIN_STALL_MS ? Math.min(MAX_STALL_CREDIT_MS, behind) : 0;
    if (credit > 0) this.creditUntil = now + STALL_CREDIT_KEPT_MS;
    const ceiling = now <= this.creditUntil ? this.burst + (credit / 1000) * this.perSecond : this.burst;
    const refilled = this.tokens + ((now - this.last) / 1000) * this.perSecond;
    // Credit given a moment ago stays while the backlog is worked off; after that, back to the burst.
    const kept = now <= this.creditUntil ? this.tokens : Math.min(this.tokens, this.burst);
    this.tokens = Math.max(kept, Math.min(ceiling, refilled));
    this.last = now;
    this.stalledAtLast = stalled;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
  /** Refilled completely by now: forgetting it changes nothing. */
  idle(now = Date.now()): boolean {
    return this.tokens + ((now - this.last) / 1000) * this.perSecond >= this.burst;
  }
}

/**
 * One bucket per person across all their sockets (tabs, devices, or a script opening many), so
 * opening more sockets buys no more commands. Buckets that have refilled are forgotten now and then.
 * Kept by this process; with several processes a person's sockets would share one through the
 * sticky session or a shared store.
 */
export class PersonRateLimits {
  private readonly buckets = new Map<string, RateLimiter>();
  private readonly sweeper: ReturnType<typeof setInterval>;
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.sweeper = setInterval(() => {
      const now = Date.now();
      for (const [key, bucket] of this.buckets) if (bucket.idle(now)) this.buckets.delete(key);
    }, 60_000);
    this.sweeper.unref();
  }
  /** The limiter of one person; looked up on every command, so a forgotten bucket is never shared stale. */
  for(person: string): Limiter {
    return { take: () => this.take(person) };
  }
  take(person: string): boolean {
    let bucket = this.buckets.get(person);
    if (!bucket) {
      bucket = new RateLimiter(this.perSecond, this.burst);
      this.buckets.set(person, bucket);
    }
    return bucket.take();
  }
  stop(): void {
    clearInterval(this.sweeper);
  }
}

/** Compiled validators per schema: handlers are wrapped per socket, the schema is compiled once. */
const validators = new WeakMap<TSchema, ReturnType<typeof Compile>>();
function compiled(schema: TSchema): ReturnType<typeof Compile> {
  let validator = validators.get(schema);
  if (!validator) {
    validator = Compile(schema);
    validators.set(schema, validator);
  }
  return validator;
}

/**
 * Wraps a socket command handler: the payload is checked against its schema at runtime (types are
 * not validation), the rate limit applies, and every outcome reaches the ack in the shared shape.
 */
export function command<S extends TSchema, R extends object>(
  schema: S,
  limiter: Limiter,
  handler: (payload: Static<S>) => R | Promise<R>,
  onError: (error: unknown) => void,
) {
  const validator = compiled(schema);
  return async (payload: unknown, ack: unknown): Promise<void> => {
    const reply: AckCallback<R> = typeof ack === 'function' ? (ack as AckCallback<R>) : () => undefined;
    let response: Ack<R>;
    if (!limiter.take()) {
      response = { ok: false, error: { code: ErrorCode.RATE_LIMITED, message: 'Too many commands; slow down' } };
    } else if (Buffer.byteLength(JSON.stringify(payload) ?? '') > MAX_COMMAND_BYTES) {
      response = {
        ok: false,
        error: {
          code: ErrorCode.PAYLOAD_TOO_LARGE,
          message: `A command may be at most ${MAX_COMMAND_BYTES / 1024} KB`,
        },
      };
    } else if (!validator.Check(payload)) {
      const first = validator.Errors(payload)[0];
      const where = first ? `${first.instancePath || 'payload'} ${first.message}` : 'payload is malformed';
      response = { ok: false, error: { code: ErrorCode.VALIDATION, message: `Invalid command: ${where}` } };
    } else {
      try {
        response = { ok: true, ...(await handler(payload as Static<S>)) };
      } catch (error) {
        if (error instanceof AppError) {
          response = { ok: false, error: { code: error.code, message: error.message } };
        } else {
          onError(error);
          response = {
            ok: false,
            error: { code: ErrorCode.INTERNAL, message: 'The server could not handle this command' },
          };
        }
      }
    }
    reply(response);
  };
}
