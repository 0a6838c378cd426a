import type { FastifyInstance } from 'fastify';
import type { Namespace, Socket } from 'socket.io';
import {
  LiveCommandPayload,
  LiveJoinPayload,
  LiveSuggestPayload,
  LiveTimePayload,
  VISIBILITY_EVENTS,
  projectCatchUp,
  projectChange,
  projectForOthers,
  projectState,
  type Actor,
  type MeetingEvent,
  type MeetingState,
  type ThemeSuggestions,
} from '../../shared/meeting/index.ts';
import { ErrorCode } from '../../shared/errors.ts';
import type { AckCallback, AckError } from '../../shared/events.ts';
import type { User } from '../../shared/schemas/auth.ts';
import { AppError, forbidden } from '../errors.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import { endsSession, userRoom, whenExpired, type SocketSession } from '../realtime/access.ts';
import { PersonRateLimits, command } from '../realtime/command.ts';
import type { GuestIdentity, GuestsService } from './guests.ts';
import type { Applied, LiveEngine } from './engine.ts';
import type { LiveSuggestions } from './suggestions.ts';

/** A reconnecting client gets the events it missed when there are at most this many, else a snapshot. */
const CATCH_UP_LIMIT = 500;

export interface LiveClientToServer {
  'live:join': (
    payload: LiveJoinPayload,
    ack: AckCallback<{ seq: number; state?: MeetingState; events?: MeetingEvent[]; you: Actor }>,
  ) => void;
  'live:command': (payload: LiveCommandPayload, ack: AckCallback<{ seq: number; duplicate: boolean }>) => void;
  'live:time': (payload: LiveTimePayload, ack: AckCallback<{ serverNow: number }>) => void;
  'themes:suggest': (payload: LiveSuggestPayload, ack: AckCallback<ThemeSuggestions>) => void;
}
export interface LiveServerToClient {
  'live:event': (payload: { meetingId: number; event: MeetingEvent }) => void;
  /**
   * This socket was taken out of a meeting because access changed: `rejoin` when the person is still
   * in it with another role (join again to get it), otherwise removed, signed out or the link revoked.
   */
  'live:access': (payload: { meetingId: number; rejoin: boolean; error: AckError }) => void;
}
export interface LiveSocketData {
  user?: User;
  session?: SocketSession;
  guest?: GuestIdentity;
  /** meeting id → the actor this socket is in that meeting. */
  joined: Map<number, Actor>;
  /** meeting id → the opId of this socket's join there, so that each leave has an id of its own. */
  joins: Map<number, string>;
}
type LiveNamespace = Namespace<LiveClientToServer, LiveServerToClient, Record<string, never>, LiveSocketData>;
type LiveSocket = Socket<LiveClientToServer, LiveServerToClient, Record<string, never>, LiveSocketData>;

export const meetingRoom = (meetingId: number) => `meeting:${meetingId}`;
/** The meeting whose room (not an actor's room in it) this is. */
const roomMeeting = (room: string): number | undefined => {
  const match = /^meeting:(\d+)$/.exec(room);
  return match ? Number(match[1]) : undefined;
};

/**
 * How the events this process commits reach its viewers when other processes write the same
 * meetings too (server/realtime/meeting-projector.ts): it is told which meetings have viewers here,
 * and sends each event through `emit` (the per-viewer broadcast below) in seq order, once.
 */
export interface LiveRelay {
  watch: (meetingId: number) => void;
  unwatch: (meetingId: number) => void;
  publish: (meetingId: number, applied: Applied, except?: string) => void;
}
export type LiveRelayFactory = (emit: (meetingId: number, applied: Applied, except?: string) => void) => LiveRelay;
/** The sockets of guests who came through one meeting link. */
const guestLinkRoom = (linkId: number) => `guest-link:${linkId}`;
/** The sockets of one person in one meeting (several tabs or devices). */
const actorRoom = (meetingId: number, key: string) => `meeting:${meetingId}:${key}`;

/**
 * The live meeting over its own socket.io namespace, so guests (a bearer secret from a meeting link)
 * can connect without touching the members' cookie handshake. The Origin allow-list of the engine
 * applies to every namespace.
 */
