import { mkdtempSync } from 'node:fs';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/plugins/config.ts';

const SOCKETS = 10;
// Each slow client gives up by itself after this long: the bound of the test, not a measured figure.
const GIVE_UP_MS = 8_000;

/**
 * Opens `SOCKETS` raw connections to 127.0.0.1 that send `start`, then one more byte of `drip` every
 * 200 ms. Answers, for each, whether the server closed it before the client gave up, and after how long.
 */
async function trickle(
  port: number,
  start: string,
  drip: string,
): Promise<{ closedByServer: boolean; afterMs: number }[]> {
  const one = () =>
    new Promise<{ closedByServer: boolean; afterMs: number }>((resolve) => {
      const began = Date.now();
      const socket: Socket = connect({ port, host: '127.0.0.1' });
      let done = false;
      let sent = 0;
      const finish = (closedByServer: boolean) => {
        if (done) return;
        done = true;
        clearInterval(timer);
        clearTimeout(giveUp);
        socket.destroy();
        resolve({ closedByServer, afterMs: Date.now() - began });
      };
      const timer = setInterval(() => {
        if (!socket.writable || drip.length === 0) return;
        socket.write(drip[sent % drip.length] ?? ' ');
        sent += 1;
      }, 200);
      const giveUp = setTimeout(() => finish(false), GIVE_UP_MS);
      socket.on('connect', () => {
        if (start) socket.write(start);
      });
      socket.on('data', () => undefined);
      socket.on('error', () => finish(true));
      socket.on('close', () => finish(true));
    });
  return Promise.all(Array.from({ length: SOCKETS }, one));
}

describe('slow clients are cut off by a real listening server', () => {
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    const config = loadConfig({ HEADERS_TIMEOUT_S: '1', REQUEST_TIMEOUT_S: '2', IDLE_TIMEOUT_S: '1' });
    app = await buildApp(
      { ...config, databaseFile: ':memory:', uploadDir: mkdtempSync(join(tmpdir(), 'kadence-slow-')) },
      { logger: false, clientDir: '/nonexistent' },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => app.close());

  it('reads the timeouts from the environment, with defaults', () => {
    expect(loadConfig({}).timeouts).toEqual({ headersMs: 10_000, requestMs: 300_000, idleMs: 30_000 });
    expect(loadConfig({ HEADERS_TIMEOUT_S: '5', REQUEST_TIMEOUT_S: '60', IDLE_TIMEOUT_S: '20' }).timeouts).toEqual({
      headersMs: 5_000,
      requestMs: 60_000,
      idleMs: 20_000,
    });
  });

  it('closes connections whose headers never finish', async () => {
    const results = await trickle(
      port,
      'POST /api/teams/support/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      'X-Slow: yes\r\n',
    );
    console.log(`headers trickled: closed after ${results.map((result) => result.afterMs).join(', ')} ms`);
    expect(results.every((result) => result.closedByServer)).toBe(true);
  });

  it('closes connections whose body never finishes', async () => {
    const head =
      'POST /api/teams/support/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"items":[';
    const results = await trickle(port, head, '{"receivedAt":"2026-11-20T10:00:00Z"},');
    console.log(`body trickled: closed after ${results.map((result) => result.afterMs).join(', ')} ms`);
    expect(results.every((result) => result.closedByServer)).toBe(true);
  });

  it('closes connections that say nothing at all', async () => {
    const results = await trickle(port, '', '');
    console.log(`silent: closed after ${results.map((result) => result.afterMs).join(', ')} ms`);
    expect(results.every((result) => result.closedByServer)).toBe(true);
  });

  it('still serves a normal request', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(response.status).toBe(200);
  });
});
