import pg from 'pg';
import type { CustomTypesConfig } from 'pg';

// PostgreSQL type oids whose default parsing would give rows another shape than SQLite's.
const INT8 = 20;
const DATE = 1082;
const TIMESTAMPTZ = 1184;

const parseTimestamp = pg.types.getTypeParser(TIMESTAMPTZ);

function parseInt8(text: string): number {
  const value = Number(text);
  // Ids, counts and ms timestamps stay far below 2^53; a larger value must not be rounded silently.
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} does not fit a JavaScript number`);
  return value;
}

/**
 * Values read back as SQLite gives them, so one row type fits both stores: bigint (ids, counts,
 * ms since the epoch) as numbers, dates as 'YYYY-MM-DD' and instants as ISO strings with
 * milliseconds and Z, the form the SQLite schema writes with strftime('%Y-%m-%dT%H:%M:%fZ').
 */
export const kadenceTypes: CustomTypesConfig = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (format === 'binary') return pg.types.getTypeParser(oid, format);
    if (oid === INT8) return parseInt8;
    if (oid === DATE) return (text: string) => text;
    if (oid === TIMESTAMPTZ) return (text: string) => parseTimestamp(text).toISOString();
    return pg.types.getTypeParser(oid, 'text');
  },
};
