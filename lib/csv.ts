// CSV for the staff's spreadsheets (Excel in French): UTF-8 with a BOM so accents survive, ";"
// between fields, CRLF lines. A cell that a spreadsheet would read as a formula (=, +, -, @,
// tab, carriage return first) is prefixed with an apostrophe: a child's name or a note typed
// by a family never runs in the town hall's spreadsheet.
import { stringify } from 'csv-stringify/sync';

const formulaStart = /^[=+\-@\t\r]/;

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const safe = rows.map((row) => row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? String(cell) : formulaStart.test(cell) ? `'${cell}` : cell)));
  // A lone line feed is quoted too: a spreadsheet would start a new row at it.
  return stringify([header, ...safe], { bom: true, delimiter: ';', record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
