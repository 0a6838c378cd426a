import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileRefusalReason } from '../../shared/import-refusals.ts';
import { corpusFile } from '../helpers/corpora.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { teamWithRoles } from '../helpers/team-clients.ts';

/**
 * A whole file Kadence refuses says why as a reason code with its parameters (the error's details),
 * so the import page words it in the viewer's language; the English message stays for API users.
 */
describe('whole-file import refusals over HTTP carry a reason code and parameters', () => {
  let app: FastifyInstance;
  let lead: SessionClient;

  beforeAll(async () => {
    app = await makeTestApp({ uploadMaxBytes: 1024 * 1024 });
    ({ lead } = await teamWithRoles(app, ['lead'] as const));
  });
  afterAll(async () => app.close());

  const upload = (name: string, content: Buffer) => {
    const { body, headers } = multipartFile(name, content);
    return lead.request('POST', '/api/teams/support/imports/uploads', body, headers);
  };
  const refusalOf = (response: { statusCode: number; json: () => unknown }) => {
    const { error } = response.json() as { error: { code: string; message: string; details?: Record<string, string> } };
    return { status: response.statusCode, code: error.code, message: error.message, details: error.details };
  };

  const cases: [FileRefusalReason, string, Buffer, Record<string, string>][] = [
    ['FILE_EMPTY', 'empty.csv', Buffer.alloc(0), {}],
    ['FILE_BINARY', 'data.bin', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0, 0, 0]), {}],
    ['JSON_INVALID', 'broken.json', Buffer.from('[{"score": 9,'), {}],
    ['JSON_NO_LIST', 'one.json', Buffer.from('{"score": 9, "comment": "fint"}'), {}],
    [
      'ENCODING',
      'big5.csv',
      iconv.encode(
        '日期,評分,評論\n2026-11-01,9,服務非常好，謝謝你們的幫助\n2026-11-02,3,送貨太慢了，我等了一個星期\n',
        'big5',
      ),
      { encoding: 'Big5 (Traditional Chinese)' },
    ],
    ['ZIP_NOT_WORKBOOK', 'simple.zip', readFileSync(corpusFile('messytables', 'simple.zip')), {}],
    [
      'WORKSHEET_EMPTY',
      'empty_sheet.xlsx',
      readFileSync(corpusFile('calamine-xlsx', 'empty_sheet.xlsx')),
      { sheet: 'Sheet1' },
    ],
  ];

  it.each(cases)('%s at upload', async (reason, name, content, params) => {
    const refused = refusalOf(await upload(name, content));
    expect(refused).toMatchObject({ status: 400, code: 'VALIDATION', details: { reason, ...params } });
    expect(refused.message).toMatch(/^This is not a feedback file Kadence can read: /);
  });

  it('NO_DATE_OR_SCORE_COLUMN and NO_ROWS at import, naming the columns', async () => {
    const uploaded = await upload('plain.csv', Buffer.from('sted;temperatur\nAarhus;12\n'));
    expect(uploaded.statusCode).toBe(201);
    const { uploadId } = uploaded.json() as { uploadId: string };
    const refused = refusalOf(
      await lead.request('POST', '/api/teams/support/imports', { uploadId, fileName: 'plain.csv' }),
    );
    expect(refused).toMatchObject({
      status: 400,
      details: { reason: 'NO_DATE_OR_SCORE_COLUMN', columns: '"sted", "temperatur"' },
    });

    const headerOnly = await upload('header.csv', Buffer.from('date;score;comment\n'));
    const { uploadId: headerId } = headerOnly.json() as { uploadId: string };
    expect(headerOnly.statusCode).toBe(201);
    const noRows = refusalOf(
      await lead.request('POST', '/api/teams/support/imports', { uploadId: headerId, fileName: 'header.csv' }),
    );
    expect(noRows).toMatchObject({ status: 400, details: { reason: 'NO_ROWS' } });
  });

  it('UPLOAD_TOO_LARGE names the limit in megabytes', async () => {
    const big = Buffer.from(`date;score;comment\n${'2026-11-01;9;fint\n'.repeat(70_000)}`);
    const refused = refusalOf(await upload('big.csv', big));
    expect(refused).toMatchObject({
      code: 'UPLOAD_TOO_LARGE',
      details: { reason: 'UPLOAD_TOO_LARGE', megabytes: '1' },
    });
  });

  it('writes the error report in the team’s language: Danish headers, reasons and masks, split on semicolons; English with commas', async () => {
    const uploaded = await upload(
      'rows.csv',
      Buffer.from('date,score,comment\n2026-11-01,1234,Ring på 20 30 40 50\nanna@example.dk,5,fint\n2026-11-03,7,ok\n'),
    );
    const { uploadId } = uploaded.json() as { uploadId: string };
    const imported = await lead.request('POST', '/api/teams/support/imports', { uploadId, fileName: 'rows.csv' });
    expect(imported.json()).toMatchObject({ imported: 1, rejected: 2 });
    const { importId } = imported.json() as { importId: number };
    const danish = await lead.request('GET', `/api/teams/support/imports/${importId}/errors.csv`);
    expect(danish.body).toBe(
      '\uFEFFlinje;årsag\r\n2;scoren 1234 ligger uden for 0–10 for NPS\r\n3;“[e-mail]” er ikke en dato, Kadence kan læse\r\n',
    );
    expect((await lead.request('PATCH', '/api/teams/support', { language: 'en' })).statusCode).toBe(200);
    const english = await lead.request('GET', `/api/teams/support/imports/${importId}/errors.csv`);
    expect(english.body).toBe(
      '\uFEFFline,reason\r\n2,the score 1234 is outside 0–10 for NPS\r\n3,“[e-mail]” is not a date Kadence can read\r\n',
    );
  });
});
