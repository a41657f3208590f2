/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, "" for a quote inside one,
 * CRLF or LF line ends. A byte-order mark at the very start of the file (Excel writes one) is
 * dropped; one anywhere else stays in the field, where the field's own check will name it.
 */
export function parseCsv(text: string): { rows: string[][]; error: string | null; unclosedQuoteLine?: number } {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    if (isQuoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') {
        isQuoted = false;
        index += 1;
        continue;
      }
      field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field === '') {
      isQuoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || (char === '\r' && source[index + 1] === '\n')) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (char === '\r') index += 1;
    } else {
      field += char;
    }
    index += 1;
  }
  if (isQuoted) return { rows, error: `a quoted field opened on line ${rows.length + 1} is never closed`, unclosedQuoteLine: rows.length + 1 };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows: rows.filter((cells) => !(cells.length === 1 && cells[0] === '')), error: null };
}

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection": it starts with =, +, -, @, a
 * tab or a carriage return) gets a leading apostrophe, so it shows as the text it is. Names typed
 * by agencies reach DGFT's spreadsheets through exports; "=HYPERLINK(…)" must stay words.
 */
export const neutraliseFormula = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/**
 * RFC 4180 CSV that spreadsheets open safely: formula cells neutralised, fields with commas, quotes
 * or line breaks quoted, CRLF line ends, and a byte-order mark so Excel reads UTF-8 (Hindi names).
 */
export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\uFEFF${rows.map((row) => row.map((cell) => quoted(neutraliseFormula(String(cell)))).join(',')).join('\r\n')}\r\n`;
}
