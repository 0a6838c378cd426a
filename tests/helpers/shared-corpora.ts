import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A file of the third-party corpora in shared/ beside the checkout (CI lays it there; a worktree
 * may sit a level deeper), read in place. A missing corpus fails the test rather than skipping it.
 */
export function corpusFile(...parts: string[]): string {
  for (let folder = fileURLToPath(new URL('../..', import.meta.url)); ; folder = dirname(folder)) {
    const candidate = join(folder, 'shared', 'corpora');
    if (existsSync(join(candidate, 'README.md'))) return join(candidate, ...parts);
    if (dirname(folder) === folder) throw new Error('shared/corpora was not found beside the checkout or above it');
  }
}
