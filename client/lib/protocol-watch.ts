import { ErrorCode } from '../../shared/errors.ts';

/** The part of a socket this needs: its refused-connection event. */
interface Refusable {
  on(event: 'connect_error', listener: (error?: Error) => void): unknown;
}

/**
 * Calls `outdated` once a server refuses the connection because this page speaks another socket
 * protocol (the server was updated while the tab stayed open); other refusals are left to the page.
 */
export function watchProtocol(connection: Refusable, outdated: () => void): void {
  connection.on('connect_error', (error) => {
    if (error?.message === ErrorCode.PROTOCOL_OUTDATED) outdated();
  });
}
