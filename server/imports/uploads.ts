import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalid } from '../errors.ts';

const ID = /^[A-Za-z0-9_-]{32}$/;
const MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Uploaded files wait here between the preview (where columns are mapped) and the import.
 * Ids are random and checked against a strict pattern, so no path can be smuggled in.
 */
export function createUploadStore(directory: string) {
  async function sweep(): Promise<void> {
    const now = Date.now();
    for (const name of await readdir(directory).catch(() => [])) {
      const path = join(directory, name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > MAX_AGE_MS) await rm(path, { force: true });
    }
  }

  return {
    async save(file: Readable, teamId: number): Promise<string> {
      await mkdir(directory, { recursive: true });
      await sweep();
      const id = randomBytes(24).toString('base64url');
      await pipeline(file, createWriteStream(join(directory, `${teamId}-${id}`)));
      return id;
    },
    /** The path of an upload of this team; another team's id simply does not exist here. */
    path(teamId: number, id: string): string {
      if (!ID.test(id)) throw invalid('the upload id is not valid');
      return join(directory, `${teamId}-${id}`);
    },
    /** Like path(), but the upload must still be there (uploads are used once and expire after an hour). */
    async existing(teamId: number, id: string): Promise<string> {
      const path = this.path(teamId, id);
      await access(path).catch(() => {
        throw invalid('the upload has expired or was already imported; upload the file again');
      });
      return path;
    },
    async remove(teamId: number, id: string): Promise<void> {
      await rm(this.path(teamId, id), { force: true });
    },
  };
}
export type UploadStore = ReturnType<typeof createUploadStore>;
