import { Compile } from 'typebox/compile';
import type { TSchema, Static } from 'typebox';
import { ErrorCode } from '../../shared/errors.ts';
import type { Ack, AckCallback } from '../../shared/events.ts';
import { AppError } from '../errors.ts';

/** A token bucket per socket: `burst` commands at once, refilled at `perSecond`. */
export class RateLimiter {
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
  limiter: RateLimiter,
  handler: (payload: Static<S>) => R | Promise<R>,
  onError: (error: unknown) => void,
) {
  const validator = compiled(schema);
  return async (payload: unknown, ack: unknown): Promise<void> => {
    const reply: AckCallback<R> = typeof ack === 'function' ? (ack as AckCallback<R>) : () => undefined;
    let response: Ack<R>;
    if (!limiter.take()) {
      response = { ok: false, error: { code: ErrorCode.RATE_LIMITED, message: 'Too many commands; slow down' } };
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
          response = { ok: false, error: { code: ErrorCode.INTERNAL, message: 'The server could not handle this command' } };
        }
      }
    }
    reply(response);
  };
}
