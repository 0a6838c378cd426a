import { createHash } from 'node:crypto';

/** JSON with keys in a fixed order, so the same command hashes the same whatever order it was written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A fingerprint of a command as the person sent it: a retry has the same one, a reused opId another. */
export function commandHash(command: object): string {
  return createHash('sha256').update(canonical(command)).digest('base64url');
}
