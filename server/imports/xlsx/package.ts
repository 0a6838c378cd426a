import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { type Entry, type ZipFile, openPromise } from 'yauzl';
import { workbookDamaged, workbookProtected } from './refusals.ts';

/**
 * The parts of a zip package by name. Part names are compared without case and with `\` read as `/`
 * (both occur in workbooks written by real tools), and read by random access, so the order in which
 * a writer stored them does not matter.
 */
export class ZipPackage {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
  ) {}

  static async open(path: string): Promise<ZipPackage> {
    let zip: ZipFile;
    try {
      zip = await openPromise(path, {
        lazyEntries: true,
        autoClose: false,
        strictFileNames: false,
        validateEntrySizes: true,
      });
    } catch {
      throw workbookDamaged('the zip archive is incomplete or corrupt');
    }
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        const name = partKey(entry.fileName);
        if (!entries.has(name)) entries.set(name, entry);
      }
    } catch {
      zip.close();
      throw workbookDamaged('the zip archive lists its contents wrongly');
    }
    return new ZipPackage(zip, entries);
  }

  has(part: string): boolean {
    return this.entries.has(partKey(part));
  }

  /** The uncompressed size its directory declares (checked while reading), or null when absent. */
  size(part: string): number | null {
    return this.entries.get(partKey(part))?.uncompressedSize ?? null;
  }

  /**
   * The part's bytes as they are unpacked. A part that does not unpack to the size and checksum its
   * directory states is damaged, even when it still inflates: nothing corrupt is read as data.
   */
  async *chunks(part: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(partKey(part));
    if (!entry) throw workbookDamaged(`the part ${part} is missing`);
    if (entry.isEncrypted()) throw workbookProtected();
    if (!entry.canDecodeFileData()) throw workbookDamaged(`${part} is stored with a compression Kadence cannot read`);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch {
      throw workbookDamaged(`${part} is corrupt and cannot be unpacked`);
    }
    let checksum = 0;
    try {
      for await (const chunk of stream) {
        const bytes: Buffer = chunk;
        checksum = crc32(bytes, checksum);
        yield bytes;
      }
    } catch {
      throw workbookDamaged(`${part} is corrupt and cannot be unpacked`);
    } finally {
      stream.destroy();
    }
    if (checksum >>> 0 !== entry.crc32 >>> 0) throw workbookDamaged(`${part} is corrupt (its checksum does not match)`);
  }

  close(): void {
    this.zip.close();
  }
}

/** A part name as a lookup key: no leading slash, `/` separators, lower case. */
export function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}
