import {
  familyLabels, regionLabels,
  type ClaimLine, type EvaluationResult, type Finding, type FrequencyCounter, type TraceFact,
} from '../../../domain/index.ts'

/** A finding with a key that stays with it while the coder types, so open disclosures stay open. */
export interface KeyedFinding {
  key: string
  finding: Finding
}

export interface FindingGroups {
  error: KeyedFinding[]
  /** Warnings other than documentation items. */
  warning: KeyedFinding[]
  /** Documentation items to confirm in the note (rule ids DOC-...), warnings too. */
  documentation: KeyedFinding[]
  info: KeyedFinding[]
  counts: { error: number; warning: number; info: number }
}

const isDocumentation = (f: Finding): boolean => f.ruleId.startsWith('DOC-')

function keyOf(f: Finding): string {
  return [f.ruleId, f.procedureIndex ?? '', ...f.trace.map((t) => `${t.fact}=${String(t.value)}`)].join('|')
}

/** Splits findings by severity (documentation items apart), each with a stable key. */
export function groupFindings(findings: readonly Finding[]): FindingGroups {
  const groups: FindingGroups = { error: [], warning: [], documentation: [], info: [], counts: { error: 0, warning: 0, info: 0 } }
  const seen = new Map<string, number>()
  for (const finding of findings) {
    const base = keyOf(finding)
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    const keyed = { key: n === 0 ? base : `${base}#${n}`, finding }
    groups.counts[finding.severity] += 1
    if (finding.severity === 'warning' && isDocumentation(finding)) groups.documentation.push(keyed)
    else groups[finding.severity].push(keyed)
  }
  return groups
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** The one-line summary read out to screen reader users as the result changes. */
export function summarizeResult(result: Pick<EvaluationResult, 'lines'>, counts: FindingGroups['counts']): string {
  return [plural(result.lines.length, 'line'), plural(counts.error, 'error'), plural(counts.warning, 'warning')].join(' · ')
}

/** A line as a coder reads it: code, modifiers, units ("64493-50-KX ×1"). */
export function describeLine(line: Pick<ClaimLine, 'code' | 'modifiers' | 'units'>): string {
  return `${[line.code, ...line.modifiers].join('-')} ×${line.units}`
}

/** A trace value in words: null is "not recorded", booleans are yes/no. */
export function formatFactValue(value: TraceFact['value']): string {
  if (value === null) return 'not recorded'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return String(value)
}

const humanize = (text: string): string => text.replace(/-/g, ' ')

/** "Epidural steroid injection · lumbar/sacral · diagnostic" */
export function describeCounter(counter: FrequencyCounter): string {
  return [
    familyLabels[counter.family],
    counter.region ? regionLabels[counter.region] : 'all regions',
    ...(counter.purpose ? [humanize(counter.purpose)] : []),
  ].join(' · ')
}

/** "2 / 4 in a rolling 12 months" */
export function describeCounterUse(counter: FrequencyCounter): string {
  const unit = counter.window.amount === 1 ? counter.window.unit.replace(/s$/, '') : counter.window.unit
  return `${counter.used} / ${counter.limit} in a rolling ${counter.window.amount} ${unit}`
}
