import { afterAll, beforeAll } from 'vitest';
import { startKadence } from './browser.ts';
import { LiveClient } from './meeting.ts';

/**
 * One Kadence server for a describe block, started before its tests and stopped after them, and a
 * `client` that opens a live socket on it and is closed with the server.
 */
export function useLiveServer() {
  let kadence: Awaited<ReturnType<typeof startKadence>> | undefined;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    kadence = await startKadence();
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await kadence?.stop();
  });

  const server = () => {
    if (!kadence) throw new Error('the live server starts in beforeAll');
    return kadence;
  };
  const client = (cookie: string, prefix: string) => {
    const c = new LiveClient(server().url, { cookie, prefix });
    clients.push(c);
    return c;
  };
  return { server, client };
}
