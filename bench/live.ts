// npm run bench:live [-- --store postgres] — the live meeting against a bare socket.io relay under the
// same loads, same run; with `--store postgres` Kadence on PostgreSQL too, beside Kadence on SQLite.
// Everything on 127.0.0.1, temporary databases (a throwaway PostgreSQL), a few seconds per load.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../server/services.ts';
import { openStore } from '../server/db/kysely/store.ts';
import { findPostgresBinaries, startThrowawayPostgres } from '../tests/helpers/postgres-throwaway.ts';
import { freePort, spawnServer } from '../tests/helpers/server-process.ts';
import { makeMeeting } from '../tests/helpers/meeting.ts';
import { prepareMeetings, runScript, startRelay, stopProcesses } from './live-setup.ts';

interface Result {
  sent: number;
  acked: number;
  /** Answered with a refusal: not lost, but each is a command the server turned down; by code. */
  refused: number;
  reasons: Record<string, number>;
  /** Sent and never answered within the wait after the load. */
  lost: number;
  /** Participants whose join was refused (their commands would be refused too), by code. */
  joinRefusals: Record<string, number>;
  delivered: number;
  expectedDeliveries: number;
  p50: number;
  p95: number;
  p99: number;
  identical: boolean;
  cpuUsPerDelivery: number;
  rssKbPerParticipant: number;
}

const SECONDS = 3;
/**
 * Each load runs this many rounds against the floor and Kadence in turn, and the median ratio is
 * reported beside every round's figures: on a shared 2-core machine one round's p99 moves a lot.
 */
const ROUNDS = 3;
const f = (n: number) => n.toFixed(1);
const ratio = (live: Result, floor: Result) => live.p99 / Math.max(floor.p99, 0.001);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const LOADS = [
  { name: '1 meeting × 50 participants, 200 commands/s', meetings: 1, perMeeting: 50, rate: 200 },
  { name: '100 meetings × 10 participants, 20 commands/s each', meetings: 100, perMeeting: 10, rate: 20 },
];

async function load(
  url: string,
  mode: 'kadence' | 'relay',
  serverPid: number,
  meetings: number[],
  cookies: string[],
  spec: (typeof LOADS)[number],
): Promise<Result> {
  const options = {
    url,
    mode,
    serverPid,
    meetings,
    cookies,
    perMeeting: spec.perMeeting,
    rate: spec.rate,
    seconds: SECONDS,
  };
  const { output } = runScript('bench/live-load.ts', [JSON.stringify(options)]);
  return JSON.parse((await output).trim().split('\n').pop() ?? '{}') as Result;
}

interface Seeded {
  cookies: string[];
  meetingSets: number[][];
}

