import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared third-party corpora, read in place: `shared/corpora` beside the checkout (as CI lays it
 * out), looked for from the repository's parent upwards, so a checkout nested one folder deeper finds
 * it too. Never copied into the repository.
 */
function corporaRoot(): string {
  const repository = fileURLToPath(new URL('../..', import.meta.url));
  for (let folder = dirname(repository); ; folder = dirname(folder)) {
    const candidate = join(folder, 'shared', 'corpora');
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder)
      throw new Error(`the shared corpora are missing: expected shared/corpora beside ${repository}`);
  }
}

export const corpusFile = (folder: string, name: string): string => join(corporaRoot(), folder, name);
