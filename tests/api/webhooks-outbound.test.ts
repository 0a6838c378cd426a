import { lookup as lookupAll } from 'node:dns';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../../shared/schemas/actions.ts';
import { isPublicAddress, type Resolver } from '../../server/actions/outbound.ts';
import { createWebhooksService } from '../../server/actions/webhooks.ts';
import { type ActionActor, actionsTeam } from '../helpers/actions-team.ts';
import { type SessionClient, makeTestApp } from '../helpers/session-client.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that records what reaches it. */
async function startReceiver(received: Received[]): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

// The addresses of the report, and the other classes that must stay out of reach.
const INTERNAL_TARGETS = [
  'http://127.0.0.1/hook',
  'http://localhost/hook',
  'http://api.localhost/hook',
  'http://0x7f000001/hook',
  'http://2130706433/hook',
  'http://127.1/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://[::1]/hook',
  'http://169.254.169.254/latest/meta-data',
  'http://10.0.0.1/hook',
  'http://172.16.0.1/hook',
  'http://192.168.1.1/hook',
  'http://100.64.0.1/hook',
  'http://224.0.0.1/hook',
  'http://0.0.0.0/hook',
  'http://255.255.255.255/hook',
  'http://[fd00::1]/hook',
  'http://[fe80::1]/hook',
  'http://[ff02::1]/hook',
  'http://[::]/hook',
  'http://[64:ff9b::7f00:1]/hook',
];

