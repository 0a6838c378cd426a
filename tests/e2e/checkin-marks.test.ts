import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultAgenda } from '../../shared/agenda.ts';
import { useKadenceInChromium } from '../helpers/browser.ts';
import { makeMeeting, makeMember } from '../helpers/meeting.ts';

const SHOTS = 'reports/screenshots';
const SIZES = [
  ['1280', { width: 1280, height: 900 }],
  ['390', { width: 390, height: 844 }],
] as const;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
const apart = (a: Box, b: Box) => a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;

/** The drawn boxes of the ready marks and the initials they belong to, as the browser lays them out. */
const presenceBoxes = (page: Page) =>
  page.getByTestId('presence').evaluate((list) =>
    [...list.querySelectorAll('li')].flatMap((item) => {
      const mark = item.querySelector('.mark');
      const initials = item.querySelector('span[aria-hidden="true"]:not(.mark)');
      if (!mark || !initials) return [];
      const box = (element: Element) => {
        const { left, right, top, bottom } = element.getBoundingClientRect();
        return { left, right, top, bottom };
      };
      return [{ text: initials.textContent ?? '', mark: box(mark), initials: box(initials) }];
    }),
  );

const monthLabelBoxes = (page: Page) =>
  page.getByTestId('kpi-chart').evaluate((chart) =>
    [...chart.querySelectorAll('[data-month]')].map((label) => {
      const { left, right, top, bottom } = label.getBoundingClientRect();
      return { text: label.textContent ?? '', left, right, top, bottom };
    }),
  );

describe('check-in on the live board, in Danish', () => {
  const e2e = useKadenceInChromium();
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  it('keeps initials clear of the ready mark, month labels apart, and shows the latest done actions first', async () => {
    const app = e2e.kadence.app;
    await app.services.teams.create({ name: 'Kundeservice', slug: 'kundeservice' });
    const lea = await makeMember(app, 'kundeservice', 'lea@example.dk', 'Lea Larsen', 'lead');
    const anna = await makeMember(app, 'kundeservice', 'anna@example.dk', 'Anna Mørk', 'member');
    const meetingId = await makeMeeting(
      app,
      'kundeservice',
      [{ comment: 'Hurtig levering og en sød hilsen i pakken.', score: 10 }],
      defaultAgenda('en'),
      '2026-01-13T09:00:00.000Z',
    );
    const team = app.db.prepare<[], { id: number }>("SELECT id FROM teams WHERE slug = 'kundeservice'").get();
    const addAction = app.db.prepare(
      "INSERT INTO actions (team_id, title, owner_id, due_date, status, done_at, effect_metric) VALUES (?, ?, ?, '2026-01-12', 'done', ?, 'nps')",
    );
    // Entered oldest first, as the follow-up list returns them.
    for (const [title, doneAt] of [
      ['Første handling', '2025-12-01T10:00:00.000Z'],
      ['Anden handling', '2025-12-15T10:00:00.000Z'],
      ['Tredje handling', '2026-01-02T10:00:00.000Z'],
      ['Fjerde handling', '2026-01-09T10:00:00.000Z'],
    ] as const)
      addAction.run(team?.id, title, anna.id, doneAt);

    const path = `#/teams/kundeservice/meetings/${meetingId}/live`;
    const lead = (await e2e.open(lea.cookie, path, { locale: 'da-DK', viewport: SIZES[0][1] })).page;
    const member = (await e2e.open(anna.cookie, path, { locale: 'da-DK', viewport: SIZES[0][1] })).page;
    await lead.getByRole('button', { name: 'Start mødet' }).click();
    await member.getByRole('button', { name: 'Jeg er klar' }).click();
    await lead.getByTestId('presence').getByText('Anna Mørk, klar').waitFor();

    const effects = lead.getByRole('region', { name: 'Det gjorde vores seneste handlinger' });
    await effects.getByRole('heading', { name: 'Fjerde handling' }).waitFor();
    expect(await effects.getByRole('heading', { level: 4 }).allTextContents()).toEqual([
      'Fjerde handling',
      'Tredje handling',
      'Anden handling',
    ]);

    for (const [size, viewport] of SIZES) {
      await lead.setViewportSize(viewport);
      await lead.locator('[data-month]').first().waitFor();
      await lead.screenshot({ path: `${SHOTS}/checkin-marks-${size}.png` });
      const marks = await presenceBoxes(lead);
      expect(marks.length, size).toBeGreaterThan(0);
      for (const { text, mark, initials } of marks)
        expect({ size, text, mark, initials, clear: apart(mark, initials) }).toMatchObject({ size, text, clear: true });

      const labels = await monthLabelBoxes(lead);
      expect(labels.length, size).toBeGreaterThan(1);
      // The newest month is always named; neighbours leave a little air between them.
      for (let index = 1; index < labels.length; index += 1) {
        const [before, after] = [labels[index - 1], labels[index]];
        expect({
          size,
          pair: `${before?.text} | ${after?.text}`,
          gap: (after?.left ?? 0) - (before?.right ?? 0) >= 2,
        }).toEqual({ size, pair: `${before?.text} | ${after?.text}`, gap: true });
      }
      const chart = await lead.getByTestId('kpi-chart').boundingBox();
      for (const label of labels)
        expect(label.right <= (chart?.x ?? 0) + (chart?.width ?? 0) + 1, `${size} ${label.text} inside the chart`).toBe(
          true,
        );
    }
  });
});
