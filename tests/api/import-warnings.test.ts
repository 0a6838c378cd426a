import iconv from 'iconv-lite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../helpers/multipart.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { teamWithRoles } from '../helpers/team-clients.ts';

interface Preview {
  headers: string[];
  headerLine: number | null;
  mapping: Record<string, string>;
  unmapped: string[];
  missing: string[];
  warnings: { code: string; params: Record<string, string> }[];
}

describe('import preview warnings and masked reports over HTTP', () => {
  let app: FastifyInstance;
  let lead: SessionClient;

  beforeAll(async () => {
    app = await makeTestApp();
    ({ lead } = await teamWithRoles(app, ['lead'] as const));
  });
  afterAll(async () => app.close());

  const upload = (name: string, content: string | Buffer) => {
    const { body, headers } = multipartFile(name, Buffer.isBuffer(content) ? content : Buffer.from(content));
    return lead.request('POST', '/api/teams/support/imports/uploads', body, headers);
  };

  it('states the mapping, lists unmapped columns and warns about an unmapped column of long free text', async () => {
    const rows = [
      'Jeg ventede tre uger på pakken og ingen svarede på mine mails',
      'Hurtig levering og en meget venlig chauffør ved døren',
      'Appen lukker hver gang jeg prøver at betale med MobilePay',
    ];
    const csv = `Dato;NPS;Din oplevelse med os;Butik\n${rows.map((text, index) => `0${index + 1}-11-2026;${9 - index};${text};Aarhus`).join('\n')}\n`;
    const response = await upload('nps.csv', csv);
    expect(response.statusCode).toBe(201);
    const { uploadId, preview } = response.json() as { uploadId: string; preview: Preview };
    expect(preview).toMatchObject({
      mapping: { receivedAt: 'Dato', score: 'NPS', segment: 'Butik' },
      unmapped: ['Din oplevelse med os'],
      missing: [],
    });
    expect(preview.warnings).toEqual([{ code: 'UNMAPPED_TEXT', params: { column: 'Din oplevelse med os' } }]);
    // Mapped by hand, the warning goes and the comments arrive.
    const mapping = { ...preview.mapping, comment: 'Din oplevelse med os' };
    const remapped = (
      await lead.request('POST', `/api/teams/support/imports/uploads/${uploadId}/preview`, {
        fileName: 'nps.csv',
        mapping,
      })
    ).json() as Preview;
    expect(remapped).toMatchObject({ unmapped: [], warnings: [] });
    const imported = (
      await lead.request('POST', '/api/teams/support/imports', { uploadId, fileName: 'nps.csv', mapping })
    ).json() as { imported: number };
    expect(imported).toMatchObject({ imported: 3 });
  });

  it('warns when no score and no comment column was found, and when two columns could be the comment', async () => {
    const none = (await upload('plain.csv', 'date,temperature,place\n2011-01-01,1,Galway\n')).json() as {
      preview: Preview;
    };
    expect(none.preview.warnings).toEqual([{ code: 'NO_SCORE_OR_COMMENT', params: {} }]);
    expect(none.preview).toMatchObject({
      mapping: { receivedAt: 'date' },
      unmapped: ['temperature', 'place'],
      missing: ['score or comment'],
    });
    const two = (
      await upload('two.csv', 'date,nps,Why?,Anything else you want to tell us?\n2026-11-01,9,Fast,Nope\n')
    ).json() as { preview: Preview };
    expect(two.preview.warnings).toContainEqual({
      code: 'AMBIGUOUS_COLUMN',
      params: { field: 'comment', columns: 'Why?, Anything else you want to tell us?' },
    });
  });

  it('says where the header was found below title rows, and lists the skipped total in the result', async () => {
    const csv =
      'NPS-rapport november;;\n;;\nDato;Karakter;Begrundelse\n01-11-2026;9;God\n02-11-2026;3;Dårlig\nTotal;12;\n';
    const { uploadId, preview } = (await upload('titled.csv', csv)).json() as { uploadId: string; preview: Preview };
    expect(preview).toMatchObject({ headerLine: 3, headers: ['Dato', 'Karakter', 'Begrundelse'] });
    expect(preview.warnings).toEqual([{ code: 'HEADER_BELOW_TITLE', params: { line: '3' } }]);
    const result = (
      await lead.request('POST', '/api/teams/support/imports', { uploadId, fileName: 'titled.csv' })
    ).json() as Record<string, unknown>;
    expect(result).toMatchObject({ rows: 2, imported: 2, skipped: [{ line: 6, code: 'SUMMARY_ROW', label: 'Total' }] });
  });

  it('refuses a Big5 upload with a 400 naming the encoding', async () => {
    const response = await upload(
      'big5.csv',
      iconv.encode('日期,評分,評論\n2026-11-01,9,服務非常好，謝謝你們的幫助\n', 'big5'),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'VALIDATION', details: { reason: 'ENCODING', encoding: 'Big5 (Traditional Chinese)' } },
    });
    expect((response.json() as { error: { message: string } }).error.message).toContain(
      'its text is in Big5 (Traditional Chinese)',
    );
  });

  it('the import result and the error report never quote an e-mail address or a phone number', async () => {
    const { uploadId } = (
      await upload('pii.csv', 'date,score,comment\nanna.jensen@example.dk,9,ok\n2026-11-02,9,ok\n56 78 90 12,3,ok\n')
    ).json() as { uploadId: string };
    const result = (
      await lead.request('POST', '/api/teams/support/imports', { uploadId, fileName: 'pii.csv' })
    ).json() as { importId: number; errors: { code: string; message: string }[] };
    expect(result.errors).toEqual([
      {
        line: 2,
        code: 'DATE_UNREADABLE',
        params: { value: '[e-mail]' },
        message: '"[e-mail]" is not a date Kadence can read',
      },
      {
        line: 4,
        code: 'DATE_UNREADABLE',
        params: { value: '[phone]' },
        message: '"[phone]" is not a date Kadence can read',
      },
    ]);
    const csv = await lead.request('GET', `/api/teams/support/imports/${result.importId}/errors.csv`);
    expect(csv.body).toBe(
      '\uFEFFlinje;årsag\r\n2;“[e-mail]” er ikke en dato, Kadence kan læse\r\n4;“[telefon]” er ikke en dato, Kadence kan læse\r\n',
    );
    expect(csv.body).not.toContain('anna.jensen');
  });
});
