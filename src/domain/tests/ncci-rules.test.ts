import { describe, expect, it } from 'vitest'
import type { MueEntry, MueTable, PtpEdit, PtpTable } from '../ncci/types.ts'
import { medicareProfile } from '../data/payer-profiles.ts'
import { claim, facet, findings, rfa, run, transforaminal } from '../testing/builders.ts'

const quarter = { quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31' }

function mue(entries: Omit<MueEntry, 'rationale'>[]): MueTable {
  return { kind: 'mue-practitioner', ...quarter, entries: new Map(entries.map((e) => [e.code, { ...e, rationale: 'test data' }])) }
}

function ptp(edits: Omit<PtpEdit, 'rationale'>[]): PtpTable {
  const map = new Map<string, PtpEdit[]>()
  for (const e of edits) map.set(e.column1, [...(map.get(e.column1) ?? []), { ...e, rationale: 'test data' }])
  return { kind: 'ptp-practitioner', ...quarter, edits: map }
}

const threeLevels = transforaminal([['L3-L4', 'left'], ['L4-L5', 'left'], ['L5-S1', 'left']])

describe('NCCI MUE', () => {
  it('errors when a code\'s units on the date exceed a date-of-service MUE (MAI 2)', () => {
    const r = run({ procedures: [threeLevels] }, [], { ncci: { mue: [mue([{ code: '64484', value: 1, mai: 2 }])] } })
    const [f] = findings(r, 'NCCI-MUE')
    expect(f?.message).toMatch(/2 unit/)
    expect(f?.lineIndexes).toEqual([1])
  })

  it('applies an MAI 1 edit per line: the merged two-unit line exceeds a value of 1, two one-unit lines do not', () => {
    const table = { ncci: { mue: [mue([{ code: '64484', value: 1, mai: 1 }])] } }
    expect(findings(run({ procedures: [threeLevels] }, [], table), 'NCCI-MUE')[0]?.lineIndexes).toEqual([1])
    const perLevel = { ...medicareProfile, id: 'per-level-plan', repeatedLines: { format: 'line-per-level' as const, modifier: '59' as const, source: 'test profile' } }
    const r = run({ payerProfile: 'per-level-plan', procedures: [threeLevels] }, [], { ...table, payerProfiles: [medicareProfile, perLevel] })
    expect(claim(r)).toEqual(['64483-LT x1', '64484-LT x1', '64484-LT-59 x1'])
    expect(findings(r, 'NCCI-MUE')).toHaveLength(0)
  })

  it('passes units within the MUE', () => {
    const r = run({ procedures: [threeLevels] }, [], { ncci: { mue: [mue([{ code: '64484', value: 4, mai: 3 }])] } })
    expect(findings(r, 'NCCI-MUE')).toHaveLength(0)
  })

  it('does not apply a table that does not cover the date of service, and says so', () => {
    const r = run({ dateOfService: '2026-09-30', procedures: [threeLevels] }, [], { ncci: { mue: [mue([{ code: '64484', value: 1, mai: 2 }])] } })
    expect(findings(r, 'NCCI-MUE')).toHaveLength(0)
    expect(findings(r, 'NCCI-NOT-LOADED').some((f) => f.message.includes('No loaded NCCI MUE table covers'))).toBe(true)
  })

  it('says no table is loaded when none is, and is silent about MUE when one is in force', () => {
    expect(findings(run({ procedures: [threeLevels] }), 'NCCI-NOT-LOADED').map((f) => f.message).join()).toMatch(/No NCCI MUE table is loaded/)
    const loaded = run({ procedures: [threeLevels] }, [], { ncci: { mue: [mue([])], ptp: [ptp([])] } })
    expect(findings(loaded, 'NCCI-NOT-LOADED')).toHaveLength(0)
  })
})

describe('NCCI PTP', () => {
  const facetAndRfa = [facet([['L3-L4', 'left']], 'diagnostic'), rfa([['L5-S1', 'left']])]
  const edit = (modifierIndicator: 0 | 1 | 9, deletedOn: string | null = null): Omit<PtpEdit, 'rationale'> => ({ column1: '64635', column2: '64493', effectiveFrom: '2020-01-01', deletedOn, modifierIndicator })

  it('errors on a column 2 code billed with its column 1 code (indicator 0)', () => {
    const [f] = findings(run({ procedures: facetAndRfa }, [], { ncci: { ptp: [ptp([edit(0)])] } }), 'NCCI-PTP')
    expect(f?.message).toMatch(/64493 is bundled into 64635/)
  })

  it('errors on an indicator-1 pair without a distinct-service modifier, and says which modifiers apply', () => {
    const [f] = findings(run({ procedures: facetAndRfa }, [], { ncci: { ptp: [ptp([edit(1)])] } }), 'NCCI-PTP')
    expect(f?.fix).toMatch(/XS/)
  })

  it('ignores an edit deleted before the date of service, and indicator 9', () => {
    expect(findings(run({ procedures: facetAndRfa }, [], { ncci: { ptp: [ptp([edit(0, '2025-12-31')])] } }), 'NCCI-PTP')).toHaveLength(0)
    expect(findings(run({ procedures: facetAndRfa }, [], { ncci: { ptp: [ptp([edit(9)])] } }), 'NCCI-PTP')).toHaveLength(0)
  })

  it('lets an indicator-1 pair pass when the column 2 line carries XS', () => {
    const r = run({ procedures: [rfa([['L5-S1', 'left']])], otherLines: [{ code: '64493', modifiers: ['LT', 'XS'], units: 1 }] }, [], { ncci: { ptp: [ptp([edit(1)])] } })
    expect(findings(r, 'NCCI-PTP')).toHaveLength(0)
  })
})
