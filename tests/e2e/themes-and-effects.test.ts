import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { liveActions } from '../../server/live/actions.ts';
import { createLiveEngine } from '../../server/live/engine.ts';
import { defaultAgenda } from '../../shared/agenda.ts';
import type { MeetingCommand } from '../../shared/meeting/index.ts';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';
import { boardFor, holdGrouped } from '../helpers/grouped-board.ts';
import { makeMeeting, makeMember } from '../helpers/meeting.ts';

const SHOTS = 'reports/screenshots';
const VIEWPORT = { width: 1280, height: 900 };

/**
 * In Danish: four reviews grouped their boards (Jan–Mar: Levering 3 and Ventetid 4 a month; April:
 * Levering 7, Fragtpris 1), and an action's NPS went from poor to good. April against the months before:
 * Levering 7 after a mean of 3 (P(X ≥ 7 | 3) = 0.034) is rising, "dobbelt så mange som normalt";
 * Fragtpris is new; Ventetid 0 after 4 (e⁻⁴ = 0.018) is falling.
 */
describe('themes month by month and tested effects, in Danish', () => {
  const e2e = useKadenceInChromium();
  let lea: { id: number; cookie: string };
  let actionId = 0;
  let meetingId = 0;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const app = e2e.kadence.app;
    const team = await app.services.teams.create({ name: 'Kundeservice', slug: 'kundeservice' });
    lea = await makeMember(app, 'kundeservice', 'lea@example.dk', 'Lea Larsen', 'lead');
    const engine = createLiveEngine({ store: app.services.store, ...liveActions(app.services) });
    let op = 0;
    const sendTo = (id: number) => async (command: MeetingCommand) =>
      (await engine.command(id, { key: `u:${lea.id}`, name: 'Lea Larsen', role: 'lead' }, `op-${++op}`, command)).event;
    for (const month of ['01', '02', '03']) {
      const board = await boardFor(app, 'kundeservice', `2026-${month}-15T12:00:00.000Z`, 7);
      await holdGrouped(sendTo(board.meetingId), board.ids, [
        { theme: 'Levering', cards: [0, 1, 2] },
        { theme: 'Ventetid', cards: [3, 4, 5, 6] },
      ]);
    }
    const april = await boardFor(app, 'kundeservice', '2026-04-15T12:00:00.000Z', 8);
    await holdGrouped(sendTo(april.meetingId), april.ids, [
      { theme: 'Levering', cards: [0, 1, 2, 3, 4, 5, 6] },
      { theme: 'Fragtpris', cards: [7] },
    ]);

    // The action: decided 1 March, done 20 March; NPS −40 before (10 Jan), +40 after (10 Apr), 20 answers each.
    const insert = app.db.prepare(
      "INSERT INTO feedback (team_id, source, dedupe_key, received_at, metric, score, comment, original) VALUES (?, 'survey', ?, ?, 'nps', ?, 'x', '{}')",
    );
    for (let i = 0; i < 20; i++) insert.run(team.id, `before-${i}`, '2026-01-10T10:00:00.000Z', i < 14 ? 3 : 9);
    for (let i = 0; i < 20; i++) insert.run(team.id, `after-${i}`, '2026-04-10T10:00:00.000Z', i < 14 ? 10 : 3);
    actionId = Number(
      app.db
        .prepare(
          "INSERT INTO actions (team_id, title, owner_id, status, created_at, done_at, effect_metric) VALUES (?, 'Ring til utilfredse kunder', ?, 'done', '2026-03-01T09:00:00.000Z', '2026-03-20T09:00:00.000Z', 'nps')",
        )
        .run(team.id, lea.id).lastInsertRowid,
    );
    meetingId = await makeMeeting(
      app,
      'kundeservice',
      [{ comment: 'Pakken kom for sent', score: 4 }],
      defaultAgenda('da'),
    );
  });

  it('shows the themes at check-in with the tested effect, on the team page, and filters the inbox', async () => {
    const { page } = await e2e.open(lea.cookie, `#/teams/kundeservice/meetings/${meetingId}/live`, {
      locale: 'da-DK',
      viewport: VIEWPORT,
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.getByRole('button', { name: 'Start mødet' }).click();
    const themes = page.getByRole('region', { name: 'Temaer måned for måned' });
    await themes.getByText('Levering: 7 omtaler, dobbelt så mange som normalt').waitFor();
    await themes.getByText('Fragtpris: 1 omtale, nyt: ikke nævnt de tre måneder før').waitFor();
    await themes.getByText('Ventetid: 0 omtaler, højst det halve af det normale (4)').waitFor();
    const effect = page.locator('section[aria-label="Ring til utilfredse kunder"]');
    await effect.getByText('Sandsynligvis en reel forbedring.').waitFor();
    await effect.getByText(/signifikansniveau 0,05, tosidet/).waitFor();
    // The boards' own cards (NPS 7) count too: 20 + 15 answers before, 20 + 8 after.
    expect((await effect.getByTestId('effect-figures').textContent())?.trim()).toMatch(
      /^Forskel \+[\d,]+ point \(SE [\d,]+\) · z = [\d,]+ · p = 0,0\d+ · n = 35 før, 28 efter$/,
    );
    await page.screenshot({ path: `${SHOTS}/checkin-themes-da.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`${e2e.kadence.url}/#/actions/kundeservice/${actionId}`);
    await page.getByText('Sandsynligvis en reel forbedring.').waitFor();
    await page.getByText('n = 35 før, 28 efter', { exact: false }).waitFor();
    // The effect chart's months in the page's one month style ("mar." and "jan. 2026"), not "26-03".
    const ticks = await page.locator('figure svg text[text-anchor="middle"]').allTextContents();
    expect(ticks.length).toBeGreaterThan(0);
    for (const tick of ticks) expect(tick).toMatch(/^(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\.?( \d{4})?$/);
    expect(ticks.some((tick) => / \d{4}$/.test(tick))).toBe(true);
    await page.screenshot({ path: `${SHOTS}/effect-tested-da.png`, fullPage: true });

    await page.goto(`${e2e.kadence.url}/#/teams/kundeservice`);
    const panel = page.getByRole('region', { name: 'Temaer måned for måned' });
    const levering = panel.getByRole('row', { name: /^Levering/ });
    await levering.waitFor();
    expect(
      (await levering.getByRole('cell').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim()),
    ).toEqual(['0', '0', '3Nyt', '3', '3', '7Stigende']);
    await panel.screenshot({ path: `${SHOTS}/team-themes-da.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`${e2e.kadence.url}/#/teams/kundeservice/feedback`);
    await page.getByLabel('Tema').selectOption('Fragtpris');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.locator('article').first().getByText('Fragtpris').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('article').length === 1);
    await page.screenshot({ path: `${SHOTS}/inbox-theme-da.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 90_000);
});
