import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, type IsoDate } from './dates.ts'
import {
  builtInPayerProfiles, codeCatalog, createContext, drugCatalog, evaluate, evaluationInputSchema, medicareProfile,
  parseEvaluationInput, rulesById, CATEGORIES, GUIDANCE, FACET_PURPOSES, SEVERITIES, regionOfLevel,
  type EvaluationInput, type EvaluationResult, type FrequencyLimit, type LevelEntry, type Procedure,
} from './index.ts'
import {
  CLAMPED_DATES_OF_SERVICE, DOS_MAX, DOS_MIN, FAMILY_HISTORY_CODES, HISTORY_MODIFIERS, KNOWN_PAYER_PROFILES, TODAY,
  UNKNOWN_PAYER_PROFILE, evaluationInputArb, historyAfterArb, levelEntryArb, procedureArb, spinalLevelArb, triggerPointArb,
} from './testing/arbitraries.ts'

/**
 * Properties of evaluate() over generated encounters and histories. Each fc.assert prints
 * the seed and the shrunk counterexample on failure; replay one with
 * `fc.assert(prop, { seed, path })`. Per-rule behaviour is proved by the rule families'
 * own unit tests: these check what must hold for every input.
 * Three regressions first found here have their own tests below: sides merged in any
 * entry order, results independent of history order, and month-end clamped windows.
 */

const ctx = createContext(TODAY)
const PROPERTY_TIMEOUT_MS = 120_000

const TPI_CODES = new Set(['20552', '20553'])
const INTERLAMINAR_CODES = new Set(['62320', '62321', '62322', '62323'])
/** Billing order of the modifiers the engine adds: pricing, then anatomic, then informational. */
const ORDER_RANK: ReadonlyMap<string, number> = new Map([['50', 0], ['RT', 1], ['LT', 1], ['KX', 2]])

function fail(invariant: string, detail: unknown): never {
  throw new Error(`${invariant}: ${JSON.stringify(detail)}`)
}

function procedureLines(result: EvaluationResult) {
  return result.lines.map((line, index) => ({ line, index })).filter(({ line }) => line.origin === 'procedure')
}

const TRANSFORAMINAL = new Set(['64479', '64480', '64483', '64484'])

function shift(date: IsoDate, window: FrequencyLimit['window'], sign: 1 | -1): IsoDate {
  return window.unit === 'months' ? addMonths(date, sign * window.amount) : addDays(date, sign * window.amount)
}

/**
 * Oracle for the frequency counters, written from the definition rather than the engine:
 * a session is a date with a qualifying line (history, or this encounter's procedure lines);
 * a rolling window ending on E holds the dates after E minus the window, up to E; `used`
 * is the busiest window that contains the date of service, month-end clamped dates included.
 */
function expectedCounters(input: EvaluationInput, result: EvaluationResult): [string, number][] {
  const dos = input.encounter.dateOfService
  const profile = builtInPayerProfiles.find((p) => p.id === input.encounter.payerProfile) ?? medicareProfile
  const current = result.lines.filter((l) => l.origin === 'procedure').map((l) => ({ dateOfService: dos, code: l.code, modifiers: l.modifiers }))
  const sessions = [...input.history, ...current].flatMap((line) => {
    const info = codeCatalog.get(line.code)
    if (!info?.family) return []
    const kx = line.modifiers.includes('KX')
    const purpose = info.family === 'facet-injection' ? (kx ? 'diagnostic' : 'therapeutic')
      : info.family === 'epidural' ? (kx && TRANSFORAMINAL.has(line.code) ? 'diagnostic-nerve-root-block' : 'therapeutic') : null
    return [{ date: line.dateOfService, family: info.family, region: info.family === 'trigger-point' ? null : (info.region ?? null), purpose }]
  })
  const out: [string, number][] = []
  for (const limit of profile.frequencyLimits) {
    if ((limit.effectiveFrom ?? '0000-01-01') > dos || (limit.effectiveTo !== null && dos > limit.effectiveTo)) continue
    const byRegion = new Map<string, Set<IsoDate>>()
    for (const s of sessions) {
      if (s.family !== limit.family || (limit.purposes !== null && (s.purpose === null || !(limit.purposes as readonly string[]).includes(s.purpose)))) continue
      const key = limit.scope === 'per-region' ? String(s.region) : 'null'
      byRegion.set(key, (byRegion.get(key) ?? new Set<IsoDate>()).add(s.date))
    }
    const shares = (d: IsoDate) => (d <= dos ? d > shift(dos, limit.window, -1) : shift(d, limit.window, -1) < dos)
    for (const [region, all] of byRegion) {
      const dates = [...all].filter(shares)
      if (dates.length === 0) continue
      const ends = [dos, ...dates.filter((d) => d > dos)]
      const used = Math.max(...ends.map((end) => dates.filter((d) => d > shift(end, limit.window, -1) && d <= end).length))
      out.push([`${limit.id}|${region}`, used])
    }
  }
  return out.sort()
}

