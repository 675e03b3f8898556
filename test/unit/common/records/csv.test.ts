import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { neutraliseFormula, toCsv, UTF8_BOM, type CsvDelimiter } from '../../../../src/common/records/csv';

const read = (text: string, delimiter: CsvDelimiter): string[][] =>
  parse(text, { delimiter, bom: true, relax_column_count: false, record_delimiter: '\r\n' });

describe('the CSV writer', () => {
  it('quotes as RFC 4180 says and starts with a byte order mark for Excel', () => {
    const text = toCsv([
      ['økt', 'tekst'],
      ['1', 'sa "nei", og gikk\nut'],
    ]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text).toBe(`${UTF8_BOM}økt,tekst\r\n1,"sa ""nei"", og gikk\nut"\r\n`);
    expect(toCsv([['a;b', 'c']], { delimiter: ';', bom: false })).toBe('"a;b";c\r\n');
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    const nasty = [
      '=HYPERLINK("http://example.com","klikk")',
      '+1+1',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1',
      '\r=1',
      "=cmd|' /C calc'!A0",
    ];
    const parsed = read(toCsv([nasty], { delimiter: ';' }), ';');
    expect(parsed).toEqual([nasty.map((cell) => `'${cell}`)]);
    expect(neutraliseFormula('Rune = 42')).toBe('Rune = 42');
    expect(neutraliseFormula('')).toBe('');
  });

  it('any text round-trips through a real CSV parser, and no cell starts with a formula character (property)', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({
        unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', 'æ', 'ø', 'å', 'a'),
      }),
    );
    fc.assert(
      fc.property(
        fc
          .array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 })
          .chain((rows) => {
            const width = rows[0]!.length;
            return fc.constant(rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? '')));
          }),
        fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
        (rows, delimiter) => {
          const parsed = read(toCsv(rows, { delimiter }), delimiter);
          expect(parsed).toEqual(rows.map((row) => row.map(neutraliseFormula)));
          for (const row of parsed) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
      { numRuns: 500 },
    );
  });
});
