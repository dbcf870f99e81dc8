import { findMue, findPtpEdits, selectTable } from '../ncci/find-edits.ts'
import { checkRule, type Facts, type RuleDefinition, type RuleHit } from './rule.ts'

const BYPASS_MODIFIERS = new Set(['59', 'XE', 'XS', 'XP', 'XU'])
const MAI_TEXT = { 1: 'per line', 2: 'per date of service (policy, absolute)', 3: 'per date of service (clinical)' } as const

function mueHits(facts: Facts): RuleHit[] {
  const tables = facts.ncci.mue ?? []
  const byCode = new Map<string, number[]>()
  facts.coding.lines.forEach((l, i) => byCode.set(l.code, [...(byCode.get(l.code) ?? []), i]))
  const hits: RuleHit[] = []
  for (const [code, idx] of byCode) {
    const found = findMue(tables, code, facts.dos)
    if (!found?.entry) continue
    const { entry, table } = found
    const units = idx.map((i) => facts.coding.lines[i]?.units ?? 0)
    const over = entry.mai === 1 ? idx.filter((_, k) => (units[k] ?? 0) > entry.value) : (units.reduce((a, b) => a + b, 0) > entry.value ? idx : [])
    if (over.length === 0) continue
    const total = units.reduce((a, b) => a + b, 0)
    hits.push({
      message: `${code} is billed with ${total} unit(s); the practitioner MUE is ${entry.value} ${MAI_TEXT[entry.mai]} (table ${table.quarter}), so the excess will deny.`,
      fix: entry.mai === 2 ? `Reduce ${code} to ${entry.value} unit(s): this MUE cannot be exceeded, even on appeal.` : `Reduce ${code} to ${entry.value} unit(s), or keep the documentation that supports more for an appeal.`,
      trace: [{ fact: 'code', value: code }, { fact: 'units', value: total }, { fact: 'MUE', value: entry.value }, { fact: 'MAI', value: entry.mai }, { fact: 'table', value: table.quarter }],
      lineIndexes: over,
    })
  }
  return hits
}

function ptpHits(facts: Facts): RuleHit[] {
  const tables = facts.ncci.ptp ?? []
  if (!selectTable(tables, facts.dos)) return []
  const hits: RuleHit[] = []
  const lines = facts.coding.lines
  const seen = new Set<string>()
  lines.forEach((a, i) => lines.forEach((b, j) => {
    if (a.code === b.code) return
    const key = `${a.code}|${b.code}`
    if (seen.has(key)) return
    seen.add(key)
    const found = findPtpEdits(tables, a.code, b.code, facts.dos)
    const edit = found?.edits[0]
    if (!found || !edit) return
    const bypassed = edit.modifierIndicator === 1 && (b.modifiers.some((m) => BYPASS_MODIFIERS.has(m)) || a.modifiers.some((m) => BYPASS_MODIFIERS.has(m)))
    if (bypassed) return
    hits.push({
      message: edit.modifierIndicator === 0
        ? `${b.code} is bundled into ${a.code} (NCCI PTP edit, no modifier allowed): ${b.code} will deny.`
        : `${b.code} is bundled into ${a.code} (NCCI PTP edit) unless a distinct service is documented and marked with a modifier.`,
      fix: edit.modifierIndicator === 0
        ? `Remove ${b.code}.`
        : `If ${b.code} was a separate site or encounter, append XS, XE, XP or XU (59 only when none fits) to ${b.code}; otherwise remove it.`,
      trace: [{ fact: 'column 1', value: a.code }, { fact: 'column 2', value: b.code }, { fact: 'modifier indicator', value: edit.modifierIndicator }, { fact: 'edit effective', value: edit.effectiveFrom }, { fact: 'table', value: found.table.quarter }, { fact: 'rationale', value: edit.rationale }],
      lineIndexes: [i, j],
    })
  }))
  return hits
}

export const ncciRules: readonly RuleDefinition[] = [
  checkRule({
    id: 'NCCI-MUE', title: 'Units over the practitioner MUE', scope: 'claim',
    severity: 'error', category: 'units', sources: 'ncci-table',
    check: mueHits,
  }),
  checkRule({
    id: 'NCCI-PTP', title: 'Code pair bundled by an NCCI PTP edit', scope: 'claim',
    severity: 'error', category: 'code-selection', sources: 'ncci-table',
    check: ptpHits,
  }),
  checkRule({
    id: 'NCCI-NOT-LOADED', title: 'NCCI tables not loaded or not in force', scope: 'claim',
    severity: 'info', category: 'units', sources: ['NCCI-TABLES'],
    check: (facts) => {
      const hits: RuleHit[] = []
      const tables: [string, readonly { quarter: string; effectiveFrom: string; effectiveTo: string | null }[]][] = [['MUE', facts.ncci.mue ?? []], ['PTP', facts.ncci.ptp ?? []]]
      for (const [name, list] of tables) {
        if (list.length === 0) {
          hits.push({ message: `No NCCI ${name} table is loaded, so ${name === 'MUE' ? 'unit caps' : 'code-pair bundling edits'} were not checked.`, fix: `Load the current quarter's CMS practitioner ${name} file in settings.`, trace: [{ fact: `${name} tables loaded`, value: 0 }] })
        } else if (!selectTable(list, facts.dos)) {
          hits.push({ message: `No loaded NCCI ${name} table covers the date of service ${facts.dos} (loaded: ${list.map((t) => t.quarter).join(', ')}).`, fix: `Load the CMS practitioner ${name} file for the quarter of ${facts.dos}.`, trace: [{ fact: 'date of service', value: facts.dos }, { fact: 'quarters loaded', value: list.map((t) => t.quarter).join(', ') }] })
        }
      }
      return hits
    },
  }),
]
