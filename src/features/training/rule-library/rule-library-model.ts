import { sources, type Category, type RuleDefinition, type Severity } from '../../../domain/index.ts'
import type { Confidence } from '../../../domain/data/sources.ts'
import type { RuleExample, RuleWithoutExamples } from '../../../domain/training/types.ts'
import { evaluateExample, exampleCodes, type ExampleOutcome } from './example-outcome.ts'
import { SCOPE_ORDER, scopeLabels, type RuleKind, type RuleScope } from './labels.ts'
import { codesNamedIn, sortCodes } from './rule-codes.ts'
import { rationaleOf } from '../../../domain/rules/rationales.ts'

/** An example of a rule with what the rule module makes of it. */
export interface ExampleEntry {
  example: RuleExample
  outcome: ExampleOutcome
}

/** Where a rule's fact comes from, resolved for display. */
export type SourceEntry =
  | { kind: 'source'; id: string; citation: string; confidence: Confidence }
  | { kind: 'payer-profile' }
  | { kind: 'ncci-table' }

/** One rule of the library with everything its list row and detail show. */
export interface RuleEntry {
  rule: RuleDefinition
  sources: readonly SourceEntry[]
  /** Codes the lines of its 'fires' example carry for it. */
  exampleCodes: readonly string[]
  /** Codes its title or explanation names. */
  textCodes: readonly string[]
  /** Both, in claim order, without repeats. */
  codes: readonly string[]
  /** The example where it fires first, then the near miss. */
  examples: readonly ExampleEntry[]
  /** Why the rule has no examples, when the examples say so. */
  withoutExamplesReason: string | null
  /** Lower-case id, title, explanation and codes, for the search box. */
  searchText: string
}

export interface RuleLibraryData {
  rules: readonly RuleDefinition[]
  examples: readonly RuleExample[]
  withoutExamples: readonly RuleWithoutExamples[]
}

function describeSources(rule: RuleDefinition): SourceEntry[] {
  if (rule.sources === 'payer-profile') return [{ kind: 'payer-profile' }]
  if (rule.sources === 'ncci-table') return [{ kind: 'ncci-table' }]
  return rule.sources.map((id) => ({ kind: 'source', id, citation: sources[id].citation, confidence: sources[id].confidence }))
}

const kindRank = (e: RuleExample) => (e.kind === 'fires' ? 0 : 1)

/** Builds the library: each rule with its sources, examples (evaluated once here) and codes. */
export function buildRuleLibrary({ rules, examples, withoutExamples }: RuleLibraryData): RuleEntry[] {
  return rules.map((rule) => {
    const own = examples.filter((e) => e.ruleId === rule.id).sort((a, b) => kindRank(a) - kindRank(b))
    const entries = own.map((example) => ({ example, outcome: evaluateExample(example) }))
    const fromExamples = sortCodes(entries.flatMap(({ example, outcome }) => exampleCodes(rule, example, outcome)))
    const fromText = sortCodes(codesNamedIn(`${rule.title} ${rationaleOf(rule.id)}`))
    const codes = sortCodes([...fromExamples, ...fromText])
    return {
      rule,
      sources: describeSources(rule),
      exampleCodes: fromExamples,
      textCodes: fromText,
      codes,
      examples: entries,
      withoutExamplesReason: withoutExamples.find((w) => w.ruleId === rule.id)?.reason ?? null,
      searchText: [rule.id, rule.title, rationaleOf(rule.id), ...codes].join(' ').toLowerCase(),
    }
  })
}

export interface RuleFilters {
  query: string
  scope: RuleScope | ''
  category: Category | ''
  severity: Severity | ''
  kind: RuleKind | ''
}

export const NO_FILTERS: RuleFilters = { query: '', scope: '', category: '', severity: '', kind: '' }

/** True when any filter or the search narrows the list. */
export function isFiltered(filters: RuleFilters): boolean {
  return filters.query.trim() !== '' || filters.scope !== '' || filters.category !== '' || filters.severity !== '' || filters.kind !== ''
}

/**
 * Rules matching every filter and every word of the search (in the id, title, explanation or
 * codes, upper or lower case). A code typed in full matches the rules that concern it.
 */
export function filterRules(entries: readonly RuleEntry[], filters: RuleFilters): RuleEntry[] {
  const words = filters.query.toLowerCase().split(/\s+/).filter((w) => w !== '')
  return entries.filter(({ rule, searchText }) =>
    (filters.scope === '' || rule.scope === filters.scope)
    && (filters.category === '' || rule.category === filters.category)
    && (filters.severity === '' || rule.severity === filters.severity)
    && (filters.kind === '' || rule.kind === filters.kind)
    && words.every((w) => searchText.includes(w)))
}

export interface ScopeGroup {
  scope: RuleScope
  label: string
  entries: RuleEntry[]
}

/** Groups rules by scope in the library's order (families, drugs, whole claim), leaving out empty groups. */
export function groupByScope(entries: readonly RuleEntry[]): ScopeGroup[] {
  const extra = [...new Set(entries.map((e) => e.rule.scope))].filter((s) => !SCOPE_ORDER.includes(s))
  return [...SCOPE_ORDER, ...extra]
    .map((scope) => ({ scope, label: scopeLabels[scope] ?? scope, entries: entries.filter((e) => e.rule.scope === scope) }))
    .filter((g) => g.entries.length > 0)
}

/** How many rules a filter value would leave, for the counts beside each choice. */
export function countBy<K extends string>(entries: readonly RuleEntry[], key: (rule: RuleDefinition) => K): Map<K, number> {
  const counts = new Map<K, number>()
  for (const { rule } of entries) counts.set(key(rule), (counts.get(key(rule)) ?? 0) + 1)
  return counts
}

/** "In effect since …" / "no end date", in the words trainees see on the detail. */
export function effectiveDatesText(from: string | null, to: string | null): string {
  if (from === null && to === null) return 'Applies to every date of service: no start or end date.'
  if (to === null) return `In effect since ${from}; no end date.`
  if (from === null) return `In effect until ${to}; no start date.`
  return `In effect from ${from} to ${to}.`
}