const countersOf = (result: EvaluationResult): [string, number][] =>
  result.counters.map((c): [string, number] => [`${c.limitId}|${String(c.region)}`, c.used]).sort()

/** Every invariant that must hold for any input and its result; each throws naming itself. */
const invariants: { name: string; check: (input: EvaluationInput, result: EvaluationResult) => void }[] = [
  {
    name: 'result shape',
    check: (input, r) => {
      if (!Array.isArray(r.lines) || !Array.isArray(r.findings) || !Array.isArray(r.counters)) fail('result shape', Object.keys(r))
      const expected = input.encounter.payerProfile === UNKNOWN_PAYER_PROFILE ? 'medicare' : input.encounter.payerProfile
      if (r.payerProfileId !== expected) fail('payer profile used', { asked: input.encounter.payerProfile, used: r.payerProfileId })
    },
  },
  {
    name: 'one line per code and modifiers',
    check: (_input, r) => {
      const seen = new Map<string, number>()
      r.lines.forEach((line, i) => {
        const key = `${line.code}|${line.modifiers.join(' ')}|${line.box19 ?? ''}`
        const other = seen.get(key)
        if (other === undefined) {
          seen.set(key, i)
          return
        }
        // Only a line the coder typed under other lines may repeat a coded one, and then it is flagged.
        const typed = line.origin === 'other' || r.lines[other]?.origin === 'other'
        if (!typed) fail('two lines with the same code and modifiers', { key, lines: [other, i] })
      })
    },
  },
  {
    name: 'one trigger point line, one unit, never both codes',
    check: (input, r) => {
      const tpi = procedureLines(r).filter(({ line }) => TPI_CODES.has(line.code))
      if (tpi.length > 1) fail('more than one 2055x procedure line', tpi.map(({ line }) => line.code))
      for (const { line } of tpi) if (line.units !== 1) fail('2055x units', line)
      const tps = input.encounter.procedures.filter((p) => p.type === 'trigger-point')
      const injected = tps.some((p) => p.technique === 'injection' && p.muscles.length > 0)
      if (!injected && tpi.length > 0) fail('2055x line without an injected muscle (dry needling / acupuncture only)', tps)
      if (injected && tpi.length !== 1) fail('injected muscles but no 2055x line', tps)
    },
  },
  {
    name: 'interlaminar/caudal lines carry no 50, RT or LT',
    check: (_input, r) => {
      for (const { line } of procedureLines(r)) {
        if (INTERLAMINAR_CODES.has(line.code) && line.modifiers.some((m) => m === '50' || m === 'RT' || m === 'LT')) fail('side modifier on 6232x', line)
      }
    },
  },
  {
    name: 'no modifier 50 on ASC facility claims',
    check: (input, r) => {
      if (input.encounter.claimType !== 'facility' || input.encounter.placeOfService !== '24') return
      for (const line of r.lines) if (line.modifiers.includes('50')) fail('modifier 50 at POS 24 facility', line)
    },
  },
  {
    name: 'every add-on procedure line has its primary',
    check: (_input, r) => {
      const codes = new Set(procedureLines(r).map(({ line }) => line.code))
      for (const { line } of procedureLines(r)) {
        const info = codeCatalog.get(line.code)
        if (info?.kind === 'add-on' && !info.primaries?.some((p) => codes.has(p))) fail('add-on without primary', { line: line.code, codes: [...codes] })
      }
    },
  },
  {
    name: 'procedure and drug codes come from the catalogs',
    check: (_input, r) => {
      for (const line of r.lines) {
        if (line.origin === 'procedure' && !codeCatalog.has(line.code)) fail('procedure code not in codeCatalog', line.code)
        if (line.origin === 'drug' && !drugCatalog.has(line.code)) fail('drug code not in drugCatalog', line.code)
      }
    },
  },
  {
    name: 'findings are complete and point at real lines and procedures',
    check: (input, r) => {
      for (const f of r.findings) {
        if (!f.ruleId || !f.message || !f.fix || !f.source) fail('finding with an empty field', f)
        if (!rulesById.has(f.ruleId)) fail('finding of an unknown rule', f.ruleId)
        if (!(SEVERITIES as readonly string[]).includes(f.severity)) fail('severity', f)
        if (!(CATEGORIES as readonly string[]).includes(f.category)) fail('category', f)
        if (f.lineIndexes?.some((i) => !Number.isInteger(i) || i < 0 || i >= r.lines.length)) fail('lineIndexes out of range', { ruleId: f.ruleId, lineIndexes: f.lineIndexes, lines: r.lines.length })
        if (f.procedureIndex !== undefined && !(Number.isInteger(f.procedureIndex) && f.procedureIndex >= 0 && f.procedureIndex < input.encounter.procedures.length)) {
          fail('procedureIndex out of range', { ruleId: f.ruleId, procedureIndex: f.procedureIndex })
        }
      }
    },
  },
  {
    name: 'modifiers in billing order, units positive integers',
    check: (_input, r) => {
      for (const line of r.lines) {
        const ranks = line.modifiers.map((m) => ORDER_RANK.get(m)).filter((x) => x !== undefined)
        if (ranks.some((rank, i) => i > 0 && rank < (ranks[i - 1] ?? 0))) fail('modifier order', line.modifiers)
        if (new Set(line.modifiers).size !== line.modifiers.length) fail('duplicate modifier', line.modifiers)
        if (!Number.isInteger(line.units) || line.units < 1) fail('units', line)
      }
    },
  },
  {
    name: 'a level without a side is an error finding',
    check: (input, r) => {
      const ruleOf = (p: Procedure): string | null =>
        p.type === 'facet-injection' ? 'FAC-SIDE-MISSING'
          : p.type === 'facet-rfa' ? 'RFA-SIDE-MISSING'
            : p.type === 'epidural' && p.approach === 'transforaminal' ? 'ESI-TF-SIDE-MISSING' : null
      for (const p of input.encounter.procedures) {
        const ruleId = ruleOf(p)
        if (!ruleId || p.type === 'trigger-point') continue
        for (const entry of p.levels) {
          if (entry.side !== null) continue
          const hit = r.findings.find((f) => f.ruleId === ruleId && f.severity === 'error' && f.trace.some((t) => t.value === entry.level))
          if (!hit) fail(`${ruleId} missing`, entry)
        }
      }
    },
  },
  {
    name: 'frequency counters are consistent',
    check: (input, r) => {
      const dos = input.encounter.dateOfService
      for (const c of r.counters) {
        if (!(c.used >= 0 && c.limit >= 1)) fail('used/limit', c)
        if (c.nextAllowedDate < dos) fail('nextAllowedDate before the date of service', { limitId: c.limitId, dos, next: c.nextAllowedDate })
        if (c.exceeded && !(c.includesCurrent && c.used > c.limit)) fail('exceeded without the current session over the limit', c)
        if (c.sessions.length !== c.used) fail('sessions listed differ from used', { used: c.used, sessions: c.sessions.length })
        if (c.window.from > c.window.to || c.sessions.some((s) => s.dateOfService < c.window.from || s.dateOfService > c.window.to)) fail('session outside its window', c)
      }
      const exceededErrors = r.counters.filter((c) => c.exceeded && c.severity === 'error')
      const freq = r.findings.filter((f) => f.ruleId === 'FREQ-LIMIT')
      if (freq.length !== exceededErrors.length) fail('FREQ-LIMIT findings vs exceeded error counters', { findings: freq.length, counters: exceededErrors.length })
      freq.forEach((f, i) => {
        if (f.severity !== 'error' || f.source !== exceededErrors[i]?.source) fail('FREQ-LIMIT finding without its counter', { finding: f.message })
      })
    },
  },
]

