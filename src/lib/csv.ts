/**
 * RFC 4180 CSV, neutralised against formula injection: what every CSV export of the app
 * writes (worksheet claim lines, review queue, audit log).
 */

/** Characters that make a spreadsheet read a cell as a formula when they come first (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or CR) gets a
 * leading apostrophe, so an exported value can never execute. Other cells are unchanged.
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

/** One cell as written: neutralised, then quoted as RFC 4180 needs. */
export function csvCell(cell: string): string {
  return csvField(neutralizeFormula(cell))
}

/** One record: the cells neutralised, quoted where needed and joined by commas, then CRLF. */
export function csvRecord(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n'
}

/**
 * A whole CSV text: a header record, then one record per row, CRLF after every record
 * (RFC 4180 allows the last one; spreadsheets ignore it). Every cell is neutralised.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  let text = csvRecord(header)
  for (const row of rows) text += csvRecord(row)
  return text
}
