// Simulated participants, run as their own process so the server's figures are its own.
// argv: JSON { url, mode: 'kadence'|'relay', serverPid, meetings: number[], cookies: string[], perMeeting, rate, seconds }
import { readFileSync } from 'node:fs';
import { io as connect, type Socket } from 'socket.io-client';
import { handshakeAuth } from '../shared/events.ts';
import { applyMeetingEvent, type MeetingEvent, type MeetingState } from '../shared/meeting/index.ts';

interface Options {
  url: string;
  mode: 'kadence' | 'relay';
  serverPid: number;
  meetings: number[];
  cookies: string[];
  perMeeting: number;
  rate: number;
  seconds: number;
}
const options = JSON.parse(process.argv[2] ?? '{}') as Options;

const procStat = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime in ms (100 Hz ticks)
};
const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `inbox` holds the events a participant received, folded with the shared reducer only after the load:
 * fifty simulated devices share this one process, and folding each event in turn for all of them
 * would add up to 49 other devices' work to the last one's receive time (a real browser folds its own
 * events on its own CPU). The receive time is taken first thing in the handler, on both sides.
 */
interface Participant {
  socket: Socket;
  meetingId: number;
  state: MeetingState | null;
  inbox: MeetingEvent[];
  received: number;
}
const sent = new Map<string, number>();
const latencies: number[] = [];
let acked = 0;
let refused = 0;
const reasons = new Map<string, number>();
const joinRefusals = new Map<string, number>();
const count = (map: Map<string, number>, code: string) => map.set(code, (map.get(code) ?? 0) + 1);

async function main() {
  const rssBefore = rssKb(options.serverPid);
  const people: Participant[] = [];
  for (const [m, meetingId] of options.meetings.entries()) {
    for (let i = 0; i < options.perMeeting; i++) {
      const socket =
        options.mode === 'kadence'
          ? connect(`${options.url}/live`, {
              transports: ['websocket'],
              auth: handshakeAuth(),
              extraHeaders: { origin: options.url, cookie: options.cookies[m * options.perMeeting + i] ?? '' },
              reconnection: false,
            })
          : connect(options.url, { transports: ['websocket'], reconnection: false });
      const person: Participant = { socket, meetingId, state: null, inbox: [], received: 0 };
      const record = (opId: string) => {
        const at = sent.get(opId);
        if (at !== undefined) latencies.push(performance.now() - at);
        person.received += 1;
      };
      socket.on('live:event', (payload: { event: MeetingEvent }) => {
        record(payload.event.opId);
        person.inbox.push(payload.event);
      });
      socket.on('relay:event', (payload: { opId: string }) => record(payload.opId));
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      if (options.mode === 'kadence') {
        const ack = (await socket.emitWithAck('live:join', {
          opId: `join-${meetingId}-${i}-${Date.now()}`,
          meetingId,
        })) as { ok: boolean; state?: MeetingState; error?: { code: string } };
        if (!ack.ok) count(joinRefusals, ack.error?.code ?? 'unknown');
        person.state = ack.state ?? null;
      } else {
        await socket.emitWithAck('relay:join', `room-${meetingId}`);
      }
      people.push(person);
    }
  }
  await wait(500);
  const rssAfter = rssKb(options.serverPid);
  const cpuBefore = procStat(options.serverPid);
  latencies.length = 0;
  for (const p of people) p.received = 0;

  // Every meeting gets `rate` commands a second, spread over its participants in turn.
  const total = options.rate * options.seconds;
  const interval = 1000 / options.rate;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = started + n * interval;
    const delay = due - performance.now();
    if (delay > 1) await wait(delay);
    for (const meetingId of options.meetings) {
      const inMeeting = people.filter((p) => p.meetingId === meetingId);
      const person = inMeeting[n % inMeeting.length] as Participant;
      const cardIds = person.state ? Object.keys(person.state.cards) : ['1'];
      const opId = `m${meetingId}-n${n}-${Math.random().toString(36).slice(2, 10)}`;
      const command =
        n % 3 === 0
          ? { type: 'comment.add', cardId: cardIds[n % cardIds.length], text: `note ${n}` }
          : n % 3 === 1
            ? { type: 'card.react', cardId: cardIds[n % cardIds.length], reaction: 'wow', on: n % 2 === 0 }
            : { type: 'hand.set', raised: n % 2 === 0 };
      sent.set(opId, performance.now());
      const reply =
        options.mode === 'kadence'
          ? person.socket.emitWithAck('live:command', { opId, meetingId, command })
          : person.socket.emitWithAck('relay:cmd', { room: `room-${meetingId}`, opId, body: command });
      pending.push(
        (reply as Promise<{ ok: boolean; error?: { code: string } }>).then((ack) => {
          if (ack.ok) acked += 1;
          else {
            refused += 1;
            count(reasons, ack.error?.code ?? 'unknown');
          }
        }),
      );
    }
  }
  await Promise.race([Promise.all(pending), wait(5000)]);
  await wait(500);
  const cpuMs = procStat(options.serverPid) - cpuBefore;
  const delivered = latencies.length;
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  for (const p of people) {
    for (const event of p.inbox) if (p.state && event.seq > p.state.seq) p.state = applyMeetingEvent(p.state, event);
  }
  let identical = true;
  if (options.mode === 'kadence') {
    for (const meetingId of options.meetings) {
      const states = people
        .filter((p) => p.meetingId === meetingId)
        .map((p) => JSON.stringify({ ...p.state, participants: null }));
      if (new Set(states).size !== 1) identical = false;
    }
  }
  const expected = total * options.meetings.length * options.perMeeting;
  process.stdout.write(
    `${JSON.stringify({
      sent: total * options.meetings.length,
      acked,
      refused,
      reasons: Object.fromEntries(reasons),
      // A refusal is an answer: counted by code above, not as lost.
      lost: total * options.meetings.length - acked - refused,
      joinRefusals: Object.fromEntries(joinRefusals),
      delivered,
      expectedDeliveries: expected,
      p50: pct(50),
      p95: pct(95),
      p99: pct(99),
      identical,
      cpuUsPerDelivery: delivered ? (cpuMs * 1000) / delivered : 0,
      rssKbPerParticipant: (rssAfter - rssBefore) / people.length,
    })}\n`,
  );
  for (const p of people) p.socket.disconnect();
  process.exit(0);
}
void main();