describe('the generators', () => {
  it('produce inputs the schema accepts unchanged', () => {
    fc.assert(
      fc.property(evaluationInputArb(), (input) => {
        expect(evaluationInputSchema.parse(input)).toEqual(input)
      }),
      { numRuns: 1_000 },
    )
  }, PROPERTY_TIMEOUT_MS)

  it('reach the cases the properties are about', () => {
    const samples = fc.sample(evaluationInputArb(), { numRuns: 2_000, seed: 20261126 })
    const cases = samples.map((input) => ({ input, result: evaluate(input, ctx) }))
    const share = (pred: (r: EvaluationResult, i: EvaluationInput) => boolean) =>
      cases.filter(({ input, result }) => pred(result, input)).length / cases.length
    expect(share((r) => r.counters.some((c) => c.exceeded))).toBeGreaterThan(0.05)
    expect(share((r) => r.lines.some((l) => l.modifiers.includes('50')))).toBeGreaterThan(0.05)
    expect(share((r) => r.lines.some((l) => codeCatalog.get(l.code)?.kind === 'add-on' && l.origin === 'procedure'))).toBeGreaterThan(0.1)
    expect(share((r) => r.findings.some((f) => f.ruleId.endsWith('SIDE-MISSING')))).toBeGreaterThan(0.1)
    expect(share((r) => r.lines.some((l) => TPI_CODES.has(l.code) && l.origin === 'procedure'))).toBeGreaterThan(0.05)
    expect(share((_r, i) => i.encounter.claimType === 'facility' && i.encounter.placeOfService === '24')).toBeGreaterThan(0.05)
    expect(share((_r, i) => i.history.length >= 30)).toBeGreaterThan(0.05)
    expect(share((_r, i) => i.encounter.payerProfile === UNKNOWN_PAYER_PROFILE)).toBeGreaterThan(0.02)
    expect(samples.every((i) => i.encounter.dateOfService >= DOS_MIN && i.encounter.dateOfService <= DOS_MAX)).toBe(true)
  }, PROPERTY_TIMEOUT_MS)
})

