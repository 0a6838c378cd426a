import { Type, type Static } from 'typebox';
import type { ImportProgress } from './schemas/imports.ts';
import { Slug } from './schemas/teams.ts';

export { MAX_COMMAND_BYTES, MAX_SOCKET_MESSAGE_BYTES } from './socket-limits.ts';

// The protocol version lives in a module of its own so that the client bundle does not take TypeBox with it.
export { PROTOCOL_VERSION, handshakeAuth, speaksProtocol } from './protocol.ts';

/** Every command carries a client-made opId so that a retry can be recognised. */
export const OpId = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

export const TeamJoinPayload = Type.Object({ opId: OpId, team: Slug }, { additionalProperties: false });
export type TeamJoinPayload = Static<typeof TeamJoinPayload>;

export interface AckError {
  code: string;
  message: string;
}
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: AckError };
export type AckCallback<T extends object = object> = (response: Ack<T>) => void;

export interface PresenceMember {
  userId: number;
  name: string;
}

export interface ClientToServerEvents {
  'team:join': (payload: TeamJoinPayload, ack: AckCallback<{ online: PresenceMember[] }>) => void;
}

export interface ServerToClientEvents {
  'team:presence': (payload: { team: string; online: PresenceMember[] }) => void;
  /** An action of the team was created, changed or deleted; trackers reload it. */
  'actions:changed': (payload: {
    team: string;
    actionId: number;
    event: 'action.created' | 'action.updated' | 'action.done' | 'action.deleted';
  }) => void;
  'import:progress': (payload: ImportProgress & { team: string }) => void;
}

/** Data the server attaches to each socket after the handshake. */
export interface SocketData {
  user: { id: number; name: string; email: string; isAdmin: boolean };
  /** The session it signed in with (its hash, never the token): checked again on every command. */
  session: { userId: number; hash: string; expiresAt: number };
}
