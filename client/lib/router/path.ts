/** The parameters a route's pattern names (`/teams/:slug` gives `slug`), decoded from the hash. */
export type Params = Readonly<Record<string, string>>;

/** A route pattern made ready to match: `*` matches every path, `:name` one path segment. */
export interface Pattern {
  readonly regex: RegExp;
  readonly keys: readonly string[];
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compile(pattern: string): Pattern {
  if (pattern === '*') return { regex: /^/, keys: [] };
  const keys: string[] = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return escape(segment);
      keys.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  // A trailing slash is the same page (`#/teams/a/` is `#/teams/a`).
  return { regex: new RegExp(`^${source}/?$`), keys };
}

/** The pattern's parameters when it matches the path, else null (also for a segment that is not valid percent-encoding). */
export function matchPath(pattern: Pattern, path: string): Params | null {
  const found = pattern.regex.exec(path);
  if (!found) return null;
  const params: Record<string, string> = {};
  try {
    pattern.keys.forEach((key, index) => {
      params[key] = decodeURIComponent(found[index + 1] ?? '');
    });
  } catch {
    return null;
  }
  return params;
}

/** `#/teams/a/meetings/3/live?present` → path `/teams/a/meetings/3/live`, query `present`; no hash is `/`. */
export function splitHash(hash: string): { path: string; query: string } {
  const location = hash.startsWith('#/') ? hash.slice(1) : '/';
  const mark = location.indexOf('?');
  return mark < 0 ? { path: location, query: '' } : { path: location.slice(0, mark), query: location.slice(mark + 1) };
}
