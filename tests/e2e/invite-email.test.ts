import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';

describe('sending an invite link by e-mail from the team page', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>> | null = null;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => sink?.stop());
  const e2e = useKadenceInChromium({ env: () => ({ SMTP_URL: sink?.url ?? '' }) });

  it(
    'offers the e-mail action beside the copy button, checks the address, and sends the link',
    { timeout: 90_000 },
    async () => {
      const { services } = e2e.kadence.app;
      await services.users.create({
        email: 'lene@example.dk',
        name: 'Lene Leder',
        password: 'correct horse battery',
        isAdmin: true,
      });
      await services.teams.create({ name: 'Butikken Østerbro', slug: 'osterbro', timezone: 'Europe/Copenhagen' });
      await services.teams.addMember('osterbro', 'lene@example.dk', 'lead');
      const context = await e2e.browser.newContext({ locale: 'da-DK' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(e2e.kadence.url);
      await page.getByLabel('E-mail').fill('lene@example.dk');
      await page.getByLabel('Adgangskode').fill('correct horse battery');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.locator('a[href="#/teams/osterbro"]').first().click();
      await page.getByRole('button', { name: 'Lav invitationslink' }).click();
      const url = await page.getByTestId('invite-url').inputValue();
      await page.getByRole('button', { name: 'Kopiér link' }).waitFor();

      const address = page.getByLabel('Send linket til (e-mail)');
      await address.fill('ikke-en-adresse');
      await page.getByRole('button', { name: 'Send som e-mail' }).click();
      // The browser holds back an address that is not one; nothing is sent.
      expect(await address.evaluate((input) => (input as HTMLInputElement).validity.valid)).toBe(false);
      expect(sink?.mails).toHaveLength(0);

      await address.fill('sofie@example.dk');
      await page.getByRole('button', { name: 'Send som e-mail' }).click();
      await page.getByTestId('invite-sent').waitFor();
      expect(await page.getByTestId('invite-sent').textContent()).toBe('Sendt til sofie@example.dk.');
      expect(sink?.mails.map((mail) => mail.to)).toEqual([['sofie@example.dk']]);
      expect(sink?.mails[0]?.data.replace(/=\n/g, '')).toContain(url.replace(/=/g, '=3D'));
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: 'reports/screenshots/team-invite-email.png', fullPage: true });
      await context.close();
    },
  );
});
