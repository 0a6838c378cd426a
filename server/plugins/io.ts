import fp from 'fastify-plugin';
import { Server, type Socket } from 'socket.io';
import { ErrorCode } from '../../shared/errors.ts';
import {
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
  speaksProtocol,
} from '../../shared/events.ts';
import { endsSession, userRoom, whenExpired } from '../realtime/access.ts';
import { SESSION_COOKIE } from './auth.ts';

export type KadenceServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type KadenceSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

declare module 'fastify' {
  interface FastifyInstance {
    io: KadenceServer;
  }
}

export interface IoOptions {
  allowedOrigins: string[];
  /** Largest accepted socket message in bytes. */
  maxPayload: number;
}

/**
 * socket.io on the same HTTP server. The handshake is refused unless its Origin is allowed and its
 * session cookie belongs to a user; area handlers attach through `app.io.on('connection')`.
 */
export default fp<IoOptions>(
  async (app, options) => {
    const allowed = new Set(options.allowedOrigins);
    const io: KadenceServer = new Server(app.server, {
      path: '/socket.io',
      serveClient: false,
      maxHttpBufferSize: options.maxPayload,
      cors: { origin: [...allowed], credentials: true },
      allowRequest: (request, callback) => {
        const origin = request.headers.origin;
        callback(origin ? null : 'origin required', origin !== undefined && allowed.has(origin));
      },
    });
    // Before anything else and on every namespace (the live board's too): an old page is told to reload.
    const sameProtocol = (socket: Socket, next: (error?: Error) => void) =>
      next(speaksProtocol(socket.handshake.auth) ? undefined : new Error(ErrorCode.PROTOCOL_OUTDATED));
    io.use(sameProtocol);
    io.on('new_namespace', (namespace) => namespace.use(sameProtocol));
    const authenticate = async (socket: KadenceSocket, next: (error?: Error) => void) => {
      const cookies = app.parseCookie(socket.request.headers.cookie ?? '');
      const session = await app.services.auth.sessionForToken(cookies[SESSION_COOKIE]);
      if (!session) {
        next(new Error('UNAUTHENTICATED'));
        return;
      }
      socket.data.user = session.user;
      socket.data.session = { userId: session.user.id, hash: session.hash, expiresAt: session.expiresAt };
      next();
    };
    io.use((socket, next) => {
      authenticate(socket, next).catch((error: unknown) => {
        app.log.error({ err: error }, 'socket handshake failed');
        next(new Error('UNAVAILABLE'));
      });
    });
    // A socket lives only as long as its session: signing out, a new password or the session's
    // end disconnect it at once.
    io.on('connection', (socket) => {
      void socket.join(userRoom(socket.data.user.id));
      const stop = whenExpired(socket.data.session, () => socket.disconnect(true));
      socket.on('disconnect', stop);
    });
    const stopListening = app.services.access.on((change) => {
      for (const id of io.of('/').adapter.rooms.get(userRoom(change.userId)) ?? []) {
        const socket = io.of('/').sockets.get(id);
        if (socket && endsSession(change, socket.data.session)) socket.disconnect(true);
      }
    });
    app.decorate('io', io);
    app.addHook('preClose', async () => {
      io.local.disconnectSockets(true);
    });
    app.addHook('onClose', async () => {
      stopListening();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
    });
  },
  { name: 'io', dependencies: ['services', 'security'] },
);
