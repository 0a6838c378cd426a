import { TeamJoinPayload, type PresenceMember } from '../../shared/events.ts';
import { ErrorCode } from '../../shared/errors.ts';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import type { KadenceSocket } from '../plugins/io.ts';
import { userRoom, type AccessChange } from '../realtime/access.ts';
import { RateLimiter, command } from '../realtime/command.ts';

const room = (teamId: number) => `team:${teamId}`;

/** Team rooms: who of the team is online now. Membership is checked on join, never trusted. */
export function registerTeamSocket(app: FastifyInstance) {
  const online = async (teamId: number): Promise<PresenceMember[]> => {
    const sockets = await app.io.in(room(teamId)).fetchSockets();
    const seen = new Map<number, PresenceMember>();
    for (const socket of sockets)
      seen.set(socket.data.user.id, { userId: socket.data.user.id, name: socket.data.user.name });
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  };
  /** Slugs of the teams whose rooms sockets of this process joined, for the presence message. */
  const slugs = new Map<number, string>();

  // Someone removed from a team stops receiving its events (presence, actions, imports) at once;
  // a workspace admin keeps seeing every team.
  const leaveTeam = async (change: AccessChange & { kind: 'membership' }) => {
    if ((await app.services.users.byId(change.userId))?.isAdmin) return;
    const teamRoom = room(change.teamId);
    let left = false;
    for (const id of app.io.of('/').adapter.rooms.get(userRoom(change.userId)) ?? []) {
      const socket = app.io.of('/').sockets.get(id);
      if (!socket?.rooms.has(teamRoom)) continue;
      void socket.leave(teamRoom);
      left = true;
    }
    const slug = slugs.get(change.teamId);
    if (left && slug)
      void online(change.teamId).then((members) =>
        app.io.to(teamRoom).emit('team:presence', { team: slug, online: members }),
      );
  };
  const stop = app.services.access.on((change) => {
    if (change.kind !== 'membership' || change.role !== null) return;
    leaveTeam(change).catch((error: unknown) => app.log.error({ err: error }, 'leaving the team room failed'));
  });
  app.addHook('onClose', async () => {
    stop();
  });

  app.io.on('connection', (socket: KadenceSocket) => {
    const limiter = new RateLimiter(20, 40);
    const joined = new Map<number, string>();
    const onError = (error: unknown) => app.log.error({ err: error }, 'socket command failed');

    socket.on(
      'team:join',
      command(
        TeamJoinPayload,
        limiter,
        async (payload) => {
          // The session is read again: one that ended since the handshake opens nothing.
          const user = await app.services.auth.userForSession(socket.data.session.hash);
          if (!user) {
            setImmediate(() => socket.disconnect(true)); // after the answer has gone
            throw new AppError(ErrorCode.UNAUTHENTICATED, 'Your session has ended; sign in again');
          }
          const { team } = await app.services.teams.access(user, payload.team);
          await socket.join(room(team.id));
          joined.set(team.id, team.slug);
          slugs.set(team.id, team.slug);
          const members = await online(team.id);
          socket.to(room(team.id)).emit('team:presence', { team: team.slug, online: members });
          return { online: members };
        },
        onError,
      ),
    );

    socket.on('disconnect', () => {
      for (const [teamId, slug] of joined) {
        void online(teamId).then((members) =>
          app.io.to(room(teamId)).emit('team:presence', { team: slug, online: members }),
        );
      }
    });
  });
}