describe('evaluate() on any valid input', () => {
  it('never throws, leaves the input untouched, is deterministic, and keeps every structural invariant', () => {
    fc.assert(
      fc.property(evaluationInputArb(), (input) => {
        const before = structuredClone(input)
        const result = evaluate(input, ctx)
        expect(input).toEqual(before)
        expect(evaluate(input, ctx)).toEqual(result)
        for (const inv of invariants) inv.check(input, result)
      }),
      { numRuns: 10_000 },
    )
  }, PROPERTY_TIMEOUT_MS)

  it('codes no trigger point line when every trigger point entry is dry needling or acupuncture', () => {
    const notInjection = triggerPointArb.map((p) => ({ ...p, technique: p.muscles.length % 2 === 0 ? 'dry-needling' as const : 'acupuncture' as const }))
    const arb = fc
      .tuple(evaluationInputArb(), fc.array(notInjection, { minLength: 1, maxLength: 3 }), fc.array(procedureArb, { maxLength: 3 }))
      .map(([input, tps, others]) => ({
        ...input,
        encounter: { ...input.encounter, procedures: [...tps, ...others.filter((p) => p.type !== 'trigger-point')] },
      }))
    fc.assert(
      fc.property(arb, (input) => {
        const result = evaluate(input, ctx)
        expect(procedureLines(result).filter(({ line }) => TPI_CODES.has(line.code))).toEqual([])
      }),
      { numRuns: 1_000 },
    )
  }, PROPERTY_TIMEOUT_MS)

  it('puts no modifier 50 on any line of an ASC facility claim, under any profile', () => {
    const bilateralLevel = fc.record({ level: spinalLevelArb, side: fc.constant('bilateral' as const) })
    const arb = fc
      .tuple(evaluationInputArb(), fc.constantFrom(...KNOWN_PAYER_PROFILES, UNKNOWN_PAYER_PROFILE), fc.array(bilateralLevel, { minLength: 1, maxLength: 3 }), fc.constantFrom('facet-injection', 'facet-rfa', 'transforaminal'))
      .map(([input, payerProfile, levels, kind]) => {
        const extra: Procedure = kind === 'facet-injection'
          ? { type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels }
          : kind === 'facet-rfa'
            ? { type: 'facet-rfa', guidance: 'fluoroscopy', levels }
            : { type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels }
        return {
          ...input,
          encounter: { ...input.encounter, claimType: 'facility' as const, placeOfService: '24' as const, payerProfile, procedures: [...input.encounter.procedures, extra] },
        }
      })
    fc.assert(
      fc.property(arb, (input) => {
        const result = evaluate(input, ctx)
        expect(result.lines.filter((l) => l.modifiers.includes('50'))).toEqual([])
        expect(result.lines.filter((l) => l.origin === 'procedure').length).toBeGreaterThan(0)
      }),
      { numRuns: 1_000 },
    )
  }, PROPERTY_TIMEOUT_MS)
})

