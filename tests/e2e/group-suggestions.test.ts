import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyMeetingEvent, initialState, type MeetingEvent } from '../../shared/meeting/index.ts';
import { useKadenceInChromium } from '../helpers/browser.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

const SHOTS = 'reports/screenshots';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const CARDS = [
  'Pakken kom en uge for sent',
  'Leveringen tog alt for lang tid',
  'Min pakke blev leveret for sent igen',
  'Levering var forsinket to dage',
  'Pakken var forsinket og kom aldrig frem',
  'Supporten var venlig og hurtig',
  'Venlig og hjælpsom support i telefonen',
  'Supporten svarede hurtigt og venligt',
  'Venlig support, tak for hjælpen',
  'Appen crasher når jeg logger ind',
  'Appen lukker ned ved login',
  'Jeg kan ikke logge ind i appen',
  'Appen går ned hver gang jeg logger ind',
];

describe('suggested themes in the group step', () => {
  const e2e = useKadenceInChromium();

  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  it('lets the facilitator accept two suggestions and rename one, and the board shows the three themes', async () => {
    const app = e2e.kadence.app;
    await app.services.teams.create({ name: 'Support', slug: 'support' });
    const lea = await makeMember(app, 'support', 'lea@example.dk', 'Lea Leder', 'lead');
    const meetingId = await makeMeeting(
      app,
      'support',
      CARDS.map((comment) => ({ comment, score: 5 })),
    );
    // The meeting is started and brought to the group step over the socket; the browser joins there.
    const socket = new LiveClient(e2e.kadence.url, { cookie: lea.cookie, prefix: 'lea-setup' });
    await socket.connected();
    await socket.join(meetingId);
    for (const command of [
      { type: 'meeting.start' },
      { type: 'step.go', index: 1 },
      { type: 'step.go', index: 2 },
    ] as const)
      expect(await socket.send(meetingId, command)).toMatchObject({ ok: true });
    socket.close();

    const { page } = await e2e.open(lea.cookie, `#/teams/support/meetings/${meetingId}/live`, {
      locale: 'da-DK',
      viewport: DESKTOP,
      timeoutMs: 15_000,
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.getByRole('button', { name: 'Foreslå temaer' }).click();
    const suggestions = page.getByTestId('suggestion');
    await suggestions.first().waitFor();
    expect(await suggestions.count()).toBe(3);
    await page.screenshot({ path: `${SHOTS}/group-suggestions-da-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/group-suggestions-da-390.png`, fullPage: true });
    await page.setViewportSize(DESKTOP);

    // Rename the app theme and accept it; accept the other two as suggested.
    const app_ = suggestions.filter({ hasText: 'Appen crasher' });
    await app_.getByLabel('Temaets navn').fill('Login i appen');
    await app_.getByRole('button', { name: 'Omdøb og accepter' }).click();
    await page.getByTestId('theme').filter({ hasText: 'Login i appen' }).waitFor();
    const names: string[] = [];
    for (const text of ['Pakken kom en uge', 'Supporten var venlig']) {
      const row = suggestions.filter({ hasText: text });
      names.push(await row.getByLabel('Temaets navn').inputValue());
      await row.getByRole('button', { name: 'Accepter', exact: true }).click();
    }
    await expect.poll(() => page.getByTestId('theme').count()).toBe(3);

    // Each theme holds its cards, on the page and in the server's state.
    const themes = page.getByTestId('theme');
    await themes
      .filter({ hasText: 'Login i appen' })
      .locator('blockquote', { hasText: 'Appen lukker ned ved login' })
      .waitFor();
    await themes.filter({ hasText: 'Pakken var forsinket og kom aldrig frem' }).waitFor();
    await themes.filter({ hasText: 'Venlig support, tak for hjælpen' }).waitFor();
    const state = app.db
      .prepare<[number], { seq: number; op_id: string; actor: string; type: string; payload: string; at: number }>(
        'SELECT seq, op_id, actor, type, payload, at FROM meeting_events WHERE meeting_id = ? ORDER BY seq',
      )
      .all(meetingId)
      .map(
        (r) =>
          ({
            seq: r.seq,
            opId: r.op_id,
            at: r.at,
            actor: JSON.parse(r.actor),
            type: r.type,
            payload: JSON.parse(r.payload),
          }) as MeetingEvent,
      )
      .reduce(applyMeetingEvent, initialState(meetingId));
    const byTheme = new Map<string, string[]>();
    for (const card of Object.values(state.cards)) {
      const theme = card.themeId === null ? '' : (state.themes[String(card.themeId)]?.name ?? '?');
      byTheme.set(theme, [...(byTheme.get(theme) ?? []), card.quote]);
    }
    expect(new Set(byTheme.keys())).toEqual(new Set(['Login i appen', ...names]));
    expect(byTheme.get('Login i appen')?.sort()).toEqual(CARDS.slice(9).sort());
    expect(byTheme.get(names[0] ?? '')?.sort()).toEqual(CARDS.slice(0, 5).sort());
    await page.screenshot({ path: `${SHOTS}/group-suggestions-accepted-da-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/group-suggestions-accepted-da-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('lets a participant see suggestions for the cards in front of them, privately and without applying any', async () => {
    const app = e2e.kadence.app;
    await app.services.teams.create({ name: 'Kunder', slug: 'kunder' });
    const lea = await makeMember(app, 'kunder', 'lea2@example.dk', 'Lea Leder', 'lead');
    const anna = await makeMember(app, 'kunder', 'anna2@example.dk', 'Anna Andersen', 'member');
    const meetingId = await makeMeeting(
      app,
      'kunder',
      CARDS.map((comment) => ({ comment, score: 5 })),
    );
    const socket = new LiveClient(e2e.kadence.url, { cookie: lea.cookie, prefix: 'lea2-setup' });
    await socket.connected();
    await socket.join(meetingId);
    for (const command of [
      { type: 'meeting.start' },
      { type: 'step.go', index: 1 },
      { type: 'step.go', index: 2 },
    ] as const)
      expect(await socket.send(meetingId, command)).toMatchObject({ ok: true });
    const eventsBefore = socket.events.length;

    const { page } = await e2e.open(anna.cookie, `#/teams/kunder/meetings/${meetingId}/live`, {
      locale: 'da-DK',
      viewport: DESKTOP,
      timeoutMs: 15_000,
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The facilitator's button is not hers; hers asks for the cards she sees.
    expect(await page.getByRole('button', { name: 'Foreslå temaer', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Foreslå temaer for de kort, jeg ser' }).click();
    const suggestions = page.getByTestId('suggestion');
    await suggestions.first().waitFor();
    expect(await suggestions.count()).toBeGreaterThanOrEqual(2);
    await page.getByText('Kun du ser disse forslag.').waitFor();
    // Nothing to accept: she can only hide a suggestion.
    expect(await page.getByRole('button', { name: 'Accepter', exact: true }).count()).toBe(0);
    const count = await suggestions.count();
    await suggestions.first().getByRole('button', { name: 'Skjul' }).click();
    await expect.poll(() => suggestions.count()).toBe(count - 1);
    await page.screenshot({ path: `${SHOTS}/group-suggestions-participant-da-1280.png`, fullPage: true });

    // The board is as it was: no theme, and the facilitator's socket heard nothing but Anna's arrival.
    expect(await page.getByTestId('theme').count()).toBe(0);
    const themeEvents = socket.events.slice(eventsBefore).filter((event) => event.type.startsWith('theme.'));
    expect(themeEvents).toEqual([]);
    socket.close();
    expect(errors).toEqual([]);
  });

  it('lets a participant in the read step look at suggestions for the cards her filter shows, in Danish at 390 px', async () => {
    const app = e2e.kadence.app;
    await app.services.teams.create({ name: 'Læsere', slug: 'laesere' });
    const lea = await makeMember(app, 'laesere', 'lea3@example.dk', 'Lea Leder', 'lead');
    const anna = await makeMember(app, 'laesere', 'anna3@example.dk', 'Anna Andersen', 'member');
    // Detractors (score 2) complain about delivery, in Danish and English, and about the app;
    // promoters (score 10) praise support. The filter "Kritikere" shows the first six.
    const critics = [
      'Pakken kom en uge for sent',
      'Leveringen var forsinket igen',
      'The parcel arrived a week late',
      'Delivery was delayed again',
      'Appen crasher når jeg logger ind',
      'Appen går ned hver gang jeg logger ind',
    ];
    const fans = ['Supporten var venlig og hurtig', 'Venlig og hjælpsom support i telefonen'];
    const meetingId = await makeMeeting(app, 'laesere', [
      ...critics.map((comment) => ({ comment, score: 2 })),
      ...fans.map((comment) => ({ comment, score: 10 })),
    ]);
    // The English comments are English, as an import tells them (the helper marks every card Danish).
    await app.services.store.db
      .updateTable('feedback')
      .set({ language: 'en' })
      .where('comment', 'in', [critics[2] ?? '', critics[3] ?? ''])
      .execute();
    const socket = new LiveClient(e2e.kadence.url, { cookie: lea.cookie, prefix: 'lea3-setup' });
    await socket.connected();
    await socket.join(meetingId);
    for (const command of [{ type: 'meeting.start' }, { type: 'step.go', index: 1 }] as const)
      expect(await socket.send(meetingId, command)).toMatchObject({ ok: true });
    const eventsBefore = socket.events.length;

    const { page } = await e2e.open(anna.cookie, `#/teams/laesere/meetings/${meetingId}/live`, {
      locale: 'da-DK',
      viewport: PHONE,
      timeoutMs: 15_000,
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.getByRole('button', { name: 'Temaforslag for de 8 viste kort' }).waitFor();
    await page.getByRole('button', { name: 'Kritikere (6)' }).click();
    const open = page.getByRole('button', { name: 'Temaforslag for de 6 viste kort' });
    // The button carries an icon beside its words.
    expect(await open.locator('svg').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/read-suggestions-button-da-390.png` });
    await open.click();
    const suggestions = page.getByTestId('suggestion');
    await suggestions.first().waitFor();
    await page.getByText('Kun du ser disse forslag. Temaerne laves i grupperingstrinnet.').waitFor();
    // Only the cards shown: delivery (Danish and English together) and the app; the praise is filtered away.
    expect(await suggestions.count()).toBe(2);
    const delivery = suggestions.filter({ hasText: 'Pakken kom en uge for sent' });
    await delivery.getByText('The parcel arrived a week late').waitFor();
    // A theme of Danish and English comments is named in the team's language.
    await delivery.getByRole('heading', { name: 'Levering' }).waitFor();
    expect(await page.getByTestId('suggestion').filter({ hasText: 'Supporten' }).count()).toBe(0);
    // Look only: no name to edit, nothing to accept.
    expect(await page.getByRole('button', { name: 'Accepter', exact: true }).count()).toBe(0);
    expect(await suggestions.getByRole('textbox').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/read-suggestions-da-390.png`, fullPage: true });

    // Another filter closes the suggestions for the old cards.
    await page.getByRole('button', { name: 'Alle (8)' }).click();
    await page.getByRole('button', { name: 'Temaforslag for de 8 viste kort' }).waitFor();
    expect(await suggestions.count()).toBe(0);

    // Nothing was applied: no theme event reached the facilitator's socket.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const themeEvents = socket.events.slice(eventsBefore).filter((event) => event.type.startsWith('theme.'));
    expect(themeEvents).toEqual([]);
    socket.close();
    expect(errors).toEqual([]);
  });
});