/** One team, one person per participant, and each load's meetings, written through the store. */
async function seed(dataDir: string, databaseUrl: string | undefined): Promise<Seeded> {
  const store = await openStore({ dataDir, databaseUrl });
  try {
    const services = createServices(store, { sessionDays: 1, publicUrl: 'http://127.0.0.1' });
    await services.teams.create({ name: 'Bench', slug: 'bench' });
    // One person per participant: the command rate is per person across their sockets, so a person in
    // a hundred meetings at once would send a hundred meetings' share. The first participant of each
    // meeting is a lead, who prepares it.
    const people = Math.max(...LOADS.map((spec) => spec.meetings * spec.perMeeting));
    const leads = new Set(
      LOADS.flatMap((spec) => Array.from({ length: spec.meetings }, (_, m) => m * spec.perMeeting)),
    );
    const cookies: string[] = [];
    for (let i = 0; i < people; i++) {
      const { id } = await store.db
        .insertInto('users')
        .values({ email: `p${i}@bench.example`, name: `Person ${i}`, password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await services.teams.addMember('bench', `p${i}@bench.example`, leads.has(i) ? 'lead' : 'member');
      cookies.push(`kadence_session=${(await services.auth.startSession(id)).token}`);
    }
    const cards = Array.from({ length: 12 }, (_, i) => ({ comment: `Feedback ${i}` }));
    const meetingSets: number[][] = [];
    for (const spec of LOADS) {
      const meetings: number[] = [];
      for (let i = 0; i < spec.meetings; i++) meetings.push(await makeMeeting({ services }, 'bench', cards));
      meetingSets.push(meetings);
    }
    return { cookies, meetingSets };
  } finally {
    await store.close();
  }
}

interface Target extends Seeded {
  label: string;
  url: string;
  pid: number;
}

function printRound(label: string, live: Result, floor: Result): void {
  console.log(`    ${label}`);
  console.log(`      delivery latency ms   kadence p50 ${f(live.p50)}  p95 ${f(live.p95)}  p99 ${f(live.p99)}`);
  console.log(`                            relay   p50 ${f(floor.p50)}  p95 ${f(floor.p95)}  p99 ${f(floor.p99)}`);
  console.log(`      p99 ratio (kadence / relay floor): ${ratio(live, floor).toFixed(2)}×`);
  console.log(
    `      commands sent ${live.sent}, acked ${live.acked}, refused ${live.refused} ${JSON.stringify(live.reasons)}, lost (no answer) ${live.lost}; joins refused ${JSON.stringify(live.joinRefusals)}; deliveries ${live.delivered} of ${live.expectedDeliveries}`,
  );
  console.log(`      final states identical on every client: ${live.identical ? 'yes' : 'NO'}`);
  console.log(
    `      server CPU per delivered event: kadence ${f(live.cpuUsPerDelivery)} µs, relay ${f(floor.cpuUsPerDelivery)} µs`,
  );
  console.log(
    `      RSS per connected participant: kadence ${f(live.rssKbPerParticipant)} KB, relay ${f(floor.rssKbPerParticipant)} KB`,
  );
}

function storesAsked(): ('sqlite' | 'postgres')[] {
  const at = process.argv.indexOf('--store');
  if (at < 0) return ['sqlite'];
  const value = process.argv[at + 1];
  if (value === 'sqlite') return ['sqlite'];
  // PostgreSQL is measured beside SQLite, so the two stores' figures come from one run.
  if (value === 'postgres') return ['sqlite', 'postgres'];
  throw new Error('--store must be sqlite or postgres');
}

async function main() {
  const stores = storesAsked();
  const bindir = stores.includes('postgres') ? findPostgresBinaries() : null;
  if (stores.includes('postgres') && !bindir) throw new Error('--store postgres needs PostgreSQL 15 (initdb, pg_ctl)');
  const postgres = bindir ? await startThrowawayPostgres(bindir) : undefined;
  const dataDirs: string[] = [];
  const children: ChildProcess[] = [];
  try {
    const targets: Target[] = [];
    for (const store of stores) {
      const dataDir = mkdtempSync(join(tmpdir(), 'kadence-bench-'));
      dataDirs.push(dataDir);
      const databaseUrl = store === 'postgres' ? postgres?.url : undefined;
      const seeded = await seed(dataDir, databaseUrl);
      const port = await freePort();
      const child = await spawnServer(
        dataDir,
        port,
        undefined,
        undefined,
        databaseUrl ? { DATABASE_URL: databaseUrl } : {},
      );
      children.push(child);
      targets.push({
        ...seeded,
        label: store === 'postgres' ? 'Kadence on PostgreSQL' : 'Kadence on SQLite',
        url: `http://127.0.0.1:${port}`,
        pid: child.pid ?? 0,
      });
    }
    const relayPort = await freePort();
    const relay = await startRelay(relayPort);
    children.push(relay);
    const relayUrl = `http://127.0.0.1:${relayPort}`;
    for (const [index, spec] of LOADS.entries()) {
      for (const target of targets)
        await prepareMeetings(
          target.url,
          target.meetingSets[index] ?? [],
          (m) => target.cookies[m * spec.perMeeting] ?? '',
        );
      console.log(`\n${spec.name} (${SECONDS} s a round, ${ROUNDS} rounds, the floor and each store in turn)`);
      const rounds: { floor: Result; live: Result[] }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Rotate who goes first, so a slow moment on the shared machine does not always hit one side.
        const order = [-1, ...targets.keys()];
        const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
        let floor: Result | undefined;
        const live: Result[] = [];
        for (const who of rotated) {
          const target = targets[who];
          const meetings = (target ?? targets[0])?.meetingSets[index] ?? [];
          const cookies = (target ?? targets[0])?.cookies ?? [];
          if (target) live[who] = await load(target.url, 'kadence', target.pid, meetings, target.cookies, spec);
          else floor = await load(relayUrl, 'relay', relay.pid ?? 0, meetings, cookies, spec);
        }
        if (!floor) throw new Error('the relay round did not run');
        rounds.push({ floor, live });
      }
      rounds.forEach(({ floor, live }, round) => {
        console.log(`  round ${round + 1}`);
        targets.forEach((target, who) => {
          const result = live[who];
          if (result) printRound(target.label, result, floor);
        });
      });
      targets.forEach((target, who) => {
        const results = rounds.flatMap(({ floor, live }) => (live[who] ? [{ floor, live: live[who] }] : []));
        const ratios = results.map(({ live, floor }) => ratio(live, floor));
        console.log(
          `  ${target.label}: median p99 ratio over the rounds ${median(ratios).toFixed(2)}× (${ratios.map((r) => `${r.toFixed(2)}×`).join(', ')}); lost in all rounds ${results.reduce((sum, r) => sum + r.live.lost, 0)}; refused ${results.reduce((sum, r) => sum + r.live.refused, 0)}; identical final states in every round: ${results.every((r) => r.live.identical) ? 'yes' : 'NO'}`,
        );
        // Later rounds reuse memory the first one grew, so only the first round's RSS growth means much.
        const first = results[0];
        if (first)
          console.log(
            `    RSS per participant, first round: kadence ${f(first.live.rssKbPerParticipant)} KB, relay ${f(first.floor.rssKbPerParticipant)} KB`,
          );
      });
    }
  } finally {
    await stopProcesses(children);
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    postgres?.stop();
  }
}
void main();
