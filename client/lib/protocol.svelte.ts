import { ErrorCode } from '../../shared/errors.ts';

/**
 * Whether the server refused a socket for speaking another protocol version: Kadence was updated
 * since this page loaded. One fact for the whole tab, shown by the app frame as "reload the page".
 */
export const protocol = $state({ outdated: false });

interface RefusableSocket {
  on(event: 'connect_error', listener: (error: Error) => void): unknown;
}

/** Listens for the server's PROTOCOL_OUTDATED refusal on a socket; returns the socket. */
export function watchProtocol<S extends RefusableSocket>(socket: S): S {
  socket.on('connect_error', (error) => {
    if (error.message === ErrorCode.PROTOCOL_OUTDATED) protocol.outdated = true;
  });
  return socket;
}
