// npm run bench:capacity [-- --max 12000] [-- --store sqlite|postgres]
// Participants at human pace (one command every 10 s each, in meetings of 10) added stage by stage until
// p99 delivery passes 50 ms: against the bare socket.io relay (the floor, same run), Kadence as one
// process on SQLite, and with PostgreSQL as one process and as two behind haproxy (deploy/haproxy.cfg).
// Everything on 127.0.0.1 with temporary databases; each stage measures 10 s, and the ramp stops by itself.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openStore } from '../server/db/kysely/store.ts';
import { createServices } from '../server/services.ts';
import { HAPROXY_BINARY, startBalancer } from '../tests/helpers/haproxy.ts';
import { makeMeeting } from '../tests/helpers/meeting.ts';
import { createScratchDatabase } from '../tests/helpers/postgres.ts';
import { findPostgresBinaries, startThrowawayPostgres } from '../tests/helpers/postgres-throwaway.ts';
import { freePort, spawnServer } from '../tests/helpers/server-process.ts';
import { prepareMeetings, runScript, startRelay, stopProcesses } from './live-setup.ts';

const PER_MEETING = 10;
/**
 * People, each in many meetings at once: the command rate is per person (30/s), and at human pace a
 * person in 60 meetings sends 6/s. Within one meeting the ten participants are ten people.
 */
const PEOPLE = 200;
const MEASURE_SECONDS = 10;
const P99_CEILING_MS = 50;
const STAGES = [1_000, 2_000, 4_000, 6_000, 8_000, 10_000, 12_000];
/**
 * haproxy needs two descriptors per socket (2 × maxconn + 19) and cannot raise its limit past the
 * hard one (20,000 here): the shipped config's 8,000 is raised to what fits, and the two-process ramp
 * stops below it.
 */
const BALANCER_MAXCONN = 9_900;

interface Stage {
  participants: number;
  sent: number;
  acked: number;
  refused: number;
  lost: number;
  delivered: number;
  expectedDeliveries: number;
  p50: number;
  p95: number;
  p99: number;
}

interface Target {
  label: string;
  url: string;
  mode: 'kadence' | 'relay';
  pids: number[];
  /** Stages past this are not tried (the balancer's connection ceiling). */
  limit?: number;
}

const argValue = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const maxParticipants = Number(argValue('--max') ?? STAGES[STAGES.length - 1]);
const storeArg = argValue('--store');
if (storeArg !== undefined && storeArg !== 'sqlite' && storeArg !== 'postgres')
  throw new Error('--store must be sqlite or postgres');
if (!Number.isInteger(maxParticipants) || maxParticipants < PER_MEETING)
  throw new Error(`--max must be a whole number of participants, at least ${PER_MEETING}`);
const stages = STAGES.filter((n) => n <= maxParticipants);
const meetingCount = Math.ceil((stages[stages.length - 1] ?? PER_MEETING) / PER_MEETING);

/** The people of participant slot `slot` (meeting by meeting, ten slots each). */
const personOf = (slot: number) => (Math.floor(slot / PER_MEETING) * PER_MEETING + (slot % PER_MEETING)) % PEOPLE;

