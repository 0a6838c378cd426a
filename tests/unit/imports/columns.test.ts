import { describe, expect, it } from 'vitest';
import { metricFromHeader, recogniseColumns, recogniseHeader } from '../../../server/imports/columns.ts';

// Headers as real exports and hand-made sheets write them, in English and Danish, and what they hold.
const HEADERS: [string, string | null][] = [
  ['How likely are you to recommend us to a friend or colleague?', 'score'],
  ['How likely is it that you would recommend Nordlys to a friend or colleague?', 'score'],
  ['On a scale from 0 to 10, how likely are you to recommend us?', 'score'],
  ['Hvor sandsynligt er det, at du vil anbefale os til en ven eller kollega?', 'score'],
  ['Hvor sandsynligt er det at du vil anbefale Nordlys? (0-10)', 'score'],
  ['Hvor tilfreds er du med vores kundeservice? (1-5)', 'score'],
  ['How satisfied were you with our support?', 'score'],
  ['How easy was it to get help today?', 'score'],
  ['Hvordan vil du bedømme din oplevelse?', 'score'],
  ['nps_score', 'score'],
  ['NPS', 'score'],
  ['NPS Score', 'score'],
  ['Stars', 'score'],
  ['Star Rating', 'score'],
  ['Review Stars', 'score'],
  ['Rating', 'score'],
  ['Bedømmelse', 'score'],
  ['Karakter', 'score'],
  ['Stjerner', 'score'],
  ['Feedback score', 'score'],
  ['Kundetilfredshed', 'score'],
  ['Number of stars', 'score'],
  ['What is the main reason for your score?', 'comment'],
  ['What is the primary reason for your rating?', 'comment'],
  ['Why did you give us that score?', 'comment'],
  ['Reason for score', 'comment'],
  ['Hvad er den primære årsag til din bedømmelse?', 'comment'],
  ['Hvad er den vigtigste årsag til din score?', 'comment'],
  ['Hvorfor gav du den karakter?', 'comment'],
  ['Hvad kan vi gøre bedre?', 'comment'],
  ['Hvad fik dig til at give netop den vurdering?', 'comment'],
  ['What made you choose that rating?', 'comment'],
  ['Tell us why', 'comment'],
  ['Is there anything else you would like to tell us?', 'comment'],
  ['Any other comments?', 'comment'],
  ['Begrundelse', 'comment'],
  ['Begrundelse for karakter', 'comment'],
  ['Kommentar til din karakter', 'comment'],
  ['Kundekommentar', 'comment'],
  ['Review Text', 'comment'],
  ['Review Content', 'comment'],
  ['Body', 'comment'],
  ['Anmeldelse', 'comment'],
  ['Feedback', 'comment'],
  ['Satisfaction comment', 'comment'],
  ['Fritekst', 'comment'],
  ['Review Title', 'title'],
  ['Overskrift', 'title'],
  ['Dato', 'receivedAt'],
  ['Svardato', 'receivedAt'],
  ['Oprettet', 'receivedAt'],
  ['Submit Date (UTC)', 'receivedAt'],
  ['Date of comment', 'receivedAt'],
  ['Tidsstempel', 'receivedAt'],
  ['Review ID', 'externalId'],
  ['Response ID', 'externalId'],
  ['Svar-id', 'externalId'],
  ['Comment ID', 'externalId'],
  ['#', 'externalId'],
  ['Customer email', 'customer'],
  ['E-mail', 'customer'],
  ['Kundenummer', 'customer'],
  ['Kunde-id', 'customer'],
  ['Kanal', 'source'],
  ['Source', 'source'],
  ['Reviewer Language', 'language'],
  ['Sprog', 'language'],
  ['survey_type', 'metric'],
  ['Måling', 'metric'],
  // Not guessed at: yes/no questions, names, links, numbers of something else.
  ['Do you use the app?', null],
  ['Name', null],
  ['Review Link', null],
  ['Developer Reply Text', null],
  ['Svar fra kundeservice', null],
  ['Order number', null],
  ['temperature', null],
  ['Hvornår', null],
  ['Din oplevelse med os', null],
];

describe('column recognition from what headers mean', () => {
  it.each(HEADERS)('%s → %s', (header, field) => {
    expect(recogniseHeader(header)?.field ?? null).toBe(field);
  });

  it('maps a Danish question sheet and an English one whole', () => {
    expect(
      recogniseColumns([
        'Tidspunkt',
        'Hvor sandsynligt er det, at du vil anbefale os?',
        'Hvad er den primære årsag til din bedømmelse?',
        'Kunde',
      ]).mapping,
    ).toEqual({
      receivedAt: 'Tidspunkt',
      score: 'Hvor sandsynligt er det, at du vil anbefale os?',
      comment: 'Hvad er den primære årsag til din bedømmelse?',
      customer: 'Kunde',
    });
    expect(
      recogniseColumns(['created_at', 'nps_score', 'What is the main reason for your score?', 'email']).mapping,
    ).toEqual({
      receivedAt: 'created_at',
      score: 'nps_score',
      comment: 'What is the main reason for your score?',
      customer: 'email',
    });
  });

  it('a field named outright wins over one named by a word; two equally sure headers are left for the person', () => {
    // "Review Text" names the comment outright; "Customer comment text" only has a word for it.
    expect(recogniseColumns(['Date', 'Stars', 'Review Text', 'Customer comment text']).mapping).toMatchObject({
      score: 'Stars',
      comment: 'Review Text',
    });
    const both = recogniseColumns(['Date', 'NPS', 'Why?', 'Anything else you want to tell us?']);
    expect(both.mapping.comment).toBeUndefined();
    expect(both.ambiguous.comment).toEqual(['Why?', 'Anything else you want to tell us?']);
  });

  it('the metric follows from the score header where it says so', () => {
    expect(metricFromHeader('nps_score')).toBe('nps');
    expect(metricFromHeader('Hvor sandsynligt er det, at du vil anbefale os?')).toBe('nps');
    expect(metricFromHeader('Star Rating')).toBe('rating');
    expect(metricFromHeader('Stars')).toBe('rating');
    expect(metricFromHeader('How easy was it to get help today?')).toBe('ces');
    expect(metricFromHeader('Bedømmelse')).toBeNull();
  });
});
