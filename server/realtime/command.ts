import { Compile } from 'typebox/compile';
import type { TSchema, Static } from 'typebox';
import { ErrorCode } from '../../shared/errors.ts';
import { MAX_COMMAND_BYTES, type Ack, type AckCallback } from '../../shared/events.ts';
import { AppError } from '../errors.ts';

/** Anything that says whether one more command may go through now. */
export interface Limiter {
  take(): boolean;
}

/** A token bucket: `burst` commands at once, refilled at `perSecond`. */
export class RateLimiter implements Limiter {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }
  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
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
