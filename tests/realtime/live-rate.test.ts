import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Worker } from 'node:worker_threads';
import { io } from 'socket.io-client';
import { handshakeAuth } from '../../shared/events.ts';
import { startKadence } from '../helpers/browser.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

// The meeting page's state class reads the saved language when its error messages are imported.
const saved = new Map([['kadence.lang', 'en']]);
vi.stubGlobal('localStorage', {
  getItem: (key: string) => saved.get(key) ?? null,
  setItem: (key: string, value: string) => saved.set(key, value),
});
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { LiveMeeting } = await import('../../client/state/meeting.svelte.ts');

describe('the command rate and message size', () => {
  let kadence: Awaited<ReturnType<typeof startKadence>>;
  let meetingId: number;
  let lea: { id: number; cookie: string };
  let anna: { id: number; cookie: string };
  const closers: (() => void)[] = [];

  beforeAll(async () => {
    kadence = await startKadence();
    await kadence.app.services.teams.create({ name: 'Support', slug: 'support' });
    lea = await makeMember(kadence.app, 'support', 'lea@example.dk', 'Lea', 'lead');
    anna = await makeMember(kadence.app, 'support', 'anna@example.dk', 'Anna', 'member');
    meetingId = await makeMeeting(kadence.app, 'support', [{ comment: 'Slow replies', score: 4 }]);
    const l = new LiveClient(kadence.url, { cookie: lea.cookie, prefix: 'lea' });
    closers.push(() => l.close());
    await l.connected();
    await l.join(meetingId);
    expect(await l.send(meetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    for (const close of closers) close();
    await kadence.stop();
  });

  it('limits a person, not a socket: ten sockets share one budget', async () => {
    const sockets = Array.from(
      { length: 10 },
      (_, i) => new LiveClient(kadence.url, { cookie: anna.cookie, prefix: `anna-${i}` }),
    );
    closers.push(() => sockets.forEach((s) => s.close()));
    await Promise.all(sockets.map((s) => s.connected()));
    const joins = await Promise.all(sockets.map((s) => s.join(meetingId)));
    expect(joins.every((j) => j.ok)).toBe(true);
    const answers = await Promise.all(
      sockets.flatMap((s) =>
        Array.from({ length: 60 }, (_, i) => s.send(meetingId, { type: 'ready.set', ready: i % 2 === 0 })),
      ),
    );
    const through = answers.filter((a) => a.ok).length;
    console.log(`one person, 10 sockets × 60 commands at once: ${through} of ${answers.length} went through`);
    // The per-person bucket holds 60, less the ten joins, plus what refills while the burst is handled.
    expect(through).toBeLessThan(120);
    expect(answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED').length).toBeGreaterThan(480);
  });

  it('refuses nothing of a steady pace that waited while the server stalled, and still stops a flood after it', async () => {
    const cy = await makeMember(kadence.app, 'support', 'cy@example.dk', 'Cy', 'member');
    // Cy's device is its own thread, so it keeps its pace while this one (the server's) is blocked.
    const device = new Worker(
      `
      const { parentPort, workerData: w } = require('node:worker_threads');
      const { io } = require('socket.io-client');
      const socket = io(w.url + '/live', {
        transports: ['websocket'], auth: w.auth, reconnection: false,
        extraHeaders: { origin: w.url, cookie: w.cookie },
      });
      const ack = (event, payload) => socket.emitWithAck(event, payload).then((a) => (a.ok ? 'ok' : a.error.code));
      socket.on('connect', async () => {
        parentPort.postMessage({ joined: await ack('live:join', { opId: 'cy-join-0001', meetingId: w.meetingId }) });
        const answers = [];
        const start = Date.now();
        for (let i = 0; i < w.count; i++) {
          await new Promise((r) => setTimeout(r, Math.max(0, start + (i * 1000) / w.perSecond - Date.now())));
          const command = { type: 'ready.set', ready: i % 2 === 0 };
          answers.push(ack('live:command', { opId: 'cy-pace-' + i, meetingId: w.meetingId, command }));
        }
        const paced = await Promise.all(answers);
        // Then a flood: the credit for the stall is spent, so the bucket's limit holds again.
        const flood = await Promise.all(Array.from({ length: 200 }, (_, i) =>
          ack('live:command', { opId: 'cy-flood-' + i, meetingId: w.meetingId, command: { type: 'hand.set', raised: i % 2 === 0 } })));
        socket.disconnect();
        parentPort.postMessage({ paced, flood });
      });
      `,
      {
        eval: true,
        workerData: {
          url: kadence.url,
          cookie: cy.cookie,
          auth: handshakeAuth(),
          meetingId,
          perSecond: 25,
          count: 100,
        },
      },
    );
    type Report = { joined?: string; paced?: string[]; flood?: string[] };
    const next = () => new Promise<Report>((resolve) => device.once('message', resolve));
    try {
      expect((await next()).joined).toBe('ok');
      const done = next();
      await new Promise((r) => setTimeout(r, 300));
      // The server's event loop stalls for 3 s (a slow disk, a long synchronous job): Cy's commands,
      // sent at 25 a second, within the limit of 30, wait in the socket and are handled all at once.
      const until = Date.now() + 3000;
      while (Date.now() < until);
      const { paced = [], flood = [] } = await done;
      const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;
      console.log(
        `25/s through a 3 s stall: ${count(paced, 'ok')} of ${paced.length} accepted; then a flood of 200: ${count(flood, 'ok')} accepted`,
      );
      expect(paced).toHaveLength(100);
      expect(paced.filter((code) => code !== 'ok')).toEqual([]);
      expect(count(flood, 'RATE_LIMITED')).toBeGreaterThan(100);
    } finally {
      await device.terminate();
    }
  }, 30_000);

  it('answers an oversized command with PAYLOAD_TOO_LARGE and keeps the connection', async () => {
    await new Promise((r) => setTimeout(r, 2500)); // let Anna's budget refill after the flood above
    const a = new LiveClient(kadence.url, { cookie: anna.cookie, prefix: 'anna-big' });
    closers.push(() => a.close());
    await a.connected();
    await a.join(meetingId);
    const big = await a.socket.emitWithAck('live:command', {
      opId: 'big-op-00001',
      meetingId,
      command: { type: 'comment.add', cardId: '1', text: 'x'.repeat(200_000) },
    });
    expect(big).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(a.socket.connected).toBe(true);
    expect(await a.send(meetingId, { type: 'hand.set', raised: true })).toMatchObject({ ok: true });
  });

  it('delivers a long offline queue from the meeting page without any of it refused as too many', async () => {
    await new Promise((r) => setTimeout(r, 2500));
    const bo = await makeMember(kadence.app, 'support', 'bo@example.dk', 'Bo', 'member');
    const meeting = new LiveMeeting(meetingId);
    const socket = io(`${kadence.url}/live`, {
      transports: ['websocket'],
      forceNew: true,
      auth: handshakeAuth(),
      extraHeaders: { origin: kadence.url, cookie: bo.cookie },
    });
    const stop = meeting.connect(() => socket);
    closers.push(stop);
    for (let i = 0; i < 100 && meeting.connection !== 'online'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(meeting.connection).toBe('online');
    socket.io.engine.close(); // the network drops; socket.io will reconnect by itself
    for (let i = 0; i < 100 && meeting.connection !== 'offline'; i++) await new Promise((r) => setTimeout(r, 5));
    expect(meeting.connection).toBe('offline');
    for (let i = 0; i < 150; i++) meeting.send({ type: 'ready.set', ready: i % 2 === 0 });
    expect(meeting.queued).toBe(150);
    for (let i = 0; i < 600 && meeting.queued > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(meeting.queued).toBe(0);
    expect(meeting.error).toBe('');
    const logged = await kadence.app.services.store.db
      .selectFrom('meeting_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('meeting_id', '=', meetingId)
      .where('type', '=', 'ready.set')
      .where('op_scope', '=', `u:${bo.id}`)
      .executeTakeFirst();
    expect(logged?.n).toBe(150);
  }, 60_000);
});
