import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useKadenceInChromium } from '../helpers/browser.ts';

/** The text a field's aria-describedby points at: what a screen reader reads with it. */
const descriptionOf = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );

/** What the browser itself enforces on a password field before anything is sent. */
const constraintsOf = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((input) => ({
    type: input.getAttribute('type'),
    required: input.hasAttribute('required'),
    minlength: input.getAttribute('minlength'),
    autocomplete: input.getAttribute('autocomplete'),
  }));
const NEW_PASSWORD = { type: 'password', required: true, minlength: '10', autocomplete: 'new-password' };

describe('the first-run forms say their rules before the first try', () => {
  const e2e = useKadenceInChromium();

  it(
    'shows the password rule on setup and on an invite before anything is sent, and derives an editable slug',
    { timeout: 90_000 },
    async () => {
      const context = await e2e.browser.newContext({ locale: 'da-DK' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const requests: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') requests.push(request.url());
      });
      await page.goto(e2e.kadence.url);
      await page.getByRole('heading', { name: 'Velkommen til Kadence' }).waitFor();
      // Before the first try: the rule is on the page and tied to the field.
      await page.getByText('Mindst 10 tegn.').waitFor();
      expect(await descriptionOf(page, 'Adgangskode')).toBe('Mindst 10 tegn.');
      expect(await constraintsOf(page, 'Adgangskode')).toEqual(NEW_PASSWORD);
      expect(requests).toEqual([]);

      await page.getByLabel('Navn').fill('Mette Admin');
      await page.getByLabel('E-mail').fill('mette@example.dk');
      await page.getByLabel('Adgangskode').fill('correct horse battery');
      await page.getByRole('button', { name: 'Opret konto' }).click();

      // The slug follows the name, Danish letters spelt out, until the person edits it.
      await page.getByLabel('Teamets navn').fill('Butikken Østerbro & Café Åen');
      const slug = page.getByLabel('Kort navn (slug)');
      expect(await slug.inputValue()).toBe('butikken-oesterbro-cafe-aaen');
      expect(await descriptionOf(page, 'Kort navn (slug)')).toBe(
        'Lavet ud fra navnet; du kan rette det, før du gemmer.',
      );
      await slug.fill('oesterbro');
      await page.getByLabel('Teamets navn').fill('Butikken Østerbro og Nørrebro');
      expect(await slug.inputValue()).toBe('oesterbro');
      await page.getByRole('button', { name: 'Opret', exact: true }).click();
      await page.getByRole('heading', { name: 'Butikken Østerbro og Nørrebro' }).waitFor();
      expect(page.url()).toContain('#/teams/oesterbro');

      await page.getByRole('button', { name: 'Lav invitationslink' }).click();
      const inviteUrl = await page.getByTestId('invite-url').inputValue();
      const invitee = await e2e.browser.newContext({ locale: 'en-GB' });
      const other = await invitee.newPage();
      const sent: string[] = [];
      other.on('request', (request) => {
        if (request.method() === 'POST') sent.push(request.url());
      });
      await other.goto(inviteUrl);
      await other.getByRole('heading', { name: 'Join Butikken Østerbro og Nørrebro' }).waitFor();
      await other.getByText('At least 10 characters.').waitFor();
      expect(await descriptionOf(other, 'Password')).toBe('At least 10 characters.');
      expect(await constraintsOf(other, 'Password')).toEqual(NEW_PASSWORD);
      expect(sent).toEqual([]);

      // The account page chooses a new password with the same field and the same rule.
      await page.goto(`${e2e.kadence.url}/#/account`);
      await page.getByLabel('Ny adgangskode').waitFor();
      expect(await descriptionOf(page, 'Ny adgangskode')).toBe('Mindst 10 tegn.');
      expect(await constraintsOf(page, 'Ny adgangskode')).toEqual(NEW_PASSWORD);
      await context.close();
      await invitee.close();
    },
  );
});
