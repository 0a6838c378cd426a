// npm run bench:live — the live meeting against a bare socket.io relay under the same loads, same run.
// Everything on 127.0.0.1, a temporary database, a few seconds per load.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { handshakeAuth } from '../shared/events.ts';
import { openDatabase } from '../server/db/open.ts';
import { createServices } from '../server/services.ts';
import { sharedSqliteStore } from '../server/db/kysely/store.ts';
import { freePort, spawnServer } from '../tests/helpers/server-process.ts';
import { makeMeeting } from '../tests/helpers/meeting.ts';

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

function run(file: string, args: string[]): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  const output = new Promise<string>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('exit', () => resolve(text));
  });
  return { child, output };
}

async function startRelay(port: number): Promise<ChildProcess> {
  const { child } = run('bench/live-relay.ts', [String(port)]);
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
  return child;
}

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
  const { output } = run('bench/live-load.ts', [JSON.stringify(options)]);
  return JSON.parse((await output).trim().split('\n').pop() ?? '{}') as Result;
}

/**
 * Starts each meeting and moves it to the grouping step, as that meeting's own lead (its first
 * participant): the command rate is per person, so one person preparing a hundred meetings would be
 * refused, and a meeting left unstarted turns every command of the load into a refusal. Any refusal
 * here stops the bench, since the figures would not mean what they say.
 */
async function prepare(url: string, cookies: string[], meetingIds: number[], perMeeting: number): Promise<void> {
  for (const [index, meetingId] of meetingIds.entries()) {
    const socket = connect(`${url}/live`, {
      transports: ['websocket'],
      auth: handshakeAuth(),
      extraHeaders: { origin: url, cookie: cookies[index * perMeeting] ?? '' },
      reconnection: false,
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const steps = [
      ['live:join', { opId: `prep-join-${meetingId}`, meetingId }],
      ['live:command', { opId: `prep-start-${meetingId}`, meetingId, command: { type: 'meeting.start' } }],
      ['live:command', { opId: `prep-step-${meetingId}`, meetingId, command: { type: 'step.go', index: 2 } }],
    ] as const;
    for (const [event, payload] of steps) {
      const ack = (await socket.emitWithAck(event, payload)) as { ok: boolean; error?: { code: string } };
      if (!ack.ok) throw new Error(`preparing meeting ${meetingId}: ${event} refused with ${ack.error?.code ?? '?'}`);
    }
    socket.disconnect();
  }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kadence-bench-'));
  const db = openDatabase(join(dataDir, 'kadence.db'));
  const services = createServices(sharedSqliteStore(db), { sessionDays: 1, publicUrl: 'http://127.0.0.1' });
  await services.teams.create({ name: 'Bench', slug: 'bench' });
  const addUser = db.prepare("INSERT INTO users (email, name, password_hash) VALUES (?, ?, 'x')");
  // One person per participant: the command rate is per person across their sockets, so a person in
  // a hundred meetings at once would send a hundred meetings' share. The first participant of each
  // meeting is a lead, who prepares it.
  const people = Math.max(...LOADS.map((spec) => spec.meetings * spec.perMeeting));
  const leads = new Set(LOADS.flatMap((spec) => Array.from({ length: spec.meetings }, (_, m) => m * spec.perMeeting)));
  const cookies: string[] = [];
  for (let i = 0; i < people; i++) {
    const id = Number(addUser.run(`p${i}@bench.example`, `Person ${i}`).lastInsertRowid);
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
  db.close();

  const kadencePort = await freePort();
  const kadence = await spawnServer(dataDir, kadencePort);
  const relayPort = await freePort();
  const relay = await startRelay(relayPort);
  const kadenceUrl = `http://127.0.0.1:${kadencePort}`;
  const relayUrl = `http://127.0.0.1:${relayPort}`;
  try {
    for (const [index, spec] of LOADS.entries()) {
      const meetings = meetingSets[index] ?? [];
      await prepare(kadenceUrl, cookies, meetings, spec.perMeeting);
      console.log(`\n${spec.name} (${SECONDS} s a round, ${ROUNDS} rounds, floor and Kadence in turn)`);
      const rounds: { live: Result; floor: Result }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate which goes first, so a slow moment on the shared machine does not always hit one side.
        const relayFirst = round % 2 === 0;
        const floor = relayFirst ? await load(relayUrl, 'relay', relay.pid ?? 0, meetings, cookies, spec) : undefined;
        const live = await load(kadenceUrl, 'kadence', kadence.pid ?? 0, meetings, cookies, spec);
        rounds.push({ live, floor: floor ?? (await load(relayUrl, 'relay', relay.pid ?? 0, meetings, cookies, spec)) });
      }
      rounds.forEach(({ live, floor }, round) => {
        console.log(`  round ${round + 1}`);
        console.log(`    delivery latency ms   kadence p50 ${f(live.p50)}  p95 ${f(live.p95)}  p99 ${f(live.p99)}`);
        console.log(`                          relay   p50 ${f(floor.p50)}  p95 ${f(floor.p95)}  p99 ${f(floor.p99)}`);
        console.log(`    p99 ratio (kadence / relay floor): ${ratio(live, floor).toFixed(2)}×`);
        console.log(
          `    commands sent ${live.sent}, acked ${live.acked}, refused ${live.refused} ${JSON.stringify(live.reasons)}, lost (no answer) ${live.lost}; joins refused ${JSON.stringify(live.joinRefusals)}; deliveries ${live.delivered} of ${live.expectedDeliveries}`,
        );
        console.log(`    final states identical on every client: ${live.identical ? 'yes' : 'NO'}`);
        console.log(
          `    server CPU per delivered event: kadence ${f(live.cpuUsPerDelivery)} µs, relay ${f(floor.cpuUsPerDelivery)} µs`,
        );
        console.log(
          `    RSS per connected participant: kadence ${f(live.rssKbPerParticipant)} KB, relay ${f(floor.rssKbPerParticipant)} KB`,
        );
      });
      const ratios = rounds.map(({ live, floor }) => ratio(live, floor));
      console.log(
        `  median p99 ratio over the rounds: ${median(ratios).toFixed(2)}× (${ratios.map((r) => `${r.toFixed(2)}×`).join(', ')})`,
      );
      console.log(
        `  lost in all rounds: ${rounds.reduce((sum, r) => sum + r.live.lost, 0)}; refused in all rounds: ${rounds.reduce((sum, r) => sum + r.live.refused, 0)}; identical final states in every round: ${rounds.every((r) => r.live.identical) ? 'yes' : 'NO'}`,
      );
      // Later rounds reuse memory the first one grew, so only the first round's RSS growth means much.
      const first = rounds[0];
      if (first)
        console.log(
          `  RSS per participant, first round: kadence ${f(first.live.rssKbPerParticipant)} KB, relay ${f(first.floor.rssKbPerParticipant)} KB`,
        );
    }
  } finally {
    kadence.kill('SIGTERM');
    relay.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
void main();
