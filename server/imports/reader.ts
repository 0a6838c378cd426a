import { open, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { PresetName } from '../../shared/schemas/imports.ts';
import { ByteCounter, type TextEncoding, decodedText, detectEncoding } from './decode.ts';
import { notFeedbackFile } from './errors.ts';
import { HEADER_SAMPLE, type SkippedRow, chooseHeaderRow, isBlank, trailingCandidate } from './layout.ts';
import { GENERIC, type Preset, detectPreset, presetByName } from './presets.ts';
import { type SourceRecord, jsonRecords, ndjsonRecords } from './records.ts';
import { withoutInitialSpace } from './csv-spacing.ts';
import { type RawRow, csvRows, detectDelimiter, spacedAfterDelimiter } from './tabular.ts';
import { refuseCompoundFile } from './compound-file.ts';

export type FileFormat = 'csv' | 'xlsx' | 'json' | 'ndjson';

export interface FeedbackFile {
  format: FileFormat;
  encoding: TextEncoding | 'binary';
  preset: Preset;
  headers: string[];
  /** The line the header was found on (title rows above it are passed over); null for JSON. */
  headerLine: number | null;
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

function toRecord(row: RawRow, headers: string[]): SourceRecord {
  const values: Record<string, string> = {};
  for (let index = 0; index < headers.length; index++) values[headers[index] ?? ''] = row.cells[index] ?? '';
  if (row.problem) return { line: row.line, values, problem: row.problem };
  if (row.cells.length > headers.length || (row.cells.length < headers.length && !row.grid))
    return {
      line: row.line,
      values,
      problem: { code: 'FIELD_COUNT', params: { fields: row.cells.length, expected: headers.length } },
    };
  return { line: row.line, values };
}

interface HeaderFound {
  headers: string[];
  preset: Preset;
  line: number;
}

/**
 * Records of a table: the header is the first row that looks like one (title, note and blank rows
 * above it are passed over), and totals or notes at the very end are handed on as skipped, not as
 * answers. A row that merely looks like a total is held until the next row shows whether it was
 * the last: followed by an ordinary row, it is an ordinary row too.
 */
async function* tabularRecords(
  groups: AsyncGenerator<RawRow[]>,
  preset: Preset | null,
  found: (header: HeaderFound) => void,
): AsyncGenerator<SourceRecord[]> {
  const head: RawRow[] = [];
  for (;;) {
    if (head.length >= HEADER_SAMPLE) break;
    const next = await groups.next();
    if (next.done) break;
    head.push(...next.value);
  }
  const known = (cells: string[]) =>
    preset ? preset !== GENERIC && preset.matches(cells) : detectPreset(cells) !== GENERIC;
  const index = chooseHeaderRow(
    head.slice(0, HEADER_SAMPLE).map((row) => row.cells),
    known,
  );
  const headerRow = head[index];
  if (!headerRow) return;
  const chosen: Preset = preset ?? detectPreset(headerRow.cells.map((cell) => cell.trim()));
  let headers: string[];
  let bodyStart = index + 1;
  if (chosen.headerRows === 2) {
    headers = uniqueHeaders(combineHeaderRows(headerRow.cells, head[index + 1]?.cells ?? []));
    bodyStart++;
  } else {
    headers = uniqueHeaders(headerRow.cells);
  }
  found({ headers, preset: chosen, line: headerRow.line });

  let held: { record: SourceRecord; skipped: SkippedRow }[] = [];
  const take = (rows: RawRow[], from: number): SourceRecord[] => {
    const records: SourceRecord[] = [];
    for (let at = from; at < rows.length; at++) {
      const row = rows[at];
      if (!row || isBlank(row.cells)) continue;
      const record = toRecord(row, headers);
      const skipped = trailingCandidate(row.cells, held.length > 0);
      if (skipped) {
        held.push({ record, skipped });
        continue;
      }
      if (held.length > 0) {
        for (const earlier of held) records.push(earlier.record);
        held = [];
      }
      records.push(record);
    }
    return records;
  };
  const first = take(head, bodyStart);
  if (first.length > 0) yield first;
  for await (const rows of groups) {
    const records = take(rows, 0);
    if (records.length > 0) yield records;
  }
  if (held.length > 0) yield held.map(({ record, skipped }) => ({ line: record.line, values: {}, skipped }));
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
    throw notFeedbackFile({ reason: 'FILE_UNREADABLE' });
  });
  if (size === 0) throw notFeedbackFile({ reason: 'FILE_EMPTY' });
  const start = await head(path, 64 * 1024);
  const isZip = start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04;
  let counter = new ByteCounter();
  const forced = presetName ? presetByName(presetName) : null;

  // The workbook reader tells an .xlsx from other zip archives by what is inside.
  if (isZip) {
    // The workbook reader (zip and XML parsers) is loaded for workbooks only.
    const { xlsxRows } = await import('./xlsx.ts');
    return await withHeader('xlsx', 'binary', () => xlsxRows(path));
  }
  await refuseCompoundFile(path, start, fileName);

  // Binary before encodings: a binary file is no text in an unknown encoding. UTF-16 has zero bytes
  // by nature and is recognised by its BOM.
  const utf16 = (start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff);
  if (!utf16 && looksBinary(start.toString('latin1'))) throw notFeedbackFile({ reason: 'FILE_BINARY' });
  const encoding = await detectEncoding(path);
  const sample = iconv.decode(start, ICONV[encoding]).replace(/\uFFFD+$/, '');
  if (sample.trim() === '') throw notFeedbackFile({ reason: 'FILE_EMPTY' });
  if (looksBinary(sample)) throw notFeedbackFile({ reason: 'FILE_BINARY' });
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
      headerLine: null,
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
  const spaced = spacedAfterDelimiter(sample, delimiter);
  return await withHeader('csv', encoding, () => {
    const text = decodedText(path, encoding, counter);
    return csvRows(spaced ? withoutInitialSpace(text, delimiter) : text, delimiter);
  });

  function recordsFile(format: FileFormat, fileEncoding: TextEncoding, records: SourceRecord[]): FeedbackFile {
    const headers = [...new Set(records.slice(0, 100).flatMap((record) => Object.keys(record.values)))];
    return {
      format,
      encoding: fileEncoding,
      preset: forced ?? detectPreset(headers),
      headers,
      headerLine: null,
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

  async function withHeader(
    format: FileFormat,
    fileEncoding: TextEncoding | 'binary',
    rows: () => AsyncGenerator<RawRow[]>,
  ): Promise<FeedbackFile> {
    const seen: { header: HeaderFound | null } = { header: null };
    const probe = tabularRecords(rows(), forced, (found) => (seen.header = found));
    await probe.next();
    await probe.return(undefined);
    const { headers, preset: chosen, line } = seen.header ?? { headers: [], preset: GENERIC, line: 0 };
    if (headers.length === 0) throw notFeedbackFile({ reason: 'NO_HEADER' });
    return {
      format,
      encoding: fileEncoding,
      preset: chosen,
      headers,
      headerLine: line,
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