describe('metamorphic properties', () => {
  const reorderedHistory = evaluationInputArb().chain((input) =>
    fc.shuffledSubarray(input.history, { minLength: input.history.length, maxLength: input.history.length })
      .map((history): [EvaluationInput, EvaluationInput] => [input, { ...input, history }]),
  )

  it('gives the same lines, findings and counters whatever the order of the history lines (as sets)', () => {
    const canonical = (r: EvaluationResult) => ({
      lines: r.lines,
      counters: r.counters
        .map((c) => ({ ...c, sessions: c.sessions.map((s) => ({ ...s, providers: [...s.providers].sort(), codes: [...s.codes].sort() })) }))
        .sort((a, b) => `${a.limitId}|${String(a.region)}`.localeCompare(`${b.limitId}|${String(b.region)}`)),
      findings: r.findings
        .map((f) => ({ ...f, trace: f.trace.map((t) => (t.fact.startsWith('session ') ? { ...t, value: String(t.value).split(/[ ,]+/).sort().join(' ') } : t)) }))
        .map((f) => JSON.stringify(f))
        .sort(),
    })
    fc.assert(
      fc.property(reorderedHistory, ([input, reordered]) => {
        expect(canonical(evaluate(reordered, ctx))).toEqual(canonical(evaluate(input, ctx)))
      }),
      { numRuns: 2_000 },
    )
  }, PROPERTY_TIMEOUT_MS)

  it('gives exactly the same result whatever the order of the history lines', () => {
    fc.assert(
      fc.property(reorderedHistory, ([input, reordered]) => {
        expect(evaluate(reordered, ctx)).toEqual(evaluate(input, ctx))
      }),
      { numRuns: 2_000 },
    )
  }, PROPERTY_TIMEOUT_MS)

  it('never changes a 12-month (or shorter) counter for history dated after DOS + 12 months', () => {
    const arb = evaluationInputArb().chain((input) =>
      historyAfterArb(input.encounter.dateOfService, 12).map((later): [EvaluationInput, EvaluationInput] => [input, { ...input, history: [...input.history, ...later] }]),
    )
    fc.assert(
      fc.property(arb, ([input, extended]) => {
        const key = (r: EvaluationResult) => r.counters
          .filter((c) => c.window.unit === 'days' ? c.window.amount <= 365 : c.window.amount <= 12)
          .map((c) => ({ limitId: c.limitId, region: c.region, used: c.used }))
        expect(key(evaluate(extended, ctx))).toEqual(key(evaluate(input, ctx)))
      }),
      { numRuns: 2_000 },
    )
  }, PROPERTY_TIMEOUT_MS)

  it('for Medicare professional claims, moving a unilateral facet level from left to right changes only LT to RT on its line', () => {
    const arb = fc
      .record({
        input: evaluationInputArb(),
        level: spinalLevelArb,
        guidance: fc.constantFrom(...GUIDANCE),
        purpose: fc.constantFrom(...FACET_PURPOSES),
        others: fc.array(levelEntryArb, { maxLength: 2 }),
        position: fc.nat(),
        at: fc.nat(),
      })
      .map(({ input, level, guidance, purpose, others, position, at }) => {
        const region = regionOfLevel(level)
        const ultrasound = guidance === 'ultrasound'
        // The new procedure's region group holds only its own distinct levels (at most 3), so
        // every level stays on its own line and no entry merges with the one that moves.
        const sameGroup = (p: Procedure, l: LevelEntry) => p.type === 'facet-injection' && (p.guidance === 'ultrasound') === ultrasound && regionOfLevel(l.level) === region
        // An ablation at the moved level makes the side matter (FAC-RFA-SAME-LEVEL), so none is kept there.
        const procedures = input.encounter.procedures.map((p) => p.type === 'facet-injection'
          ? { ...p, levels: p.levels.filter((l) => !sameGroup(p, l)) }
          : p.type === 'facet-rfa' ? { ...p, levels: p.levels.filter((l) => l.level !== level) } : p)
        const rest = others
          .filter((o) => regionOfLevel(o.level) === region && o.level !== level)
          .filter((o, i, all) => all.findIndex((x) => x.level === o.level) === i)
        const withSide = (side: 'left' | 'right'): EvaluationInput => {
          const levels = [...rest]
          levels.splice(position % (rest.length + 1), 0, { level, side })
          const list = [...procedures]
          list.splice(at % (list.length + 1), 0, { type: 'facet-injection', purpose, guidance, levels })
          return { ...input, encounter: { ...input.encounter, payerProfile: 'medicare', claimType: 'professional', procedures: list.slice(0, 20) } }
        }
        return [withSide('left'), withSide('right')] as const
      })
    fc.assert(
      fc.property(arb, ([left, right]) => {
        const a = evaluate(left, ctx)
        const b = evaluate(right, ctx)
        expect(b.findings).toEqual(a.findings)
        expect(b.counters).toEqual(a.counters)
        expect(b.lines.length).toBe(a.lines.length)
        const changed = a.lines.map((_, i) => i).filter((i) => JSON.stringify(a.lines[i]) !== JSON.stringify(b.lines[i]))
        expect(changed.length).toBe(1)
        const i = changed[0] ?? -1
        const before = a.lines[i]
        const after = b.lines[i]
        expect(before?.modifiers).toContain('LT')
        expect(after?.modifiers).toEqual(before?.modifiers.map((m) => (m === 'LT' ? 'RT' : m)))
        const sideFact = (t: { fact: string; value: unknown }) => (t.fact === 'side' ? { ...t, value: 'left' } : t)
        expect({ ...after, modifiers: before?.modifiers, trace: after?.trace.map(sideFact) }).toEqual(before)
      }),
      { numRuns: 2_000 },
    )
  }, PROPERTY_TIMEOUT_MS)
})

