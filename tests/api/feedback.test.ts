import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackPage } from '../../shared/schemas/feedback.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { teamWithRoles } from '../helpers/team-clients.ts';

describe('the feedback inbox and KPIs over HTTP', () => {
  let app: FastifyInstance;
  const clients: Record<'lead' | 'member' | 'outsider', SessionClient> = {} as never;

  beforeAll(async () => {
    app = await makeTestApp();
    Object.assign(clients, await teamWithRoles(app, ['lead', 'member', 'outsider'] as const));
    const team = await app.services.teams.bySlug('support');
    // 30 NPS answers in October (same timestamp for 10 of them, to test the keyset tie-break) and 6 CSAT in November.
    const items = [
      ...Array.from({ length: 30 }, (_, index) => ({
        id: `n${index}`,
        receivedAt:
          index < 10 ? '2026-10-15T10:00:00Z' : `2026-10-${String(1 + index - 10).padStart(2, '0')}T08:00:00Z`,
        metric: 'nps' as const,
        score: index % 11,
        comment:
          index === 3
            ? 'Ring til mig på 12 34 56 78 eller skriv til pia@example.dk om leveringen'
            : `Kommentar nummer ${index} om æbleskiver`,
        customer: index === 5 ? 'erase-me@example.dk' : `c${index}@example.dk`,
        source: index % 2 === 0 ? 'trustpilot' : 'webshop',
      })),
      ...Array.from({ length: 6 }, (_, index) => ({
        id: `c${index}`,
        receivedAt: `2026-11-0${index + 1} 12:00`,
        metric: 'csat' as const,
        score: index < 4 ? 5 : 2,
        comment: 'The delivery was fast',
        source: 'webshop',
      })),
    ];
    expect(await app.services.imports.ingestBatch(team, items)).toMatchObject({ imported: 36, rejected: 0 });
  });
  afterAll(async () => app.close());

  const get = (client: SessionClient, query: string) => client.request('GET', `/api/teams/support/feedback${query}`);

  it('pages by keyset without skipping or repeating items that share a timestamp', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: FeedbackPage = (
        await get(clients.member, `?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).json();
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(36);
    expect(new Set(seen).size).toBe(36);
  });

  it('filters by period, source, metric, score band and language, and searches in Danish', async () => {
    const november = (await get(clients.member, '?from=2026-11-01&to=2026-11-30')).json() as FeedbackPage;
    expect(november.items.every((item) => item.metric === 'csat')).toBe(true);
    expect(november.items).toHaveLength(6);
    const detractors = (
      await get(clients.member, '?metric=nps&band=detractor&source=webshop&limit=200')
    ).json() as FeedbackPage;
    expect(detractors.items.length).toBeGreaterThan(0);
    expect(detractors.items.every((item) => item.source === 'webshop' && (item.score ?? 99) <= 6)).toBe(true);
    const english = (await get(clients.member, '?language=en')).json() as FeedbackPage;
    expect(english.items.map((item) => item.comment)).toEqual(Array(6).fill('The delivery was fast'));
    const search = (
      await get(clients.member, `?q=${encodeURIComponent('æbleskive')}&limit=200`)
    ).json() as FeedbackPage;
    expect(search.items).toHaveLength(29);
    const prefix = (await get(clients.member, `?q=${encodeURIComponent('leveringen')}`)).json() as FeedbackPage;
    expect(prefix.items).toHaveLength(1);
  });

  it('survives hostile search text', async () => {
    for (const q of ['"', 'NEAR(', 'a OR', '*', '"unterminated', ')))', 'æ"ø*å']) {
      const response = await get(clients.member, `?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(200);
    }
  });

  it('masks e-mail addresses and phone numbers in what the team sees', async () => {
    const all = (await get(clients.member, '?limit=200')).json() as FeedbackPage;
    const masked = all.items.find((item) => item.comment?.startsWith('Ring til mig'));
    expect(masked?.comment).toBe('Ring til mig på [phone] eller skriv til [e-mail] om leveringen');
    expect(JSON.stringify(all)).not.toContain('example.dk');
  });

  it('tags and flags items for the next review', async () => {
    const [first] = ((await get(clients.member, '?limit=1')).json() as FeedbackPage).items;
    const id = first?.id ?? 0;
    expect(
      (await clients.member.request('POST', `/api/teams/support/feedback/${id}/tags`, { tag: 'Levering' })).statusCode,
    ).toBe(200);
    expect(
      (await clients.member.request('PUT', `/api/teams/support/feedback/${id}/flag`, { flagged: true })).statusCode,
    ).toBe(200);
    const tagged = (await get(clients.member, '?tag=levering')).json() as FeedbackPage;
    expect(tagged.items).toEqual([expect.objectContaining({ id, tags: ['levering'], flagged: true })]);
    expect(((await get(clients.member, '?flagged=true')).json() as FeedbackPage).items).toHaveLength(1);
    await clients.member.request('DELETE', `/api/teams/support/feedback/${id}/tags/levering`);
    expect(((await get(clients.member, '?tag=levering')).json() as FeedbackPage).items).toHaveLength(0);
    expect(
      (await clients.outsider.request('PUT', `/api/teams/support/feedback/${id}/flag`, { flagged: false })).statusCode,
    ).toBe(404);
    expect(
      (await clients.outsider.request('PUT', `/api/teams/other/feedback/${id}/flag`, { flagged: false })).statusCode,
    ).toBe(404);
  });

  it('computes KPIs per range and per month, and says when there is not enough data', async () => {
    const csat = (
      await clients.member.request('GET', '/api/teams/support/kpis?metric=csat&from=2026-11-01&to=2026-11-30')
    ).json();
    expect(csat).toMatchObject({ metric: 'csat', n: 6, value: 66.7, enough: true });
    const few = (
      await clients.member.request('GET', '/api/teams/support/kpis?metric=csat&from=2026-11-01&to=2026-11-03')
    ).json();
    expect(few).toMatchObject({ n: 3, value: null, enough: false });
    const monthly = (
      await clients.member.request('GET', '/api/teams/support/kpis/monthly?metric=nps&months=36')
    ).json() as { months: { month: string; n: number }[] };
    expect(monthly.months.find((month) => month.month === '2026-10')?.n).toBe(30);
  });

  it('lets only a lead erase a customer’s data, found by the pseudonymised reference', async () => {
    expect(
      (await clients.member.request('POST', '/api/teams/support/feedback/erase', { customer: 'erase-me@example.dk' }))
        .statusCode,
    ).toBe(403);
    const erased = await clients.lead.request('POST', '/api/teams/support/feedback/erase', {
      customer: ' Erase-Me@example.dk ',
    });
    expect(erased.json()).toEqual({ erased: 1 });
    expect(((await get(clients.member, '?limit=200')).json() as FeedbackPage).items).toHaveLength(35);
    expect((await clients.outsider.request('GET', '/api/teams/support/feedback')).statusCode).toBe(404);
  });
});
