import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';
import { makeMember } from '../helpers/meeting.ts';
import { previousMonth } from '../../server/leader-digest/calendar.ts';
import { ENGLISH_ONLY, horizontalOverflow, overlappingControls, textInOtherLanguage } from '../helpers/ui-checks.ts';

const SHOTS = 'reports/screenshots';
const ADMIN = { id: 0, email: '', name: 'admin', isAdmin: true };
const DAY = 86_400_000;

describe('a director reads the monthly digest of a department, in Danish', () => {
  const e2e = useKadenceInChromium();

  it('follows the dashboard’s link to the digest: the month’s counts, the customers and the team that lost the rhythm', async () => {
    const { services, db } = e2e.kadence.app;
    const names = ['Kundeservice', 'Webshop', 'Levering'];
    const from = new Date(Date.now() - 200 * DAY).toISOString().slice(0, 10);
    for (const name of names) {
      const team = await services.teams.create({ name, slug: name.toLowerCase() });
      await makeMember(e2e.kadence.app, team.slug, `lead@${team.slug}.dk`, `Leder ${name}`, 'lead');
      await services.meetings.setCadence(
        await services.teams.bySlug(team.slug),
        { rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '10:00', durationMinutes: 60, from },
        null,
      );
    }
    // Every review whose hour is over was held, except Webshop's last two: Webshop lost the rhythm.
    const now = new Date().toISOString();
    for (const name of names) {
      const team = await services.teams.bySlug(name.toLowerCase());
      const due = (await services.meetings.meetings(team)).filter((row) => row.ends_at <= now);
      const held = name === 'Webshop' ? due.slice(0, -2) : due;
      for (const row of held) db.prepare("UPDATE meetings SET status = 'ended' WHERE id = ?").run(row.id);
    }
    // Customers in the last two months: ten NPS answers each in Kundeservice.
    const kundeservice = await services.teams.bySlug('kundeservice');
    const today = new Date();
    const monthAgo = (months: number) =>
      new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, 12, 10)).toISOString();
    const answers = (months: number, scores: number[]) =>
      scores.map((score, index) => ({
        id: `m${months}-${index}`,
        source: 'app',
        receivedAt: monthAgo(months),
        metric: 'nps',
        score,
      }));
    await services.imports.ingestBatch(kundeservice, [
      ...answers(1, [10, 10, 10, 10, 10, 10, 9, 8, 3, 2]),
      ...answers(2, [10, 9, 8, 8, 8, 3, 3, 2, 1, 0]),
    ]);
    const department = await services.units.create(ADMIN, { name: 'Kundeafdelingen' });
    for (const name of names) await services.units.addTeam(ADMIN, department.id, name.toLowerCase());
    const director = await services.users.create({
      email: 'direktor@example.dk',
      name: 'Dorte Direktør',
      password: 'a-long-password',
    });
    await services.units.addLead(ADMIN, department.id, director.email);
    // As the first working day's job would (without SMTP: in the app only).
    const reports = await services.leaderDigests.runMonth(undefined);
    expect(reports.map((report) => report.outcome)).toEqual(['stored']);
    // The month before, through an SMTP server that refuses it: kept, and to be tried again.
    const refused = await services.leaderDigests.runMonth(previousMonth(reports[0]?.month ?? ''), new Date(), {
      sendMail: async () => {
        throw new Error('451 try again later');
      },
    });
    expect(refused.map((report) => [report.outcome, report.attempts])).toEqual([['mail_retry', 1]]);
    const token = (await services.auth.startSession(director.id)).token;

    mkdirSync(SHOTS, { recursive: true });
    for (const [width, height, shot] of [
      [1280, 900, 'leader-digests-da.png'],
      [390, 844, 'leader-digests-da-phone.png'],
    ] as const) {
      const context = await e2e.browser.newContext({ locale: 'da-DK', viewport: { width, height } });
      await context.addCookies([{ name: 'kadence_session', value: token, url: e2e.kadence.url }]);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));

      await page.goto(`${e2e.kadence.url}/#/units/${department.id}`);
      await page.getByRole('heading', { name: 'Overblik · Kundeafdelingen' }).waitFor();
      await page.getByTestId('digests-link').click();
      await page.getByRole('heading', { name: 'Månedsoverblik' }).waitFor();
      const digests = page.getByTestId('leader-digest');
      await digests.first().waitFor();
      expect(await digests.count()).toBe(2);
      const digest = digests.first();
      expect(await digest.locator('h2').textContent()).toMatch(/^Kundeafdelingen · [a-zæøå]+\.? \d{4}$/);
      expect(await digest.textContent()).toContain('Kun i Kadence');
      expect(await digests.nth(1).textContent()).toMatch(/E-mailen er ikke sendt endnu \(1 forsøg\); prøves igen \d/);
      // Two of the three teams held last month's review.
      expect(await digest.locator('.totals').textContent()).toContain('2 af 3');
      expect(await digest.getByTestId('digest-lost').textContent()).toContain('Webshop');
      expect(await digest.getByTestId('digest-lost').textContent()).toContain('To gennemgange sprunget over');
      // 7 promoters and 2 detractors of 10 (+50) after 2 and 5 (−30): +80, in Danish numbers.
      const kpis = await digest.getByTestId('digest-kpis').textContent();
      expect(kpis).toContain('NPS');
      expect(kpis).toContain('−30');
      expect(kpis).toContain('+80');
      expect(kpis).toContain('95 %-interval −78,4 til 18,4');
      expect(kpis).toContain('En tydelig ændring');

      expect(await horizontalOverflow(page)).toEqual([]);
      expect(await overlappingControls(page)).toEqual([]);
      expect(
        await textInOtherLanguage(page, ENGLISH_ONLY, [...names, 'Kundeafdelingen', 'Dorte Direktør', 'NPS']),
      ).toEqual([]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/${shot}`, fullPage: true });
      expect(pageErrors).toEqual([]);
      await context.close();
    }
  });
});
