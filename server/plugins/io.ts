import fp from 'fastify-plugin';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/events.ts';
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
    io.use((socket, next) => {
      const cookies = app.parseCookie(socket.request.headers.cookie ?? '');
      const user = app.services.auth.userForToken(cookies[SESSION_COOKIE]);
      if (!user) {
        next(new Error('UNAUTHENTICATED'));
        return;
      }
      socket.data.user = user;
      next();
    });
    app.decorate('io', io);
    app.addHook('preClose', async () => {
      io.local.disconnectSockets(true);
    });
    app.addHook('onClose', async () => {
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
    });
  },
  { name: 'io', dependencies: ['services', 'security'] },
);
