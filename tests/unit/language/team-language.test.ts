import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STEP_NAMES, STEP_KEYS, stepName } from '../../../shared/agenda.ts';
import { openDatabase } from '../../../server/db/open.ts';
import { loadConfig } from '../../../server/plugins/config.ts';
import { createServices } from '../../../server/services.ts';
import { sharedSqliteStore } from '../../../server/db/kysely/store.ts';

const servicesWith = (defaultLanguage?: 'da' | 'en') => {
  const db = openDatabase(':memory:');
  return createServices(sharedSqliteStore(db), {
    sessionDays: 30,
    publicUrl: 'http://localhost:3000',
    ...(defaultLanguage ? { defaultLanguage } : {}),
  });
};

describe('a team’s language', () => {
  it('defaults to DEFAULT_LANGUAGE, itself Danish, and can be named or changed', async () => {
    expect(loadConfig({}).defaultLanguage).toBe('da');
    expect(loadConfig({ DEFAULT_LANGUAGE: 'en' }).defaultLanguage).toBe('en');
    expect(() => loadConfig({ DEFAULT_LANGUAGE: 'de' })).toThrow(/DEFAULT_LANGUAGE/);

    expect((await servicesWith().teams.create({ name: 'Kundeservice', slug: 'kundeservice' })).language).toBe('da');
    const english = servicesWith('en');
    expect((await english.teams.create({ name: 'Support', slug: 'support' })).language).toBe('en');
    expect((await english.teams.create({ name: 'Salg', slug: 'salg', language: 'da' })).language).toBe('da');
    await expect(english.teams.create({ name: 'Verkauf', slug: 'verkauf', language: 'de' })).rejects.toThrow(
      /not a team language/,
    );
  });

  it('is changed by the team’s update, and an unknown one is refused', async () => {
    const services = servicesWith();
    const admin = await services.users.create({
      email: 'admin@example.dk',
      name: 'Admin',
      password: 'a-long-password',
      isAdmin: true,
    });
    await services.teams.create({ name: 'Kundeservice', slug: 'kundeservice' });
    expect((await services.teams.update('kundeservice', admin, { language: 'en' })).language).toBe('en');
    expect((await services.teams.update('kundeservice', admin, { name: 'Kundeservice DK' })).language).toBe('en');
    await expect(services.teams.update('kundeservice', admin, { language: 'fr' })).rejects.toThrow(
      /not a team language/,
    );
    expect((await services.teams.bySlugOrNull('kundeservice'))?.language).toBe('en');
  });

  it('is set by the CLI’s team create --language, and refused when unknown', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kadence-lang-'));
    try {
      const cli = (args: string[], env: Record<string, string> = {}) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
          encoding: 'utf8',
          env: { ...process.env, DATA_DIR: dataDir, ...env },
        });
      const plain = cli(['team', 'create', '--name', 'Kundeservice', '--slug', 'kundeservice', '--json']);
      expect(JSON.parse(plain.stdout)).toMatchObject({ slug: 'kundeservice', language: 'da' });
      const english = cli(['team', 'create', '--name', 'Support', '--slug', 'support', '--language', 'en', '--json']);
      expect(JSON.parse(english.stdout)).toMatchObject({ slug: 'support', language: 'en' });
      const fromSetting = cli(['team', 'create', '--name', 'Web', '--slug', 'web', '--json'], {
        DEFAULT_LANGUAGE: 'en',
      });
      expect(JSON.parse(fromSetting.stdout)).toMatchObject({ slug: 'web', language: 'en' });
      const bad = cli(['team', 'create', '--name', 'Bad', '--slug', 'bad', '--language', 'sv']);
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toMatch(/not a team language: use da or en/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('defaults made for a team', () => {
  it('give agenda steps in the team’s language, each with its key stored in the meeting’s agenda', async () => {
    const services = servicesWith();
    const danish = await services.teams.create({ name: 'Kundeservice', slug: 'kundeservice' });
    const english = await services.teams.create({ name: 'Support', slug: 'support', language: 'en' });
    expect((await services.meetings.template(danish)).map((step) => step.name)).toEqual([
      'Check-in og KPI-puls',
      'Opfølgning på sidste måneds handlinger',
      'Læs månedens feedback og kommentér',
      'Saml i temaer',
      'Stem',
      'Beslut forbedringshandlinger',
      'Afrunding',
    ]);
    expect((await services.meetings.template(english))[0]).toEqual({
      key: 'checkin',
      name: 'Check-in and KPI pulse',
      minutes: 5,
    });

    const now = new Date('2026-11-23T12:00:00Z');
    await services.meetings.setCadence(
      danish,
      { rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '10:00', durationMinutes: 60, from: '2026-11-01' },
      null,
      now,
    );
    const [first] = await services.meetings.meetings(danish);
    const steps = await services.meetings.template(danish);
    expect(JSON.parse(first?.agenda ?? '[]')).toEqual(
      STEP_KEYS.map((key, index) => expect.objectContaining({ key, name: steps[index]?.name })),
    );
  });

  it('give calendar titles and descriptions in the team’s language', async () => {
    const services = servicesWith();
    const danish = await services.teams.create({ name: 'Kundeservice', slug: 'kundeservice' });
    const english = await services.teams.create({ name: 'Support', slug: 'support', language: 'en' });
    const now = new Date('2026-11-23T12:00:00Z');
    for (const team of [danish, english])
      await services.meetings.setCadence(
        team,
        { rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '10:00', durationMinutes: 60, from: '2026-11-01' },
        null,
        now,
      );
    const unfold = (ics: string) => ics.replace(/\r\n /g, '');
    const danishFeed = unfold(await services.meetings.feed(danish, now));
    expect(danishFeed).toContain('SUMMARY:Kundeservice: kundefeedback-gennemgang');
    expect(danishFeed).toMatch(/DESCRIPTION:Teamets månedlige gennemgang af kundefeedback/);
    expect(danishFeed).not.toContain('customer feedback review');
    const englishFeed = unfold(await services.meetings.feed(english, now));
    expect(englishFeed).toContain('SUMMARY:Support: customer feedback review');
    expect(englishFeed).toMatch(/DESCRIPTION:The team's monthly customer-feedback review/);
    const [meeting] = await services.meetings.meetings(danish);
    expect(unfold(await services.meetings.meetingIcs(danish, meeting?.id ?? 0, now))).toContain(
      'SUMMARY:Kundeservice: kundefeedback-gennemgang',
    );
  });
});

describe('a step’s name as a viewer reads it', () => {
  it('shows an unedited default in the viewer’s language and an edited name as written', () => {
    for (const key of STEP_KEYS) {
      expect(stepName({ key, name: DEFAULT_STEP_NAMES.da[key] }, 'en')).toBe(DEFAULT_STEP_NAMES.en[key]);
      expect(stepName({ key, name: DEFAULT_STEP_NAMES.en[key] }, 'da')).toBe(DEFAULT_STEP_NAMES.da[key]);
      expect(stepName({ key, name: DEFAULT_STEP_NAMES.da[key] }, 'da')).toBe(DEFAULT_STEP_NAMES.da[key]);
    }
    expect(stepName({ key: 'checkin', name: 'Kaffe og tal' }, 'en')).toBe('Kaffe og tal');
    expect(stepName({ key: 'step', name: 'Stem' }, 'en')).toBe('Stem');
  });
});
