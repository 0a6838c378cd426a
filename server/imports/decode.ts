import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { unreadableEncoding } from './errors.ts';

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1252';

/** Index up to which `chunk` holds only whole UTF-8 sequences, so chunk boundaries never look invalid. */
function completeUtf8Prefix(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? chunk.length - back : chunk.length;
  }
  return chunk.length;
}

// Bytes Windows-1252 leaves undefined: no text written in it contains them.
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Whether bytes that are not UTF-8 read plausibly as Windows-1252: Danish, German or Spanish text has
 * its few non-ASCII letters (æ ø å é ü) between ASCII ones, while Big5, Shift-JIS, GB18030, EUC-KR
 * or Cyrillic code pages write whole words in bytes above 0x7F. So: most bytes above 0x7F sitting in
 * runs of four or more, or more than a stray byte undefined in Windows-1252, means another encoding.
 */
export function plausiblyWindows1252(bytes: Buffer): boolean {
  let high = 0;
  let inLongRuns = 0;
  let undefinedBytes = 0;
  let run = 0;
  const endRun = () => {
    if (run >= 4) inLongRuns += run;
    run = 0;
  };
  for (const byte of bytes) {
    if (byte < 0x80) {
      endRun();
      continue;
    }
    high++;
    run++;
    if (UNDEFINED_1252.has(byte)) undefinedBytes++;
  }
  endRun();
  if (high >= 8 && inLongRuns * 2 > high) return false;
  return !(undefinedBytes >= 3 && undefinedBytes * 20 >= high);
}

const NAMES: Record<string, string> = {
  Big5: 'Big5 (Traditional Chinese)',
  GB18030: 'GB18030 (Simplified Chinese)',
  Shift_JIS: 'Shift-JIS (Japanese)',
  'EUC-JP': 'EUC-JP (Japanese)',
  'ISO-2022-JP': 'ISO-2022-JP (Japanese)',
  'EUC-KR': 'EUC-KR (Korean)',
  'ISO-2022-KR': 'ISO-2022-KR (Korean)',
  'ISO-2022-CN': 'ISO-2022-CN (Chinese)',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'KOI8-R': 'KOI8-R (Cyrillic)',
  'ISO-8859-5': 'ISO-8859-5 (Cyrillic)',
  'ISO-8859-6': 'ISO-8859-6 (Arabic)',
  'windows-1256': 'Windows-1256 (Arabic)',
  'ISO-8859-7': 'ISO-8859-7 (Greek)',
  'windows-1253': 'Windows-1253 (Greek)',
  'ISO-8859-8': 'ISO-8859-8 (Hebrew)',
  'windows-1255': 'Windows-1255 (Hebrew)',
  'UTF-32LE': 'UTF-32',
  'UTF-32BE': 'UTF-32',
};

/**
 * What the bytes most likely are, for the refusal: chardet's best guess among the encodings that are
 * not Western single-byte ones (those would have read as Windows-1252), or a plain "unknown".
 */
export function nameEncoding(bytes: Buffer): string {
  const guess = chardet.analyse(bytes).find((match) => match.confidence >= 10 && NAMES[match.name] !== undefined);
  return guess ? (NAMES[guess.name] ?? guess.name) : 'an encoding Kadence does not know';
}

// Bytes read at a time when checking the encoding.
const PIECE = 128 * 1024;

/**
 * Decides how a file is encoded: a BOM wins; otherwise the whole file must be valid UTF-8 to be read
 * as UTF-8 (a Danish Excel export is often valid in its first kilobytes and not further on), and
 * anything else is Windows-1252 — not Latin-1, which would turn € and curly quotes into control codes —
 * when it plausibly is; a file in Big5, Shift-JIS or another encoding is refused, naming it, rather
 * than imported as mojibake.
 */
export async function detectEncoding(path: string): Promise<TextEncoding> {
  // One buffer, read into again and again: a read stream allocates a fresh buffer per piece outside
  // the JavaScript heap, and while this loop allocates almost nothing on the heap, no collection
  // frees them; a 37 MB file left ~30 MB of resident memory behind that way, before the first row.
  const piece = Buffer.alloc(PIECE + 3);
  const handle = await open(path, 'r');
  try {
    let carried = 0;
    let first = true;
    for (;;) {
      const { bytesRead } = await handle.read(piece, carried, PIECE);
      const filled = carried + bytesRead;
      if (bytesRead === 0) {
        const rest = piece.subarray(0, filled);
        return filled === 0 || isUtf8(rest) ? 'utf8' : windows1252Or(Buffer.from(rest));
      }
      let start = 0;
      if (first) {
        first = false;
        const bom = piece.subarray(0, Math.min(filled, 3));
        if (bom[0] === 0xff && bom[1] === 0xfe) return 'utf16le';
        if (bom[0] === 0xfe && bom[1] === 0xff) return 'utf16be';
        if (bom[0] === 0xef && bom[1] === 0xbb && bom[2] === 0xbf) start = 3;
      }
      const chunk = piece.subarray(start, filled);
      const end = completeUtf8Prefix(chunk);
      if (!isUtf8(chunk.subarray(0, end))) return windows1252Or(Buffer.from(chunk));
      // A sequence cut at the piece's end (at most three bytes) moves to the front for the next read.
      carried = chunk.length - end;
      piece.copy(piece, 0, start + end, filled);
    }
  } finally {
    await handle.close();
  }
}

/** The piece in which UTF-8 failed decides: Windows-1252 if it reads as such, else a refusal. */
function windows1252Or(piece: Buffer): 'windows1252' {
  if (plausiblyWindows1252(piece)) return 'windows1252';
  throw unreadableEncoding(nameEncoding(piece));
}

/** Counts the bytes read so far, for progress. */
export class ByteCounter extends Transform {
  bytes = 0;
  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    done: (error?: Error | null, data?: Buffer) => void,
  ): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/** The file as a stream of text in the detected encoding, without any BOM. */
export function decodedText(path: string, encoding: TextEncoding, counter: ByteCounter): Readable {
  // Small pieces: a decoded piece of 128 KB or more is a large object in V8's old space, freed only
  // by a full collection, and the cells papaparse slices from it keep it alive; with 256 KB pieces a
  // 200,000-row import peaked ~65 MB higher.
  const raw = createReadStream(path, { highWaterMark: 32 * 1024 }).pipe(counter);
  const iconvName = { utf8: 'utf8', utf16le: 'utf-16le', utf16be: 'utf-16be', windows1252: 'windows-1252' }[encoding];
  // iconv-lite strips a BOM by default and keeps multi-byte characters whole across chunks.
  return Readable.from(raw.pipe(iconv.decodeStream(iconvName)));
}
