import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigest } from '../../server/actions/digest.ts';
import { type ActionActor, actionsTeam } from '../helpers/actions-team.ts';
import { type SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';

describe('e-mail digest of due actions', () => {
  let app: FastifyInstance;
  let clients: Record<ActionActor, SessionClient>;
  let ids: Record<ActionActor, number>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    app = await makeTestApp();
    ({ clients, ids } = await actionsTeam(app));
    sink = await startSmtpSink();
    await clients.lead.request('POST', '/api/teams/support/actions', {
      title: 'Overdue one',
      ownerId: ids.member,
      dueDate: '2020-01-01',
    });
    await clients.lead.request('POST', '/api/teams/support/actions', {
      title: 'Far away',
      ownerId: ids.member,
      dueDate: '2099-01-01',
    });
    const soon = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await clients.lead.request('POST', '/api/teams/support/actions', {
      title: 'Due tomorrow',
      ownerId: ids.other,
      dueDate: soon,
    });
    const done = await clients.lead.request('POST', '/api/teams/support/actions', {
      title: 'Finished',
      ownerId: ids.other,
      dueDate: '2020-01-01',
    });
    await clients.lead.request('POST', `/api/teams/support/actions/${(done.json() as { id: number }).id}/status`, {
      to: 'done',
    });
  });
  afterAll(async () => {
    await app.close();
    await sink.stop();
  });

  it('sends nothing and fails nothing without SMTP_URL', async () => {
    const result = await sendDigest(app.services.store, undefined, 'http://localhost:3000');
    expect(result).toMatchObject({ configured: false, sent: 0 });
    expect(result.recipients.map((recipient) => recipient.email).sort()).toEqual([
      'member@example.dk',
      'other@example.dk',
    ]);
    expect(sink.mails).toHaveLength(0);
  });

  it('mails each owner their overdue and due-soon actions once a day', async () => {
    const result = await sendDigest(app.services.store, sink.url, 'http://localhost:3000');
    expect(result.sent).toBe(2);
    const toMember = sink.mails.find((mail) => mail.to.includes('member@example.dk'));
    // The team is Danish (the default language), so is its digest.
    expect(toMember?.data).toContain('Overskredet: Overdue one');
    expect(toMember?.data).not.toContain('Far away');
    const toOther = sink.mails.find((mail) => mail.to.includes('other@example.dk'));
    expect(toOther?.data).toContain('Snart frist: Due tomorrow');
    expect(toOther?.data).not.toContain('Finished');
    expect(toMember?.data).toContain('http://localhost:3000/#/actions');

    const again = await sendDigest(app.services.store, sink.url, 'http://localhost:3000');
    expect(again).toMatchObject({ sent: 0, recipients: [] });
    expect(sink.mails).toHaveLength(2);
  });
});
