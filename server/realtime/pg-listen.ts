import pg from 'pg';

export type ChannelHandler = (payload: string | undefined) => void;

/**
 * The one PostgreSQL connection a process LISTENs on, for every channel the processes share
 * (meeting commits, team-room events, erasures, access changes). It is its own connection, not one
 * of the pool: a pooled connection goes back to the pool and stops listening. When it is lost (the
 * server restarted, the backend was terminated, the network dropped) it is made again after
 * `reconnectMs`, every subscribed channel is LISTENed again, and `onConnected` handlers run, so
 * followers can read what was committed while nobody listened.
 */
export function createPgListener(options: {
  connectionString: string;
  /** The wait before connecting again after the connection was lost. */
  reconnectMs?: number;
  onError?: (error: unknown) => void;
}) {
  const reconnectMs = options.reconnectMs ?? 1_000;
  const onError = options.onError ?? (() => undefined);
  const channels = new Map<string, Set<ChannelHandler>>();
  const connectedHandlers = new Set<() => void>();
  let client: pg.Client | undefined;
  let started = false;
  let reconnects = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let sending: Promise<void> = Promise.resolve();

  /** Channel names are identifiers in LISTEN; only plain lower-case names are used, never input. */
  const checked = (channel: string): string => {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    return channel;
  };

  function deliver(message: pg.Notification): void {
    for (const handler of channels.get(message.channel) ?? []) {
      try {
        handler(message.payload);
      } catch (error) {
        onError(error);
      }
    }
  }

  function scheduleReconnect(): void {
    if (!started || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      reconnects += 1;
      connect().catch((error: unknown) => {
        onError(error);
        scheduleReconnect();
      });
    }, reconnectMs);
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: options.connectionString });
    // A lost connection reports an error and then ends; only the current connection's loss counts
    // (one that never became current rejected connect, and its caller retries).
    const lost = () => {
      if (client !== next) return;
      client = undefined;
      next.end().catch(() => undefined);
      scheduleReconnect();
    };
    next.on('error', (error) => {
      onError(error);
      lost();
    });
    next.on('end', lost);
    next.on('notification', deliver);
    try {
      await next.connect();
      for (const channel of channels.keys()) await next.query(`LISTEN ${channel}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (!started) {
      await next.end();
      return;
    }
    client = next;
    for (const handler of connectedHandlers) {
      try {
        handler();
      } catch (error) {
        onError(error);
      }
    }
  }

  return {
    async start(): Promise<void> {
      if (started) return;
      started = true;
      await connect();
    },
    /**
     * Calls `handler` with each notification on `channel`; resolves once the channel is listened
     * on (at once when not connected yet: `start` and every reconnect LISTEN to it). The returned
     * function stops the handler (and the LISTEN, when it was the channel's last).
     */
    async subscribe(channel: string, handler: ChannelHandler): Promise<() => void> {
      const name = checked(channel);
      let handlers = channels.get(name);
      if (!handlers) {
        handlers = new Set();
        channels.set(name, handlers);
        await client?.query(`LISTEN ${name}`);
      }
      handlers.add(handler);
      const own = handlers;
      return () => {
        own.delete(handler);
        if (own.size > 0 || channels.get(name) !== own) return;
        channels.delete(name);
        client?.query(`UNLISTEN ${name}`).catch(onError);
      };
    },
    /** Runs after every connection made, the first included once `start` has it. */
    onConnected(handler: () => void): () => void {
      connectedHandlers.add(handler);
      return () => connectedHandlers.delete(handler);
    },
    /**
     * NOTIFY on the listening connection: one session, so other processes hear this process's
     * notifications in the order they were sent. Rejects while the connection is being made again.
     */
    notify(channel: string, payload: string): Promise<void> {
      const open = client;
      if (!open) return Promise.reject(new Error(`${channel} not sent: not connected to the database`));
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) return Promise.reject(new Error(`not a channel name: ${channel}`));
      const name = channel;
      // One query at a time on the connection (pg will stop queueing them itself).
      const sent = sending.then(() => open.query('SELECT pg_notify($1, $2)', [name, payload]));
      sending = sent.then(
        () => undefined,
        () => undefined,
      );
      return sent.then(() => undefined);
    },
    connected: (): boolean => client !== undefined,
    /** The listening connection's server process, e.g. to see it end; undefined while reconnecting. */
    async backendPid(): Promise<number | undefined> {
      const result = await client?.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      return result?.rows[0]?.pid;
    },
    /** How often the connection was made again after it was lost. */
    reconnects: (): number => reconnects,
    async stop(): Promise<void> {
      started = false;
      if (retry) clearTimeout(retry);
      retry = undefined;
      const open = client;
      client = undefined;
      await open?.end();
    },
  };
}
export type PgListener = ReturnType<typeof createPgListener>;
