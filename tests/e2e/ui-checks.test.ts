import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { da } from '../../client/lib/i18n/da.ts';
import { en } from '../../client/lib/i18n/en.ts';
import { hashToken } from '../../server/auth/tokens.ts';
import { createLiveRepo } from '../../server/live/repo.ts';
import { defaultAgenda } from '../../shared/agenda.ts';
import type { Language } from '../../shared/language.ts';
import { createRollups } from '../../server/feedback/rollups.ts';
import { sharedSqliteStore } from '../../server/db/kysely/store.ts';
import { seriousAxeViolations, useKadenceInChromium } from '../helpers/browser.ts';
import { makeMeeting, makeMember } from '../helpers/meeting.ts';
import {
  DANISH_ONLY,
  ENGLISH_ONLY,
  horizontalOverflow,
  overlappingControls,
  textInOtherLanguage,
} from '../helpers/ui-checks.ts';

const SHOTS = 'reports/screenshots';
const DESK = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SIZES = [
  ['1280', DESK],
  ['390', PHONE],
] as const;
const DAY = 86_400_000;
/** Header plus meeting frame on a 390×844 phone: the step's own content must start in the first screen. */
const PHONE_FRAME_MAX = 210;

/** One team per language, with everything the main pages and the board show. */
interface Seeded {
  slug: string;
  teamName: string;
  lead: { id: number; cookie: string };
  member: { id: number; cookie: string };
  meetingId: number;
  heldId: number;
  guestToken: string;
  names: string[];
}

const COPY: Record<
  Language,
  {
    team: string;
    slug: string;
    lead: string;
    member: string;
    other: string;
    cards: string[];
    themes: [string, string];
    comment: string;
    action: string;
  }
> = {
  da: {
    team: 'Kundeservice',
    slug: 'kundeservice',
    lead: 'Lea Larsen',
    member: 'Anna Mørk',
    other: 'Bo Berg',
    cards: [
      'Jeg ventede 40 minutter i telefonen, før nogen tog den.',
      'Mette i kundeservice var fantastisk og løste det hele på fem minutter.',
      'Pakken kom fem dage for sent, og ingen sagde noget.',
      'Fragten koster 49,95 kr. for en lille pakke.',
    ],
    themes: ['Ventetid', 'Levering'],
    comment: 'Tilbyd at ringe op',
    action: 'Ring til fragtfirmaet',
  },
  en: {
    team: 'Support',
    slug: 'support',
    lead: 'Liam Lee',
    member: 'Ann Agent',
    other: 'Ben Brown',
    cards: [
      'I waited 40 minutes on the phone before anyone answered.',
      'Mette in support was wonderful and solved it all in five minutes.',
      'The parcel came five days late and nobody said anything.',
      'Shipping costs 49.95 for a small parcel.',
    ],
    themes: ['Waiting time', 'Delivery'],
    comment: 'Offer to call back',
    action: 'Call the carrier',
  },
};

