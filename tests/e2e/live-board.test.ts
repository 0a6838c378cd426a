import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultAgenda } from '../../shared/agenda.ts';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';
import { makeMeeting, makeMember } from '../helpers/meeting.ts';

const SHOTS = 'reports/screenshots';
const DESK = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Nothing sticks out sideways: the page is no wider than the window. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the live board, step by step, in Danish', () => {
  const e2e = useKadenceInChromium();
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  const open = async (cookie: string, path: string) =>
    (await e2e.open(cookie, path, { locale: 'da-DK', viewport: DESK, timeoutMs: 10_000 })).page;

  it('walks a facilitator and a participant through every step at desk and phone size, with a presenter screen', async () => {
    const app = e2e.kadence.app;
    await app.services.teams.create({ name: 'Kundeservice', slug: 'kundeservice' });
    const lea = await makeMember(app, 'kundeservice', 'lea@example.dk', 'Lea Larsen', 'lead');
    const anna = await makeMember(app, 'kundeservice', 'anna@example.dk', 'Anna Mørk', 'member');
    await makeMember(app, 'kundeservice', 'bo@example.dk', 'Bo Berg', 'member');
    const meetingId = await makeMeeting(
      app,
      'kundeservice',
      [
        { comment: 'Jeg ventede 40 minutter i telefonen, før nogen tog den.', score: 2 },
        { comment: 'Mette i kundeservice var fantastisk og løste det hele på fem minutter.', score: 10 },
        {
          comment: 'Pakken kom fem dage for sent, og ingen sagde noget.',
          score: 3,
          metric: 'csat',
          source: 'trustpilot',
        },
        {
          comment: 'Fragten koster 49,95 kr. for en lille pakke. Det er for meget.',
          score: 2,
          metric: 'csat',
          source: 'trustpilot',
        },
        { comment: 'Appen er blevet meget nemmere at bruge.', score: 9 },
        { comment: 'Ok oplevelse, men chatten lukker kl. 16.', score: 7 },
      ],
      defaultAgenda('en'),
      '2026-01-13T09:00:00.000Z',
    );
    // The review after this one: decided actions are due the day before it.
    await makeMeeting(app, 'kundeservice', [], defaultAgenda('en'), '2026-02-10T09:00:00.000Z');
    const team = app.db.prepare<[], { id: number }>("SELECT id FROM teams WHERE slug = 'kundeservice'").get();
    const addAction = app.db.prepare(
      "INSERT INTO actions (team_id, title, owner_id, due_date, status, done_at) VALUES (?, ?, ?, '2026-01-12', ?, ?)",
    );
    addAction.run(team?.id, 'Ring kunder op samme dag', anna.id, 'done', '2026-01-05T10:00:00.000Z');
    addAction.run(team?.id, 'Ny tekst om fragtpriser', lea.id, 'done', '2026-01-06T10:00:00.000Z');
    addAction.run(team?.id, 'Længere åbningstid i chatten', anna.id, 'in_progress', null);
    addAction.run(team?.id, 'Svar på anmeldelser inden for et døgn', null, 'open', null);

    const path = `#/teams/kundeservice/meetings/${meetingId}/live`;
    const lead = await open(lea.cookie, path);
    const member = await open(anna.cookie, path);
    const presenter = await open(lea.cookie, `${path}?present`);
    const errors: string[] = [];
    for (const page of [lead, member, presenter]) page.on('pageerror', (error) => errors.push(error.message));

    await lead.getByRole('button', { name: 'Start mødet' }).click();
    await member.getByTestId('step-title').filter({ hasText: 'Check-in og KPI-puls' }).waitFor();

    /** Screenshots of each role at both sizes, with axe and the overflow check on each. */
    async function shoot(step: string): Promise<void> {
      for (const [size, viewport] of [
        ['1280', DESK],
        ['390', PHONE],
      ] as const) {
        for (const [role, page] of [
          ['facilitator', lead],
          ['participant', member],
        ] as const) {
          await page.setViewportSize(viewport);
          await page.screenshot({ path: `${SHOTS}/board-${step}-${role}-${size}.png` });
          expect({ step, role, size, overflow: await overflow(page) }).toEqual({ step, role, size, overflow: 0 });
          expect({ step, role, size, axe: await seriousAxeViolations(page) }).toEqual({ step, role, size, axe: [] });
        }
      }
      for (const page of [lead, member]) await page.setViewportSize(DESK);
      await presenter.screenshot({ path: `${SHOTS}/board-${step}-presenter-1280.png` });
    }
    const next = async (title: string) => {
      await lead.getByRole('button', { name: 'Næste punkt' }).click();
      for (const page of [member, presenter]) await page.getByTestId('step-title').filter({ hasText: title }).waitFor();
    };

    // The frame: team, date, stepper in Danish, presence; the facilitator's toolbar only for her.
    await lead.getByText('Kundeservice · Gennemgang 13. januar 2026').waitFor();
    await member.getByRole('navigation', { name: 'Dagsorden' }).getByText('Opfølgning').first().waitFor();
    expect(await member.getByRole('toolbar').count()).toBe(0);
    await member.getByText('Lea Larsen er ordstyrer').waitFor();
    await member.getByRole('button', { name: 'Jeg er klar' }).click();
    await lead.getByTestId('presence').getByText('Anna Mørk, klar').waitFor();
    // Check-in: the KPIs and the WOW moments come first: a promoter's words.
    await member.getByRole('heading', { name: 'WOW-øjeblikke' }).waitFor();
    await member
      .getByRole('region', { name: 'WOW-øjeblikke' })
      .getByText('Mette i kundeservice var fantastisk')
      .waitFor();
    await shoot('1-checkin');

    await next('Opfølgning på sidste måneds handlinger');
    await member.getByTestId('follow-up-count').filter({ hasText: '2 af 4 udført' }).waitFor();
    await member.getByText('Ansvarlig: Anna Mørk').first().waitFor();
    await shoot('2-followup');

    await next('Læs månedens feedback og kommentér');
    const waitCard = (page: Page) => page.getByTestId('card').filter({ hasText: 'Jeg ventede 40 minutter' });
    // The comment box opens on demand; until then a card is a quote.
    expect(await member.getByLabel('Hvad fortæller det os?').count()).toBe(0);
    await waitCard(member).getByRole('button', { name: 'Kommentér dette kort' }).click();
    await waitCard(member).getByLabel('Hvad fortæller det os?').fill('Tilbyd at ringe op');
    await waitCard(member).getByRole('button', { name: 'Tilføj' }).click();
    await waitCard(member).getByText('Tilbyd at ringe op').waitFor();
    await waitCard(member).getByRole('button', { name: 'WOW-øjeblik' }).click();
    await member.getByTestId('commented-count').filter({ hasText: 'Du har kommenteret 1 af 6' }).waitFor();
    // Filters: detractors, and what I have not commented on yet.
    await member.getByRole('button', { name: 'Kritikere (2)' }).click();
    expect(await member.getByTestId('card').count()).toBe(2);
    await member.getByRole('button', { name: 'Ikke kommenteret af mig (5)' }).click();
    expect(await waitCard(member).count()).toBe(0);
    await member.getByRole('button', { name: 'Alle (6)' }).click();
    // The facilitator sees how much Anna wrote, never what.
    await lead.getByTestId('writing-progress').getByText('Anna Mørk 1').waitFor();
    expect(await lead.getByText('Tilbyd at ringe op').count()).toBe(0);
    // The presenter screen has no personal controls.
    expect(await presenter.getByRole('button', { name: 'Kommentér dette kort' }).count()).toBe(0);
    expect(await presenter.getByRole('toolbar').count()).toBe(0);
    expect(await presenter.getByRole('button', { name: 'Jeg er klar' }).count()).toBe(0);
    await presenter.getByText('Pakken kom fem dage for sent').waitFor();
    await shoot('3-read');
    await lead.getByRole('button', { name: 'Vis kommentarerne' }).click();
    await lead.getByText('Tilbyd at ringe op').waitFor();

    await next('Saml i temaer');
    const theme = (page: Page, name: string) =>
      page.getByTestId('theme').filter({ has: page.getByRole('heading', { name }) });
    for (const name of ['Ventetid', 'Levering']) {
      await member.getByLabel('Navn på nyt tema').fill(name);
      await member.getByRole('button', { name: 'Opret tema' }).click();
      await theme(lead, name).waitFor();
    }
    // With the mouse: the waiting card into "Ventetid".
    await waitCard(member).first().locator('blockquote').dragTo(theme(member, 'Ventetid'), { steps: 8 });
    await theme(lead, 'Ventetid').locator('blockquote').filter({ hasText: 'Jeg ventede 40 minutter' }).waitFor();
    // With the keyboard: choosing in the list moves nothing; "Flyt hertil" does.
    const late = member.getByTestId('pool').getByTestId('card').filter({ hasText: 'Pakken kom fem dage' });
    await late.getByRole('button', { name: /^Flyt “Pakken kom/ }).click();
    const select = late.getByLabel('Flyt til tema');
    await select.focus();
    await member.keyboard.press('ArrowDown');
    await member.keyboard.press('ArrowDown');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await theme(lead, 'Levering').locator('blockquote').filter({ hasText: 'Pakken kom fem dage' }).count()).toBe(
      0,
    );
    await select.selectOption({ label: 'Levering' });
    await late.getByRole('button', { name: 'Flyt hertil' }).click();
    await theme(lead, 'Levering').locator('blockquote').filter({ hasText: 'Pakken kom fem dage' }).waitFor();
    const freight = member.getByTestId('pool').getByTestId('card').filter({ hasText: 'Fragten koster' });
    await freight.getByRole('button', { name: /^Flyt “Fragten/ }).click();
    await freight.getByLabel('Flyt til tema').selectOption({ label: 'Levering' });
    await freight.getByRole('button', { name: 'Flyt hertil' }).click();
    await theme(lead, 'Levering').locator('blockquote').filter({ hasText: 'Fragten koster' }).waitFor();
    await shoot('4-group');

    await next('Stem');
    await member.getByRole('button', { name: 'Giv Levering en prik' }).click();
    await member.getByRole('button', { name: 'Giv Levering en prik' }).click();
    await member.getByText('1 af 3 prikker tilbage').waitFor();
    await lead.getByRole('button', { name: 'Giv Ventetid en prik' }).click();
    await shoot('5-vote');

    await next('Beslut forbedringshandlinger');
    await member.getByTestId('vote-results').getByText('Levering — 2 prikker').waitFor();
    await lead.getByLabel('Tema i fokus').selectOption({ label: 'Levering (2 prikker)' });
    await member.getByRole('status').filter({ hasText: 'Levering' }).first().waitFor();
    // Prefilled: due the day before the next review, and the KPI the theme's cards were scored on.
    expect(await lead.getByLabel('Frist').inputValue()).toBe('2026-02-09');
    expect(await lead.getByLabel('KPI’en handlingen skal flytte').inputValue()).toBe('csat');
    await lead.getByLabel('Handling', { exact: true }).fill('Sms når pakken er forsinket');
    await lead.getByLabel('Ansvarlig').selectOption({ label: 'Anna Mørk' });
    // People here are offered first; the others after them.
    const groups = await lead
      .getByLabel('Ansvarlig')
      .locator('optgroup')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('label')));
    expect(groups).toEqual(['Til stede nu', 'Andre i teamet']);
    await lead.getByRole('button', { name: 'Beslut handlingen' }).click();
    await member.getByTestId('decisions').getByText('Sms når pakken er forsinket').waitFor();
    const action = app.db
      .prepare("SELECT due_date, effect_metric, owner_id FROM actions WHERE title = 'Sms når pakken er forsinket'")
      .get();
    expect(action).toEqual({ due_date: '2026-02-09', effect_metric: 'csat', owner_id: anna.id });
    await shoot('6-decide');

    await next('Afrunding');
    await member.getByTestId('wrapup').getByText('Sms når pakken er forsinket').waitFor();
    await member.getByTestId('wrapup').getByText('Frist 9. feb. 2026').waitFor();
    // The optional anonymous rating: each person sees only their own answer.
    await member.getByRole('button', { name: '4 af 5' }).click();
    await member.getByText('Tak, du gav 4 af 5.').waitFor();
    await lead.getByRole('button', { name: '5 af 5' }).click();
    await lead.getByText('Tak, du gav 5 af 5.').waitFor();
    expect(await member.getByText('Tak, du gav 5 af 5.').count()).toBe(0);
    await shoot('7-wrapup');

    // Ending asks first and says what happens; cancelling keeps the meeting going.
    await lead.getByRole('button', { name: 'Mere' }).click();
    await lead.getByRole('menuitem', { name: 'Afslut mødet …' }).click();
    const dialog = lead.getByRole('dialog', { name: 'Afslut mødet for alle?' });
    await dialog.getByText('referatet gemmes med mødets beslutninger (i alt: 1)').waitFor();
    await lead.screenshot({ path: `${SHOTS}/board-8-end-confirm-facilitator-1280.png` });
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.db.prepare('SELECT status FROM meetings WHERE id = ?').get(meetingId)).toEqual({ status: 'live' });
    await lead.getByRole('button', { name: 'Mere' }).click();
    await lead.getByRole('menuitem', { name: 'Afslut mødet …' }).click();
    await dialog.getByRole('button', { name: 'Afslut mødet' }).click();
    await member.getByText('Mødet er slut.').waitFor();
    expect(app.db.prepare('SELECT status FROM meetings WHERE id = ?').get(meetingId)).toEqual({ status: 'ended' });
    // The summary counts the ratings and gives their mean, never who gave what.
    await member.getByRole('link', { name: 'Se referatet' }).click();
    await member.getByTestId('summary-rating').filter({ hasText: 'Mødets vurdering: 4,5 af 5 (svar: 2)' }).waitFor();
    expect(errors).toEqual([]);
  }, 240_000);

  it('warns before starting an empty board and starts only when told to', async () => {
    const app = e2e.kadence.app;
    await app.services.teams.create({ name: 'Tomt team', slug: 'tomt' });
    const lea = await makeMember(app, 'tomt', 'lea@tomt.dk', 'Lea Larsen', 'lead');
    const meetingId = await makeMeeting(app, 'tomt', [], defaultAgenda('en'));
    const page = await open(lea.cookie, `#/teams/tomt/meetings/${meetingId}/live`);
    await page.getByText('Tomt team · Gennemgang').waitFor();
    await page.getByRole('button', { name: 'Start mødet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tavlen er tom' });
    await dialog.getByRole('link', { name: 'Forbered tavlen' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/board-0-empty-warning-facilitator-1280.png` });
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.db.prepare('SELECT status FROM meetings WHERE id = ?').get(meetingId)).toEqual({ status: 'planned' });
    await page.getByRole('button', { name: 'Start mødet' }).click();
    await dialog.getByRole('button', { name: 'Start alligevel' }).click();
    await page.getByTestId('step-title').filter({ hasText: 'Check-in og KPI-puls' }).waitFor();
    expect(app.db.prepare('SELECT status FROM meetings WHERE id = ?').get(meetingId)).toEqual({ status: 'live' });
  }, 60_000);
});
