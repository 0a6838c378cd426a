import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/plugins/config.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { createScratchDatabase, postgresSuite, usePostgresServer, type ScratchDatabase } from '../helpers/postgres.ts';
import { SessionClient } from '../helpers/session-client.ts';

describe(postgresSuite('Kadence with DATABASE_URL'), () => {
  const server = usePostgresServer();
  let database: ScratchDatabase;
  let app: FastifyInstance;

  const start = async () => {
    const built = await buildApp(
      {
        ...loadConfig({ DATABASE_URL: database.url }),
        // No SQLite file may be made: the data directory is one that does not exist.
        databaseFile: '/nonexistent/kadence.db',
        uploadDir: mkdtempSync(join(tmpdir(), 'kadence-uploads-')),
      },
      { logger: false, clientDir: '/nonexistent' },
    );
    await built.ready();
    return built;
  };

  beforeAll(async () => {
    database = await createScratchDatabase(server());
    app = await start();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('says in its health check that it runs on PostgreSQL, and has no SQLite handle', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'ok', store: 'postgres' });
    expect(() => app.db).toThrow(/PostgreSQL/);
  });

  it('runs the first hour of a new workspace on PostgreSQL and keeps it across a restart', async () => {
    const admin = new SessionClient(app);
    const setup = await admin.request('POST', '/api/setup', {
      email: 'admin@example.dk',
      name: 'Admin',
      password: 'a-long-password',
    });
    expect(setup.statusCode).toBeLessThan(300);
    expect(
      (await admin.request('POST', '/api/teams', { name: 'Kundeservice', slug: 'kundeservice', asLead: true }))
        .statusCode,
    ).toBe(201);

    const { body, headers } = multipartFile(
      'svar.csv',
      Buffer.from(
        'Dato;Score;Kommentar\n2026-11-02 10:00;10;Hurtig levering\n2026-11-03 10:00;3;Pakken kom for sent\n',
      ),
    );
    const uploaded = await admin.request('POST', '/api/teams/kundeservice/imports/uploads', body, headers);
    expect(uploaded.statusCode).toBe(201);
    const { uploadId } = uploaded.json() as { uploadId: string };
    const mapping = { receivedAt: 'Dato', score: 'Score', comment: 'Kommentar' };
    const imported = await admin.request('POST', '/api/teams/kundeservice/imports', {
      uploadId,
      fileName: 'svar.csv',
      mapping,
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ imported: 2, rejected: 0 });

    const kpi = await admin.request('GET', '/api/teams/kundeservice/kpis?metric=nps&from=2026-11-01&to=2026-11-30');
    // Two answers are below the threshold for a figure: counted, not shown.
    expect(kpi.json()).toMatchObject({ metric: 'nps', n: 2, value: null, enough: false });
    const search = await admin.request('GET', '/api/teams/kundeservice/feedback?q=levering');
    expect((search.json() as { items: { comment: string }[] }).items.map((item) => item.comment)).toEqual([
      'Hurtig levering',
    ]);
    const action = await admin.request('POST', '/api/teams/kundeservice/actions', { title: 'Ring til fragtfirmaet' });
    expect(action.statusCode).toBe(201);

    // The rows are in PostgreSQL, not in a file of the process.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const counted = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback');
      expect(counted.rows[0]?.n).toBe(2);
    } finally {
      await client.end();
    }

    await app.close();
    app = await start();
    const again = new SessionClient(app);
    expect(
      (await again.request('POST', '/api/auth/login', { email: 'admin@example.dk', password: 'a-long-password' }))
        .statusCode,
    ).toBe(200);
    const actions = (await again.request('GET', '/api/actions?team=kundeservice')).json() as {
      actions: { title: string }[];
    };
    expect(actions.actions.map((item) => item.title)).toEqual(['Ring til fragtfirmaet']);
  });
});