/** One team, PEOPLE people (those at a meeting's first slot are leads) and the meetings, through the store. */
async function seed(
  dataDir: string,
  databaseUrl: string | undefined,
): Promise<{ cookies: string[]; meetings: number[] }> {
  const store = await openStore({ dataDir, databaseUrl });
  try {
    const services = createServices(store, { sessionDays: 1, publicUrl: 'http://127.0.0.1' });
    await services.teams.create({ name: 'Capacity', slug: 'capacity' });
    const cookies: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const { id } = await store.db
        .insertInto('users')
        .values({ email: `c${i}@capacity.example`, name: `Person ${i}`, password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await services.teams.addMember('capacity', `c${i}@capacity.example`, i % PER_MEETING === 0 ? 'lead' : 'member');
      cookies.push(`kadence_session=${(await services.auth.startSession(id)).token}`);
    }
    const cards = Array.from({ length: 6 }, (_, i) => ({ comment: `Feedback ${i}` }));
    const meetings: number[] = [];
    for (let i = 0; i < meetingCount; i++) meetings.push(await makeMeeting({ services }, 'capacity', cards));
    return { cookies, meetings };
  } finally {
    await store.close();
  }
}

const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/** The stages against one target, from one participants process, until p99 passes the ceiling. */
async function ramp(target: Target, meetings: number[], cookies: string[]): Promise<Stage | undefined> {
  const slotCookies = Array.from({ length: meetingCount * PER_MEETING }, (_, slot) => cookies[personOf(slot)] ?? '');
  const { child } = runScript(
    'bench/capacity-load.ts',
    [JSON.stringify({ url: target.url, mode: target.mode, meetings, perMeeting: PER_MEETING, cookies: slotCookies })],
    'pipe',
  );
  const answers = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const queue: string[] = [];
  let waiter: ((line: string) => void) | undefined;
  answers.on('line', (line) => {
    if (waiter) {
      const take = waiter;
      waiter = undefined;
      take(line);
    } else queue.push(line);
  });
  const ask = (order: object) =>
    new Promise<string>((resolve) => {
      child.stdin?.write(`${JSON.stringify(order)}\n`);
      const ready = queue.shift();
      if (ready !== undefined) resolve(ready);
      else waiter = resolve;
    });
  console.log(`\n${target.label}`);
  let held: Stage | undefined;
  try {
    for (const participants of stages) {
      if (target.limit !== undefined && participants > target.limit) {
        console.log(
          `  stages past ${target.limit} participants are past haproxy's connection ceiling here; the ramp stops`,
        );
        break;
      }
      const grown = JSON.parse(await ask({ grow: participants })) as {
        participants: number;
        joinRefused: number;
        connectFailed: number;
      };
      if (grown.participants < participants) {
        console.log(
          `  ${participants}: only ${grown.participants} joined (refused ${grown.joinRefused}, could not connect ${grown.connectFailed}); the ramp stops`,
        );
        break;
      }
      const before = target.pids.map(cpuMs);
      const stage = JSON.parse(await ask({ measure: MEASURE_SECONDS })) as Stage;
      const cpu = target.pids.map((pid, i) => cpuMs(pid) - (before[i] ?? 0)).reduce((a, b) => a + b, 0);
      const within = stage.p99 <= P99_CEILING_MS && stage.lost === 0 && stage.refused === 0;
      console.log(
        `  ${String(participants).padStart(6)} participants: p50 ${stage.p50.toFixed(1)}  p95 ${stage.p95.toFixed(1)}  p99 ${stage.p99.toFixed(1)} ms; sent ${stage.sent}, acked ${stage.acked}, refused ${stage.refused}, lost ${stage.lost}; deliveries ${stage.delivered} of ${stage.expectedDeliveries}; server CPU ${((cpu / (MEASURE_SECONDS * 1000)) * 100).toFixed(0)} %${within ? '' : '  ← past the ceiling'}`,
      );
      if (!within) break;
      held = stage;
    }
  } finally {
    child.stdin?.write(`${JSON.stringify({ quit: true })}\n`);
    await new Promise((resolve) => child.once('exit', resolve));
  }
  console.log(
    `  ${target.label}: ${held ? `${held.participants} participants with p99 ${held.p99.toFixed(1)} ms ≤ ${P99_CEILING_MS} ms and nothing lost` : `not even ${stages[0]} participants within ${P99_CEILING_MS} ms`}`,
  );
  return held;
}

async function main() {
  const wantPostgres = storeArg !== 'sqlite';
  const bindir = wantPostgres ? findPostgresBinaries() : null;
  if (storeArg === 'postgres' && !bindir) throw new Error('--store postgres needs PostgreSQL 15 (initdb, pg_ctl)');
  const postgres = bindir ? await startThrowawayPostgres(bindir) : undefined;
  const children: ChildProcess[] = [];
  const stops: (() => void)[] = [];
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kadence-capacity-'));
    dirs.push(dir);
    return dir;
  };
  try {
    console.log(
      `Participants at human pace: one command every 10 s each, meetings of ${PER_MEETING}, ${MEASURE_SECONDS} s a stage; ceiling p99 ${P99_CEILING_MS} ms`,
    );
    const summary: string[] = [];
    const note = (label: string, held: Stage | undefined) =>
      summary.push(`  ${label}: ${held ? `${held.participants} (p99 ${held.p99.toFixed(1)} ms)` : `< ${stages[0]}`}`);

    const relayPort = await freePort();
    const relay = await startRelay(relayPort);
    children.push(relay);
    const floorMeetings = Array.from({ length: meetingCount }, (_, i) => i + 1);
    const relayTarget: Target = {
      label: 'The floor: a bare socket.io relay',
      url: `http://127.0.0.1:${relayPort}`,
      mode: 'relay',
      pids: [relay.pid ?? 0],
    };
    note(relayTarget.label, await ramp(relayTarget, floorMeetings, []));
    await stopProcesses([relay]);

    if (storeArg !== 'postgres') {
      const dir = dataDir();
      const { cookies, meetings } = await seed(dir, undefined);
      const port = await freePort();
      const server = await spawnServer(dir, port, undefined, undefined, {});
      children.push(server);
      const url = `http://127.0.0.1:${port}`;
      await prepareMeetings(url, meetings, (m) => cookies[personOf(m * PER_MEETING)] ?? '');
      const label = 'Kadence, one process on SQLite';
      note(label, await ramp({ label, url, mode: 'kadence', pids: [server.pid ?? 0] }, meetings, cookies));
      await stopProcesses([server]);
    }

    if (postgres) {
      for (const processes of HAPROXY_BINARY ? [1, 2] : [1]) {
        const { url: database } = await createScratchDatabase(postgres.url);
        const dir = dataDir();
        const { cookies, meetings } = await seed(dir, database);
        const ports = await Promise.all(Array.from({ length: processes }, () => freePort()));
        const balancerPort = processes > 1 ? await freePort() : undefined;
        const publicUrl = `http://127.0.0.1:${balancerPort ?? ports[0]}`;
        const servers: ChildProcess[] = [];
        for (const port of ports) {
          const server = await spawnServer(
            dataDir(),
            port,
            undefined,
            undefined,
            { DATABASE_URL: database },
            publicUrl,
          );
          servers.push(server);
          children.push(server);
        }
        if (balancerPort !== undefined) {
          const balancer = await startBalancer(balancerPort, ports, BALANCER_MAXCONN);
          stops.push(balancer.stop);
        }
        await prepareMeetings(publicUrl, meetings, (m) => cookies[personOf(m * PER_MEETING)] ?? '');
        const label =
          processes === 1
            ? 'Kadence, one process on PostgreSQL'
            : `Kadence, ${processes} processes on PostgreSQL behind haproxy`;
        const pids = servers.map((server) => server.pid ?? 0);
        const limit = balancerPort === undefined ? undefined : BALANCER_MAXCONN;
        note(label, await ramp({ label, url: publicUrl, mode: 'kadence', pids, limit }, meetings, cookies));
        for (const stop of stops.splice(0)) stop();
        await stopProcesses(servers);
      }
    } else if (storeArg === undefined) {
      console.log('\n(PostgreSQL 15 is not on this machine: the PostgreSQL rows are left out)');
    }
    if (postgres && !HAPROXY_BINARY)
      console.log('\n(no haproxy: tests/ensure-haproxy.sh installs it; two processes left out)');
    console.log(
      `\nMost participants with p99 ≤ ${P99_CEILING_MS} ms and nothing lost (stages up to ${stages[stages.length - 1]}):`,
    );
    for (const line of summary) console.log(line);
  } finally {
    for (const stop of stops) stop();
    // Kadence first, then its PostgreSQL: a server whose database went first would only log errors.
    await stopProcesses(children);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    postgres?.stop();
  }
}
void main();
