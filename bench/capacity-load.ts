// Participants at human pace for bench:capacity, as a process of their own, steered line by line on stdin:
//   {"grow": N}        connect and join until N participants are in their meetings
//   {"measure": S}     S seconds in which every participant sends one command every 10 s
//   {"quit": true}
// Each answer is one JSON line on stdout. argv: JSON { url, mode: 'kadence'|'relay', meetings, perMeeting, cookies }
import { createInterface } from 'node:readline';
import { io as connect, type Socket } from 'socket.io-client';
import { handshakeAuth } from '../shared/events.ts';
import type { MeetingEvent, MeetingState } from '../shared/meeting/index.ts';

interface Options {
  url: string;
  mode: 'kadence' | 'relay';
  meetings: number[];
  perMeeting: number;
  /** The session cookie of each participant slot, meeting by meeting. */
  cookies: string[];
}
const options = JSON.parse(process.argv[2] ?? '{}') as Options;

/** One command every this many ms per participant: a person writing and reacting in the hour. */
const HUMAN_PACE_MS = 10_000;
/** Joins in flight at once while growing, so the ramp measures steady load, not a thundering herd. */
const JOINS_AT_ONCE = 50;

interface Participant {
  socket: Socket;
  meetingId: number;
  cardIds: string[];
}
const people: Participant[] = [];
const sentAt = new Map<string, number>();
let latencies: number[] = [];
let joinRefused = 0;
let connectFailed = 0;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const reply = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

function record(opId: string): void {
  const at = sentAt.get(opId);
  if (at !== undefined) latencies.push(performance.now() - at);
}

async function join(slot: number): Promise<void> {
  const meetingId = options.meetings[Math.floor(slot / options.perMeeting)];
  if (meetingId === undefined) throw new Error(`participant ${slot} has no meeting: seed more meetings`);
  const socket =
    options.mode === 'kadence'
      ? connect(`${options.url}/live`, {
          transports: ['websocket'],
          auth: handshakeAuth(),
          extraHeaders: { origin: options.url, cookie: options.cookies[slot] ?? '' },
          reconnection: false,
        })
      : connect(options.url, { transports: ['websocket'], reconnection: false });
  socket.on('live:event', (payload: { event: MeetingEvent }) => record(payload.event.opId));
  socket.on('relay:event', (payload: { opId: string }) => record(payload.opId));
  const connected = await new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', () => resolve(false));
  });
  if (!connected) {
    connectFailed += 1;
    socket.close();
    return;
  }
  let cardIds = ['1'];
  if (options.mode === 'kadence') {
    const ack = (await socket.emitWithAck('live:join', { opId: `cap-join-${slot}-${Date.now()}`, meetingId })) as {
      ok: boolean;
      state?: MeetingState;
    };
    if (!ack.ok) {
      joinRefused += 1;
      socket.close();
      return;
    }
    cardIds = Object.keys(ack.state?.cards ?? {});
  } else {
    await socket.emitWithAck('relay:join', `room-${meetingId}`);
  }
  people.push({ socket, meetingId, cardIds });
}

async function grow(target: number): Promise<void> {
  let next = people.length + joinRefused + connectFailed;
  const worker = async () => {
    while (next < target) await join(next++);
  };
  await Promise.all(Array.from({ length: JOINS_AT_ONCE }, worker));
  reply({ participants: people.length, joinRefused, connectFailed });
}

function command(n: number, cardIds: string[]) {
  const cardId = cardIds[n % cardIds.length] ?? '1';
  if (n % 3 === 0) return { type: 'comment.add', cardId, text: `note ${n}` };
  if (n % 3 === 1) return { type: 'card.react', cardId, reaction: 'wow', on: n % 2 === 0 };
  return { type: 'hand.set', raised: n % 2 === 0 };
}

/** Every participant sends at its own phase in the pace, so the load is even, as a room of people is. */
async function measure(seconds: number): Promise<void> {
  latencies = [];
  sentAt.clear();
  let sent = 0;
  let acked = 0;
  let refused = 0;
  const answers: Promise<void>[] = [];
  const timers: ReturnType<typeof setTimeout>[] = [];
  const until = performance.now() + seconds * 1000;
  people.forEach((person, index) => {
    let n = index;
    const fire = () => {
      if (performance.now() >= until) return;
      const opId = `cap-${index}-${n}-${Math.random().toString(36).slice(2, 8)}`;
      const body = command(n, person.cardIds);
      n += people.length;
      sent += 1;
      sentAt.set(opId, performance.now());
      const answer =
        options.mode === 'kadence'
          ? person.socket.emitWithAck('live:command', { opId, meetingId: person.meetingId, command: body })
          : person.socket.emitWithAck('relay:cmd', { room: `room-${person.meetingId}`, opId, body });
      answers.push(
        (answer as Promise<{ ok: boolean }>).then((ack) => {
          if (ack.ok) acked += 1;
          else refused += 1;
        }),
      );
      timers.push(setTimeout(fire, HUMAN_PACE_MS));
    };
    timers.push(setTimeout(fire, Math.random() * HUMAN_PACE_MS));
  });
  await wait(seconds * 1000);
  for (const timer of timers) clearTimeout(timer);
  await Promise.race([Promise.all(answers), wait(5_000)]);
  await wait(300);
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  reply({
    participants: people.length,
    sent,
    acked,
    refused,
    lost: sent - acked - refused,
    delivered: latencies.length,
    expectedDeliveries: sent * options.perMeeting,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
  });
}

const lines = createInterface({ input: process.stdin });
let work = Promise.resolve();
lines.on('line', (line) => {
  const order = JSON.parse(line) as { grow?: number; measure?: number; quit?: boolean };
  work = work.then(async () => {
    if (order.grow !== undefined) await grow(order.grow);
    else if (order.measure !== undefined) await measure(order.measure);
    else if (order.quit) {
      for (const person of people) person.socket.disconnect();
      process.exit(0);
    }
  });
});