describe('frequency counters against an oracle', () => {
  it('count the busiest rolling window that contains the date of service, per limit and region', () => {
    fc.assert(
      fc.property(evaluationInputArb(), (input) => {
        const result = evaluate(input, ctx)
        expect(countersOf(result)).toEqual(expectedCounters(input, result))
      }),
      { numRuns: 3_000 },
    )
  }, PROPERTY_TIMEOUT_MS)

  // Regression: a later session on the month-end date where "DOS + window" clamps (DOS
  // 2024-02-29, session 2025-02-28) shares a window with the DOS and must be counted.
  it('count sessions on month-end clamped dates by the window definition', () => {
    const arb = evaluationInputArb({ dateOfService: fc.constantFrom(...CLAMPED_DATES_OF_SERVICE) }).chain((input) =>
      fc.array(fc.record({ months: fc.constantFrom(6, 12), code: fc.constantFrom(...FAMILY_HISTORY_CODES), modifiers: fc.subarray([...HISTORY_MODIFIERS], { maxLength: 1 }) }), { minLength: 1, maxLength: 4 })
        .map((edge): EvaluationInput => ({
          ...input,
          history: [...input.history, ...edge.map((e) => ({ dateOfService: addMonths(input.encounter.dateOfService, e.months), code: e.code, modifiers: e.modifiers, units: 1 }))],
        })),
    )
    fc.assert(
      fc.property(arb, (input) => {
        const result = evaluate(input, ctx)
        expect(countersOf(result)).toEqual(expectedCounters(input, result))
      }),
      { numRuns: 1_000 },
    )
  }, PROPERTY_TIMEOUT_MS)
})

