import { TeamJoinPayload, type PresenceMember } from '../../shared/events.ts';
import type { FastifyInstance } from 'fastify';
import type { KadenceSocket } from '../plugins/io.ts';
import { RateLimiter, command } from '../realtime/command.ts';

const room = (teamId: number) => `team:${teamId}`;

/** Team rooms: who of the team is online now. Membership is checked on join, never trusted. */
export function registerTeamSocket(app: FastifyInstance) {
  const online = async (teamId: number): Promise<PresenceMember[]> => {
    const sockets = await app.io.in(room(teamId)).fetchSockets();
    const seen = new Map<number, PresenceMember>();
    for (const socket of sockets) seen.set(socket.data.user.id, { userId: socket.data.user.id, name: socket.data.user.name });
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  };

  app.io.on('connection', (socket: KadenceSocket) => {
    const limiter = new RateLimiter(20, 40);
    const joined = new Map<number, string>();
    const onError = (error: unknown) => app.log.error({ err: error }, 'socket command failed');

    socket.on(
      'team:join',
      command(TeamJoinPayload, limiter, async (payload) => {
        const { team } = app.services.teams.access({ ...socket.data.user }, payload.team);
        await socket.join(room(team.id));
        joined.set(team.id, team.slug);
        const members = await online(team.id);
        socket.to(room(team.id)).emit('team:presence', { team: team.slug, online: members });
        return { online: members };
      }, onError),
    );

    socket.on('disconnect', () => {
      for (const [teamId, slug] of joined) {
        void online(teamId).then((members) => app.io.to(room(teamId)).emit('team:presence', { team: slug, online: members }));
      }
    });
  });
}
