// What bench:live and bench:capacity share: their helper processes, the bare relay, and meetings made ready for load.
import { spawn, type ChildProcess } from 'node:child_process';
import { io as connect } from 'socket.io-client';
import { handshakeAuth } from '../shared/events.ts';

/** A bench script as a child process of its own (through tsx), its stdout collected. */
export function runScript(
  file: string,
  args: string[],
  stdin: 'ignore' | 'pipe' = 'ignore',
): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: [stdin, 'pipe', 'inherit'] });
  let text = '';
  const output = new Promise<string>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('exit', () => resolve(text));
  });
  return { child, output };
}

/** The floor: bench/live-relay.ts on `port`, resolved once it listens. */
export async function startRelay(port: number): Promise<ChildProcess> {
  const { child } = runScript('bench/live-relay.ts', [String(port)]);
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
  return child;
}

/**
 * Starts each meeting and moves it to the grouping step, as that meeting's own lead (`leadCookie`):
 * the command rate is per person, so one person preparing a hundred meetings would be refused, and a
 * meeting left unstarted turns every command of the load into a refusal. Any refusal here stops the
 * bench, since the figures would not mean what they say.
 */
export async function prepareMeetings(
  url: string,
  meetingIds: number[],
  leadCookie: (index: number) => string,
): Promise<void> {
  for (const [index, meetingId] of meetingIds.entries()) {
    const socket = connect(`${url}/live`, {
      transports: ['websocket'],
      auth: handshakeAuth(),
      extraHeaders: { origin: url, cookie: leadCookie(index) },
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

/** Stops the bench's own processes by their pid and waits until they are gone (SIGKILL after 5 s). */
export async function stopProcesses(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(late);
    }),
  );
}
