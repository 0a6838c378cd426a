/**
 * The socket protocol's version: raise it whenever an event, payload or ack changes shape. Every
 * client sends it in the handshake (`auth: { protocol }`); a server speaking another version refuses
 * the connection with PROTOCOL_OUTDATED, so a tab left open across an update is told to reload.
 */
export const PROTOCOL_VERSION = 3;

/** The handshake's part that every socket of Kadence's client sends. */
export const handshakeAuth = (): { protocol: number } => ({ protocol: PROTOCOL_VERSION });

/** True when a handshake's auth carries this protocol version. */
export function speaksProtocol(auth: unknown): boolean {
  return typeof auth === 'object' && auth !== null && 'protocol' in auth && auth.protocol === PROTOCOL_VERSION;
}
