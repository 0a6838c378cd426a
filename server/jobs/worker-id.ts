import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * A name for one worker, `hostname:pid:random`, written on the rows it leases. The host and pid tell
 * a person which process holds a row; the random part keeps a restarted process (a container whose
 * pid is 1 every time) from being taken for the one before it, whose leases must run out.
 */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

let ofThisProcess: string | undefined;

/** This process's worker id: made on first use, the same for the rest of its life. */
export function processWorkerId(): string {
  ofThisProcess ??= newWorkerId();
  return ofThisProcess;
}
