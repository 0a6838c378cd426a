import { describe, expect, it } from 'vitest';
import { watchProtocol } from '../../../client/lib/protocol-watch.ts';
import { ErrorCode } from '../../../shared/errors.ts';

/** A socket that only knows how to be refused. */
function refusable() {
  const listeners: ((error: Error) => void)[] = [];
  return {
    on: (_event: 'connect_error', listener: (error: Error) => void) => listeners.push(listener),
    refuse: (message: string) => listeners.forEach((listener) => listener(new Error(message))),
  };
}

describe('a tab older than its server', () => {
  it('is noticed when the server refuses its protocol, and only then', () => {
    const connection = refusable();
    let noticed = 0;
    watchProtocol(connection, () => noticed++);
    connection.refuse(ErrorCode.UNAUTHENTICATED);
    connection.refuse('xhr poll error');
    expect(noticed).toBe(0);
    connection.refuse(ErrorCode.PROTOCOL_OUTDATED);
    expect(noticed).toBe(1);
  });
});
