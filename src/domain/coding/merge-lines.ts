import type { RepeatedLines } from '../payer-profile.ts'
import type { TraceFact } from '../types.ts'
import type { LineDraft } from './coded.ts'
import { orderModifiers } from './modifiers.ts'

/**
 * Lines that bill the same thing: same code, same modifiers, same Box 19 narrative, from the same
 * kind of source. A line the coder typed under other lines never merges into a coded one: that
 * duplicate is a finding of its own (PROCEDURE-IN-OTHER-LINES), not extra units.
 */
function keyOf(line: LineDraft): string {
  return `${line.origin}|${line.code}|${line.modifiers.join(' ')}|${line.box19 ?? ''}|${line.ndc?.ndc11 ?? ''}`
}

/** A merged line's trace: each fact once, with the values of every line it took in (every level stays listed). */
function mergeTraces(traces: readonly TraceFact[][]): TraceFact[] {
  const out: TraceFact[] = []
  const seen = new Map<string, TraceFact>()
  for (const trace of traces) {
    for (const t of trace) {
      const known = seen.get(t.fact)
      if (!known) {
        const copy = { ...t }
        seen.set(t.fact, copy)
        out.push(copy)
      } else if (String(known.value) !== String(t.value) && !String(known.value).split('; ').includes(String(t.value))) {
        known.value = `${String(known.value)}; ${String(t.value)}`
      }
    }
  }
  out.push({ fact: 'lines merged', value: traces.length })
  return out
}

/**
 * One line per code and modifiers: repeated lines become the first of them with the units added
 * (64636 RT x2), as a claim must not carry two identical lines on one date. Where the payer wants
 * a line per level, the repeats stay apart and take the payer's distinguishing modifier.
 * Returns the lines and, for each input line, the index of the line it went into.
 */
export function mergeRepeatedLines(drafts: readonly LineDraft[], rule: RepeatedLines): { lines: LineDraft[]; indexOf: number[] } {
  const lines: LineDraft[] = []
  const indexOf: number[] = []
  const firstOf = new Map<string, number>()
  const traces = new Map<number, TraceFact[][]>()
  for (const original of drafts) {
    let draft = original
    let at = firstOf.get(keyOf(draft))
    // A payer that wants a line per level gets the repeat on its own line with its modifier;
    // a repeat of that (a third level) joins it, as two identical lines would deny all the same.
    if (at !== undefined && rule.format === 'line-per-level' && rule.modifier !== null && draft.origin === 'procedure') {
      draft = {
        ...draft, modifiers: orderModifiers([...draft.modifiers, rule.modifier]), ruleIds: [...new Set([...draft.ruleIds, 'LINE-MERGE'])],
        trace: [...draft.trace, { fact: 'repeated line', value: `kept apart with ${rule.modifier} (payer profile)` }],
      }
      at = firstOf.get(keyOf(draft))
    }
    if (at === undefined) {
      firstOf.set(keyOf(draft), lines.length)
      indexOf.push(lines.length)
      lines.push({ ...draft, modifiers: [...draft.modifiers], ruleIds: [...draft.ruleIds], trace: [...draft.trace] })
      continue
    }
    const first = lines[at]
    if (!first) continue
    indexOf.push(at)
    first.units += draft.units
    if (first.ndc && draft.ndc) {
      const quantity = first.ndc.quantity !== null && draft.ndc.quantity !== null && first.ndc.unit === draft.ndc.unit ? first.ndc.quantity + draft.ndc.quantity : null
      first.ndc = { ...first.ndc, quantity }
    }
    first.ruleIds = [...new Set([...first.ruleIds, ...draft.ruleIds, 'LINE-MERGE'])]
    const list = traces.get(at) ?? [first.trace]
    list.push(draft.trace)
    traces.set(at, list)
  }
  for (const [at, list] of traces) {
    const line = lines[at]
    if (line) line.trace = mergeTraces(list)
  }
  return { lines, indexOf }
}
