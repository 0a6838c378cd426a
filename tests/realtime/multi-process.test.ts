// Store: PostgreSQL already (starts its own PostgreSQL and servers on it)
// Two Kadence processes on one PostgreSQL database behind haproxy (deploy/haproxy.cfg), on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/db/kysely/store.ts';
import { createServices } from '../../server/services.ts';
import type { MeetingEvent } from '../../shared/meeting/index.ts';
import { MASK } from '../../shared/redact.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  usePostgresServer,
  type ScratchDatabase,
} from '../helpers/postgres.ts';
import { HAPROXY_BINARY, startBalancer } from '../helpers/haproxy.ts';
import { freePort } from '../helpers/server-process.ts';

const skipped = !postgresAvailable
  ? 'no PostgreSQL'
  : !HAPROXY_BINARY
    ? 'no haproxy (tests/ensure-haproxy.sh)'
    : undefined;
if (skipped && process.env.CI === 'true') throw new Error(`CI runs the multi-process test: ${skipped}`);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(done: () => boolean, ms = 10_000): Promise<void> {
  for (let waited = 0; waited < ms && !done(); waited += 20) await pause(20);
}
async function healthy(url: string): Promise<boolean> {
  return fetch(`${url}/api/health`).then(
    (response) => response.ok,
    () => false,
  );
}

/** The seqs a client received after `from`, which must be every one up to `to`, once, in order. */
const seqsAfter = (events: MeetingEvent[], from: number) =>
  events.map((event) => event.seq).filter((seq) => seq > from);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i + 1);

interface AccessNotice {
  meetingId: number;
  rejoin: boolean;
  error: { code: string; message: string };
}

/** A live client that also records the server's access notices and how its connection ended. */
class WatchedClient extends LiveClient {
  readonly notices: AccessNotice[] = [];
  ended: string | null = null;
  constructor(url: string, cookie: string, prefix: string) {
    super(url, { cookie, prefix });
    this.socket.on('live:access', (notice: AccessNotice) => this.notices.push(notice));
    this.socket.on('disconnect', (reason) => (this.ended = reason));
  }
}

