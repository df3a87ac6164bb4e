/**
 * A table as CSV (RFC 4180): a header row, then one row per line, CRLF line ends, and a byte-order
 * mark so spreadsheet programs read it as UTF-8. Text that a spreadsheet would take for a formula
 * (`=`, `+`, `-`, `@` first: a question, a company name) is prefixed with an apostrophe.
 */
export type Cell = string | number | null;

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
