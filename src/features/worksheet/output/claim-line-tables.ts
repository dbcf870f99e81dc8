import { POINTER_LETTERS, type ClaimLine } from '../../../domain/index.ts'
import { toCsv } from '../../../lib/csv.ts'

export { csvField, neutralizeFormula } from '../../../lib/csv.ts'

/** The claim lines as a practice-management system or a spreadsheet takes them. */

/** Who and when the lines are for: the CSV repeats them on every row so rows stand alone. */
export interface ClaimLinesMeta {
  patientId: string
  dateOfService: string
  providerId: string
  /** Box 21: the claim's diagnoses in order (A first). */
  diagnoses?: readonly string[]
}

// New columns go last, so a system that reads the older columns by position still finds them.
const LINE_HEADER = ['Code', 'Modifiers', 'Units', 'Label', 'Box 19', 'Dx pointer', 'Diagnoses'] as const
const CSV_HEADER = ['Patient account', 'Date of service', 'Provider', 'Line', ...LINE_HEADER, 'Box 21'] as const

/** Box 21 as one line of text: "A M47.816; B M54.50". */
export function box21Text(diagnoses: readonly string[]): string {
  return diagnoses.slice(0, POINTER_LETTERS.length).map((dx, i) => `${POINTER_LETTERS[i] ?? ''} ${dx}`).join('; ')
}

/** A line's cells: its pointers as box 24E writes them ("BA"), and the codes they point to in that order. */
function lineCells(line: ClaimLine, diagnoses: readonly string[]): string[] {
  const pointers = line.pointers ?? []
  const pointed = pointers.map((p) => diagnoses[POINTER_LETTERS.indexOf(p)] ?? '').filter((d) => d !== '')
  return [line.code, line.modifiers.join(' '), String(line.units), line.label, line.box19 ?? '', pointers.join(''), pointed.join(' ')]
}

/**
 * Tab-separated claim lines, one row per line, rows joined by "\n" and no trailing newline
 * (a trailing one pastes as an empty row in some systems). Tabs and line breaks inside a
 * cell become spaces. No header by default: the text is pasted into a practice-management
 * system's line grid, so box 21 is not a row of its own: each line carries its pointers and,
 * given `diagnoses` (box 21 in order), the codes they point to.
 */
export function claimLinesToTsv(lines: readonly ClaimLine[], options: { header?: boolean; diagnoses?: readonly string[] } = {}): string {
  const rows = lines.map((line) => lineCells(line, options.diagnoses ?? []))
  if (options.header === true) rows.unshift([...LINE_HEADER])
  return rows.map((cells) => cells.map((cell) => cell.replace(/\r\n|[\t\r\n]/g, ' ')).join('\t')).join('\n')
}

/**
 * RFC 4180 CSV of the claim lines: a header row, one row per line with its 1-based line
 * number, CRLF after every row. Patient, date of service, provider and box 21's lettered
 * diagnoses are repeated on each row (empty when `meta` is not given). Every cell is
 * neutralised against formula injection.
 */
export function claimLinesToCsv(lines: readonly ClaimLine[], meta?: ClaimLinesMeta): string {
  const who = [meta?.patientId ?? '', meta?.dateOfService ?? '', meta?.providerId ?? '']
  const diagnoses = meta?.diagnoses ?? []
  const box21 = box21Text(diagnoses)
  return toCsv(CSV_HEADER, lines.map((line, i) => [...who, String(i + 1), ...lineCells(line, diagnoses), box21]))
}
