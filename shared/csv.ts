/**
 * One CSV cell that a spreadsheet will show as text: cells starting with = + - @ tab or CR are
 * prefixed with ' so they are never run as formulas; quotes, delimiters and line breaks are quoted.
 */
export function csvCell(value: string | number | null | undefined, delimiter = ','): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes('"') || text.includes(delimiter) || /[\r\n]/.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

export function csvLine(cells: (string | number | null | undefined)[], delimiter = ','): string {
  return `${cells.map((cell) => csvCell(cell, delimiter)).join(delimiter)}\r\n`;
}
