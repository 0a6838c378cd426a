import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import iconv from 'iconv-lite';

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

/**
 * Decides how a file is encoded: a BOM wins; otherwise the whole file must be valid UTF-8 to be read
 * as UTF-8 (a Danish Excel export is often valid in its first kilobytes and not further on), and
 * anything else is Windows-1252 — not Latin-1, which would turn € and curly quotes into control codes.
 */
export async function detectEncoding(path: string): Promise<TextEncoding> {
  let carry = Buffer.alloc(0);
  let first = true;
  // Modest pieces, and a copy only when a sequence was cut at a piece's end: reading a large file
  // here must not leave tens of megabytes of buffers behind for the collector.
  for await (const piece of createReadStream(path, { highWaterMark: 128 * 1024 })) {
    let chunk = carry.length > 0 ? Buffer.concat([carry, piece as Buffer]) : (piece as Buffer);
    if (first) {
      first = false;
      if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf16le';
      if (chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf16be';
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    const end = completeUtf8Prefix(chunk);
    if (!isUtf8(chunk.subarray(0, end))) return 'windows1252';
    carry = Buffer.from(chunk.subarray(end));
  }
  return carry.length === 0 || isUtf8(carry) ? 'utf8' : 'windows1252';
}

/** Counts the bytes read so far, for progress. */
export class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
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
