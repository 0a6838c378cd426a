import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../shared/csv.ts';

describe('CSV cells a spreadsheet shows as text', () => {
  it('escapes cells that start like a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}SUM(A1)`).includes(`'${start}SUM(A1)`)).toBe(true);
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('-5')).toBe("'-5");
  });
  it('quotes delimiters, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('Søde medarbejdere')).toBe('Søde medarbejdere');
    expect(csvCell(null)).toBe('');
    expect(csvLine([1, 'x', null])).toBe('1,x,\r\n');
  });
});
