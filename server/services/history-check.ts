import { historyRowKey, parseHistoryCsv, type ColumnMapping, type DateFormat, type ParsedHistoryRow } from '../../src/domain/history-import/index.ts'

/**
 * The server's own check of uploaded claim history (pure, no database): the file's first rows
 * alone, or a part as if it followed them, read by the same parser as the browser's preview.
 * It runs in a worker thread (history-check-pool.ts) so that a megabyte's check neither holds
 * up other requests nor leaves the second core idle; inline where no worker can start.
 */

/** What an array literal's quoted element must escape. */
const QUOTE_OR_BACKSLASH = /["\\]/

/** Problems named in a refusal's message (the parser keeps at most 100). */
const ERRORS_SHOWN = 20

export interface CheckInput {
  head: string
  mapping: ColumnMapping
  dateFormat: DateFormat
  /** null: check the first rows alone. */
  part: { firstRow: number; text: string } | null
}

/**
 * The lines checked, as PostgreSQL array literals (one element per line, in file order), ready
 * to stage: building them here keeps that work off the main thread too.
 */
export interface CheckedLines {
  ok: true
  lines: number
  patients: number
  literals: { patientIds: string; dates: string; codes: string; modifiers: string; units: string; providers: string; keys: string }
}

export type CheckResult = CheckedLines | { ok: false; message: string }

/** Physical lines as the parser numbers them ('\n' ends a line; a final line may lack it). */
export function countLines(text: string): number {
  if (text.length === 0) return 0
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return text.endsWith('\n') ? n : n + 1
}

/** An array literal of quoted elements ('{"a","b\\"c"}'): any text is safe in it. */
function literal(values: readonly string[]): string {
  if (values.length === 0) return '{}'
  // One scan of the values joined rather than two searches per value.
  if (!QUOTE_OR_BACKSLASH.test(values.join(''))) return `{"${values.join('","')}"}`
  return `{${values.map((x) => `"${x.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`
}

/**
 * historyRowKey, without its copy and sort of the modifiers when a line has none or one (most
 * lines); the parser has already upper-cased codes and modifiers. Lines with several modifiers
 * go through historyRowKey itself.
 */
function keyOf(r: ParsedHistoryRow): string {
  if (r.modifiers.length > 1) return historyRowKey(r)
  return `${r.patientId}|${r.dateOfService}|${r.code}|${r.modifiers.length === 1 ? r.modifiers[0] : ''}|${r.units}|${r.providerId ?? ''}`
}

/**
 * Checks `head` alone (part null) or a part as if it followed `head` in the file. Rows among
 * the head's lines belong to the head: a part answers only its own. Any problem refuses the
 * whole text, with the file's rows in the message.
 */
export function checkHistory(input: CheckInput): CheckResult {
  const { head, part } = input
  const headLines = countLines(head)
  const text = part ? (head.endsWith('\n') ? head : `${head}\n`) + part.text : head
  const fileRow = (line: number) => (part === null || line <= headLines ? line : part.firstRow + (line - headLines - 1))
  const result = parseHistoryCsv(text, { mapping: input.mapping, dateFormat: input.dateFormat, maxBytes: 4 * 1024 * 1024, warnings: false })
  if (!result.ok) {
    // First rows with a header and no data rows yet (the data come in parts): nothing to stage.
    if (result.errors.length === 1 && result.errors[0].message.includes('no claim lines follow')) return empty()
    const messages = result.errors.map((e) => e.message.replace(/^Row (\d+)/, (_, line: string) => `Row ${fileRow(Number(line))}`))
    const shown = messages.slice(0, ERRORS_SHOWN)
    const more = messages.length - shown.length
    const where = part ? `rows ${part.firstRow} to ${part.firstRow + countLines(part.text) - 1}` : 'the first rows'
    return {
      ok: false,
      message: `The server found ${messages.length === 1 ? 'a problem' : `${messages.length} problems`} in ${where} of the file; nothing of this import is stored.\n` +
        `${shown.join('\n')}${more > 0 ? `\n…and ${more} more.` : ''}`,
    }
  }
  const rows = part === null ? result.rows : result.rows.filter((r) => r.sourceRow > headLines)
  const n = rows.length
  const patientIds = new Array<string>(n), dates = new Array<string>(n), codes = new Array<string>(n), modifiers = new Array<string>(n)
  const units = new Array<number>(n), providers = new Array<string>(n), keys = new Array<string>(n)
  for (let i = 0; i < n; i++) {
    const r = rows[i]
    patientIds[i] = r.patientId; dates[i] = r.dateOfService; codes[i] = r.code; modifiers[i] = r.modifiers.join(' ')
    units[i] = r.units; providers[i] = r.providerId ?? ''; keys[i] = keyOf(r)
  }
  return {
    ok: true, lines: n, patients: new Set(patientIds).size,
    literals: {
      patientIds: literal(patientIds), dates: `{${dates.join(',')}}`, codes: literal(codes), modifiers: literal(modifiers),
      units: `{${units.join(',')}}`, providers: literal(providers), keys: literal(keys),
    },
  }
}

function empty(): CheckedLines {
  return { ok: true, lines: 0, patients: 0, literals: { patientIds: '{}', dates: '{}', codes: '{}', modifiers: '{}', units: '{}', providers: '{}', keys: '{}' } }
}
