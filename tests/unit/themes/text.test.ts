import { describe, expect, it } from 'vitest';
import { MASK, MASK_LABELS } from '../../../shared/redact.ts';
import { analyse, languageOf, stem, stopwords, tokenise } from '../../../server/themes/text.ts';

const stems = (text: string, language: 'da' | 'en') => analyse(text, language).map((token) => token.stem);

describe('tokenising', () => {
  it('keeps Danish letters, lower-cases, and drops numbers, URLs and e-mail addresses', () => {
    expect(tokenise('Blåbær-Søren ÆBLER 3 dage 49,95 kr')).toEqual(['blåbær', 'søren', 'æbler', 'dage', 'kr']);
    expect(tokenise('se https://example.dk/ordre?id=7 og www.kadence.dk nu')).toEqual(['se', 'og', 'nu']);
    expect(tokenise('skriv til anna.hansen@example.dk igen')).toEqual(['skriv', 'til', 'igen']);
    expect(tokenise('iphone12 order 123456 2x')).toEqual(['order']);
  });

  it('never makes a term of a mask, in any language, nor of a phone number left unmasked', () => {
    const masks = [...Object.values(MASK), ...Object.values(MASK_LABELS.da), ...Object.values(MASK_LABELS.en)];
    const numbers = '+45 12 34 56 78 eller 010190-1234';
    const danish = `Ring ${masks.join(' og ')} eller ${numbers}`;
    const english = `Refund ${masks.join(' and ')} or ${numbers}`;
    for (const text of [danish, english])
      for (const word of ['phone', 'telefon', 'mail', 'cpr', 'erased', 'slettet'])
        expect(tokenise(text)).not.toContain(word);
    expect(stems(danish, 'da')).toEqual(['ring']);
    expect(stems(english, 'en')).toEqual(['refund']);
  });

  it('drops possessive endings and contractions', () => {
    expect(stems("The app's login doesn't work", 'en')).toEqual(['app', 'login', 'work']);
  });
});

describe('stopwords', () => {
  it('takes out function words in both languages and keeps what feedback is about', () => {
    expect(stems('Jeg har ikke fået min pakke, og det er for dårligt', 'da')).toEqual(['fået', 'pak', 'dår']);
    expect(stems('I have not received my order and it was the second time', 'en')).toEqual(['receiv', 'order', 'time']);
    for (const word of ['og', 'ikke', 'det', 'jeg', 'hej']) expect(stopwords('da').has(word)).toBe(true);
    for (const word of ['the', 'and', 'was', 'hi']) expect(stopwords('en').has(word)).toBe(true);
    for (const word of ['order', 'website', 'problem', 'page']) expect(stopwords('en').has(word)).toBe(false);
  });

  it('keeps Danish words that are English stopwords ("sent" is late)', () => {
    expect(stems('Pakken kom for sent', 'da')).toEqual(['pak', 'sent']);
  });
});

describe('stemming conflates inflections', () => {
  const danish: string[][] = [
    ['leveringen', 'leveringer', 'levering', 'leveringerne'],
    ['pakken', 'pakkerne', 'pakke', 'pakker'],
    ['prisen', 'priser', 'pris', 'priserne'],
    ['kvaliteten', 'kvalitet'],
    ['kundeservicen', 'kundeservice'],
    ['fejlen', 'fejl', 'fejlene'],
    ['returneringen', 'returnering', 'returneringer'],
    ['hjemmesiden', 'hjemmeside'],
    ['ventetiden', 'ventetid'],
  ];
  it.each(danish)('Danish %s …', (...forms) => {
    expect(new Set(forms.map((form) => stem(form, 'da'))).size).toBe(1);
  });

  const english: string[][] = [
    ['deliveries', 'delivery', 'delivered', 'deliver', 'delivering'],
    ['packages', 'package', 'packaging'],
    ['refunds', 'refunded', 'refund'],
    ['crashes', 'crashed', 'crashing', 'crash'],
    ['prices', 'price', 'priced'],
    ['quality', 'qualities'],
  ];
  it.each(english)('English %s …', (...forms) => {
    expect(new Set(forms.map((form) => stem(form, 'en'))).size).toBe(1);
  });

  it('keeps different words apart', () => {
    expect(stem('levering', 'da')).not.toBe(stem('pakke', 'da'));
    expect(stem('price', 'en')).not.toBe(stem('prize', 'en'));
  });
});

describe('language per comment', () => {
  it('takes a given language, tells Danish from English by their words, and falls back on a tie', () => {
    expect(languageOf('The package never arrived', 'da', 'en')).toBe('da');
    expect(languageOf('Pakken er ikke kommet', undefined, 'en')).toBe('da');
    // "for" is a stopword in both and "sent" one in English: a tie, so the batch's language decides.
    expect(languageOf('Pakken kom for sent', undefined, 'da')).toBe('da');
    expect(languageOf('Pakken kom for sent', undefined, 'en')).toBe('en');
    expect(languageOf('The package never arrived', undefined, 'da')).toBe('en');
    expect(languageOf('Levering', undefined, 'en')).toBe('en');
    expect(languageOf('Blåbær', undefined, 'en')).toBe('da');
  });
});
