import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ErrorCode } from '../../shared/errors.ts';
import { AppError, invalid, notFound } from '../errors.ts';

export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Team API tokens for survey tools' webhooks: shown once, stored only as a hash, revocable. */
export function createApiTokens(db: Database) {
  const insert = db.prepare('INSERT INTO team_api_tokens (team_id, name, token_hash, created_by) VALUES (?, ?, ?, ?)');
  const list = db.prepare(
    'SELECT id, name, created_at AS createdAt, last_used_at AS lastUsedAt, revoked_at AS revokedAt FROM team_api_tokens WHERE team_id = ? ORDER BY id DESC',
  );
  const revoke = db.prepare(
    `UPDATE team_api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND team_id = ? AND revoked_at IS NULL`,
  );
  const lookup = db.prepare(
    'SELECT id, team_id AS teamId, revoked_at AS revokedAt FROM team_api_tokens WHERE token_hash = ?',
  );
  const touch = db.prepare(
    `UPDATE team_api_tokens SET last_used_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  );

  return {
    create(teamId: number, name: string, userId: number): { token: string; apiToken: ApiToken } {
      const trimmed = name.trim();
      if (!trimmed) throw invalid('give the token a name, e.g. the survey tool that will use it');
      const token = `kdn_${randomBytes(24).toString('base64url')}`;
      const id = Number(insert.run(teamId, trimmed, hash(token), userId).lastInsertRowid);
      const apiToken = (list.all(teamId) as ApiToken[]).find((row) => row.id === id) as ApiToken;
      return { token, apiToken };
    },
    list(teamId: number): ApiToken[] {
      return list.all(teamId) as ApiToken[];
    },
    revoke(teamId: number, id: number): void {
      if (revoke.run(id, teamId).changes !== 1) throw notFound('Active API token');
    },
    /** The team a bearer token may write to; any doubt is the same 401, so tokens cannot be probed. */
    authenticate(header: string | undefined, teamId: number): void {
      const token = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
      const row = token
        ? (lookup.get(hash(token)) as { id: number; teamId: number; revokedAt: string | null } | undefined)
        : undefined;
      if (!row || row.revokedAt || row.teamId !== teamId)
        throw new AppError(ErrorCode.UNAUTHENTICATED, 'a valid team API token is needed (Authorization: Bearer …)');
      touch.run(row.id);
    },
  };
}
export type ApiTokens = ReturnType<typeof createApiTokens>;
