/** A field separator a spreadsheet understands: `,` (RFC 4180), `;` (what Norwegian Excel expects), or tab. */
export type CsvDelimiter = ',' | ';' | '\t';

/** The byte order mark that makes Excel read a CSV file as UTF-8 (so æ, ø and å show as written). */
export const UTF8_BOM = '\uFEFF';

// A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV Injection"); a tab or a
// carriage return first is read as one too by some spreadsheets.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell's text as a spreadsheet may open it: a leading `=`, `+`, `-`, `@`, tab or carriage return gets a
 * leading `'`, so the cell is shown as text and never run (the text is otherwise kept exactly).
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quoteCell(value: string, delimiter: CsvDelimiter): string {
  const safe = neutraliseFormula(value);
  // RFC 4180: a field with the separator, a quote or a line break is quoted, and quotes inside are doubled.
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Rows as CSV text (RFC 4180: CRLF between records, quoted where needed), every cell neutralised against
 * formula injection, with a UTF-8 byte order mark first unless `bom` is false. Written by hand rather than
 * with a library: the quoting rule is four lines, and the neutralising must be applied to every cell.
 */
export function toCsv(
  rows: readonly (readonly string[])[],
  options: { delimiter?: CsvDelimiter; bom?: boolean } = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const body = rows.map((row) => row.map((cell) => quoteCell(cell, delimiter)).join(delimiter)).join('\r\n');
  return `${options.bom === false ? '' : UTF8_BOM}${body}\r\n`;
}
