/**
 * The largest socket command the server handles, as JSON. Bigger ones are answered PAYLOAD_TOO_LARGE
 * (and the client refuses them before sending); the transport's own limit is well above this, so a
 * message only a little too big is never a silent disconnect.
 * Apart from events.ts, whose schemas the browser does not need.
 */
export const MAX_COMMAND_BYTES = 64 * 1024;
/** socket.io's limit per message: beyond it the connection is closed, so the client never sends that much. */
export const MAX_SOCKET_MESSAGE_BYTES = 1024 * 1024;
