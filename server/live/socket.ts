import type { FastifyInstance } from 'fastify';
import type { Namespace, Socket } from 'socket.io';
import {
  LiveCommandPayload, LiveJoinPayload, LiveTimePayload, VISIBILITY_EVENTS, projectCatchUp, projectEvent, projectForOthers, projectState,
  type Actor, type MeetingEvent, type MeetingState,
} from '../../shared/meeting/index.ts';
import type { AckCallback } from '../../shared/events.ts';
import type { User } from '../../shared/schemas/auth.ts';
import { forbidden } from '../errors.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import { RateLimiter, command } from '../realtime/command.ts';
import type { GuestIdentity, GuestsService } from './guests.ts';
import type { LiveEngine } from './engine.ts';

/** A reconnecting client gets the events it missed when there are at most this many, else a snapshot. */
const CATCH_UP_LIMIT = 500;

export interface LiveClientToServer {
  'live:join': (payload: LiveJoinPayload, ack: AckCallback<{ seq: number; state?: MeetingState; events?: MeetingEvent[]; you: Actor }>) => void;
  'live:command': (payload: LiveCommandPayload, ack: AckCallback<{ seq: number; duplicate: boolean }>) => void;
  'live:time': (payload: LiveTimePayload, ack: AckCallback<{ serverNow: number }>) => void;
}
export interface LiveServerToClient {
  'live:event': (payload: { meetingId: number; event: MeetingEvent }) => void;
}
export interface LiveSocketData {
  user?: User;
  guest?: GuestIdentity;
  /** meeting id → the actor this socket is in that meeting. */
  joined: Map<number, Actor>;
}
type LiveNamespace = Namespace<LiveClientToServer, LiveServerToClient, Record<string, never>, LiveSocketData>;
type LiveSocket = Socket<LiveClientToServer, LiveServerToClient, Record<string, never>, LiveSocketData>;

export const meetingRoom = (meetingId: number) => `meeting:${meetingId}`;
/** The sockets of guests who came through one meeting link. */
const guestLinkRoom = (linkId: number) => `guest-link:${linkId}`;
/** The sockets of one person in one meeting (several tabs or devices). */
const actorRoom = (meetingId: number, key: string) => `meeting:${meetingId}:${key}`;

/**
 * The live meeting over its own socket.io namespace, so guests (a bearer secret from a meeting link)
 * can connect without touching the members' cookie handshake. The Origin allow-list of the engine
 * applies to every namespace.
 */
export function registerLiveSocket(app: FastifyInstance, engine: LiveEngine, guests: GuestsService): LiveNamespace {
  const live: LiveNamespace = app.io.of('/live') as unknown as LiveNamespace;

  live.use((socket, next) => {
    // A guest secret, when given, decides: a signed-in browser may still open a guest link.
    const auth = socket.handshake.auth as { guest?: unknown };
    const guest = typeof auth.guest === 'string' ? guests.guestForSecret(auth.guest) : undefined;
    const cookies = app.parseCookie(socket.request.headers.cookie ?? '');
    const user = guest || typeof auth.guest === 'string' ? undefined : app.services.auth.userForToken(cookies[SESSION_COOKIE]);
    if (!user && !guest) {
      next(new Error('UNAUTHENTICATED'));
      return;
    }
    socket.data.user = user;
    socket.data.guest = guest;
    socket.data.joined = new Map();
    next();
  });

  /**
   * Sends the event to the room as each socket may see it. Everyone but the actor gets the same
   * projection, so that is one broadcast to the room (socket.io encodes the packet once); the actor's
   * own sockets, in a room of their own, get the event as it is. Only events that change visibility
   * are personalised per viewer, as a projected snapshot.
   */
  const broadcast = (meetingId: number, event: MeetingEvent, state: MeetingState, except?: string) => {
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
      for (const [viewer, ids] of byViewer) live.to(ids).emit('live:event', { meetingId, event: projectEvent(event, state, viewer) });
      return;
    }
    const others = projectForOthers(event, state);
    const skip = except === undefined ? [] : [except];
    if (others === event) {
      live.to(room).except(skip).emit('live:event', { meetingId, event });
      return;
    }
    const own = actorRoom(meetingId, event.actor.key);
    live.to(room).except([own, ...skip]).emit('live:event', { meetingId, event: others });
    live.to(own).except(skip).emit('live:event', { meetingId, event });
  };

  const actorFor = (socket: LiveSocket, meetingId: number): Actor => {
    const { user, guest } = socket.data;
    if (guest) {
      if (guest.meetingId !== meetingId) throw forbidden('This meeting link is for another meeting');
      return { key: `g:${guest.id}`, name: guest.name, role: guest.role === 'observer' ? 'observer' : 'guest' };
    }
    const row = engine.meeting(meetingId);
    const { role } = app.services.teams.access(user as User, row.slug);
    return { key: `u:${(user as User).id}`, name: (user as User).name, role: role ?? 'lead' };
  };

  // A revoked link ends its guests' live connections at once, not only their next handshake. Through a
  // room, so that with a socket.io adapter this reaches guests connected to any process.
  guests.onRevoke((linkId) => live.in(guestLinkRoom(linkId)).disconnectSockets(true));

  live.on('connection', (socket: LiveSocket) => {
    if (socket.data.guest) void socket.join(guestLinkRoom(socket.data.guest.linkId));
    const limiter = new RateLimiter(30, 60);
    const onError = (error: unknown) => app.log.error({ err: error }, 'live command failed');

    socket.on('live:time', command(LiveTimePayload, limiter, () => ({ serverNow: Date.now() }), onError));

    socket.on(
      'live:join',
      command(LiveJoinPayload, limiter, async ({ meetingId, lastSeq, opId }) => {
        const actor = actorFor(socket, meetingId);
        await socket.join([meetingRoom(meetingId), actorRoom(meetingId, actor.key)]);
        socket.data.joined.set(meetingId, actor);
        const applied = await engine.presence(meetingId, actor, `join-${socket.id}-${opId}`, 'presence.join');
        broadcast(meetingId, applied.event, applied.state, socket.id);
        if (lastSeq !== undefined && lastSeq <= applied.state.seq && applied.state.seq - lastSeq <= CATCH_UP_LIMIT) {
          const events = projectCatchUp(engine.eventsAfter(meetingId, lastSeq, CATCH_UP_LIMIT), applied.state, actor.key);
          if (events) return { seq: applied.state.seq, events, you: actor };
        }
        return { seq: applied.state.seq, state: projectState(applied.state, actor.key), you: actor };
      }, onError),
    );

    socket.on(
      'live:command',
      command(LiveCommandPayload, limiter, async ({ meetingId, opId, command: cmd }) => {
        const actor = socket.data.joined.get(meetingId);
        if (!actor) throw forbidden('Join the meeting first');
        const applied = await engine.command(meetingId, actor, opId, cmd);
        if (!applied.duplicate) broadcast(meetingId, applied.event, applied.state);
        return { seq: applied.event.seq, duplicate: applied.duplicate };
      }, onError),
    );

    socket.on('disconnect', () => {
      for (const [meetingId, actor] of socket.data.joined) {
        engine.presence(meetingId, actor, `leave-${socket.id}-${meetingId}`, 'presence.leave').then(
          (applied) => broadcast(meetingId, applied.event, applied.state),
          onError,
        );
      }
    });
  });

  return live;
}