describe('order of level entries', () => {
  const reverseLevels = (input: EvaluationInput): EvaluationInput => ({
    ...input,
    encounter: {
      ...input.encounter,
      procedures: input.encounter.procedures.map((p) =>
        p.type === 'facet-injection' || p.type === 'facet-rfa' || (p.type === 'epidural' && p.approach === 'transforaminal') ? { ...p, levels: [...p.levels].reverse() } : p),
    },
  })
  const billed = (r: EvaluationResult) => ({
    lines: r.lines.map((l) => JSON.stringify([l.code, l.modifiers, l.units, l.origin])).sort(),
    findings: r.findings.map((f) => `${f.ruleId}|${f.severity}`).sort(),
  })

  it('does not change what is billed or which rules fire (facet, RFA, transforaminal)', () => {
    fc.assert(
      fc.property(evaluationInputArb(), (input) => {
        expect(billed(evaluate(reverseLevels(input), ctx))).toEqual(billed(evaluate(input, ctx)))
      }),
      { numRuns: 2_000 },
    )
  }, PROPERTY_TIMEOUT_MS)

  it('does not change what is billed when a level is entered both without a side and bilaterally', () => {
    const arb = fc.tuple(evaluationInputArb(), spinalLevelArb, fc.constantFrom('facet-injection', 'facet-rfa', 'transforaminal'))
      .map(([input, level, kind]): EvaluationInput => {
        const levels: LevelEntry[] = [{ level, side: 'bilateral' }, { level, side: null }]
        const extra: Procedure = kind === 'facet-injection' ? { type: 'facet-injection', purpose: 'therapeutic', guidance: 'fluoroscopy', levels }
          : kind === 'facet-rfa' ? { type: 'facet-rfa', guidance: 'fluoroscopy', levels }
            : { type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels }
        return { ...input, encounter: { ...input.encounter, procedures: [extra] } }
      })
    fc.assert(
      fc.property(arb, (input) => {
        expect(billed(evaluate(reverseLevels(input), ctx))).toEqual(billed(evaluate(input, ctx)))
      }),
      { numRuns: 200 },
    )
  }, PROPERTY_TIMEOUT_MS)
})

describe('sanity examples', () => {
  it('evaluates the issue example without an error about its own shape', () => {
    const raw: unknown = JSON.parse(readFileSync(new URL('./fixtures/issue-example.json', import.meta.url), 'utf8'))
    const parsed = parseEvaluationInput(raw)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const result = evaluate(parsed.input, ctx)
    for (const inv of invariants) inv.check(parsed.input, result)
    expect(result.lines.map((l) => l.code)).toEqual(expect.arrayContaining(['20552', '64493', '64635', '64483', 'J3301', '77003']))
  })
})
