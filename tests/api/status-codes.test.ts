import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Round } from '../../shared/schemas/pulse.ts';
import type { TeamDetail } from '../../shared/schemas/teams.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';

const PASSWORD = 'a-long-password';

function code(body: string): string | undefined {
  const parsed: { error?: { code?: string } } = JSON.parse(body);
  return parsed.error?.code;
}

/** Bodies are validated as sent, and the status codes are the ones the OpenAPI document promises. */
describe('request validation and status codes', () => {
  let app: FastifyInstance;
  let admin: SessionClient;

  beforeAll(async () => {
    app = await makeTestApp();
    admin = new SessionClient(app);
    await admin.request('POST', '/api/setup', { email: 'admin@example.dk', name: 'Admin', password: PASSWORD });
    await admin.request('POST', '/api/teams', { name: 'Support', slug: 'support' });
    await app.services.users.create({ email: 'anna@example.dk', name: 'Anna', password: PASSWORD });
  });
  afterAll(async () => app.close());

  const teamName = async () => ((await admin.request('GET', '/api/teams/support')).json() as TeamDetail).team.name;

  it('refuses a body whose types are wrong instead of coercing it', async () => {
    for (const name of [42, true, ['Renamed']]) {
      const response = await admin.request('PATCH', '/api/teams/support', { name });
      expect(response.statusCode, JSON.stringify(name)).toBe(400);
      expect(code(response.body)).toBe('VALIDATION');
    }
    expect(await teamName()).toBe('Support');
    const renamed = await admin.request('PATCH', '/api/teams/support', { name: 'Kundeservice' });
    expect(renamed.statusCode).toBe(200);
    expect(await teamName()).toBe('Kundeservice');
  });

  it('still reads query strings and path parameters as their declared types', async () => {
    const page = await admin.request('GET', '/api/teams/support/feedback?limit=5');
    expect(page.statusCode).toBe(200);
    expect((await admin.request('GET', '/api/teams/support/feedback?limit=five')).statusCode).toBe(400);
    expect((await admin.request('DELETE', '/api/teams/support/imports/999999')).statusCode).toBe(404);
  });

  it('answers 409 when an existing member is added again, and leaves their role alone', async () => {
    const first = await admin.request('POST', '/api/teams/support/members', {
      email: 'anna@example.dk',
      role: 'member',
    });
    expect(first.statusCode).toBe(201);
    const again = await admin.request('POST', '/api/teams/support/members', { email: 'anna@example.dk', role: 'lead' });
    expect(again.statusCode).toBe(409);
    expect(code(again.body)).toBe('ALREADY_MEMBER');
    const members = ((await admin.request('GET', '/api/teams/support')).json() as TeamDetail).members;
    expect(members.find((member) => member.email === 'anna@example.dk')?.role).toBe('member');
  });

  it('answers 409 with its own code when a closed pulse round is closed again', async () => {
    const opened = await admin.request('POST', '/api/pulse/rounds', {
      quarter: '2026-Q4',
      teams: ['support'],
      endsOn: '2099-12-31',
    });
    expect(opened.statusCode).toBe(201);
    const round = ((await admin.request('GET', '/api/teams/support/pulse/rounds')).json() as { rounds: Round[] })
      .rounds[0];
    expect(round).toBeDefined();
    const close = () => admin.request('POST', `/api/teams/support/pulse/rounds/${round?.id}/close`);
    expect((await close()).statusCode).toBe(200);
    const again = await close();
    expect(again.statusCode).toBe(409);
    expect(code(again.body)).toBe('PULSE_ROUND_CLOSED');
    expect((await admin.request('POST', '/api/teams/support/pulse/rounds/999999/close')).statusCode).toBe(404);
  });

  it('answers 404 with NOT_FOUND for an import the team does not have', async () => {
    const response = await admin.request('DELETE', '/api/teams/support/imports/424242');
    expect(response.statusCode).toBe(404);
    expect(code(response.body)).toBe('NOT_FOUND');
  });

  it('answers 409 with its own code when an undone import is undone again, and leaves the feedback alone', async () => {
    const { body, headers } = multipartFile(
      'feedback.csv',
      Buffer.from('date;score;comment\n2026-11-02 10:00;9;Fin oplevelse\n'),
    );
    const uploaded = await admin.request('POST', '/api/teams/support/imports/uploads', body, headers);
    expect(uploaded.statusCode).toBe(201);
    const { uploadId }: { uploadId: string } = uploaded.json();
    const imported = await admin.request('POST', '/api/teams/support/imports', {
      uploadId,
      fileName: 'feedback.csv',
      mapping: { receivedAt: 'date', score: 'score', comment: 'comment' },
    });
    expect(imported.statusCode).toBe(201);
    const { importId }: { importId: number } = imported.json();
    const undo = () => admin.request('DELETE', `/api/teams/support/imports/${importId}`);
    expect((await undo()).statusCode).toBe(200);
    const again = await undo();
    expect(again.statusCode).toBe(409);
    expect(code(again.body)).toBe('IMPORT_ALREADY_UNDONE');
    const history: { imports: { id: number; status: string }[] } = (
      await admin.request('GET', '/api/teams/support/imports')
    ).json();
    expect(history.imports.find((entry) => entry.id === importId)?.status).toBe('undone');
  });
});
