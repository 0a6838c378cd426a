// The test files that say, in their first lines, that the PostgreSQL run of `npm test`
// (tests/run.mjs) leaves them out, with the reason:
//   // Store: SQLite only (the reason)      — they test what only SQLite has
//   // Store: PostgreSQL already (the reason) — they make their own PostgreSQL, so the first run covers them
//   // Store: fails on PostgreSQL (the defect) — a known defect of Kadence on PostgreSQL, named until fixed
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MARKER = /^\/\/ Store: (SQLite only|PostgreSQL already|fails on PostgreSQL) \((.+)\)\s*$/m;
const HEAD_LINES = 10;

function* testFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* testFiles(path);
    else if (entry.name.endsWith('.test.ts')) yield path;
  }
}

/** `[{ file, kind, reason }]` of the files under `dirs` the PostgreSQL run leaves out, in path order. */
export function leftOutOfPostgresRun(dirs) {
  const found = [];
  for (const dir of dirs) {
    for (const file of testFiles(dir)) {
      const head = readFileSync(file, 'utf8').split('\n').slice(0, HEAD_LINES).join('\n');
      const match = MARKER.exec(head);
      if (match) found.push({ file, kind: match[1], reason: match[2] });
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file));
}
