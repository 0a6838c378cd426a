import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { da } from '../../../client/lib/i18n/da.ts';
import { en } from '../../../client/lib/i18n/en.ts';
import { Translator } from '../../../shared/translate.ts';

const root = join(import.meta.dirname, '../../..');
const clientFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return clientFiles(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });

describe('counts in the catalogues', () => {
  const translator = new Translator('en');
  translator.add('en', en);
  translator.add('da', da);

  it.each([
    ['live.votes.count', '1 prik', '2 prikker', '1 dot', '2 dots'],
    [
      'live.summary.cards',
      '1 feedbackpunkt på tavlen',
      '2 feedbackpunkter på tavlen',
      '1 feedback item on the board',
      '2 feedback items on the board',
    ],
    [
      'meetings.waiting',
      '1 stykke feedback er kommet siden sidste gennemgang',
      '2 stykker feedback er kommet siden sidste gennemgang',
      '1 feedback item arrived since the last review',
      '2 feedback items arrived since the last review',
    ],
  ])('%s takes the singular for one', (key, daOne, daTwo, enOne, enTwo) => {
    expect(translator.t('da', key, { count: 1 })).toBe(daOne);
    expect(translator.t('da', key, { count: 2 })).toBe(daTwo);
    expect(translator.t('en', key, { count: 1 })).toBe(enOne);
    expect(translator.t('en', key, { count: 2 })).toBe(enTwo);
  });
});

describe('the client’s figures and counts', () => {
  const sources = clientFiles(join(root, 'client')).map((path) => ({
    path: relative(root, path),
    text: readFileSync(path, 'utf8'),
  }));

  it('pass every count as a number, so the plural rules apply', () => {
    const offenders = sources.filter(({ text }) => /count: String\(/.test(text)).map(({ path }) => path);
    expect(offenders).toEqual([]);
  });

  it('format numbers only through the formatting module', () => {
    const offenders = sources
      .filter(({ text }) => /\.toFixed\(|\.toLocaleString\(|new Intl\.NumberFormat\(/.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });
});
