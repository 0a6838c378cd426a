// Store: SQLite only (seeds the SQLite file before it starts the server; not converted to the store yet)
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open.ts';
import { createServices } from '../../server/services.ts';
import { sharedSqliteStore } from '../../server/db/kysely/store.ts';
import { applyMeetingEvent, type MeetingState } from '../../shared/meeting/index.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';
import { freePort, spawnServer } from '../helpers/server-process.ts';

describe('a server killed mid-meeting', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kadence-fault-'));
  let server: ChildProcess | undefined;
  const clients: LiveClient[] = [];
  afterAll(() => {
    for (const c of clients) c.close();
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing it acknowledged and lets clients resync after a SIGKILL and restart', async () => {
    const db = openDatabase(join(dataDir, 'kadence.db'));
    const host = {
      db,
      services: createServices(sharedSqliteStore(db), { sessionDays: 30, publicUrl: 'http://127.0.0.1' }),
    };
    await host.services.teams.create({ name: 'Support', slug: 'support' });
    const lead = await makeMember(host, 'support', 'lea@example.dk', 'Lea', 'lead');
    const anna = await makeMember(host, 'support', 'anna@example.dk', 'Anna', 'member');
    const meetingId = await makeMeeting(host, 'support', [{ comment: 'Slow reply' }, { comment: 'Kind staff' }]);
    db.close();

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = await spawnServer(dataDir, port);
    const l = new LiveClient(url, { cookie: lead.cookie, prefix: 'lea' });
    const a = new LiveClient(url, { cookie: anna.cookie, prefix: 'anna' });
    clients.push(l, a);
    await Promise.all([l.connected(), a.connected()]);
    await l.join(meetingId);
    const joined = await a.join(meetingId);
    if (!joined.ok || !joined.state) throw new Error('join failed');
    await l.send(meetingId, { type: 'meeting.start' });
    await l.send(meetingId, { type: 'step.go', index: 1 });

    // Anna keeps commenting; the server is killed while commands are in flight.
    const acked: string[] = [];
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < 40; i++) {
      const opId = a.nextOpId();
      inflight.push(
        a
          .send(
            meetingId,
            { type: 'comment.add', cardId: Object.keys(joined.state.cards)[0] ?? '1', text: `note ${i}` },
            opId,
          )
          .then(
            (ack) => void (ack.ok && acked.push(opId)),
            () => undefined,
          ),
      );
      if (i === 25) server.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.race([Promise.all(inflight), new Promise((r) => setTimeout(r, 1500))]);
    expect(acked.length).toBeGreaterThan(0);
    const lastSeenByAnna = Math.max(0, ...a.events.map((e) => e.seq));

    server = await spawnServer(dataDir, port);
    const back = new LiveClient(url, { cookie: anna.cookie, prefix: 'anna-back' });
    clients.push(back);
    await back.connected();
    const resumed = await back.join(meetingId);
    if (!resumed.ok) throw new Error(resumed.error.message);
    const fresh = await back.join(meetingId, 0);
    if (!fresh.ok || !fresh.state) throw new Error('no snapshot');
    const state: MeetingState = fresh.state;
    for (const opId of acked) expect(state.comments[opId]?.text).toMatch(/^note \d+$/);
    expect(state.seq).toBeGreaterThanOrEqual(lastSeenByAnna);
    // Presence left over from the killed process was reset: only the new connection counts.
    expect(state.participants[`u:${anna.id}`]?.connections).toBe(2);

    // A client that kept its state catches up from its last seq to the same place.
    let replay: MeetingState = joined.state;
    const catchUp = await back.join(meetingId, joined.state.seq);
    if (!catchUp.ok) throw new Error(catchUp.error.message);
    if (catchUp.events) for (const event of catchUp.events) replay = applyMeetingEvent(replay, event);
    else if (catchUp.state) replay = catchUp.state;
    for (const opId of acked) expect(replay.comments[opId]).toBeDefined();
  }, 60_000);
});
