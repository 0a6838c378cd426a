import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionDetail, Delivery } from '../../shared/schemas/actions.ts';
import { createWebhooksService, signature } from '../../server/actions/webhooks.ts';
import { type ActionActor, actionsTeam } from '../helpers/actions-team.ts';
import { type SessionClient, makeTestApp } from '../helpers/session-client.ts';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

describe('outgoing webhooks', () => {
  let app: FastifyInstance;
  let clients: Record<ActionActor, SessionClient>;
  let receiver: Server;
  let base: string;
  const received: Received[] = [];
  // The receiver answers with these statuses in turn, then 204.
  const replies: number[] = [];

  beforeAll(async () => {
    // The receiver is on this machine: an internal receiver, reached only because it is allow-listed.
    app = await makeTestApp({ webhookAllowedHosts: ['127.0.0.1'] });
    ({ clients } = await actionsTeam(app));
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        const status = replies.shift() ?? 204;
        if (status === 302) response.writeHead(302, { location: `${base}/elsewhere` });
        else response.writeHead(status);
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('lets only leads manage webhooks and accepts only http(s) URLs', async () => {
    expect(
      (await clients.facilitator.request('POST', '/api/teams/support/webhooks', { url: `${base}/hook` })).statusCode,
    ).toBe(403);
    expect((await clients.outsider.request('GET', '/api/teams/support/webhooks')).statusCode).toBe(404);
    expect(
      (await clients.lead.request('POST', '/api/teams/support/webhooks', { url: 'ftp://example.dk/x' })).statusCode,
    ).toBe(400);
    const badCredentials = await clients.lead.request('POST', '/api/teams/support/webhooks', {
      url: 'https://user:pw@example.dk/x',
    });
    expect(badCredentials.json()).toMatchObject({
      error: { message: expect.stringContaining('user name or password') },
    });
  });

  it('signs the body, retries with backoff persisted in the database, and logs every delivery', async () => {
    const created = await clients.lead.request('POST', '/api/teams/support/webhooks', { url: `${base}/hook` });
    expect(created.statusCode).toBe(201);
    const { secret } = created.json() as { secret: string };

    replies.push(500, 302);
    const action = (
      await clients.lead.request('POST', '/api/teams/support/actions', { title: 'Shorter hold times' })
    ).json() as ActionDetail;
    // A fresh service over the same database stands in for a restarted server resuming the queue.
    const restarted = createWebhooksService(app.services.store, {
      backoffMs: 60_000,
      maxAttempts: 3,
      timeoutMs: 2_000,
      allowedHosts: ['127.0.0.1'],
    });
    expect(await restarted.deliverDue()).toBe(1);
    let log = (await clients.lead.request('GET', '/api/teams/support/webhooks')).json() as { deliveries: Delivery[] };
    expect(log.deliveries[0]).toMatchObject({
      event: 'action.created',
      status: 'pending',
      attempts: 1,
      lastStatus: 500,
      lastError: 'HTTP 500',
    });
    const firstRetry = Date.parse(log.deliveries[0]?.nextAttemptAt ?? '');
    expect(firstRetry).toBeGreaterThan(Date.now() + 50_000);
    expect(await restarted.deliverDue()).toBe(0);

    expect(await restarted.deliverDue(new Date(firstRetry + 1))).toBe(1);
    log = (await clients.lead.request('GET', '/api/teams/support/webhooks')).json() as { deliveries: Delivery[] };
    expect(log.deliveries[0]).toMatchObject({
      status: 'pending',
      attempts: 2,
      lastStatus: 302,
      lastError: 'redirects are not followed',
    });
    const secondRetry = Date.parse(log.deliveries[0]?.nextAttemptAt ?? '');
    expect(secondRetry - Date.now()).toBeGreaterThan(110_000);

    expect(await restarted.deliverDue(new Date(secondRetry + 1))).toBe(1);
    log = (await clients.lead.request('GET', '/api/teams/support/webhooks')).json() as { deliveries: Delivery[] };
    expect(log.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 204, nextAttemptAt: null });

    expect(received).toHaveLength(3);
    for (const request of received) {
      expect(request.headers['x-kadence-signature']).toBe(signature(secret, request.body));
      expect(request.headers['x-kadence-event']).toBe('action.created');
    }
    expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({
      event: 'action.created',
      action: { id: action.id, title: 'Shorter hold times' },
    });

    await clients.lead.request('POST', `/api/teams/support/actions/${action.id}/status`, { to: 'done' });
    await restarted.deliverDue();
    expect(received.at(-1)?.headers['x-kadence-event']).toBe('action.done');
  });

  it('gives up after the last attempt and records why', async () => {
    replies.push(503, 503, 503);
    await clients.lead.request('POST', '/api/teams/support/actions', { title: 'Never arrives' });
    const hooks = createWebhooksService(app.services.store, {
      backoffMs: 1,
      maxAttempts: 3,
      timeoutMs: 2_000,
      allowedHosts: ['127.0.0.1'],
    });
    const later = () => new Date(Date.now() + 60_000);
    for (let attempt = 0; attempt < 3; attempt++) await hooks.deliverDue(later());
    const log = (await clients.lead.request('GET', '/api/teams/support/webhooks')).json() as { deliveries: Delivery[] };
    expect(log.deliveries[0]).toMatchObject({ status: 'failed', attempts: 3, lastStatus: 503, nextAttemptAt: null });
    expect(await hooks.deliverDue(later())).toBe(0);
  });
});