export function registerLiveSocket(
  app: FastifyInstance,
  engine: LiveEngine,
  guests: GuestsService,
  suggestions: LiveSuggestions,
  relayFor?: LiveRelayFactory,
): LiveNamespace {
  const live: LiveNamespace = app.io.of('/live') as unknown as LiveNamespace;

  live.use((socket, next) => {
    handshake(socket).then(next, (error: unknown) => {
      onError(error);
      next(new Error('UNAUTHENTICATED'));
    });
  });
  /** Reads who the handshake is (a guest or a session) into the socket: undefined when it may connect, else the refusal. */
  const handshake = async (socket: LiveSocket): Promise<Error | undefined> => {
    // A guest secret, when given, decides: a signed-in browser may still open a guest link.
    const auth = socket.handshake.auth as { guest?: unknown };
    const guest = typeof auth.guest === 'string' ? await guests.guestForSecret(auth.guest) : undefined;
    const cookies = app.parseCookie(socket.request.headers.cookie ?? '');
    const session =
      guest || typeof auth.guest === 'string'
        ? undefined
        : await app.services.auth.sessionForToken(cookies[SESSION_COOKIE]);
    if (!session && !guest) return new Error('UNAUTHENTICATED');
    socket.data.user = session?.user;
    socket.data.session = session
      ? { userId: session.user.id, hash: session.hash, expiresAt: session.expiresAt }
      : undefined;
    socket.data.guest = guest;
    socket.data.joined = new Map();
    socket.data.joins = new Map();
    return undefined;
  };

  /**
   * Sends the event to the room as each socket may see it. Everyone but the actor gets the same
   * projection, so that is one broadcast to the room (socket.io encodes the packet once); the actor's
   * own sockets, in a room of their own, get the event as it is. Only events that change visibility
   * are personalised per viewer: a step change, the reveal or authors shown as the event with a patch
   * of that viewer's projection, the rarer ones (start, end, facilitator) as a projected snapshot.
   */
  const broadcast = (meetingId: number, applied: Applied, except?: string) => {
    const { event, state, before } = applied;
    const room = meetingRoom(meetingId);
    if (VISIBILITY_EVENTS.has(event.type)) {
      const byViewer = new Map<string, string[]>();
      for (const id of live.adapter.rooms.get(room) ?? []) {
        const viewer = live.sockets.get(id)?.data.joined.get(meetingId);
        if (!viewer || id === except) continue;
        const ids = byViewer.get(viewer.key);
        if (ids) ids.push(id);
        else byViewer.set(viewer.key, [id]);
      }
      for (const [viewer, ids] of byViewer)
        live.to(ids).emit('live:event', { meetingId, event: projectChange(event, before, state, viewer) });
      return;
    }
    const others = projectForOthers(event, state);
    const skip = except === undefined ? [] : [except];
    if (others === event) {
      live.to(room).except(skip).emit('live:event', { meetingId, event });
      return;
    }
    const own = actorRoom(meetingId, event.actor.key);
    live
      .to(room)
      .except([own, ...skip])
      .emit('live:event', { meetingId, event: others });
    live.to(own).except(skip).emit('live:event', { meetingId, event });
  };

  // One process (SQLite): each event goes to the room when its commit returns. Several: through the relay.
  const relay = relayFor?.(broadcast);
  const send = relay ? relay.publish : broadcast;
  if (relay) {
    live.adapter.on('create-room', (room: string) => {
      const meetingId = roomMeeting(room);
      if (meetingId !== undefined) relay.watch(meetingId);
    });
    live.adapter.on('delete-room', (room: string) => {
      const meetingId = roomMeeting(room);
      if (meetingId !== undefined) relay.unwatch(meetingId);
    });
  }

  const onError = (error: unknown) => app.log.error({ err: error }, 'live command failed');

  /**
   * Who this socket is in the meeting now, read from the database each time: the session must still
   * be valid, the guest's link not revoked, and the person still in the team (with today's role).
   */
  const currentActor = async (socket: LiveSocket, meetingId: number): Promise<Actor> => {
    const { session, guest } = socket.data;
    if (guest) {
      if (!(await guests.isActive(guest.id)))
        throw new AppError(ErrorCode.INVITE_INVALID, 'This meeting link was revoked');
      if (guest.meetingId !== meetingId) throw forbidden('This meeting link is for another meeting');
      return { key: `g:${guest.id}`, name: guest.name, role: guest.role === 'observer' ? 'observer' : 'guest' };
    }
    const user = session ? await app.services.auth.userForSession(session.hash) : undefined;
    if (!user) throw sessionEnded();
    const row = await engine.meeting(meetingId);
    const role = await app.services.teams.roleIn(user, { id: row.team_id, name: row.team_name });
    return { key: `u:${user.id}`, name: user.name, role: role ?? 'lead' };
  };

  /** Takes the socket out of one meeting: its rooms, and a presence leave everyone sees. */
  const leave = (socket: LiveSocket, meetingId: number): boolean => {
    const actor = socket.data.joined.get(meetingId);
    if (!actor) return false;
    const joinId = socket.data.joins.get(meetingId) ?? '';
    socket.data.joined.delete(meetingId);
    socket.data.joins.delete(meetingId);
    void socket.leave(meetingRoom(meetingId));
    void socket.leave(actorRoom(meetingId, actor.key));
    engine
      .presence(meetingId, actor, `leave-${socket.id}-${meetingId}-${joinId}`, 'presence.leave')
      .then((applied) => send(meetingId, applied), onError);
    return true;
  };

  const accessError = (error: unknown): AppError | undefined => {
    if (!(error instanceof AppError)) return undefined;
    // Not found in the team any more: to this socket, which was in it, that is a refusal.
    return error.code === ErrorCode.NOT_FOUND ? forbidden('You are no longer a member of this team') : error;
  };
  const toAck = (error: AppError): AckError => ({ code: error.code, message: error.message });
  const sessionEnded = () => new AppError(ErrorCode.UNAUTHENTICATED, 'Your session has ended; sign in again');

  /** Disconnects once the current turn is over, so the answer to the command that found out goes first. */
  const disconnectSoon = (socket: LiveSocket) => setImmediate(() => socket.disconnect(true));

  /** Ends a socket whose session or link is gone: it is told why per meeting, then disconnected. */
  const ending = new WeakSet<LiveSocket>();
  const endSocket = (socket: LiveSocket, error: AppError) => {
    // Found out twice (the expired session announces itself while this command checks it): tell once.
    if (ending.has(socket)) return;
    ending.add(socket);
    for (const meetingId of socket.data.joined.keys())
      socket.emit('live:access', { meetingId, rejoin: false, error: toAck(error) });
    disconnectSoon(socket);
  };

  /**
   * Checks the socket's access to a meeting again. Removed: out of the meeting (and disconnected when
   * it was the socket's last). Another role: out too, told to join again, which gives the new role.
   * Returns the actor when nothing changed, else the refusal it sent.
   */
  const recheck = async (socket: LiveSocket, meetingId: number): Promise<{ actor: Actor } | { error: AppError }> => {
    const joined = socket.data.joined.get(meetingId);
    if (!joined) return { error: forbidden('Join the meeting first') };
    let actor: Actor;
    try {
      actor = await currentActor(socket, meetingId);
    } catch (caught) {
      const error = accessError(caught);
      if (!error) throw caught;
      if (error.code === ErrorCode.UNAUTHENTICATED || error.code === ErrorCode.INVITE_INVALID) {
        endSocket(socket, error);
        return { error };
      }
      leave(socket, meetingId);
      socket.emit('live:access', { meetingId, rejoin: false, error: toAck(error) });
      if (socket.data.joined.size === 0) disconnectSoon(socket);
      return { error };
    }
    // Left or rejoined while this check read the database: that newer state decides.
    if (socket.data.joined.get(meetingId) !== joined) return { error: forbidden('Join the meeting first') };
    if (actor.role === joined.role) return { actor };
    const error = forbidden('Your role in the team changed; joining again');
    leave(socket, meetingId);
    socket.emit('live:access', { meetingId, rejoin: true, error: toAck(error) });
    return { error };
  };

  // Signing out, a new password, removal from a team or another role there reach the person's open
  // sockets at once (the services announce it, keyed by user).
  const stopAccess = app.services.access.on((change) => {
    for (const id of [...(live.adapter.rooms.get(userRoom(change.userId)) ?? [])]) {
      const socket = live.sockets.get(id);
      if (!socket?.data.session) continue;
      if (change.kind !== 'membership') {
        if (endsSession(change, socket.data.session)) endSocket(socket, sessionEnded());
        continue;
      }
      for (const meetingId of [...socket.data.joined.keys()]) {
        // The change is committed; a socket that could not follow is checked again on its next command.
        engine
          .meeting(meetingId)
          .then(async (row) => {
            if (row.team_id === change.teamId) await recheck(socket, meetingId);
          })
          .catch(onError);
      }
    }
  });

  // A revoked link ends its guests' live connections at once, not only their next handshake. Through a
  // room, so that with a socket.io adapter this reaches guests connected to any process.
  guests.onRevoke((linkId) => live.in(guestLinkRoom(linkId)).disconnectSockets(true));

  // The command rate is per person, across all their sockets.
  const limits = new PersonRateLimits(30, 60);
  // Suggestions cost a clustering run each: a few at once, then one every few seconds.
  const suggestLimits = new PersonRateLimits(0.2, 5);
  app.addHook('onClose', async () => {
    stopAccess();
    limits.stop();
    suggestLimits.stop();
  });

  live.on('connection', (socket: LiveSocket) => {
    const { guest, user, session } = socket.data;
    if (guest) void socket.join(guestLinkRoom(guest.linkId));
    if (user) void socket.join(userRoom(user.id));
    const stopExpiry = session ? whenExpired(session, () => endSocket(socket, sessionEnded())) : () => undefined;
    const person = guest ? `g:${guest.id}` : `u:${user?.id ?? 0}`;
    const limiter = limits.for(person);
    const suggestLimiter = { take: () => limits.take(person) && suggestLimits.take(person) };
    /**
     * The checks before a command reads the database now, so they take turns: this socket's joins and
     * commands reach the engine in the order they were sent. Only up to the engine's queue, not to the
     * commit, so one socket's commands still share a group commit.
     */
    let turn: Promise<unknown> = Promise.resolve();
    const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
      const run = turn.then(work);
      turn = run.catch(() => undefined);
      return run;
    };

    socket.on(
      'live:time',
      command(LiveTimePayload, limiter, () => ({ serverNow: Date.now() }), onError),
    );

    socket.on(
      'live:join',
      command(
        LiveJoinPayload,
        limiter,
        async ({ meetingId, lastSeq, opId }) => {
          const { actor, joining } = await inTurn(async () => {
            const actor = await currentActor(socket, meetingId);
            // Joined before with another role (changed since): that presence ends, the new one begins.
            if (socket.data.joined.get(meetingId)?.role !== actor.role) leave(socket, meetingId);
            await socket.join([meetingRoom(meetingId), actorRoom(meetingId, actor.key)]);
            // Closed while the checks read the database: its disconnect has left already, so no join now.
            if (!socket.connected) throw forbidden('The connection closed');
            socket.data.joined.set(meetingId, actor);
            socket.data.joins.set(meetingId, opId);
            return {
              actor,
              joining: engine.presence(meetingId, actor, `join-${socket.id}-${opId}`, 'presence.join'),
            };
          });
          const applied = await joining;
          send(meetingId, applied, socket.id);
          const { state } = applied;
          if (lastSeq !== undefined && lastSeq <= state.seq && state.seq - lastSeq <= CATCH_UP_LIMIT) {
            const missed = await engine.eventsAfter(meetingId, lastSeq, CATCH_UP_LIMIT);
            const events = projectCatchUp(missed, state, actor.key);
            if (events) return { seq: state.seq, events, you: actor };
          }
          return { seq: state.seq, state: projectState(state, actor.key), you: actor };
        },
        onError,
      ),
    );

    socket.on(
      'live:command',
      command(
        LiveCommandPayload,
        limiter,
        async ({ meetingId, opId, command: cmd }) => {
          // Authorised against the session, the link and the team role as they are now, not at join.
          const { pending } = await inTurn(async () => {
            const checked = await recheck(socket, meetingId);
            if ('error' in checked) throw checked.error;
            return { pending: engine.command(meetingId, checked.actor, opId, cmd) };
          });
          const applied = await pending;
          if (!applied.duplicate) send(meetingId, applied);
          return { seq: applied.event.seq, duplicate: applied.duplicate };
        },
        onError,
      ),
    );

    socket.on(
      'themes:suggest',
      command(
        LiveSuggestPayload,
        suggestLimiter,
        async ({ meetingId, cardIds }) => {
          const checked = await recheck(socket, meetingId);
          if ('error' in checked) throw checked.error;
          return suggestions.suggest(meetingId, checked.actor, cardIds);
        },
        onError,
      ),
    );

    socket.on('disconnect', () => {
      stopExpiry();
      for (const meetingId of [...socket.data.joined.keys()]) leave(socket, meetingId);
    });
  });

  return live;
}
