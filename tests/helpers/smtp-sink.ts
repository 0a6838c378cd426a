import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SunkMail {
  from: string;
  to: string[];
  data: string;
}

/**
 * A minimal SMTP server that keeps the messages it accepts in memory (no TLS, no auth). refuse(n)
 * makes it turn the next n messages away at the end of their data (451, a temporary failure), as a
 * server that is down for a while would; `refused` counts those.
 */
export async function startSmtpSink(): Promise<{
  url: string;
  mails: SunkMail[];
  refuse: (count: number) => void;
  refused: () => number;
  stop: () => Promise<void>;
}> {
  const mails: SunkMail[] = [];
  let toRefuse = 0;
  let refused = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    let inData = false;
    let current: SunkMail = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink ESMTP');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            if (toRefuse > 0) {
              toRefuse -= 1;
              refused += 1;
              reply('451 try again later');
            } else {
              mails.push(current);
              reply('250 queued');
            }
            current = { from: '', to: [], data: '' };
          } else current.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'MAIL') current.from = /<(.*)>/.exec(line)?.[1] ?? '';
        if (verb === 'RCPT') current.to.push(/<(.*)>/.exec(line)?.[1] ?? '');
        if (verb === 'DATA') inData = true;
        if (verb === 'EHLO') reply('250-sink\r\n250 8BITMIME');
        else if (verb === 'HELO') reply('250 sink');
        else if (verb === 'DATA') reply('354 end with .');
        else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('250 ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuse: (count) => {
      toRefuse = count;
    },
    refused: () => refused,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