describe('every page and every live step: nothing overlaps or overflows, one language, no serious axe findings', () => {
  const e2e = useKadenceInChromium();
  const seeded = {} as Record<Language, Seeded>;

  async function seed(language: Language): Promise<Seeded> {
    const app = e2e.kadence.app;
    const copy = COPY[language];
    const team = await app.services.teams.create({ name: copy.team, slug: copy.slug, language });
    const lead = await makeMember(app, copy.slug, `lead@${copy.slug}.dk`, copy.lead, 'lead');
    const member = await makeMember(app, copy.slug, `member@${copy.slug}.dk`, copy.member, 'member');
    await makeMember(app, copy.slug, `other@${copy.slug}.dk`, copy.other, 'member');
    const agenda = defaultAgenda(language);
    const at = (offset: number) => new Date(Date.now() + offset).toISOString();
    // A review held a month ago, with its summary, for the archive and the summary page.
    const heldId = await makeMeeting(app, copy.slug, [], agenda, at(-30 * DAY));
    const live = createLiveRepo(app.services.store.db, app.services.store.dialect);
    for (const person of [lead, member])
      await live.attend(heldId, {
        key: `u:${person.id}`,
        name: person === lead ? copy.lead : copy.member,
        role: 'member',
      });
    await live.end(
      heldId,
      JSON.stringify({
        endedAt: Date.now() - 30 * DAY + 3_600_000,
        attendance: await live.attendance(heldId),
        cards: 2,
        averageScores: [{ metric: 'nps', average: 6.5, count: 2 }],
        themes: [{ id: 1, name: copy.themes[1], votes: 3, cards: 1, comments: 0 }],
        decisions: [
          {
            actionId: 1,
            title: copy.action,
            ownerId: member.id,
            ownerName: copy.member,
            dueDate: '2030-01-31',
            themeId: 1,
            commentIds: [],
            cardIds: [],
            at: 0,
          },
        ],
      }),
    );
    // Today's review, its window starting at the last one.
    const meetingId = await makeMeeting(
      app,
      copy.slug,
      copy.cards.map((comment, index) => ({ comment, score: [2, 10, 3, 6][index] ?? 7 })),
      agenda,
      at(DAY / 24),
    );
    app.db.prepare('UPDATE meetings SET window_start = ? WHERE id = ?').run(at(-30 * DAY), meetingId);
    await makeMeeting(app, copy.slug, [], agenda, at(29 * DAY));
    await app.services.actions.repo.create({
      teamId: team.id,
      title: copy.action,
      ownerId: member.id,
      dueDate: '2030-01-31',
      effectMetric: 'nps',
      createdBy: lead.id,
    });
    // Feedback across the window, so the KPIs have figures.
    const insert = app.db.prepare(
      "INSERT INTO feedback (team_id, source, dedupe_key, received_at, metric, score, comment, language, original) VALUES (?, 'survey', ?, ?, 'nps', ?, NULL, ?, '{}')",
    );
    for (let index = 0; index < 40; index++)
      insert.run(team.id, `kpi-${index}`, at(-(index % 25) * DAY - DAY / 2), index % 3 === 0 ? 4 : 9, language);
    // Written past the services: the monthly rollups the KPI charts read are counted again.
    await createRollups(sharedSqliteStore(app.db).db).rebuild(team.id);
    const leadUser = await app.services.users.byId(lead.id);
    if (!leadUser) throw new Error('no lead');
    await app.services.pulse.openRound(leadUser, { quarter: '2030-Q1', teams: [copy.slug], endsOn: '2030-03-31' });
    const guestToken = `guest-link-token-${copy.slug}-0123456789`;
    app.db
      .prepare(
        "INSERT INTO meeting_guest_links (meeting_id, token_hash, role, created_by) VALUES (?, ?, 'participant', ?)",
      )
      .run(meetingId, hashToken(guestToken), lead.id);
    return {
      slug: copy.slug,
      teamName: copy.team,
      lead,
      member,
      meetingId,
      heldId,
      guestToken,
      names: [copy.team, copy.lead, copy.member, copy.other, ...copy.themes, copy.comment, copy.action, ...copy.cards],
    };
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    seeded.da = await seed('da');
    seeded.en = await seed('en');
  });

  /** Every check on the page as it stands, keyed by where it was made. */
  async function check(
    page: Page,
    where: string,
    language: Language,
    findings: Record<string, string[]>,
    options: { axe?: boolean } = {},
  ): Promise<void> {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const found = [
      ...(await horizontalOverflow(page)).map((text) => `overflow: ${text}`),
      ...(await overlappingControls(page)).map((text) => `overlap: ${text}`),
      ...(await textInOtherLanguage(page, language === 'da' ? ENGLISH_ONLY : DANISH_ONLY, seeded[language].names)).map(
        (text) => `language: ${text}`,
      ),
      ...(options.axe === false
        ? []
        : (await seriousAxeViolations(page)).map(
            (v) => `axe: ${v.id} ${v.help} ${JSON.stringify(v.nodes).slice(0, 300)}`,
          )),
    ];
    if (found.length > 0) findings[where] = found;
  }

  async function signedIn(cookie: string | null, language: Language): Promise<{ context: BrowserContext; page: Page }> {
    const context = await e2e.browser.newContext({ locale: language === 'da' ? 'da-DK' : 'en-GB', viewport: DESK });
    if (cookie) {
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: e2e.kadence.url }]);
    }
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return { context, page };
  }

  it('the checks find overlapping controls, sideways overflow and text in the other language, and pass a clean page', async () => {
    const page = await e2e.browser.newPage({ viewport: PHONE });
    await page.setContent(`<main lang="da">
      <button style="position:absolute;left:10px;top:10px;width:100px">Gem</button>
      <a href="#x" style="position:absolute;left:60px;top:12px">Næste</a>
      <p style="width:600px">Bredt</p>
      <p>${en.live.start}</p>
      <p>${en.board.read.commented.replace('{{done}}', '3').replace('{{total}}', '7')}</p>
    </main>`);
    expect((await overlappingControls(page)).length).toBe(1);
    expect((await horizontalOverflow(page)).length).toBeGreaterThan(0);
    expect(await textInOtherLanguage(page, ENGLISH_ONLY)).toEqual([
      `"${en.live.start}" (catalogue: "${en.live.start}")`,
      `"You have commented on 3 of 7" (catalogue: "${en.board.read.commented}")`,
    ]);
    await page.setContent(
      `<main><button>Kadence</button> <a href="#x">Kadence</a><p>${da.live.start}</p><div style="overflow-x:auto"><p style="width:600px">Bredt i en rullebar boks</p></div></main>`,
    );
    expect(await overlappingControls(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await textInOtherLanguage(page, ENGLISH_ONLY)).toEqual([]);
    expect(await textInOtherLanguage(page, DANISH_ONLY)).toEqual([
      `"${da.live.start}" (catalogue: "${da.live.start}")`,
    ]);
    // A language named in itself, marked with its own lang, is not text in the wrong language.
    await page.setContent(`<p>${en.live.start}</p><button lang="en">${en.teamLanguage.en}</button>`);
    await page.evaluate(() => (document.documentElement.lang = 'da'));
    expect(await textInOtherLanguage(page, ENGLISH_ONLY)).toEqual([
      `"${en.live.start}" (catalogue: "${en.live.start}")`,
    ]);
    await page.close();
  });

  for (const language of ['da', 'en'] as const) {
    it(`main pages in ${language === 'da' ? 'Danish' : 'English'}`, async () => {
      const team = seeded[language];
      const L = language === 'da' ? da : en;
      const findings: Record<string, string[]> = {};
      const errors: string[] = [];
      const { context, page } = await signedIn(team.lead.cookie, language);
      page.on('pageerror', (error) => errors.push(error.message));
      const pages: [string, string, () => Promise<unknown>][] = [
        ['home', '#/', () => page.getByTestId('next-reviews').waitFor()],
        ['team', `#/teams/${team.slug}`, () => page.getByRole('heading', { name: team.teamName, level: 1 }).waitFor()],
        ['pulse', `#/teams/${team.slug}`, () => page.locator('.pulse-form').waitFor()],
        ['archive', `#/teams/${team.slug}/archive`, () => page.getByTestId('archive').waitFor()],
        [
          'summary',
          `#/teams/${team.slug}/meetings/${team.heldId}/summary`,
          () => page.getByTestId('summary-team').waitFor(),
        ],
        ['tracker', '#/actions', () => page.getByRole('heading', { name: L.actions.title, exact: true }).waitFor()],
        ['feedback', `#/teams/${team.slug}/feedback`, () => page.locator('article.feedback').first().waitFor()],
        ['import', `#/teams/${team.slug}/import`, () => page.locator('input[type="file"]').first().waitFor()],
        ['cadence', `#/teams/${team.slug}/cadence`, () => page.getByRole('heading', { level: 1 }).waitFor()],
        ['account', '#/account', () => page.getByRole('heading', { name: L.account.title }).waitFor()],
        [
          'prepare',
          `#/teams/${team.slug}/meetings/${team.meetingId}/prepare`,
          () => page.getByRole('heading', { name: L.meetings.board.title, level: 1 }).waitFor(),
        ],
        ['rhythm', '#/rhythm', () => page.getByTestId('teams-health').waitFor()],
        [
          'account-menu',
          '#/',
          async () => {
            await page.getByTestId('next-reviews').waitFor();
            await page.getByRole('button', { name: new RegExp(`^${L.app.account}: `) }).click();
            await page.locator('#account-menu').getByRole('menuitem', { name: L.app.signOut }).waitFor();
          },
        ],
      ];
      for (const [name, path, ready] of pages) {
        await page.goto(`${e2e.kadence.url}/${path}`);
        await ready();
        await page.waitForLoadState('networkidle');
        for (const [size, viewport] of SIZES) {
          await page.setViewportSize(viewport);
          await check(page, `${name} ${size}`, language, findings, { axe: language === 'da' || size === '1280' });
          if (language === 'da' || size === '1280')
            await page.screenshot({ path: `${SHOTS}/ui-${language}-${name}-${size}.png`, fullPage: size === '390' });
        }
        await page.setViewportSize(DESK);
      }
      await context.close();
      // Signed out: the sign-in page.
      const signedOut = await signedIn(null, language);
      await signedOut.page.goto(`${e2e.kadence.url}/#/`);
      await signedOut.page.getByRole('heading', { name: L.login.title }).waitFor();
      for (const [size, viewport] of SIZES) {
        await signedOut.page.setViewportSize(viewport);
        await check(signedOut.page, `sign-in ${size}`, language, findings);
        await signedOut.page.screenshot({ path: `${SHOTS}/ui-${language}-sign-in-${size}.png` });
      }
      await signedOut.context.close();
      expect(findings).toEqual({});
      expect(errors).toEqual([]);
    }, 180_000);

    it(`every live step for the facilitator, a participant and a guest in ${language === 'da' ? 'Danish' : 'English'}`, async () => {
      const team = seeded[language];
      const copy = COPY[language];
      const L = language === 'da' ? da : en;
      const findings: Record<string, string[]> = {};
      const errors: string[] = [];
      const path = `${e2e.kadence.url}/#/teams/${team.slug}/meetings/${team.meetingId}/live`;
      const lead = (await signedIn(team.lead.cookie, language)).page;
      const member = (await signedIn(team.member.cookie, language)).page;
      const guest = (await signedIn(null, language)).page;
      for (const page of [lead, member, guest]) page.on('pageerror', (error) => errors.push(error.message));
      await lead.goto(path);
      await member.goto(path);
      await lead.getByRole('button', { name: L.live.start }).click();
      await guest.goto(`${e2e.kadence.url}/#/join/${team.guestToken}`);
      await guest.getByLabel(L.live.guest.name).fill('Gitte Gæst');
      await guest.getByRole('button', { name: L.live.guest.join, exact: true }).click();
      // A guest sees where they are too: the team's name in the frame.
      await guest.getByTestId('frame-title').filter({ hasText: team.teamName }).waitFor();
      await lead.getByTestId('presence').getByText('Gitte Gæst').waitFor();

      const frameTops: string[] = [];
      const roles = [
        ['facilitator', lead],
        ['participant', member],
        ['guest', guest],
      ] as const;
      async function shoot(step: string): Promise<void> {
        for (const [role, page] of roles) {
          if (role === 'guest' && step !== '1-checkin' && step !== '3-read') continue;
          await page.getByTestId('step-loading').waitFor({ state: 'detached' });
          for (const [size, viewport] of SIZES) {
            await page.setViewportSize(viewport);
            // axe for every role at desk size, and for the participant on a phone too (tests/e2e/live-board.test.ts runs it for both there).
            await check(page, `${step} ${role} ${size}`, language, findings, {
              axe: size === '1280' || (language === 'da' && role === 'participant'),
            });
            if (size === '390') {
              // On a phone the header and the frame leave the screen to the step: its title starts high up.
              const top = await page
                .getByTestId('step-title')
                .evaluate((title) => Math.round(title.getBoundingClientRect().top + window.scrollY));
              frameTops.push(`${step} ${role}: ${top}px`);
              if (top > PHONE_FRAME_MAX)
                findings[`${step} ${role} 390 frame`] = [
                  `the step's title starts at ${top}px (at most ${PHONE_FRAME_MAX}px)`,
                ];
            }
            if (language === 'da' || size === '1280')
              await page.screenshot({ path: `${SHOTS}/ui-${language}-board-${step}-${role}-${size}.png` });
          }
          await page.setViewportSize(DESK);
        }
      }
      const next = async (key: keyof typeof L.board.steps) => {
        await lead.getByRole('button', { name: L.live.next }).click();
        for (const page of [lead, member, guest])
          await page
            .getByRole('navigation', { name: L.live.agenda })
            .locator('[aria-current="step"]')
            .filter({ hasText: L.board.steps[key] })
            .first()
            .waitFor();
      };

      await member.getByTestId('step-title').waitFor();
      // Check-in's KPIs cover the meeting's window (since the last review), not the last twelve months.
      const meeting = e2e.kadence.app.db
        .prepare<[number], { window_start: string; starts_at: string }>(
          'SELECT window_start, starts_at FROM meetings WHERE id = ?',
        )
        .get(team.meetingId);
      if (!meeting) throw new Error('no meeting');
      const medium = (iso: string) =>
        new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium' }).format(new Date(iso));
      const monthOf = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
      await member
        .getByRole('heading', {
          name: L.kpi.windowTitle
            .replace('{{from}}', medium(meeting.window_start))
            .replace('{{to}}', medium(meeting.starts_at)),
        })
        .waitFor();
      expect(await member.getByTestId('kpi-chart').locator('text.count').count()).toBe(
        monthOf(meeting.starts_at) - monthOf(meeting.window_start) + 1,
      );
      await shoot('1-checkin');
      await next('followup');
      await shoot('2-followup');
      await next('read');
      const card = member.getByTestId('card').filter({ hasText: copy.cards[0] ?? '' });
      await card.getByRole('button', { name: L.board.read.commentOn }).click();
      await card.getByLabel(L.live.addComment).fill(copy.comment);
      await card.getByRole('button', { name: L.live.send }).click();
      await lead.getByTestId('writing-progress').getByText(`${copy.member} 1`).waitFor();
      await shoot('3-read');
      await lead.getByRole('button', { name: L.live.reveal }).click();
      await member.getByText(copy.comment).first().waitFor();
      await next('group');
      for (const name of copy.themes) {
        await member.getByLabel(L.live.newTheme).fill(name);
        await member.getByRole('button', { name: L.live.createTheme }).click();
        await lead
          .getByTestId('theme')
          .filter({ has: lead.getByRole('heading', { name }) })
          .waitFor();
      }
      const pooled = member
        .getByTestId('pool')
        .getByTestId('card')
        .filter({ hasText: copy.cards[2] ?? '' });
      await pooled
        .getByRole('button', { name: new RegExp(`^${L.board.group.move}`) })
        .first()
        .click();
      await pooled.getByLabel(L.live.moveTo).selectOption({ label: copy.themes[1] });
      await pooled.getByRole('button', { name: L.board.group.moveHere }).click();
      await lead
        .getByTestId('theme')
        .filter({ hasText: copy.cards[2] ?? '' })
        .waitFor();
      await shoot('4-group');
      await next('vote');
      await member.getByRole('button', { name: L.live.votes.add.replace('{{name}}', copy.themes[1]) }).click();
      await shoot('5-vote');
      await next('decide');
      await lead.getByLabel(L.live.decide.focus).selectOption({ index: 1 });
      // One dot is one dot: plural forms by the language's rules.
      expect(await lead.getByLabel(L.live.decide.focus).locator('option').nth(1).textContent()).toBe(
        `${copy.themes[1]} (${language === 'da' ? '1 prik' : '1 dot'})`,
      );
      await member.getByRole('status').filter({ hasText: copy.themes[1] }).first().waitFor();
      await shoot('6-decide');
      await next('wrapup');
      await shoot('7-wrapup');
      console.log(`phone (390×844), where the step's title starts: ${frameTops.join('; ')}`);
      expect(findings).toEqual({});
      expect(errors).toEqual([]);
      for (const page of [lead, member, guest]) await page.context().close();
    }, 240_000);
  }
});
