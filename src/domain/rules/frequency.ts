import { addDays, addMonths } from '../dates.ts'
import type { FrequencyCounter } from '../types.ts'
import { familyLabels, regionLabels } from '../vocabulary.ts'
import { checkRule, type Facts, type RuleDefinition, type RuleHit } from './rule.ts'

function describe(c: FrequencyCounter): string {
  const scope = c.region ? ` in the ${regionLabels[c.region]} region` : ' (all regions)'
  const purpose = c.purpose ? ` ${c.purpose}` : ''
  return `${familyLabels[c.family].toLowerCase()}${purpose} sessions${scope}`
}

function windowText(c: FrequencyCounter): string {
  return `${c.window.amount} ${c.window.unit}`
}

/** Sessions named in a trace; a longer list is summarised (the counter has them all). */
const TRACED_SESSIONS = 12

function sessionTrace(c: FrequencyCounter): RuleHit['trace'] {
  const shown = c.sessions.slice(-TRACED_SESSIONS)
  const hidden = c.sessions.length - shown.length
  return [
    { fact: 'limit', value: `${c.limit} per rolling ${windowText(c)}` },
    { fact: 'sessions counted', value: c.used },
    ...(hidden > 0 ? [{ fact: 'earlier sessions in the window', value: hidden }] : []),
    ...shown.map((s) => ({ fact: `session ${s.dateOfService}`, value: `${s.codes.join(' ')}${s.providers.length ? ` by ${s.providers.join(', ')}` : ''}${s.source === 'current' ? ' (this encounter)' : ''}` })),
    { fact: 'window', value: `${c.window.from} to ${c.window.to}` },
  ]
}

function procedureLines(facts: Facts, c: FrequencyCounter): number[] {
  const out: number[] = []
  facts.coding.lines.forEach((l, i) => {
    if (l.origin !== 'procedure') return
    const p = l.procedureIndex === null ? undefined : facts.encounter.procedures[l.procedureIndex]
    if (p?.type === c.family) out.push(i)
  })
  return out
}

function exceededHit(facts: Facts, c: FrequencyCounter): RuleHit {
  return {
    message: `This would be session ${c.used} of ${describe(c)} within a rolling ${windowText(c)}; the limit is ${c.limit}${c.interpretation ? ` under the reading: ${c.interpretation}` : ''}. The session is likely to deny.`,
    fix: `The next session within the limit is on or after ${c.nextAllowedDate}. If this session was needed, document the medical necessity and expect review; check every provider of the group for the sessions listed.`,
    trace: sessionTrace(c),
    lineIndexes: procedureLines(facts, c),
    source: c.source,
    ...(c.interpretation ? { interpretation: c.interpretation } : {}),
  }
}

export const frequencyRules: readonly RuleDefinition[] = [
  checkRule({
    id: 'FREQ-LIMIT', title: 'Frequency limit exceeded', scope: 'claim',
    severity: 'error', category: 'frequency', sources: 'payer-profile',
    check: (facts) => facts.counters.filter((c) => c.exceeded && c.severity === 'error').map((c) => exceededHit(facts, c)),
  }),
  checkRule({
    id: 'FREQ-LIMIT-RISK', title: 'Frequency limit exceeded under a contractor-dependent limit or a named reading', scope: 'claim',
    severity: 'warning', category: 'frequency', sources: 'payer-profile',
    check: (facts) => facts.counters.filter((c) => c.exceeded && c.severity === 'warning').map((c) => exceededHit(facts, c)),
  }),
  checkRule({
    id: 'FREQ-INTERVAL', title: 'Session sooner than the payer\'s minimum interval', scope: 'claim',
    severity: 'warning', category: 'frequency', sources: 'payer-profile',
    check: (facts) => facts.counters.flatMap((c): RuleHit[] => {
      const limit = facts.profile.frequencyLimits.find((l) => l.id === c.limitId)
      if (!c.includesCurrent || !limit?.minInterval) return []
      const previous = c.sessions.filter((s) => s.source === 'history' && s.dateOfService < facts.dos).at(-1)
      if (!previous) return []
      const { amount, unit } = limit.minInterval
      const earliest = unit === 'months' ? addMonths(previous.dateOfService, amount) : addDays(previous.dateOfService, amount)
      if (facts.dos >= earliest) return []
      return [{
        message: `The previous ${describe(c).replace(' sessions', ' session')} was on ${previous.dateOfService}; this payer wants at least ${amount} ${unit} between sessions (earliest ${earliest}).`,
        fix: `Reschedule on or after ${earliest}, or document why the earlier session was necessary.`,
        trace: [{ fact: 'previous session', value: previous.dateOfService }, { fact: 'minimum interval', value: `${amount} ${unit}` }, { fact: 'earliest date', value: earliest }],
        lineIndexes: procedureLines(facts, c),
        source: c.source,
      }]
    }),
  }),
  checkRule({
    id: 'FREQ-LAST-SESSION', title: 'This session uses the last one allowed', scope: 'claim',
    severity: 'info', category: 'frequency', sources: 'payer-profile',
    check: (facts) => facts.counters.filter((c) => c.includesCurrent && c.used === c.limit).map((c) => ({
      message: `This is session ${c.used} of ${c.limit} ${describe(c)} allowed in a rolling ${windowText(c)}${c.interpretation ? ` (reading: ${c.interpretation})` : ''}; the next is allowed on or after ${c.nextAllowedDate}.`,
      fix: 'No change needed; tell scheduling the next eligible date.',
      trace: sessionTrace(c),
      lineIndexes: procedureLines(facts, c),
      source: c.source,
      ...(c.interpretation ? { interpretation: c.interpretation } : {}),
    })),
  }),
]
