import { createHash, randomBytes } from 'node:crypto';
import { ErrorCode } from '../../shared/errors.ts';
import type { Executor } from '../db/kysely/store.ts';
import { AppError, invalid, notFound } from '../errors.ts';

export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

const tokenColumns = [
  'id',
  'name',
  'created_at as createdAt',
  'last_used_at as lastUsedAt',
  'revoked_at as revokedAt',
] as const;

/** Team API tokens for survey tools' webhooks: shown once, stored only as a hash, revocable. */
export function createApiTokens(db: Executor) {
  return {
    async create(teamId: number, name: string, userId: number): Promise<{ token: string; apiToken: ApiToken }> {
      const trimmed = name.trim();
      if (!trimmed) throw invalid('give the token a name, e.g. the survey tool that will use it');
      const token = `kdn_${randomBytes(24).toString('base64url')}`;
      const apiToken = await db
        .insertInto('team_api_tokens')
        .values({ team_id: teamId, name: trimmed, token_hash: hash(token), created_by: userId })
        .returning(tokenColumns)
        .executeTakeFirstOrThrow();
      return { token, apiToken };
    },
    list(teamId: number): Promise<ApiToken[]> {
      return db
        .selectFrom('team_api_tokens')
        .select(tokenColumns)
        .where('team_id', '=', teamId)
        .orderBy('id', 'desc')
        .execute();
    },
    async revoke(teamId: number, id: number): Promise<void> {
      const result = await db
        .updateTable('team_api_tokens')
        .set({ revoked_at: new Date().toISOString() })
        .where('id', '=', id)
        .where('team_id', '=', teamId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw notFound('Active API token');
    },
    /** The team a bearer token may write to; any doubt is the same 401, so tokens cannot be probed. */
    async authenticate(header: string | undefined, teamId: number): Promise<void> {
      const token = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
      const row = token
        ? await db
            .selectFrom('team_api_tokens')
            .select(['id', 'team_id as teamId', 'revoked_at as revokedAt'])
            .where('token_hash', '=', hash(token))
            .executeTakeFirst()
        : undefined;
      if (!row || row.revokedAt || row.teamId !== teamId)
        throw new AppError(ErrorCode.UNAUTHENTICATED, 'a valid team API token is needed (Authorization: Bearer …)');
      await db
        .updateTable('team_api_tokens')
        .set({ last_used_at: new Date().toISOString() })
        .where('id', '=', row.id)
        .execute();
    },
  };
}
export type ApiTokens = ReturnType<typeof createApiTokens>;
