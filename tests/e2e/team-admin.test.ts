import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';

/** True when the page can be read on the phone without scrolling sideways. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('team administration on a phone in Chromium', () => {
  const e2e = useKadenceInChromium();
  const phone = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

  it(
    'revokes an invite link and removes a member; the pages fit a phone and pass axe',
    { timeout: 90_000 },
    async () => {
      const adminContext = await e2e.browser.newContext({ locale: 'da-DK', ...phone });
      const page = await adminContext.newPage();
      page.setDefaultTimeout(15_000);
      page.on('dialog', (dialog) => void dialog.accept());

      await page.goto(e2e.kadence.url);
      await page.getByLabel('Navn').fill('Mette Admin');
      await page.getByLabel('E-mail').fill('mette@example.dk');
      await page.getByLabel('Adgangskode').fill('correct horse battery');
      await page.getByRole('button', { name: 'Opret konto' }).click();
      await page.getByLabel('Teamets navn').fill('Butikken Østerbro');
      await page.getByLabel('Kort navn (slug)').fill('osterbro');
      await page.getByRole('button', { name: 'Opret', exact: true }).click();
      await page.getByRole('heading', { name: 'Butikken Østerbro' }).waitFor();
      expect(await fitsWidth(page)).toBe(true);

      // Two links: the facilitator one is revoked and must stop working, the member one is used to join.
      await page.getByRole('region', { name: 'Invitér en person' }).getByLabel('Rolle').selectOption('facilitator');
      await page.getByRole('button', { name: 'Lav invitationslink' }).click();
      const revokedUrl = await page.getByTestId('invite-url').inputValue();
      await page.getByRole('region', { name: 'Invitér en person' }).getByLabel('Rolle').selectOption('member');
      await page.getByRole('button', { name: 'Lav invitationslink' }).click();
      await page.waitForFunction(
        (previous) =>
          (document.querySelector('[data-testid="invite-url"]') as HTMLInputElement | null)?.value !== previous,
        revokedUrl,
      );
      const usedUrl = await page.getByTestId('invite-url').inputValue();
      await expect.poll(() => page.getByRole('button', { name: 'Tilbagekald' }).count()).toBe(2);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page
        .getByRole('listitem')
        .filter({ hasText: 'Facilitator' })
        .getByRole('button', { name: 'Tilbagekald' })
        .click();
      await expect.poll(() => page.getByRole('button', { name: 'Tilbagekald' }).count()).toBe(1);
      expect(await page.getByRole('listitem').filter({ hasText: 'Medlem' }).count()).toBe(1);

      const memberContext = await e2e.browser.newContext({ locale: 'da-DK', ...phone });
      const member = await memberContext.newPage();
      await member.goto(revokedUrl);
      await member.getByText('Dette invitationslink kan ikke længere bruges.').waitFor();
      await member.goto(usedUrl);
      await member.getByLabel('Navn').fill('Sofie Sælger');
      await member.getByLabel('E-mail').fill('sofie@example.dk');
      await member.getByLabel('Adgangskode').fill('sommerfugl-2026');
      await member.getByRole('button', { name: 'Opret konto og deltag' }).click();
      await member.getByRole('heading', { name: 'Butikken Østerbro' }).waitFor();
      expect(await fitsWidth(member)).toBe(true);
      expect(await seriousAxeViolations(member)).toEqual([]);

      await page.reload();
      await page.getByRole('cell', { name: 'Sofie Sælger', exact: true }).waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await page.getByRole('button', { name: 'Fjern Sofie Sælger' }).click();
      await expect.poll(() => page.getByRole('cell', { name: 'Sofie Sælger', exact: true }).count()).toBe(0);

      // Removed means removed: the team is gone for her, with a 404 rather than its data.
      await member.reload();
      await member.getByText('Det blev ikke fundet.').waitFor();
      expect(await member.getByRole('heading', { name: 'Butikken Østerbro' }).count()).toBe(0);

      await adminContext.close();
      await memberContext.close();
    },
  );
});
