import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAILS_PER_HOUR } from '../../server/invites/service.ts';
import { type SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { type SunkMail, startSmtpSink } from '../helpers/smtp-sink.ts';
import { teamWithRoles } from '../helpers/team-clients.ts';

const codeOf = (response: LightMyRequestResponse) => (response.json() as { error?: { code: string } }).error?.code;

/** The text of a sunk mail: headers unfolded, and a quoted-printable body decoded as UTF-8. */
function readable(mail: SunkMail): { subject: string; body: string } {
  const [head = '', ...rest] = mail.data.split('\n\n');
  const unfolded = head.replace(/\n[ \t]+/g, ' ');
  const rawSubject = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '';
  const subject = rawSubject.replace(/=\?UTF-8\?([QB])\?(.*?)\?=\s*/gi, (_all, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
  const raw = rest.join('\n\n');
  const body = /quoted-printable/i.test(head) ? decodeQuotedPrintable(raw) : raw;
  return { subject, body };
}
function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('sending an invite link by e-mail', () => {
  let app: FastifyInstance;
  let clients: Record<'lead' | 'member', SessionClient>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await makeTestApp({ smtpUrl: sink.url, publicUrl: 'https://kadence.example.dk' });
    clients = await teamWithRoles(app, ['lead', 'member']);
  });
  afterAll(async () => {
    await app.close();
    await sink.stop();
  });

  const createInvite = async (body: Record<string, unknown> = { role: 'member' }) =>
    (await clients.lead.request('POST', '/api/teams/support/invites', body)).json() as {
      token: string;
      url: string;
      canEmail: boolean;
    };
  const send = (token: string, email: string, client: SessionClient = clients.lead, team = 'support') =>
    client.request('POST', `/api/teams/${team}/invites/email`, { token, email });

  it('says a new link can be e-mailed, and sends it in the team’s language with the team name and the link', async () => {
    const invite = await createInvite();
    expect(invite.canEmail).toBe(true);
    const response = await send(invite.token, 'ny.kollega@example.dk');
    expect(response.statusCode).toBe(200);
    expect(sink.mails).toHaveLength(1);
    const mail = sink.mails[0];
    expect(mail?.to).toEqual(['ny.kollega@example.dk']);
    expect(mail?.from).toBe('no-reply@kadence.example.dk');
    const { subject, body } = readable(mail as SunkMail);
    expect(subject).toBe('Invitation til Support i Kadence');
    expect(body).toContain('inviterer dig til teamet Support i Kadence som medlem');
    expect(body).toContain(invite.url);
    expect(body).toMatch(/Linket virker til og med \d{1,2}\. [a-z]+\.? \d{4}/);
    expect(mail?.data).toMatch(/^Reply-To: lead@example\.dk$/m);
  });

  it('writes in English for an English team', async () => {
    expect((await clients.lead.request('PATCH', '/api/teams/support', { language: 'en' })).statusCode).toBe(200);
    const invite = await createInvite({ role: 'facilitator' });
    expect((await send(invite.token, 'new.colleague@example.dk')).statusCode).toBe(200);
    const { subject, body } = readable(sink.mails.at(-1) as SunkMail);
    expect(subject).toBe('Invitation to Support on Kadence');
    expect(body).toContain('invites you to the team Support on Kadence as facilitator');
    expect(body).toContain(invite.url);
    await clients.lead.request('PATCH', '/api/teams/support', { language: 'da' });
  });

  it('refuses an address that is not one, a link of another team or no longer usable, a member, and an invite made for someone else', async () => {
    const before = sink.mails.length;
    const invite = await createInvite();
    for (const email of ['not-an-address', 'a@', '', `${'x'.repeat(250)}@example.dk`])
      expect((await send(invite.token, email)).statusCode).toBe(400);
    expect(codeOf(await send(invite.token, 'anna@example.dk', clients.member))).toBe('FORBIDDEN');
    expect(codeOf(await send('x'.repeat(43), 'anna@example.dk'))).toBe('INVITE_INVALID');
    // A link of another team the same person leads is not sent under this team's name.
    await app.services.teams.addMember('other', 'lead@example.dk', 'lead');
    const other = await clients.lead.request('POST', '/api/teams/other/invites', { role: 'member' });
    expect(other.statusCode).toBe(201);
    expect(codeOf(await send((other.json() as { token: string }).token, 'anna@example.dk'))).toBe('INVITE_INVALID');
    const forBo = await createInvite({ role: 'member', email: 'bo@example.dk' });
    const mismatch = await send(forBo.token, 'anna@example.dk');
    expect(mismatch.statusCode).toBe(400);
    expect(codeOf(mismatch)).toBe('INVITE_EMAIL_MISMATCH');
    expect((await send(forBo.token, 'Bo@Example.dk')).statusCode).toBe(200);
    const revoked = await createInvite();
    const id = (
      (await clients.lead.request('GET', '/api/teams/support/invites')).json() as { invites: { id: number }[] }
    ).invites[0]?.id;
    await clients.lead.request('DELETE', `/api/teams/support/invites/${id}`);
    expect(codeOf(await send(revoked.token, 'anna@example.dk'))).toBe('INVITE_INVALID');
    expect(sink.mails.length).toBe(before + 1);
  });

  it(`sends at most ${MAILS_PER_HOUR} invite e-mails per team per hour, then answers RATE_LIMITED`, async () => {
    const { db } = app.services.store;
    const team = await app.services.teams.bySlug('support');
    const invite = await createInvite();
    const { n: sent } = await db
      .selectFrom('invite_emails')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('team_id', '=', team.id)
      .executeTakeFirstOrThrow();
    const { id: inviteId } = await db
      .selectFrom('invites')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    // The hour so far: fill the team's allowance up to one short of the limit.
    for (let index = sent; index < MAILS_PER_HOUR - 1; index++)
      await db
        .insertInto('invite_emails')
        .values({ team_id: team.id, invite_id: inviteId, sent_at: new Date().toISOString() })
        .execute();
    expect((await send(invite.token, 'last@example.dk')).statusCode).toBe(200);
    const refused = await send(invite.token, 'one-too-many@example.dk');
    expect(refused.statusCode).toBe(429);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(sink.mails.some((mail) => mail.to.includes('one-too-many@example.dk'))).toBe(false);
    // Mails older than an hour no longer count.
    await db.updateTable('invite_emails').set({ sent_at: '2020-01-01T00:00:00.000Z' }).execute();
    expect((await send(invite.token, 'next-hour@example.dk')).statusCode).toBe(200);
  });
});

describe('an invite link without SMTP', () => {
  let app: FastifyInstance;
  let lead: SessionClient;
  beforeAll(async () => {
    app = await makeTestApp({ smtpUrl: undefined });
    ({ lead } = await teamWithRoles(app, ['lead']));
  });
  afterAll(async () => app.close());

  it('says it cannot be e-mailed, and a request to send it is refused with MAIL_NOT_CONFIGURED', async () => {
    const invite = (await lead.request('POST', '/api/teams/support/invites', { role: 'member' })).json() as {
      token: string;
      canEmail: boolean;
    };
    expect(invite.canEmail).toBe(false);
    const response = await lead.request('POST', '/api/teams/support/invites/email', {
      token: invite.token,
      email: 'anna@example.dk',
    });
    expect(response.statusCode).toBe(409);
    expect(codeOf(response)).toBe('MAIL_NOT_CONFIGURED');
  });
});
