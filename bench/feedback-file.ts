import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Writes a feedback export the way survey tools and review sites produce them: one row per answer in
 * the order the answers came in, an id, a naive local time, a 0–10 score, a comment in Danish or
 * English of realistic length (from a few words to a short paragraph, with æøå, € and curly quotes,
 * quoted, every 50th over two lines), the channel and the customer. The average row is ~220 bytes,
 * the size of the 1,000,000-row, 219 MB reference file the floor figure in DESIGN.md was measured on.
 *
 * `order: 'shuffled'` spreads consecutive rows over the whole period instead, the worst case for the
 * time indexes (an export sorted by something else), for comparison.
 */
const DANISH = [
  'Levering tog alt for lang tid, og ingen svarede på min mail.',
  'Søde medarbejdere og hurtig ekspedition.',
  'Prisen på fragt er for høj – 49,95 € for en lille pakke.',
  'Jeg fik den forkerte vare, men ombytningen gik nemt.',
  'Kundeservice lovede at ringe tilbage, men det skete aldrig.',
  'Appen er blevet meget bedre efter sidste opdatering.',
  'Det var svært at finde åbningstiderne på hjemmesiden.',
  'Medarbejderen i butikken tog sig god tid og gav et ærligt råd.',
  'Pakken lå i pakkeshoppen i fem dage før jeg fik besked.',
  'Jeg savner at kunne betale med MobilePay i appen.',
];
const ENGLISH = [
  'Fast delivery and friendly staff.',
  'The app crashed when I tried to pay.',
  'Support said “we will call back” and never did.',
  'Great value, would buy again.',
  'The checkout asked for my address three times.',
  'Returning the item was easy and the refund came quickly.',
  'I could not find the opening hours anywhere on the site.',
  'The agent on the phone really listened and solved it in one go.',
  'Delivery was two days late without any notice.',
  'Please add a way to change the delivery slot after ordering.',
];
const SOURCES = ['trustpilot', 'webshop', 'app-store', 'butik'];
// How many sentences a comment has: mostly one or two, now and then a short paragraph.
const SENTENCES = [1, 1, 2, 1, 3, 2, 1, 4, 2, 1, 2, 5];
const PERIOD_MS = 2 * 365 * 24 * 3600 * 1000;
const START = Date.UTC(2025, 0, 1, 6, 0, 0);

function comment(row: number): string {
  const texts = row % 3 === 0 ? ENGLISH : DANISH;
  const count = SENTENCES[row % SENTENCES.length] ?? 1;
  const parts: string[] = [];
  for (let part = 0; part < count; part++) parts.push(texts[(row * 7 + part * 3) % texts.length] ?? '');
  let text = `${parts.join(' ')} (#${row})`;
  if (row % 50 === 0) text += '\nSkrevet over to linjer';
  return text;
}

function naiveTime(row: number, rows: number, order: 'chronological' | 'shuffled'): string {
  // Shuffled: a fixed permutation (multiplying by a large odd number modulo the row count).
  const position = order === 'chronological' ? row : (row * 7_919) % rows;
  const iso = new Date(START + Math.floor((position / rows) * PERIOD_MS)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export async function writeFeedbackFile(
  path: string,
  rows: number,
  order: 'chronological' | 'shuffled',
): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,date,score,comment,source,customer\n');
  for (let row = 0; row < rows; row++) {
    const line = `r${row},${naiveTime(row, rows, order)},${(row * 5) % 11},"${comment(row).replaceAll('"', '""')}",${SOURCES[row % 4]},kunde${(row * 31) % 20_000}@example.dk\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
