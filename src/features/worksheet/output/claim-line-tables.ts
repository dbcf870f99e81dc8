import type { ClaimLine } from '../../../domain/index.ts'
import { toCsv } from '../../../lib/csv.ts'

export { csvField, neutralizeFormula } from '../../../lib/csv.ts'

/** The claim lines as a practice-management system or a spreadsheet takes them. */

/** Who and when the lines are for: the CSV repeats them on every row so rows stand alone. */
export interface ClaimLinesMeta {
  patientId: string
  dateOfService: string
  providerId: string
}

const LINE_HEADER = ['Code', 'Modifiers', 'Units', 'Label', 'Box 19'] as const
const CSV_HEADER = ['Patient account', 'Date of service', 'Provider', 'Line', ...LINE_HEADER] as const

function lineCells(line: ClaimLine): string[] {
  return [line.code, line.modifiers.join(' '), String(line.units), line.label, line.box19 ?? '']
}

/**
 * Tab-separated claim lines, one row per line, rows joined by "\n" and no trailing newline
 * (a trailing one pastes as an empty row in some systems). Tabs and line breaks inside a
 * cell become spaces. No header by default: the text is pasted into a practice-management
 * system's line grid.
 */
export function claimLinesToTsv(lines: readonly ClaimLine[], options: { header?: boolean } = {}): string {
  const rows = lines.map(lineCells)
  if (options.header === true) rows.unshift([...LINE_HEADER])
  return rows.map((cells) => cells.map((cell) => cell.replace(/\r\n|[\t\r\n]/g, ' ')).join('\t')).join('\n')
}

/**
 * RFC 4180 CSV of the claim lines: a header row, one row per line with its 1-based line
 * number, CRLF after every row. Patient, date of service and provider are repeated on each
 * row (empty when `meta` is not given). Every cell is neutralised against formula injection.
 */
export function claimLinesToCsv(lines: readonly ClaimLine[], meta?: ClaimLinesMeta): string {
  const who = [meta?.patientId ?? '', meta?.dateOfService ?? '', meta?.providerId ?? '']
  return toCsv(CSV_HEADER, lines.map((line, i) => [...who, String(i + 1), ...lineCells(line)]))
}
