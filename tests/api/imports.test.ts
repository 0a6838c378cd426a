import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile } from '../helpers/corpora.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { teamWithRoles } from '../helpers/team-clients.ts';
import { workbook } from '../helpers/workbook.ts';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/imports/${name}`, import.meta.url)));
describe('imports and ingestion over HTTP', () => {
  let app: FastifyInstance;
  const clients: Record<'lead' | 'facilitator' | 'member' | 'outsider', SessionClient> = {} as never;

  beforeAll(async () => {
    app = await makeTestApp();
    Object.assign(clients, await teamWithRoles(app, ['lead', 'facilitator', 'member', 'outsider'] as const));
  });
  afterAll(async () => app.close());

  const upload = (client: SessionClient, name: string, content = fixture(name)) => {
    const { body, headers } = multipartFile(name, content);
    return client.request('POST', '/api/teams/support/imports/uploads', body, headers);
  };

  it('uploads, previews with a recognised preset, maps a column and imports', async () => {
    const uploaded = await upload(
      clients.facilitator,
      'no-columns.csv',
      Buffer.from('Hvornår;Point;Hvad skete der\n2026-11-02 10:00;4;Fin oplevelse\n2026-11-03 10:00;9;Hmm\n'),
    );
    expect(uploaded.statusCode).toBe(201);
    const { uploadId, preview } = uploaded.json() as {
      uploadId: string;
      preview: { headers: string[]; missing: string[]; rows: string[][] };
    };
    expect(preview).toMatchObject({
      headers: ['Hvornår', 'Point', 'Hvad skete der'],
      missing: ['receivedAt'],
      rows: [
        ['2026-11-02 10:00', '4', 'Fin oplevelse'],
        ['2026-11-03 10:00', '9', 'Hmm'],
      ],
    });
    const mapping = { receivedAt: 'Hvornår', score: 'Point', comment: 'Hvad skete der' };
    const remapped = await clients.facilitator.request(
      'POST',
      `/api/teams/support/imports/uploads/${uploadId}/preview`,
      { fileName: 'x.csv', mapping },
    );
    expect(remapped.json()).toMatchObject({ missing: [] });
    const imported = await clients.facilitator.request('POST', '/api/teams/support/imports', {
      uploadId,
      fileName: 'x.csv',
      mapping,
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ imported: 2, rejected: 0 });
    const saved = await clients.facilitator.request('PUT', '/api/teams/support/imports/mappings/Excel-eksport', {
      mapping,
    });
    expect(saved.json()).toEqual({ name: 'Excel-eksport', mapping });
    expect((await clients.facilitator.request('GET', '/api/teams/support/imports/mappings')).json()).toEqual({
      mappings: [{ name: 'Excel-eksport', mapping }],
    });
    expect((await clients.member.request('GET', '/api/teams/support/imports/mappings')).statusCode).toBe(403);
    expect((await clients.outsider.request('GET', '/api/teams/support/imports/mappings')).statusCode).toBe(404);
    // The upload is gone once imported.
    expect(
      (
        await clients.facilitator.request('POST', '/api/teams/support/imports', {
          uploadId,
          fileName: 'x.csv',
          mapping,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('refuses a binary file at upload with a clear error', async () => {
    const response = await upload(clients.lead, 'binary.bin');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'VALIDATION', message: 'This is not a feedback file Kadence can read: it is a binary file' },
    });
  });

  it('refuses damaged, password-protected and non-xlsx workbooks at upload with a clear 400 and its own code', async () => {
    const refusals: [string, string, RegExp][] = [
      [
        'issue252.xlsx',
        'WORKBOOK_MALFORMED',
        /^This workbook is damaged and cannot be read \(xl\/_rels\/workbook\.xml\.rels is corrupt and cannot be unpacked\)/,
      ],
      ['pass_protected.xlsx', 'WORKBOOK_PROTECTED', /^This workbook is password-protected/],
      ['date_1904.xls', 'WORKBOOK_UNSUPPORTED', /^This is an Excel 97–2003 workbook \(\.xls\), not an \.xlsx workbook/],
      ['any_sheets.xlsb', 'WORKBOOK_UNSUPPORTED', /^This is an Excel binary workbook \(\.xlsb\)/],
    ];
    for (const [name, code, message] of refusals) {
      const response = await upload(clients.lead, name, readFileSync(corpusFile('calamine-xlsx', name)));
      expect(response.statusCode, name).toBe(400);
      const { error } = response.json() as { error: { code: string; message: string } };
      expect(error.code, name).toBe(code);
      expect(error.message, name).toMatch(message);
      expect(error.message, name).not.toContain('\n');
    }
  });

  it('reads a workbook whose cells have no r reference (no 500), and refuses its import without a mapping with a clear 400', async () => {
    const bare = await upload(
      clients.lead,
      'issue_261.xlsx',
      readFileSync(corpusFile('calamine-xlsx', 'issue_261.xlsx')),
    );
    expect(bare.statusCode).toBe(201);
    const { uploadId, preview } = bare.json() as {
      uploadId: string;
      preview: { headers: string[]; headerLine: number };
    };
    // The lone cell on line 1 sits above the table like a title: the header is the first row that
    // fills the table's width (line 10), its cells placed by order as Excel's resaved copy has them.
    expect(preview.headerLine).toBe(10);
    expect(preview.headers).toEqual([
      'String Value 12',
      'String Value 30',
      'String Value 31',
      'String Value 19',
      'String Value 25',
      'String Value 26',
      'String Value 39',
    ]);
    const refused = await clients.lead.request('POST', '/api/teams/support/imports', {
      uploadId,
      fileName: 'issue_261.xlsx',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(/^This is not a feedback file Kadence can read: no column was recognised/),
      },
    });

    // A feedback sheet written without references imports with every value in its place.
    const sheetData = [
      '<row><c t="inlineStr"><is><t>Dato</t></is></c><c t="inlineStr"><is><t>Anbefaling</t></is></c><c t="inlineStr"><is><t>Begrundelse</t></is></c></row>',
      '<row><c s="1"><v>46329</v></c><c><v>10</v></c><c t="inlineStr"><is><t>Hurtigt svar</t></is></c></row>',
      '<row><c s="1"><v>46330</v></c><c><v>3</v></c></row>',
    ].join('');
    const feedback = await upload(clients.lead, 'uden-r.xlsx', workbook({ sheetData, styles: [0, 14] }));
    expect(feedback.statusCode).toBe(201);
    const uploaded = feedback.json() as { uploadId: string; preview: { rows: string[][] } };
    expect(uploaded.preview.rows).toEqual([
      ['2026-11-03', '10', 'Hurtigt svar'],
      ['2026-11-04', '3', ''],
    ]);
    const imported = await clients.lead.request('POST', '/api/teams/support/imports', {
      uploadId: uploaded.uploadId,
      fileName: 'uden-r.xlsx',
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ imported: 2, rejected: 0 });
  });

  it('lists the history, serves the error report as escaped CSV, and lets a lead undo', async () => {
    const { uploadId } = (
      await upload(
        clients.lead,
        'formula-errors.csv',
        Buffer.from('date,score,comment\n2026-11-01,99,"=cmd|calc"\n2026-11-02,5,fine\n'),
      )
    ).json() as { uploadId: string };
    const result = (
      await clients.lead.request('POST', '/api/teams/support/imports', { uploadId, fileName: 'formula-errors.csv' })
    ).json() as { importId: number };
    const history = (await clients.member.request('GET', '/api/teams/support/imports')).statusCode;
    expect(history).toBe(403);
    const list = (await clients.facilitator.request('GET', '/api/teams/support/imports')).json() as {
      imports: { id: number; rejected: number }[];
    };
    expect(list.imports[0]).toMatchObject({ id: result.importId, rejected: 1 });
    const csv = await clients.facilitator.request('GET', `/api/teams/support/imports/${result.importId}/errors.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    // The team is Danish (the default language): the report is too, split on semicolons as Danish Excel reads it.
    expect(csv.body).toBe('\uFEFFlinje;årsag\r\n2;scoren 99 ligger uden for 0–10 for NPS\r\n');
    expect(
      (await clients.facilitator.request('DELETE', `/api/teams/support/imports/${result.importId}`)).statusCode,
    ).toBe(403);
    expect((await clients.lead.request('DELETE', `/api/teams/support/imports/${result.importId}`)).statusCode).toBe(
      200,
    );
    expect(
      (await clients.outsider.request('GET', `/api/teams/support/imports/${result.importId}/errors.csv`)).statusCode,
    ).toBe(404);
  });

  it('counts a review that came back changed as updated in the import result and the history; the inbox shows it edited', async () => {
    const importFixture = async (name: string) => {
      const { uploadId } = (await upload(clients.facilitator, name)).json() as { uploadId: string };
      const response = await clients.facilitator.request('POST', '/api/teams/support/imports', {
        uploadId,
        fileName: name,
      });
      expect(response.statusCode).toBe(201);
      return response.json() as {
        importId: number;
        rows: number;
        imported: number;
        updated: number;
        duplicates: number;
        rejected: number;
      };
    };
    expect(await importFixture('google-play.csv')).toMatchObject({ imported: 2, updated: 0, duplicates: 0 });
    const later = await importFixture('google-play-later.csv');
    expect(later).toMatchObject({ rows: 3, imported: 1, updated: 1, duplicates: 1, rejected: 0 });
    const history = (await clients.facilitator.request('GET', '/api/teams/support/imports')).json() as {
      imports: { id: number; imported: number; updated: number; duplicates: number }[];
    };
    expect(history.imports[0]).toMatchObject({ id: later.importId, imported: 1, updated: 1, duplicates: 1 });
    expect(history.imports[1]).toMatchObject({ imported: 2, updated: 0 });
    const inbox = (await clients.member.request('GET', '/api/teams/support/feedback?source=google-play')).json() as {
      items: {
        score: number;
        reply: string | null;
        repliedAt: string | null;
        edited: { at: string; metric: string; score: number } | null;
      }[];
    };
    expect(inbox.items.map((item) => [item.score, item.edited?.score ?? null])).toEqual([
      [3, null],
      [4, 2],
      [5, null],
    ]);
    expect(inbox.items[1]).toMatchObject({
      reply: 'Tak for beskeden! Version 4.1.5 retter fejlen ved betaling.',
      repliedAt: '2026-11-06T09:30:00.000Z',
      edited: { metric: 'rating' },
    });
    expect(inbox.items[1]?.edited?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('ingests webhook batches with a team token; revoked, foreign or missing tokens are refused alike', async () => {
    const created = await clients.lead.request('POST', '/api/teams/support/api-tokens', { name: 'Delighted webhook' });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json() as { token: string; apiToken: { id: number } };
    const items = [
      { id: 'w1', receivedAt: '2026-11-20T10:00:00Z', metric: 'nps', score: 10, comment: 'Super' },
      { id: 'w2', receivedAt: '2026-11-20 11:00', metric: 'csat', score: 9, comment: 'out of range' },
    ];
    const post = (auth: string | undefined, team = 'support') =>
      app.inject({
        method: 'POST',
        url: `/api/teams/${team}/feedback`,
        headers: auth ? { authorization: auth } : {},
        payload: { items },
      });
    const first = await post(`Bearer ${token}`);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({
      imported: 1,
      updated: 0,
      duplicates: 0,
      rejected: 1,
      errors: [
        {
          line: 2,
          code: 'SCORE_OUT_OF_RANGE',
          params: { value: '9', metric: 'csat', low: 1, high: 5 },
          message: 'the score 9 is outside 1–5 for CSAT',
        },
      ],
    });
    expect((await post(`Bearer ${token}`)).json()).toMatchObject({ imported: 0, duplicates: 1 });
    expect((await post(`Bearer ${token}`, 'other')).statusCode).toBe(401);
    expect((await post(`Bearer ${token}`, 'no-such-team')).statusCode).toBe(401);
    expect((await post(undefined)).statusCode).toBe(401);
    const tokens = (await clients.lead.request('GET', '/api/teams/support/api-tokens')).body;
    expect(tokens).not.toContain(token);
    expect((await clients.facilitator.request('POST', '/api/teams/support/api-tokens', { name: 'x' })).statusCode).toBe(
      403,
    );
    await clients.lead.request('DELETE', `/api/teams/support/api-tokens/${apiToken.id}`);
    expect((await post(`Bearer ${token}`)).statusCode).toBe(401);
  });

  it('ingests a reply and its date from a webhook as a file import keeps them; a review that comes back with a new rating after the reply is updated', async () => {
    const { token } = (
      await clients.lead.request('POST', '/api/teams/support/api-tokens', { name: 'Google Play relay' })
    ).json() as { token: string };
    const post = (items: Record<string, unknown>[]) =>
      app.inject({
        method: 'POST',
        url: '/api/teams/support/feedback',
        headers: { authorization: `Bearer ${token}` },
        payload: { items },
      });
    const first = await post([
      {
        id: 'gp-hook-1',
        source: 'google-play-hook',
        receivedAt: '2026-11-10T08:00:00Z',
        metric: 'rating',
        score: 1,
        comment: 'Betalingen fejler hver gang',
      },
    ]);
    expect(first.json()).toMatchObject({ imported: 1, updated: 0 });
    // The same review after the developer replied: a local reply time is read in the team's zone (Copenhagen, UTC+1 in November).
    const again = await post([
      {
        id: 'gp-hook-1',
        source: 'google-play-hook',
        receivedAt: '2026-11-10T08:00:00Z',
        metric: 'rating',
        score: 4,
        comment: 'Betalingen fejler hver gang',
        reply: 'Tak! Version 4.2 retter det.',
        repliedAt: '2026-11-12 10:30',
      },
    ]);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ imported: 0, updated: 1, duplicates: 0, rejected: 0 });
    const inbox = (
      await clients.member.request('GET', '/api/teams/support/feedback?source=google-play-hook')
    ).json() as {
      items: { score: number; reply: string | null; repliedAt: string | null; edited: { score: number } | null }[];
    };
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({
      score: 4,
      reply: 'Tak! Version 4.2 retter det.',
      repliedAt: '2026-11-12T09:30:00.000Z',
      edited: { score: 1 },
    });
    // An unreadable reply date is a rejection with its line, like a file's.
    const bad = await post([
      { id: 'gp-hook-2', receivedAt: '2026-11-10T08:00:00Z', comment: 'Hej', reply: 'Svar', repliedAt: 'i går' },
    ]);
    expect(bad.json()).toMatchObject({ imported: 0, rejected: 1, errors: [{ line: 1 }] });
  });
});
