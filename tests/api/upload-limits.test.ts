import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/plugins/config.ts';
import { INGEST_BODY_LIMIT } from '../../server/imports/ingest-routes.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { type SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { teamWithRoles } from '../helpers/team-clients.ts';

const MB = 1024 * 1024;
/** A valid CSV of about `bytes` bytes: a header and NPS rows with a padded comment. */
function csvOf(bytes: number): Buffer {
  const header = 'date,score,comment\n';
  const row = `2026-11-02,9,${'x'.repeat(200)}\n`;
  return Buffer.from(header + row.repeat(Math.max(1, Math.ceil((bytes - header.length) / row.length))));
}

describe('upload limits: per file and per team', () => {
  let app: FastifyInstance;
  let uploadDir: string;
  let clients: Record<'lead' | 'outsider', SessionClient>;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'kadence-upload-limits-'));
    const limits = loadConfig({ UPLOAD_MAX_MB: '1', UPLOAD_TEAM_QUOTA_MB: '2' });
    app = await makeTestApp({
      uploadMaxBytes: limits.uploadMaxBytes,
      uploadTeamQuotaBytes: limits.uploadTeamQuotaBytes,
      uploadDir,
    });
    clients = await teamWithRoles(app, ['lead', 'outsider']);
  });
  afterAll(async () => app.close());

  const upload = (client: SessionClient, team: string, content: Buffer) => {
    const { body, headers } = multipartFile('feedback.csv', content);
    return client.request('POST', `/api/teams/${team}/imports/uploads`, body, headers);
  };

  it('reads UPLOAD_MAX_MB (default 100) and UPLOAD_TEAM_QUOTA_MB from the environment', () => {
    expect(loadConfig({}).uploadMaxBytes).toBe(100 * MB);
    expect(loadConfig({ UPLOAD_MAX_MB: '5', UPLOAD_TEAM_QUOTA_MB: '50' })).toMatchObject({
      uploadMaxBytes: 5 * MB,
      uploadTeamQuotaBytes: 50 * MB,
    });
  });

  it('refuses a file over the limit with 413 UPLOAD_TOO_LARGE and keeps nothing of it', async () => {
    const response = await upload(clients.lead, 'support', csvOf(1.5 * MB));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      error: { code: 'UPLOAD_TOO_LARGE', message: expect.stringContaining('1 MB') },
    });
    expect(readdirSync(uploadDir)).toEqual([]);
  });

  it('refuses an upload that would take the team over its quota with 413 UPLOAD_QUOTA; other teams are not affected', async () => {
    const kept: string[] = [];
    for (let index = 0; index < 2; index++) {
      const response = await upload(clients.lead, 'support', csvOf(0.8 * MB));
      expect(response.statusCode).toBe(201);
      kept.push((response.json() as { uploadId: string }).uploadId);
    }
    const over = await upload(clients.lead, 'support', csvOf(0.8 * MB));
    expect(over.statusCode).toBe(413);
    expect(over.json()).toMatchObject({ error: { code: 'UPLOAD_QUOTA' } });
    expect(readdirSync(uploadDir)).toHaveLength(2);
    // The quota is the team's own: the outsider's team "other" still has room.
    expect((await upload(clients.outsider, 'other', csvOf(0.8 * MB))).statusCode).toBe(201);
  });
});

describe('webhook ingest: the body limit is what the schema allows', () => {
  let app: FastifyInstance;
  let token: string;

  beforeAll(async () => {
    app = await makeTestApp();
    const clients = await teamWithRoles(app, ['lead']);
    token = (
      (await clients.lead.request('POST', '/api/teams/support/api-tokens', { name: 'Survey tool' })).json() as {
        token: string;
      }
    ).token;
  });
  afterAll(async () => app.close());

  const send = (payload: string) =>
    app.inject({
      method: 'POST',
      url: '/api/teams/support/feedback',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload,
    });

  it('accepts the largest batch the schema allows, every text at its longest', async () => {
    // Every text at its maximum length in three-byte characters (a four-byte one counts as two
    // towards the service's length limits, so this is the widest batch that is imported whole).
    const wide = (chars: number) => '€'.repeat(chars);
    const items = Array.from({ length: 100 }, (_, index) => ({
      id: String(index).padStart(200, '0'),
      receivedAt: '2026-11-20T10:00:00Z',
      metric: 'nps',
      score: 9,
      title: wide(1000),
      comment: wide(20_000),
      customer: wide(300),
      segment: wide(200),
      source: wide(100),
      language: 'da',
    }));
    const payload = JSON.stringify({ items });
    expect(Buffer.byteLength(payload)).toBeGreaterThan(6 * MB);
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(INGEST_BODY_LIMIT);
    const response = await send(payload);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ imported: 100 });
  });

  it('refuses one item more than the schema allows as a validation error, and a body over the limit as 413', async () => {
    const items = Array.from({ length: 101 }, (_, index) => ({
      id: `x${index}`,
      receivedAt: '2026-11-20T10:00:00Z',
      metric: 'nps',
      score: 9,
    }));
    const tooMany = await send(JSON.stringify({ items }));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    const huge = await send(
      JSON.stringify({ items: [{ receivedAt: '2026-11-20T10:00:00Z', comment: 'x'.repeat(INGEST_BODY_LIMIT) }] }),
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});
