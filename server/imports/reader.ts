import { open, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { PresetName } from '../../shared/schemas/imports.ts';
import { ByteCounter, type TextEncoding, decodedText, detectEncoding } from './decode.ts';
import { notFeedbackFile } from './errors.ts';
import { type Preset, detectPreset, presetByName } from './presets.ts';
import { type SourceRecord, jsonRecords, ndjsonRecords } from './records.ts';
import { type RawRow, csvRows, detectDelimiter } from './tabular.ts';
import { refuseCompoundFile, xlsxRows } from './xlsx.ts';

export type FileFormat = 'csv' | 'xlsx' | 'json' | 'ndjson';

export interface FeedbackFile {
  format: FileFormat;
  encoding: TextEncoding | 'binary';
  preset: Preset;
  headers: string[];
  totalBytes: number;
  /** Bytes read by the current pass, for progress. */
  bytesRead(): number;
  /** Every record after the header, in groups; can be called again for a second pass. */
  batches(): AsyncGenerator<SourceRecord[]>;
  /** The same records one at a time. */
  records(): AsyncGenerator<SourceRecord>;
}

const ICONV = { utf8: 'utf8', utf16le: 'utf-16le', utf16be: 'utf-16be', windows1252: 'windows-1252' } as const;

async function head(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Control characters other than tab and line breaks mean a binary file, not text. */
function looksBinary(text: string): boolean {
  let control = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13) control++;
  }
  return control > text.length / 100;
}

function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const name = cell.trim() || `Column ${index + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/** SurveyMonkey's second header row names the answer under each question ("Response", "Other"). */
function combineHeaderRows(top: string[], sub: string[]): string[] {
  let current = '';
  return top.map((cell, index) => {
    if (cell.trim()) current = cell.trim();
    const below = (sub[index] ?? '').trim();
    return below && below !== 'Response' ? `${current} / ${below}` : current;
  });
}

async function* tabularRecords(groups: AsyncGenerator<RawRow[]>, preset: Preset | null, found: (headers: string[], preset: Preset) => void): AsyncGenerator<SourceRecord[]> {
  let headers: string[] | null = null;
  let chosen: Preset | null = preset;
  let pendingTop: string[] | null = null;
  for await (const rows of groups) {
    const records: SourceRecord[] = [];
    for (const row of rows) {
      if (!headers) {
        const recognised: Preset = chosen ?? detectPreset(row.cells.map((cell) => cell.trim()));
        chosen = recognised;
        if (pendingTop) {
          headers = uniqueHeaders(combineHeaderRows(pendingTop, row.cells));
        } else if (recognised.headerRows === 2) {
          pendingTop = row.cells;
          continue;
        } else {
          headers = uniqueHeaders(row.cells);
        }
        found(headers, recognised);
        continue;
      }
      if (row.cells.every((cell) => cell.trim() === '')) continue;
      const values: Record<string, string> = {};
      for (let index = 0; index < headers.length; index++) values[headers[index] ?? ''] = row.cells[index] ?? '';
      if (row.problem) records.push({ line: row.line, values, problem: row.problem });
      else if (row.cells.length > headers.length || (row.cells.length < headers.length && !row.grid)) records.push({ line: row.line, values, problem: `the row has ${row.cells.length} fields; the header has ${headers.length}` });
      else records.push({ line: row.line, values });
    }
    if (records.length > 0) yield records;
  }
}

/** One record at a time, for the passes that look at a few rows (preview, column scan). */
async function* oneByOne(groups: AsyncGenerator<SourceRecord[]>): AsyncGenerator<SourceRecord> {
  for await (const group of groups) yield* group;
}

/**
 * Opens an export: sniffs the format and encoding, reads the header and recognises the tool.
 * Refuses what is not a feedback file at all (empty, binary, nothing recognisable).
 */
export async function openFeedbackFile(path: string, fileName: string, presetName?: PresetName): Promise<FeedbackFile> {
  const { size } = await stat(path).catch(() => {
    throw notFeedbackFile('the file could not be read (it is gone or unreadable)');
  });
  if (size === 0) throw notFeedbackFile('the file is empty');
  const start = await head(path, 64 * 1024);
  const isZip = start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04;
  let counter = new ByteCounter();
  const forced = presetName ? presetByName(presetName) : null;

  // The workbook reader tells an .xlsx from other zip archives by what is inside.
  if (isZip) return await withHeader('xlsx', 'binary', () => xlsxRows(path));
  await refuseCompoundFile(path, start, fileName);

  const encoding = await detectEncoding(path);
  const sample = iconv.decode(start, ICONV[encoding]).replace(/\uFFFD+$/, '');
  if (sample.trim() === '') throw notFeedbackFile('the file is empty');
  if (looksBinary(sample)) throw notFeedbackFile('it is a binary file');
  const first = sample.trimStart()[0];
  if (first === '[' || (first === '{' && !/^\s*\{.*\}\s*\r?\n\s*\{/s.test(sample.split('\n').slice(0, 2).join('\n')))) {
    const records = await jsonRecords(path, size, (bytes) => iconv.decode(bytes, ICONV[encoding]));
    return recordsFile('json', encoding, records);
  }
  if (first === '{') {
    const firstRecords: SourceRecord[] = [];
    for await (const record of oneByOne(ndjsonRecords(decodedText(path, encoding, new ByteCounter())))) {
      firstRecords.push(record);
      if (firstRecords.length >= 50) break;
    }
    const headers = [...new Set(firstRecords.flatMap((record) => Object.keys(record.values)))];
    return {
      format: 'ndjson',
      encoding,
      preset: forced ?? detectPreset(headers),
      headers,
      totalBytes: size,
      bytesRead: () => counter.bytes,
      batches,
      records: () => oneByOne(batches()),
    };
    function batches(): AsyncGenerator<SourceRecord[]> {
      counter = new ByteCounter();
      return ndjsonRecords(decodedText(path, encoding, counter));
    }
  }
  const delimiter = detectDelimiter(sample);
  return await withHeader('csv', encoding, () => csvRows(decodedText(path, encoding, counter), delimiter));

  function recordsFile(format: FileFormat, fileEncoding: TextEncoding, records: SourceRecord[]): FeedbackFile {
    const headers = [...new Set(records.slice(0, 100).flatMap((record) => Object.keys(record.values)))];
    return {
      format,
      encoding: fileEncoding,
      preset: forced ?? detectPreset(headers),
      headers,
      totalBytes: size,
      bytesRead: () => size,
      async *batches() {
        for (let start = 0; start < records.length; start += 500) yield records.slice(start, start + 500);
      },
      async *records() {
        yield* records;
      },
    };
  }

  async function withHeader(format: FileFormat, fileEncoding: TextEncoding | 'binary', rows: () => AsyncGenerator<RawRow[]>): Promise<FeedbackFile> {
    let headers: string[] = [];
    let preset: Preset | null = forced;
    const probe = tabularRecords(rows(), forced, (found, chosen) => {
      headers = found;
      preset = chosen;
    });
    await probe.next();
    await probe.return(undefined);
    if (!preset || headers.length === 0) throw notFeedbackFile('it has no header row');
    const chosen: Preset = preset;
    return {
      format,
      encoding: fileEncoding,
      preset: chosen,
      headers,
      totalBytes: size,
      bytesRead: () => counter.bytes,
      batches,
      records: () => oneByOne(batches()),
    };
    function batches(): AsyncGenerator<SourceRecord[]> {
      counter = new ByteCounter();
      return tabularRecords(rows(), chosen, () => undefined);
    }
  }
}