/** A write to one process as a signed-in person: its CSRF cookie and token first. */
async function write(url: string, cookie: string, method: 'POST' | 'PUT' | 'DELETE', path: string, body?: object) {
  const csrf = await fetch(`${url}/api/auth/csrf`, { headers: cookie ? { cookie } : {} });
  const csrfCookie = String(csrf.headers.get('set-cookie')).split(';')[0] ?? '';
  const { token } = (await csrf.json()) as { token: string };
  return fetch(`${url}${path}`, {
    method,
    headers: {
      cookie: [cookie, csrfCookie].filter(Boolean).join('; '),
      'x-csrf-token': token,
      origin: url,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

describe.skipIf(skipped !== undefined)(
  skipped ? `several processes behind haproxy (skipped: ${skipped})` : 'several processes behind haproxy',
  () => {
    const serverUrl = usePostgresServer();
    const dirs: string[] = [];
    const children: ChildProcess[] = [];
    const clients: LiveClient[] = [];
    let database: ScratchDatabase;
    let balancer: string;
    let stopBalancer: (() => void) | undefined;
    let backends: { url: string; child: ChildProcess }[] = [];
    let lead: { cookie: string };
    let anna: { cookie: string };
    let meetingId: number;
    /** People and meetings of the erasure and access cases, which leave the meeting above alone. */
    let others: Record<'eva' | 'ulla' | 'bo' | 'finn' | 'ida', { id: number; cookie: string }>;
    let erasedMeetingId: number;
    let erasedCardId: number;
    let accessMeetingId: number;

    /** One Kadence process from the sources on `port`, on the shared database. */
    async function startKadence(port: number): Promise<ChildProcess> {
      const dataDir = mkdtempSync(join(tmpdir(), 'kadence-multi-'));
      dirs.push(dataDir);
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          PUBLIC_URL: balancer,
          LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 300 && child.exitCode === null; i++) {
        if (await healthy(url)) return child;
        await pause(100);
      }
      throw new Error(`Kadence on PostgreSQL did not start on ${url} (exit ${child.exitCode})`);
    }

    beforeAll(async () => {
      database = await createScratchDatabase(serverUrl());
      const store = await openStore({ databaseUrl: database.url, dataDir: 'unused', poolSize: 2 });
      try {
        const host = { services: createServices(store, { sessionDays: 30, publicUrl: 'http://127.0.0.1' }) };
        const team = await host.services.teams.create({ name: 'Support', slug: 'support' });
        lead = await makeMember(host, 'support', 'lea@example.dk', 'Lea', 'lead');
        anna = await makeMember(host, 'support', 'anna@example.dk', 'Anna', 'member');
        meetingId = await makeMeeting(host, 'support', [{ comment: 'Slow reply' }, { comment: 'Kind staff' }]);
        others = {
          eva: await makeMember(host, 'support', 'eva@example.dk', 'Eva', 'member'),
          ulla: await makeMember(host, 'support', 'ulla@example.dk', 'Ulla', 'member'),
          bo: await makeMember(host, 'support', 'bo@example.dk', 'Bo', 'member'),
          finn: await makeMember(host, 'support', 'finn@example.dk', 'Finn', 'facilitator'),
          ida: await makeMember(host, 'support', 'ida@example.dk', 'Ida', 'member'),
        };
        await host.services.imports.ingestBatch(team, [
          {
            id: 'k1',
            receivedAt: '2026-11-03T09:00:00Z',
            metric: 'nps',
            score: 2,
            comment: 'Kaptajnhummeren kom aldrig frem',
            customer: 'kunde-42',
          },
        ]);
        erasedMeetingId = await makeMeeting(host, 'support', [{ comment: 'Fin service', score: 9 }]);
        erasedCardId = (
          await store.db.selectFrom('feedback').select('id').where('external_id', '=', 'k1').executeTakeFirstOrThrow()
        ).id;
        await store.db
          .insertInto('meeting_cards')
          .values({ meeting_id: erasedMeetingId, feedback_id: erasedCardId, position: 1, picked_by: 'lead' })
          .execute();
        accessMeetingId = await makeMeeting(host, 'support', [{ comment: 'Long queue' }]);
      } finally {
        await store.close();
      }
      const [lbPort, port1, port2] = [await freePort(), await freePort(), await freePort()];
      balancer = `http://127.0.0.1:${lbPort}`;
      backends = [
        { url: `http://127.0.0.1:${port1}`, child: await startKadence(port1) },
        { url: `http://127.0.0.1:${port2}`, child: await startKadence(port2) },
      ];
      // deploy/haproxy.cfg itself, its addresses replaced; resolved once both processes are marked up.
      const haproxy = await startBalancer(lbPort, [port1, port2]);
      children.push(haproxy.child);
      stopBalancer = haproxy.stop;
    }, 120_000);

    afterAll(async () => {
      stopBalancer?.();
      for (const client of clients) client.close();
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await pause(200);
      await database?.drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    it('serves a joiner on one process the marker for a quote erased through the other', async () => {
      const [a, b] = backends.map((backend) => backend.url) as [string, string];
      const l = new LiveClient(a, { cookie: lead.cookie, prefix: 'lea-erase' });
      const eva = new LiveClient(b, { cookie: others.eva.cookie, prefix: 'eva' });
      clients.push(l, eva);
      expect(await l.connected()).toBe('connected');
      expect(await l.join(erasedMeetingId)).toMatchObject({ ok: true });
      expect(await l.send(erasedMeetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });
      // Process B holds the meeting with the quote in it.
      expect(await eva.connected()).toBe('connected');
      const before = await eva.join(erasedMeetingId);
      if (!before.ok || !before.state) throw new Error('no state on join');
      expect(before.state.cards[String(erasedCardId)]).toMatchObject({ quote: 'Kaptajnhummeren kom aldrig frem' });

      const erased = await write(a, lead.cookie, 'POST', '/api/teams/support/feedback/erase', { customer: 'kunde-42' });
      expect(erased.status).toBe(200);
      expect(await erased.json()).toEqual({ erased: 1 });

      // At once after the answer, with no wait for any notification.
      const ulla = new LiveClient(b, { cookie: others.ulla.cookie, prefix: 'ulla' });
      clients.push(ulla);
      expect(await ulla.connected()).toBe('connected');
      const joined = await ulla.join(erasedMeetingId);
      if (!joined.ok || !joined.state) throw new Error('no state on join');
      expect(joined.state.cards[String(erasedCardId)]).toMatchObject({ quote: MASK.erased, score: 2, position: 1 });
      expect(JSON.stringify(joined.state)).not.toContain('Kaptajnhummeren');
      // Eva joining again on B, and a joiner on A, get the marker too; the meeting goes on across both.
      const again = await eva.join(erasedMeetingId, 0);
      if (!again.ok || !again.state) throw new Error('no state on join');
      expect(JSON.stringify(again.state)).not.toContain('Kaptajnhummeren');
      const leaAgain = await l.join(erasedMeetingId, 0);
      if (!leaAgain.ok || !leaAgain.state) throw new Error('no state on join');
      expect(JSON.stringify(leaAgain.state)).not.toContain('Kaptajnhummeren');
      const step = await l.send(erasedMeetingId, { type: 'step.go', index: 1 });
      if (!step.ok) throw new Error(step.error.message);
      await until(() => ulla.events.some((event) => event.seq === step.seq));
      expect(ulla.events.map((event) => event.seq)).toContain(step.seq);
      for (const client of [l, eva, ulla]) client.close();
    }, 30_000);

    it('takes access away from open sockets on the other process at once: removal, role change, sign-out, guest link', async () => {
      const [a, b] = backends.map((backend) => backend.url) as [string, string];
      const l = new LiveClient(a, { cookie: lead.cookie, prefix: 'lea-access' });
      clients.push(l);
      expect(await l.connected()).toBe('connected');
      expect(await l.join(accessMeetingId)).toMatchObject({ ok: true });
      expect(await l.send(accessMeetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });
      const onB = async (person: { cookie: string }, prefix: string) => {
        const client = new WatchedClient(b, person.cookie, prefix);
        clients.push(client);
        expect(await client.connected()).toBe('connected');
        expect(await client.join(accessMeetingId)).toMatchObject({ ok: true });
        return client;
      };
      const bo = await onB(others.bo, 'bo');
      const finn = await onB(others.finn, 'finn');
      const ida = await onB(others.ida, 'ida');

      // Removed through A: B tells Bo why and closes his socket, with no command of his needed.
      expect((await write(a, lead.cookie, 'DELETE', `/api/teams/support/members/${others.bo.id}`)).status).toBe(200);
      await until(() => bo.ended !== null, 5_000);
      expect(bo.ended).toBe('io server disconnect');
      expect(bo.notices).toEqual([
        {
          meetingId: accessMeetingId,
          rejoin: false,
          error: { code: 'FORBIDDEN', message: 'You are no longer a member of this team' },
        },
      ]);

      // Demoted through A: Finn's socket on B stays, must join again, and does so as a member.
      const demoted = await write(a, lead.cookie, 'PUT', `/api/teams/support/members/${others.finn.id}`, {
        role: 'member',
      });
      expect(demoted.status).toBe(200);
      await until(() => finn.notices.length > 0, 5_000);
      expect(finn.notices).toEqual([
        { meetingId: accessMeetingId, rejoin: true, error: expect.objectContaining({ code: 'FORBIDDEN' }) },
      ]);
      expect(finn.ended).toBeNull();
      expect(await finn.join(accessMeetingId)).toMatchObject({ ok: true, you: { role: 'member' } });

      // Signed out through A: the same session's socket on B ends.
      expect((await write(a, others.ida.cookie, 'POST', '/api/auth/logout')).status).toBe(200);
      await until(() => ida.ended !== null, 5_000);
      expect(ida.ended).toBe('io server disconnect');
      expect(ida.notices).toEqual([
        {
          meetingId: accessMeetingId,
          rejoin: false,
          error: { code: 'UNAUTHENTICATED', message: 'Your session has ended; sign in again' },
        },
      ]);

      // A guest link revoked through A: the guest's socket on B ends.
      const link = await write(a, lead.cookie, 'POST', `/api/teams/support/meetings/${accessMeetingId}/guest-links`, {
        role: 'participant',
      });
      const { token, id: linkId } = (await link.json()) as { token: string; id: number };
      const entered = await write(a, '', 'POST', `/api/join/${token}`, { name: 'Gitte' });
      const { secret } = (await entered.json()) as { secret: string };
      const gitte = new LiveClient(b, { guest: secret, prefix: 'gitte' });
      clients.push(gitte);
      let guestEnded: string | null = null;
      gitte.socket.on('disconnect', (reason) => (guestEnded = reason));
      expect(await gitte.connected()).toBe('connected');
      expect(await gitte.join(accessMeetingId)).toMatchObject({ ok: true });
      const revoked = await write(
        a,
        lead.cookie,
        'DELETE',
        `/api/teams/support/meetings/${accessMeetingId}/guest-links/${linkId}`,
      );
      expect(revoked.status).toBeLessThan(300);
      await until(() => guestEnded !== null, 5_000);
      expect(guestEnded).toBe('io server disconnect');
      for (const client of [l, bo, finn, ida, gitte]) client.close();
    }, 30_000);

    it('gives clients on both processes one order, and resyncs the clients of a killed process through the other', async () => {
      // leastconn: the second websocket goes to the process without one.
      const l = new LiveClient(balancer, { cookie: lead.cookie, prefix: 'lea' });
      clients.push(l);
      expect(await l.connected()).toBe('connected');
      const a = new LiveClient(balancer, { cookie: anna.cookie, prefix: 'anna' });
      clients.push(a);
      expect(await a.connected()).toBe('connected');
      const leaJoin = await l.join(meetingId);
      const annaJoin = await a.join(meetingId);
      if (!leaJoin.ok || !annaJoin.ok) throw new Error('join refused');
      expect((await l.send(meetingId, { type: 'meeting.start' })).ok).toBe(true);

      // Both write at once: hands are public, so each sees the other's as they are.
      const sent = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          i % 2 === 0
            ? l.send(meetingId, { type: 'hand.set', raised: i % 4 === 0 })
            : a.send(meetingId, { type: 'hand.set', raised: i % 4 === 1 }),
        ),
      );
      const seqs = sent.map((ack) => (ack.ok ? ack.seq : 0));
      expect(seqs.every((seq) => seq > 0)).toBe(true);
      const last = Math.max(...seqs);
      await until(() => [l, a].every((client) => client.events.some((event) => event.seq === last)));
      const annaFrom = annaJoin.seq;
      expect(seqsAfter(a.events, annaFrom)).toEqual(range(annaFrom, last));
      expect(seqsAfter(l.events, annaFrom)).toEqual(range(annaFrom, last));
      const order = (events: MeetingEvent[]) => events.filter((e) => e.seq > annaFrom).map((e) => e.opId);
      expect(order(l.events)).toEqual(order(a.events));

      // One process is killed while both keep writing; whichever client was on it loses its socket.
      const dropped = new Set<LiveClient>();
      for (const client of [l, a]) client.socket.on('disconnect', () => dropped.add(client));
      const acked = new Map<string, number>();
      const inflight: Promise<void>[] = [];
      for (let i = 0; i < 40; i++) {
        const client = i % 2 === 0 ? l : a;
        const opId = client.nextOpId();
        inflight.push(
          client.send(meetingId, { type: 'hand.set', raised: i % 3 === 0 }, opId).then(
            (ack) => void (ack.ok && acked.set(opId, ack.seq)),
            () => undefined,
          ),
        );
        if (i === 20) backends[0]?.child.kill('SIGKILL');
        await pause(5);
      }
      await Promise.race([Promise.all(inflight), pause(3_000)]);
      await until(() => dropped.size > 0);
      expect(dropped.size).toBe(1);
      const [victim] = [...dropped];
      const survivor = victim === l ? a : l;
      if (!victim) throw new Error('no client lost its socket');

      // The victim's person comes back through the balancer, which sends it to the live process.
      const lastSeen = Math.max(0, ...victim.events.map((event) => event.seq));
      const back = new LiveClient(balancer, { cookie: victim === l ? lead.cookie : anna.cookie, prefix: 'back' });
      clients.push(back);
      expect(await back.connected()).toBe('connected');
      const resumed = await back.join(meetingId, lastSeen);
      if (!resumed.ok) throw new Error(resumed.error.message);
      const caughtUp = resumed.events ?? [];
      if (!resumed.state)
        expect(caughtUp.map((event: MeetingEvent) => event.seq)).toEqual(range(lastSeen, resumed.seq));
      // Every acknowledged command is in the log once, at the seq it was acknowledged with.
      const fresh = await back.join(meetingId, 0);
      if (!fresh.ok) throw new Error(fresh.error.message);
      const store = await openStore({ databaseUrl: database.url, dataDir: 'unused', poolSize: 1 });
      try {
        const rows = await store.db
          .selectFrom('meeting_events')
          .select(['op_id', 'seq'])
          .where('meeting_id', '=', meetingId)
          .orderBy('seq')
          .execute();
        expect(rows.map((row) => row.seq)).toEqual(range(0, rows.length));
        for (const [opId, seq] of acked)
          expect(rows.filter((row) => row.op_id === opId)).toEqual([{ op_id: opId, seq }]);
      } finally {
        await store.close();
      }
      // The meeting goes on: the client that came back and the survivor see each other again.
      const after = await back.send(meetingId, { type: 'hand.set', raised: true });
      if (!after.ok) throw new Error(after.error.message);
      await until(() => survivor.events.some((event) => event.seq === after.seq));
      expect(survivor.events.map((event) => event.seq)).toContain(after.seq);
      const survivorSeqs = survivor.events.map((event) => event.seq);
      expect(survivorSeqs).toEqual([...new Set(survivorSeqs)].sort((x, y) => x - y));
    }, 60_000);
  },
);
