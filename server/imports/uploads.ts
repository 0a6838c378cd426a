import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorCode } from '../../shared/errors.ts';
import { AppError, invalid } from '../errors.ts';

const ID = /^[A-Za-z0-9_-]{32}$/;
const MAX_AGE_MS = 60 * 60 * 1000;

export interface UploadLimits {
  /** The largest file accepted (UPLOAD_MAX_MB). */
  maxFileBytes: number;
  /** What one team's uploads waiting for import may take on disk together (UPLOAD_TEAM_QUOTA_MB). */
  teamQuotaBytes: number;
}
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  teamQuotaBytes: 500 * 1024 * 1024,
};

const megabytes = (bytes: number): string => String(Math.round(bytes / 1024 / 1024));
// The limits go out as details too, so the app can name them in the viewer's language.
const tooLarge = (limits: UploadLimits) =>
  new AppError(
    ErrorCode.UPLOAD_TOO_LARGE,
    `The file is larger than ${megabytes(limits.maxFileBytes)} MB, the largest upload this server accepts`,
    { reason: 'UPLOAD_TOO_LARGE', megabytes: megabytes(limits.maxFileBytes) },
  );
const overQuota = (limits: UploadLimits) =>
  new AppError(
    ErrorCode.UPLOAD_QUOTA,
    `The team's files waiting to be imported would take more than ${megabytes(limits.teamQuotaBytes)} MB; import or discard some first`,
    { reason: 'UPLOAD_QUOTA', megabytes: megabytes(limits.teamQuotaBytes) },
  );

/**
 * Uploaded files wait here between the preview (where columns are mapped) and the import.
 * Ids are random and checked against a strict pattern, so no path can be smuggled in.
 * Each file has a size limit, and each team a disk quota for the files it has waiting.
 */
export function createUploadStore(directory: string, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS) {
  // Files still being written, with their bytes so far, so parallel uploads cannot overrun a quota.
  const writing = new Map<string, { teamId: number; bytes: number }>();

  /** Bytes of the team's finished uploads on disk (files still being written are counted in `writing`). */
  async function finishedBytes(teamId: number): Promise<number> {
    let total = 0;
    for (const name of await readdir(directory).catch(() => [])) {
      const path = join(directory, name);
      if (!name.startsWith(`${teamId}-`) || writing.has(path)) continue;
      total += (await stat(path).catch(() => null))?.size ?? 0;
    }
    return total;
  }

  const writingBytes = (teamId: number) =>
    [...writing.values()].reduce((sum, entry) => (entry.teamId === teamId ? sum + entry.bytes : sum), 0);

  /** Counts the bytes of one upload as they pass and stops it at the file limit or the team's quota. */
  function metered(path: string, teamId: number, finished: number): Transform {
    const entry = { teamId, bytes: 0 };
    writing.set(path, entry);
    return new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        entry.bytes += chunk.length;
        if (entry.bytes > limits.maxFileBytes) callback(tooLarge(limits));
        else if (finished + writingBytes(teamId) > limits.teamQuotaBytes) callback(overQuota(limits));
        else callback(null, chunk);
      },
    });
  }

  async function sweep(): Promise<void> {
    const now = Date.now();
    for (const name of await readdir(directory).catch(() => [])) {
      const path = join(directory, name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > MAX_AGE_MS) await rm(path, { force: true });
    }
  }

  return {
    limits,

    /** Stores one file; too large a file (UPLOAD_TOO_LARGE) or a full quota (UPLOAD_QUOTA) leaves nothing behind. */
    async save(file: Readable, teamId: number): Promise<string> {
      await mkdir(directory, { recursive: true });
      await sweep();
      const id = randomBytes(24).toString('base64url');
      const path = join(directory, `${teamId}-${id}`);
      try {
        await pipeline(file, metered(path, teamId, await finishedBytes(teamId)), createWriteStream(path));
        // The multipart parser stops a file at the size limit and marks it truncated.
        if ('truncated' in file && file.truncated === true) throw tooLarge(limits);
        return id;
      } catch (error) {
        await rm(path, { force: true });
        file.resume();
        if (error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE')
          throw tooLarge(limits);
        throw error;
      } finally {
        writing.delete(path);
      }
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
