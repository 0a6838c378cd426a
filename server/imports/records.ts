import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { Rejection } from '../../shared/schemas/imports.ts';
import { notFeedbackFile } from './errors.ts';
import type { SkippedRow } from './layout.ts';

/** One source record with its field names resolved, e.g. { "person.email": "…", "score": "9" }. */
export interface SourceRecord {
  line: number;
  values: Record<string, string>;
  /** Why the record cannot be an answer, found while reading it. */
  problem?: Rejection;
  /** A total or note below the table: reported, never an answer. */
  skipped?: SkippedRow;
}

const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** Nested objects become dotted names (person.email); lists of plain values become "a, b". */
export function flatten(value: unknown, prefix = '', into: Record<string, string> = {}): Record<string, string> {
  if (value === null || value === undefined) {
    if (prefix) into[prefix] = '';
  } else if (Array.isArray(value)) {
    into[prefix] = value.every((item) => typeof item !== 'object' || item === null)
      ? value.join(', ')
      : JSON.stringify(value);
  } else if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into[prefix] = String(value);
  }
  return into;
}

/**
 * A JSON document: an array of responses, or an object holding one (as APIs return them, e.g.
 * { "satisfaction_ratings": [ … ] }). Line numbers are positions in that list, counted from 1.
 */
export async function jsonRecords(
  path: string,
  size: number,
  decode: (bytes: Buffer) => string,
): Promise<SourceRecord[]> {
  if (size > MAX_JSON_BYTES)
    throw notFeedbackFile({ reason: 'JSON_TOO_LARGE', limit: String(MAX_JSON_BYTES / 1024 / 1024) });
  let document: unknown;
  try {
    document = JSON.parse(decode(await readFile(path)));
  } catch (error) {
    throw notFeedbackFile({ reason: 'JSON_INVALID', detail: error instanceof Error ? error.message : 'parse error' });
  }
  let list: unknown = document;
  if (!Array.isArray(document) && typeof document === 'object' && document !== null) {
    list = Object.values(document).find(
      (value) => Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null),
    );
  }
  if (!Array.isArray(list)) throw notFeedbackFile({ reason: 'JSON_NO_LIST' });
  return list.map((item, index) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? { line: index + 1, values: flatten(item) }
      : { line: index + 1, values: {}, problem: { code: 'ENTRY_NOT_OBJECT', params: {} } },
  );
}

function ndjsonRecord(raw: string, line: number): SourceRecord {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return { line, values: flatten(parsed) };
    return { line, values: {}, problem: { code: 'LINE_NOT_OBJECT', params: {} } };
  } catch {
    return { line, values: {}, problem: { code: 'LINE_NOT_JSON', params: {} } };
  }
}

/** NDJSON: one JSON object per line, streamed in groups of 500; a broken line is reported with its number. */
export async function* ndjsonRecords(text: Readable): AsyncGenerator<SourceRecord[]> {
  let line = 0;
  let group: SourceRecord[] = [];
  for await (const raw of createInterface({ input: text, crlfDelay: Infinity })) {
    line++;
    if (raw.trim() === '') continue;
    group.push(ndjsonRecord(raw, line));
    if (group.length >= 500) {
      yield group;
      group = [];
    }
  }
  if (group.length > 0) yield group;
}
