/**
 * CSV for staff exports (RFC 4180), as a UTF-8 file with a byte-order mark so Excel on a
 * community office PC opens the Chinese text correctly. Small enough not to need a library.
 */
export type CsvCell = string | number;

const BOM = '\uFEFF';

/**
 * Quote a cell when it holds a separator, a quote or a line break. A cell that a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`) is prefixed with `'`: residents write these texts.
 */
export function csvCell(value: CsvCell): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
