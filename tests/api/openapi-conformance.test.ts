import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../helpers/multipart.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';

const PASSWORD = 'a-long-password';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
/** What the checker reads of an answer (app.inject's response has all of it). */
interface Answer {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json(): unknown;
}
type Paths = Record<string, Partial<Record<Lowercase<Method>, Operation>>>;

/** "/api/teams/{team}" as a pattern; literal segments count, so /imports/mappings wins over /imports/{id}. */
function matcher(path: string): { path: string; pattern: RegExp; literals: number } {
  const segments = path.split('/');
  const pattern = new RegExp(
    `^${segments.map((segment) => (segment.startsWith('{') ? '[^/]+' : segment.replace(/[.]/g, '\\.'))).join('/')}$`,
  );
  return { path, pattern, literals: segments.filter((segment) => !segment.startsWith('{')).length };
}

/**
 * Realistic traffic over the API — happy paths and refusals — and every answer checked against the
 * OpenAPI document: the status must be documented, the content type must be one the document names,
 * and a JSON body must match the documented schema.
 */
describe('every answer matches the OpenAPI document', () => {
  let app: FastifyInstance;
  let paths: Paths;
  let matchers: ReturnType<typeof matcher>[];
  let ajv: Ajv2020;
  const problems: string[] = [];
  const seen = new Set<string>();

  const check = <A extends Answer>(method: Method, url: string, response: A): A => {
    const pathname = url.split('?')[0] ?? url;
    const found = matchers
      .filter((entry) => entry.pattern.test(pathname) && paths[entry.path]?.[method.toLowerCase() as Lowercase<Method>])
      .sort((a, b) => b.literals - a.literals)[0];
    if (!found) {
      problems.push(`${method} ${url}: no operation in the document`);
      return response;
    }
    const key = `${method} ${found.path}`;
    seen.add(key);
    const operation = paths[found.path]?.[method.toLowerCase() as Lowercase<Method>];
    const documented = operation?.responses[String(response.statusCode)];
    if (!documented) {
      problems.push(`${key}: status ${response.statusCode} is not documented (${response.body.slice(0, 120)})`);
      return response;
    }
    const type =
      String(response.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim() ?? '';
    const media = documented.content?.[type];
    if (!media) {
      problems.push(
        `${key} ${response.statusCode}: content type "${type}" is not documented (${Object.keys(documented.content ?? {}).join(', ')})`,
      );
      return response;
    }
    if (type === 'application/json' && media.schema !== undefined) {
      const pointer = `openapi.json#/paths/${found.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${response.statusCode}/content/application~1json/schema`;
      const validate = ajv.getSchema(pointer);
      if (!validate) problems.push(`${key}: no schema at ${pointer}`);
      else if (!validate(response.json()))
        problems.push(`${key} ${response.statusCode}: body does not match: ${ajv.errorsText(validate.errors)}`);
    }
    return response;
  };

  let admin: SessionClient;
  let member: SessionClient;
  let anonymous: SessionClient;
  const send = async (
    client: SessionClient,
    method: Method,
    url: string,
    payload?: object | Buffer,
    headers?: Record<string, string>,
  ) => check(method, url, await client.request(method, url, payload, headers));
  const raw = async (method: Method, url: string, headers: Record<string, string>, payload?: object) =>
    check(method, url, await app.inject({ method, url, headers, ...(payload ? { payload } : {}) }));

  /** "METHOD /path" of every operation the document has. */
  const operations = () =>
    Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );

  beforeAll(async () => {
    app = await makeTestApp();
    const doc = (await app.inject('/api/openapi.json')).json() as { paths: Paths };
    paths = doc.paths;
    matchers = Object.keys(paths).map(matcher);
    ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    ajv.addSchema(doc, 'openapi.json');
    admin = new SessionClient(app);
    member = new SessionClient(app);
    anonymous = new SessionClient(app);
  });
  afterAll(async () => app.close());

  it('drives accounts, teams, actions, feedback, imports, pulse and meetings', async () => {
    await send(anonymous, 'GET', '/api/health');
    await send(anonymous, 'GET', '/api/auth/csrf');
    await send(anonymous, 'GET', '/api/setup');
    await send(admin, 'POST', '/api/setup', { email: 'admin@example.dk', name: 'Admin', password: PASSWORD });
    await send(admin, 'POST', '/api/setup', { email: 'admin@example.dk', name: 'Admin', password: PASSWORD });
    await send(anonymous, 'GET', '/api/auth/me');
    await send(admin, 'GET', '/api/auth/me');
    await send(anonymous, 'POST', '/api/auth/login', { email: 'admin@example.dk', password: 'wrong-password' });
    await send(anonymous, 'POST', '/api/auth/login', { email: 'not an email' });

    await send(admin, 'POST', '/api/teams', { name: 'Support', slug: 'support' });
    await send(admin, 'POST', '/api/teams', { name: 'Support', slug: 'support' });
    await send(admin, 'GET', '/api/teams');
    await send(admin, 'GET', '/api/teams/support');
    await send(admin, 'GET', '/api/teams/no-such-team');
    await send(admin, 'PATCH', '/api/teams/support', { name: 42 });
    await send(admin, 'PATCH', '/api/teams/support', { name: 'Kundeservice' });
    await app.services.users.create({ email: 'anna@example.dk', name: 'Anna', password: PASSWORD });
    const added = await send(admin, 'POST', '/api/teams/support/members', { email: 'anna@example.dk', role: 'member' });
    await send(admin, 'POST', '/api/teams/support/members', { email: 'anna@example.dk', role: 'lead' });
    const anna = (added.json() as { userId: number }).userId;
    await send(admin, 'PUT', `/api/teams/support/members/${anna}`, { role: 'facilitator' });
    await send(member, 'POST', '/api/auth/login', { email: 'anna@example.dk', password: PASSWORD });
    await send(member, 'PATCH', '/api/teams/support', { name: 'Taken over' });
    const invite = (
      await send(admin, 'POST', '/api/teams/support/invites', { email: 'new@example.dk', role: 'member' })
    ).json() as { invite: { id: number }; token: string };
    await send(admin, 'GET', '/api/teams/support/invites');
    // This server has no SMTP_URL: the documented refusal, and a bad address's.
    await send(admin, 'POST', '/api/teams/support/invites/email', { token: invite.token, email: 'new@example.dk' });
    await send(admin, 'POST', '/api/teams/support/invites/email', { token: invite.token, email: 'not an address' });
    await send(anonymous, 'GET', `/api/invites/${invite.token}`);
    await send(anonymous, 'GET', `/api/invites/${'x'.repeat(43)}`);
    await send(anonymous, 'POST', `/api/invites/${invite.token}/accept`, {
      name: 'Ny',
      email: 'new@example.dk',
      password: PASSWORD,
    });
    await send(anonymous, 'POST', `/api/invites/${invite.token}/accept`, {
      name: 'Ny',
      email: 'new@example.dk',
      password: PASSWORD,
    });
    const revocable = (await send(admin, 'POST', '/api/teams/support/invites', { role: 'member' })).json() as {
      invite: { id: number };
    };
    await send(admin, 'DELETE', `/api/teams/support/invites/${revocable.invite.id}`);
    await send(admin, 'DELETE', '/api/teams/support/invites/999999');
    await send(admin, 'GET', '/api/me/overview');
    await send(anonymous, 'GET', '/api/me/overview');

    // The organisation: the tree, its refusals, a lead, the dashboard and a leader's read of a team.
    const company = (await send(admin, 'POST', '/api/units', { name: 'Koncern' })).json() as { id: number };
    const service = (await send(admin, 'POST', '/api/units', { name: 'Service', parentId: company.id })).json() as {
      id: number;
    };
    await send(admin, 'POST', '/api/units', { name: 'Løs', parentId: 999999 });
    await send(admin, 'POST', '/api/units', { name: 'Service' });
    await send(member, 'POST', '/api/units', { name: 'Mine' });
    await send(admin, 'GET', '/api/units');
    await send(anonymous, 'GET', '/api/units');
    await send(admin, 'PATCH', `/api/units/${company.id}`, { parentId: service.id });
    await send(admin, 'PATCH', `/api/units/${service.id}`, { name: 'Kundeservice' });
    await send(admin, 'PUT', `/api/units/${service.id}/teams/support`);
    await send(admin, 'PUT', `/api/units/${service.id}/teams/no-such-team`);
    const led = (await send(admin, 'POST', `/api/units/${service.id}/leads`, { email: 'anna@example.dk' })).json() as {
      leads: { userId: number }[];
    };
    await send(admin, 'GET', `/api/units/${service.id}/dashboard`);
    await send(member, 'GET', `/api/units/${company.id}/dashboard`);
    await send(admin, 'GET', `/api/units/${service.id}/dashboard/export?table=rhythm&delimiter=semicolon`);
    await send(admin, 'GET', `/api/units/${service.id}/dashboard/export?table=nothing`);
    // A lead's monthly digest, composed as the daily job would, read by the lead and refused signed out.
    await app.services.leaderDigests.runMonth('2026-11');
    await send(member, 'GET', '/api/me/leader-digests');
    await send(anonymous, 'GET', '/api/me/leader-digests');
    await send(admin, 'GET', `/api/units/${service.id}/dashboard/customers`);
    await send(member, 'GET', `/api/units/${company.id}/dashboard/customers`);
    await send(admin, 'GET', `/api/units/${service.id}/dashboard/culture`);
    await send(admin, 'GET', `/api/units/${service.id}/dashboard/themes`);
    await send(admin, 'GET', `/api/units/${service.id}/dashboard/themes?quarter=2026Q5`);
    await send(admin, 'GET', `/api/units/${service.id}/dashboard/export?table=customers`);
    await send(admin, 'GET', `/api/units/${service.id}/teams/support/summaries`);
    await send(admin, 'GET', `/api/units/${service.id}/teams/support/actions`);
    await send(admin, 'GET', `/api/units/${service.id}/teams/support/kpis?metric=nps`);
    await send(admin, 'GET', `/api/units/${company.id}/teams/support/kpis?metric=nps`);
    await send(admin, 'DELETE', `/api/units/${company.id}`);
    await send(admin, 'DELETE', `/api/units/${service.id}/leads/${led.leads[0]?.userId ?? 0}`);
    await send(admin, 'DELETE', `/api/units/${service.id}/leads/999999`);
    await send(admin, 'DELETE', `/api/units/${service.id}/teams/support`);
    await send(admin, 'DELETE', `/api/units/${service.id}/teams/support`);
    const emptyUnit = (await send(admin, 'POST', '/api/units', { name: 'Tom' })).json() as { id: number };
    await send(admin, 'DELETE', `/api/units/${emptyUnit.id}`);

    const action = await send(admin, 'POST', '/api/teams/support/actions', {
      title: 'Ring kunderne op',
      dueDate: '2026-12-24',
      ownerId: anna,
    });
    const actionId = (action.json() as { id: number }).id;
    await send(admin, 'POST', '/api/teams/support/actions', { title: '' });
    await send(admin, 'GET', '/api/actions');
    await send(admin, 'GET', `/api/teams/support/actions/${actionId}`);
    await send(admin, 'GET', '/api/teams/support/actions/999999');
    await send(admin, 'PATCH', `/api/teams/support/actions/${actionId}`, { title: 'Ring de utilfredse kunder op' });
    await send(admin, 'POST', `/api/teams/support/actions/${actionId}/status`, { status: 'in_progress' });
    await send(admin, 'POST', `/api/teams/support/actions/${actionId}/notes`, { note: 'Halvdelen er ringet op' });
    await send(admin, 'GET', `/api/teams/support/actions/${actionId}/effect`);
    await send(admin, 'GET', '/api/teams/support/actions/follow-up');
    await send(admin, 'GET', '/api/actions/reminders');
    await send(admin, 'GET', '/api/actions/export?format=csv&delimiter=semicolon');
    await send(admin, 'GET', '/api/actions/export?format=md');
    await send(admin, 'GET', '/api/actions/export?format=pdf');
    const hook = await send(admin, 'POST', '/api/teams/support/webhooks', { url: 'https://hooks.example.com/kadence' });
    await send(admin, 'POST', '/api/teams/support/webhooks', { url: 'http://127.0.0.1/hook' });
    await send(admin, 'GET', '/api/teams/support/webhooks');
    await send(
      admin,
      'DELETE',
      `/api/teams/support/webhooks/${hook.statusCode === 201 ? (hook.json() as { id: number }).id : 999999}`,
    );
    await send(admin, 'DELETE', '/api/teams/support/webhooks/999999');

    const token = await send(admin, 'POST', '/api/teams/support/api-tokens', { name: 'Survey tool' });
    const secret = (token.json() as { token: string }).token;
    await send(admin, 'GET', '/api/teams/support/api-tokens');
    const items = [
      { id: 'w1', receivedAt: '2026-11-20T10:00:00Z', metric: 'nps', score: 9, comment: 'Hurtig levering' },
    ];
    await raw('POST', '/api/teams/support/feedback', { authorization: `Bearer ${secret}` }, { items });
    await raw('POST', '/api/teams/support/feedback', {}, { items });
    const feedbackPage = (await send(admin, 'GET', '/api/teams/support/feedback?limit=10')).json() as {
      items: { id: number }[];
    };
    const itemId = feedbackPage.items[0]?.id ?? 999999;
    await send(admin, 'POST', `/api/teams/support/feedback/${itemId}/tags`, { tag: 'levering' });
    await send(admin, 'POST', `/api/teams/support/feedback/${itemId}/tags`, { tag: '' });
    await send(admin, 'DELETE', `/api/teams/support/feedback/${itemId}/tags/levering`);
    await send(admin, 'PUT', `/api/teams/support/feedback/${itemId}/flag`, { flagged: true });
    await send(admin, 'PUT', '/api/teams/support/feedback/999999/flag', { flagged: 'yes' });
    // The WOW wall: the team's own praise, one item kept off and put back, and the unit's wall.
    await send(admin, 'GET', '/api/teams/support/wow');
    await send(admin, 'PUT', `/api/teams/support/wow/${itemId}`, { keptOff: true });
    await send(admin, 'PUT', `/api/teams/support/wow/${itemId}`, { keptOff: false });
    await send(admin, 'PUT', '/api/teams/support/wow/999999', { keptOff: 'yes' });
    await send(admin, 'GET', `/api/units/${service.id}/dashboard/wow`);
    await send(admin, 'GET', `/api/units/${service.id}/dashboard/wow?before=yesterday`);
    const spare = (await send(admin, 'POST', '/api/teams/support/api-tokens', { name: 'Old tool' })).json() as {
      apiToken: { id: number };
    };
    await send(admin, 'DELETE', `/api/teams/support/api-tokens/${spare.apiToken.id}`);
    await send(admin, 'DELETE', '/api/teams/support/api-tokens/999999');
    await send(admin, 'GET', '/api/teams/support/feedback?limit=ten');
    await send(admin, 'GET', '/api/teams/support/feedback/facets');
    await send(admin, 'GET', '/api/teams/support/kpis?metric=nps');
    await send(admin, 'GET', '/api/teams/support/kpis?metric=stars');
    await send(admin, 'GET', '/api/teams/support/kpis/monthly?metric=nps');

    const { body, headers } = multipartFile(
      'feedback.csv',
      Buffer.from('date;score;comment\n2026-11-02 10:00;9;Fin oplevelse\n2026-11-03 10:00;99;Uden for skala\n'),
    );
    const uploaded = await send(admin, 'POST', '/api/teams/support/imports/uploads', body, headers);
    const uploadId = (uploaded.json() as { uploadId?: string }).uploadId;
    await send(admin, 'PUT', '/api/teams/support/imports/mappings/Webshop', {
      mapping: { receivedAt: 'date', score: 'score' },
    });
    await send(admin, 'PUT', '/api/teams/support/imports/mappings/Webshop', { mapping: { nonsense: 'date' } });
    await send(admin, 'GET', '/api/teams/support/imports/mappings');
    if (uploadId) {
      const mapping = { receivedAt: 'date', score: 'score', comment: 'comment' };
      await send(admin, 'POST', `/api/teams/support/imports/uploads/${uploadId}/preview`, {
        fileName: 'feedback.csv',
        mapping,
      });
      const imported = await send(admin, 'POST', '/api/teams/support/imports', {
        uploadId,
        fileName: 'feedback.csv',
        mapping,
        metric: 'nps',
      });
      const importId = (imported.json() as { importId?: number }).importId;
      if (importId) {
        await send(admin, 'GET', `/api/teams/support/imports/${importId}/errors.csv`);
        await send(admin, 'DELETE', `/api/teams/support/imports/${importId}`);
      }
    }
    await send(admin, 'GET', '/api/teams/support/imports');
    await send(admin, 'DELETE', '/api/teams/support/imports/424242');

    const statement = (
      await send(admin, 'POST', '/api/pulse/statements', {
        textEn: 'We act on feedback',
        textDa: 'Vi handler på feedback',
      })
    ).json() as { id: number };
    await send(admin, 'POST', '/api/teams/support/pulse/statements', {
      textEn: 'Our team listens',
      textDa: 'Vores team lytter',
    });
    await send(admin, 'POST', '/api/teams/support/pulse/statements', { textEn: '' });
    await send(admin, 'PATCH', `/api/pulse/statements/${statement.id}`, {
      textEn: 'We act on customer feedback',
      textDa: 'Vi handler på kundefeedback',
      retired: false,
    });
    await send(admin, 'PATCH', '/api/pulse/statements/999999', { textEn: 'x', textDa: 'x', retired: true });
    await send(admin, 'PUT', '/api/pulse/threshold', { threshold: 3 });
    await send(admin, 'PUT', '/api/pulse/threshold', { threshold: '3' });
    await send(admin, 'PUT', '/api/pulse/comment-threshold', { commentThreshold: 5 });
    await send(admin, 'GET', '/api/teams/support/pulse/statements');
    await send(admin, 'GET', '/api/pulse/thresholds');
    await send(admin, 'POST', '/api/pulse/rounds', { quarter: '2026-Q4', teams: ['support'], endsOn: '2099-12-31' });
    const rounds = await send(admin, 'GET', '/api/teams/support/pulse/rounds');
    const round = (rounds.json() as { rounds: { id: number; statements: { statementId: number }[] }[] }).rounds[0];
    const roundId = round?.id;
    const answers = (round?.statements ?? []).map((entry) => ({ statementId: entry.statementId, score: 4 }));
    await send(member, 'POST', `/api/teams/support/pulse/rounds/${roundId}/answers`, { answers });
    await send(member, 'POST', `/api/teams/support/pulse/rounds/${roundId}/answers`, { answers });
    await send(admin, 'POST', `/api/teams/support/pulse/rounds/${roundId}/close`);
    await send(admin, 'POST', `/api/teams/support/pulse/rounds/${roundId}/close`);
    await send(admin, 'GET', '/api/teams/support/pulse/results');

    await send(admin, 'PUT', '/api/teams/support/cadence', {
      rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1',
      time: '10:00',
      durationMinutes: 60,
    });
    await send(admin, 'GET', '/api/teams/support/cadence');
    const cadence = (await send(admin, 'GET', '/api/teams/support/cadence')).json() as { template: unknown[] };
    await send(admin, 'PUT', '/api/teams/support/agenda-template', { steps: cadence.template });
    await send(admin, 'PUT', '/api/teams/support/agenda-template', { steps: [] });
    const meetings = await send(admin, 'GET', '/api/teams/support/meetings');
    const planned = (meetings.json() as { meetings?: { id: number; occurrence: string | null }[] }).meetings ?? [];
    const meetingId = planned[0]?.id;
    const skipped = planned[planned.length - 1];
    if (skipped?.occurrence)
      await send(admin, 'POST', '/api/teams/support/cadence/exceptions', {
        occurrence: skipped.occurrence,
        skip: true,
        reason: 'Juleferie',
      });
    await send(admin, 'POST', '/api/teams/support/cadence/exceptions', { occurrence: 'not a date', skip: true });
    await send(admin, 'GET', '/api/teams/support/meetings/archive');
    if (meetingId) {
      await send(admin, 'GET', `/api/teams/support/meetings/${meetingId}/frame`);
      await send(admin, 'PUT', `/api/teams/support/meetings/${meetingId}/cards/${itemId}`, { picked: true });
      await send(admin, 'PUT', `/api/teams/support/meetings/${meetingId}/cards/999999`, { picked: true });
      await send(admin, 'POST', `/api/teams/support/meetings/${meetingId}/propose`);
      const link = await send(admin, 'POST', `/api/teams/support/meetings/${meetingId}/guest-links`, {
        role: 'participant',
      });
      const guest = link.json() as { id: number; token: string };
      await send(anonymous, 'POST', `/api/join/${guest.token}`, { name: 'Gæst' });
      await send(anonymous, 'POST', `/api/join/${guest.token}`, { name: '' });
      await send(admin, 'DELETE', `/api/teams/support/meetings/${meetingId}/guest-links/${guest.id}`);
      await send(anonymous, 'POST', `/api/join/${guest.token}`, { name: 'Gæst' });
      await send(admin, 'DELETE', `/api/teams/support/meetings/${meetingId}/guest-links/999999`);
      await send(admin, 'GET', `/api/teams/support/meetings/${meetingId}/calendar.ics`);
      await send(admin, 'GET', `/api/teams/support/meetings/${meetingId}/board`);
      await send(admin, 'GET', `/api/teams/support/meetings/${meetingId}/summary`);
      await send(admin, 'GET', `/api/teams/support/meetings/${meetingId}/guest-links`);
    }
    await send(admin, 'GET', '/api/teams/support/meetings/next');
    const feed = await send(admin, 'POST', '/api/teams/support/calendar-token');
    const feedUrl = (feed.json() as { url?: string }).url;
    if (feedUrl)
      await send(
        anonymous,
        'GET',
        new URL(feedUrl, 'http://localhost').pathname + new URL(feedUrl, 'http://localhost').search,
      );
    else problems.push(`calendar-token: ${feed.statusCode} ${feed.body}`);
    await send(anonymous, 'GET', `/api/teams/support/calendar.ics?token=${'x'.repeat(40)}`);
    await send(admin, 'GET', '/api/teams/support/cadence/health');
    await send(admin, 'GET', '/api/cadence/health');
    await send(admin, 'GET', '/api/teams/support/reminders');
    await send(admin, 'GET', '/api/teams/support/themes');
    await send(admin, 'GET', '/api/teams/support/themes/monthly?months=3');
    await send(admin, 'GET', '/api/teams/support/themes/monthly?months=99');
    await send(admin, 'DELETE', '/api/teams/support/calendar-token');
    await send(admin, 'POST', '/api/teams/support/feedback/erase', { customer: 'kunde@example.dk' });
    await send(admin, 'POST', '/api/teams/support/feedback/erase', {});
    await send(admin, 'DELETE', `/api/teams/support/actions/${actionId}`);
    await send(member, 'POST', '/api/auth/password', {
      currentPassword: 'wrong-password',
      newPassword: 'another-long-password',
    });
    await send(member, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'another-long-password',
    });
    await send(admin, 'DELETE', `/api/teams/support/members/${anna}`);
    await send(admin, 'DELETE', `/api/teams/support/members/${anna}`);
    await send(admin, 'POST', '/api/auth/logout');

    expect(problems).toEqual([]);
    // Every operation of the document had traffic: a new route without a case here fails.
    expect(operations().filter((key) => !seen.has(key))).toEqual([]);
  }, 120_000);

  it('notices an undocumented status, content type or body shape', () => {
    const answer = (statusCode: number, type: string, body: string): Answer => ({
      statusCode,
      headers: { 'content-type': type },
      body,
      json: () => JSON.parse(body),
    });
    const before = problems.length;
    check('GET', '/api/health', answer(200, 'application/json', '{"status":"ok","version":"0.1.0","store":"sqlite"}'));
    expect(problems.length).toBe(before);
    check('GET', '/api/health', answer(418, 'application/json', '{}'));
    check('GET', '/api/teams/support/calendar.ics', answer(200, 'application/json', '"BEGIN:VCALENDAR"'));
    check('GET', '/api/health', answer(200, 'application/json', '{"status":1}'));
    check('GET', '/api/health', answer(200, 'application/json', '{"status":"ok"}'));
    check('GET', '/api/nowhere', answer(200, 'application/json', '{}'));
    expect(problems.splice(before)).toHaveLength(5);
  });
});
