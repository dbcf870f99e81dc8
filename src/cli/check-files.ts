import {
  createContext,
  evaluate,
  parseEvaluationInput,
  type EvaluationResult,
  type InputIssue,
  type NcciTables,
  type Severity,
} from '../domain/index.ts'
import * as ncci from '../domain/ncci/index.ts'
import { readJsonText } from '../lib/json-text.ts'

/**
 * The pure part of `npm run check`: file texts in, one result per input out. No fs, no
 * argv, no clock; check.ts does those.
 */

export interface InputFile {
  /** The name shown in results, as the user wrote it on the command line. */
  name: string
  text: string
}

export interface CheckOptions {
  /** The day the check runs, YYYY-MM-DD. */
  today: string
  ncci?: NcciTables
}

export type CheckResult =
  | { file: string; index: number; ok: true; result: EvaluationResult }
  | { file: string; index: number | null; ok: false; errors: InputIssue[] }

/** A problem with the whole file (unreadable, not JSON, empty): one result with index null. */
export function fileError(file: string, message: string): CheckResult {
  return { file, index: null, ok: false, errors: [{ path: '(file)', message }] }
}

/**
 * Checks every input of every file, in order: files in the order given, then inputs in
 * array order. A file holds one input (an object) or an array of inputs.
 */
export function checkFiles(files: readonly InputFile[], options: CheckOptions): CheckResult[] {
  const context = createContext(options.today, options.ncci ? { ncci: options.ncci } : {})
  const results: CheckResult[] = []
  for (const file of files) {
    const read = readJsonText(file.text)
    if (!read.ok) {
      results.push(fileError(file.name, read.message))
      continue
    }
    const inputs = Array.isArray(read.value) ? (read.value as unknown[]) : [read.value]
    if (inputs.length === 0) {
      results.push(fileError(file.name, 'The file holds an empty array: there is no input to check'))
      continue
    }
    inputs.forEach((data, index) => {
      const parsed = parseEvaluationInput(data)
      if (!parsed.ok) {
        results.push({ file: file.name, index, ok: false, errors: parsed.issues })
        return
      }
      try {
        const r = evaluate(parsed.input, context)
        results.push({
          file: file.name,
          index,
          ok: true,
          result: { lines: r.lines, findings: r.findings, counters: r.counters, payerProfileId: r.payerProfileId },
        })
      } catch (error) {
        // A valid input should never make the rule module throw; report it rather than stop the batch.
        const message = error instanceof Error ? error.message : String(error)
        results.push({
          file: file.name,
          index,
          ok: false,
          errors: [{ path: '(engine)', message: `The rule module failed on this input (please report it): ${message}` }],
        })
      }
    })
  }
  return results
}

/** Findings counted by severity, for --summary. */
export function countBySeverity(result: EvaluationResult): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const f of result.findings) counts[f.severity]++
  return counts
}

/** One --summary line per result: `file#index: N errors, N warnings, N info`. */
export function summaryLine(r: CheckResult): string {
  const where = `${r.file}#${r.index ?? '-'}`
  if (r.ok) {
    const c = countBySeverity(r.result)
    return `${where}: ${c.error} errors, ${c.warning} warnings, ${c.info} info`
  }
  const first = r.errors[0]
  const detail = first ? `: ${first.path}: ${first.message}` : ''
  const more = r.errors.length > 1 ? ` (and ${r.errors.length - 1} more)` : ''
  return `${where}: invalid input, ${r.errors.length} ${r.errors.length === 1 ? 'problem' : 'problems'}${detail}${more}`
}

/** The CLI's exit code for a batch: 0 when every input was valid, 1 otherwise. Findings do not count. */
export function exitCodeFor(results: readonly CheckResult[]): 0 | 1 {
  return results.every((r) => r.ok) ? 0 : 1
}

// ---------------------------------------------------------------------------------------
// NCCI tables given on the command line

export interface NcciFileText {
  name: string
  text: string
}

export interface NcciLoadRequest {
  mue?: { file: NcciFileText; quarter: string }
  /** The parts (f1…f4) of one quarter's practitioner PTP edits; merged into one table. */
  ptp?: { files: readonly NcciFileText[]; quarter: string }
}

export type NcciLoadResult = { ok: true; tables: NcciTables; warnings: string[] } | { ok: false; errors: string[] }

function boundsOf(quarter: string): { ok: true; from: string; to: string } | { ok: false; error: string } {
  try {
    return { ok: true, ...ncci.quarterBounds(quarter) }
  } catch {
    return { ok: false, error: `'${quarter}' is not a quarter written like 2026Q4` }
  }
}

function describe(file: string, e: { row: number; column?: string; message: string }): string {
  // The parsers' messages already say "Row N, column 'X'" when they are about one row.
  const where = e.row > 0 && !/^Row \d+/.test(e.message) ? `line ${e.row}: ` : ''
  return `${file}: ${where}${e.message}`
}

/** Parses the NCCI files named on the command line, dated by their quarter's bounds. */
export function loadNcciTables(request: NcciLoadRequest): NcciLoadResult {
  const errors: string[] = []
  const warnings: string[] = []
  const tables: { mue?: ncci.MueTable[]; ptp?: ncci.PtpTable[] } = {}

  if (request.mue) {
    const { file, quarter } = request.mue
    const b = boundsOf(quarter)
    if (!b.ok) errors.push(`--mue-quarter: ${b.error}`)
    else {
      const parsed = ncci.parseMueFile(file.text, { quarter, effectiveFrom: b.from, effectiveTo: b.to })
      if (parsed.ok) {
        tables.mue = [parsed.table]
        warnings.push(...parsed.warnings.map((w) => `${file.name}: ${w}`))
      } else {
        errors.push(`MUE table ${file.name} could not be loaded:`, ...parsed.errors.map((e) => `  ${describe(file.name, e)}`))
      }
    }
  }

  if (request.ptp) {
    const { files, quarter } = request.ptp
    const b = boundsOf(quarter)
    if (!b.ok) errors.push(`--ptp-quarter: ${b.error}`)
    else {
      const parts: ncci.PtpTable[] = []
      for (const file of files) {
        const parsed = ncci.parsePtpFile(file.text, { quarter, effectiveFrom: b.from, effectiveTo: b.to })
        if (parsed.ok) {
          parts.push(parsed.table)
          warnings.push(...parsed.warnings.map((w) => `${file.name}: ${w}`))
        } else {
          errors.push(`PTP table ${file.name} could not be loaded:`, ...parsed.errors.map((e) => `  ${describe(file.name, e)}`))
        }
      }
      if (parts.length === files.length && parts.length > 0) {
        if (parts.length === 1) tables.ptp = parts
        else {
          const merged = ncci.mergePtpTables(parts)
          if (merged.ok) {
            tables.ptp = [merged.table]
            warnings.push(...merged.warnings)
          } else {
            errors.push('The PTP parts could not be merged:', ...merged.errors.map((e) => `  ${e.message}`))
          }
        }
      }
    }
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, tables, warnings }
}