describe('webhooks never reach internal addresses', () => {
  let app: FastifyInstance;
  let clients: Record<ActionActor, SessionClient>;
  let receiver: Server;
  let port: number;
  const received: Received[] = [];

  beforeAll(async () => {
    app = await makeTestApp();
    ({ clients } = await actionsTeam(app));
    ({ server: receiver, port } = await startReceiver(received));
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('classifies addresses: only global unicast is public', () => {
    for (const address of ['8.8.8.8', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8'])
      expect(isPublicAddress(address), address).toBe(true);
    for (const address of [
      '127.0.0.1',
      '::ffff:127.0.0.1',
      '10.1.2.3',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fd12::1',
      'fe80::1',
      'ff02::1',
      '::ffff:10.0.0.1',
      'not an address',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('refuses an internal literal address when the webhook is created, with a code', async () => {
    const failures: string[] = [];
    for (const url of INTERNAL_TARGETS) {
      const response = await clients.lead.request('POST', '/api/teams/support/webhooks', { url });
      const code = (response.json() as { error?: { code?: string } }).error?.code;
      if (response.statusCode !== 400 || code !== 'PRIVATE_ADDRESS')
        failures.push(`${url}: ${response.statusCode} ${code ?? ''}`);
    }
    expect(failures).toEqual([]);
    const listed = (await clients.lead.request('GET', '/api/teams/support/webhooks')).json() as { webhooks: unknown[] };
    expect(listed.webhooks).toEqual([]);
    // A public name is accepted (it is only resolved, and checked again, when a delivery is sent).
    const created = await clients.lead.request('POST', '/api/teams/support/webhooks', {
      url: 'https://hooks.example.com/kadence',
    });
    expect(created.statusCode).toBe(201);
    expect((created.json() as { secret: string }).secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await clients.lead.request('DELETE', `/api/teams/support/webhooks/${(created.json() as { id: number }).id}`);
  });

  it('refuses at delivery a name that resolves to an internal address, and stored literal ones, logging a code and no status', async () => {
    const team = await app.services.teams.bySlugOrNull('support');
    if (!team) throw new Error('no team');
    // Webhooks stored before the rule (or by hand) go to the receiver on 127.0.0.1 by every spelling.
    const urls = [
      `http://127.0.0.1:${port}/a`,
      `http://[::ffff:127.0.0.1]:${port}/b`,
      `http://localhost:${port}/c`,
      `http://rebinding.example.com:${port}/d`,
    ];
    await app.services.store.db
      .insertInto('action_webhooks')
      .values(
        urls.map((url) => ({ team_id: team.id, url, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', created_by: 1 })),
      )
      .execute();
    // This name answers with the loopback address at delivery, as a rebinding DNS server would.
    let lookups = 0;
    const lookup: Resolver = (hostname, callback) => {
      // Other names (localhost) go to the system resolver, which answers them from /etc/hosts.
      if (hostname !== 'rebinding.example.com') return lookupAll(hostname, { all: true }, callback);
      lookups += 1;
      callback(null, [{ address: '127.0.0.1', family: 4 }]);
    };
    await clients.lead.request('POST', '/api/teams/support/actions', { title: 'Probe the inside' });
    const service = createWebhooksService(app.services.store, {
      backoffMs: 60_000,
      maxAttempts: 8,
      timeoutMs: 2_000,
      lookup,
    });
    expect(await service.deliverDue()).toBe(urls.length);
    expect(lookups).toBeGreaterThanOrEqual(1);
    expect(received).toEqual([]);

    const log = (await clients.lead.request('GET', '/api/teams/support/webhooks')).json() as { deliveries: Delivery[] };
    expect(log.deliveries).toHaveLength(urls.length);
    for (const delivery of log.deliveries) {
      // Refused for good: no status, no retry that would probe again.
      expect(delivery).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastStatus: null,
        lastError: 'refused: private address',
        lastErrorCode: 'PRIVATE_ADDRESS',
        nextAttemptAt: null,
      });
    }
  });
});

describe('an allow-listed internal receiver gets Standard Webhooks deliveries', () => {
  let app: FastifyInstance;
  let clients: Record<ActionActor, SessionClient>;
  let receiver: Server;
  let port: number;
  const received: Received[] = [];

  beforeAll(async () => {
    app = await makeTestApp({ webhookAllowedHosts: ['127.0.0.1'] });
    ({ clients } = await actionsTeam(app));
    ({ server: receiver, port } = await startReceiver(received));
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('delivers to 127.0.0.1 when allow-listed, and the receiver verifies the signature with the standardwebhooks package', async () => {
    const created = await clients.lead.request('POST', '/api/teams/support/webhooks', {
      url: `http://127.0.0.1:${port}/hook`,
    });
    expect(created.statusCode).toBe(201);
    const { secret } = created.json() as { secret: string };
    // The allow-list names this host only: other internal addresses stay refused.
    expect(
      (await clients.lead.request('POST', '/api/teams/support/webhooks', { url: `http://10.0.0.1/hook` })).statusCode,
    ).toBe(400);

    await clients.lead.request('POST', '/api/teams/support/actions', { title: 'Signed and sealed' });
    expect(await app.services.webhooks.deliverDue()).toBe(1);
    expect(received).toHaveLength(1);
    const [delivery] = received;
    if (!delivery) throw new Error('nothing received');

    const headers = {
      'webhook-id': String(delivery.headers['webhook-id']),
      'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
      'webhook-signature': String(delivery.headers['webhook-signature']),
    };
    const verified = new Webhook(secret).verify(delivery.body, headers);
    expect(verified).toMatchObject({ event: 'action.created', action: { title: 'Signed and sealed' } });
    expect(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(300);

    // A tampered body, a replayed old timestamp and another secret are all rejected by the receiver.
    expect(() => new Webhook(secret).verify(delivery.body.replace('Signed', 'Forged'), headers)).toThrow();
    expect(() =>
      new Webhook(secret).verify(delivery.body, {
        ...headers,
        'webhook-timestamp': String(Number(headers['webhook-timestamp']) - 3600),
      }),
    ).toThrow();
    expect(() => new Webhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').verify(delivery.body, headers)).toThrow();

    const log = (await clients.lead.request('GET', '/api/teams/support/webhooks')).json() as { deliveries: Delivery[] };
    expect(log.deliveries[0]).toMatchObject({ status: 'delivered', lastStatus: 204, lastErrorCode: null });
  });
});
