import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createContext } from '../context.ts'
import { commercialExampleProfile, medicareProfile } from '../data/payer-profiles.ts'
import { evaluate } from '../evaluate.ts'
import type { RepeatedLines } from '../payer-profile.ts'
import { evaluationInputArb } from '../testing/arbitraries.ts'
import { claim, run, transforaminal } from '../testing/builders.ts'
import type { LineDraft } from './coded.ts'
import { mergeRepeatedLines } from './merge-lines.ts'

const MERGE: RepeatedLines = { format: 'merge-units', modifier: null, source: 'test' }
const draft = (code: string, modifiers: string[], units: number, origin: LineDraft['origin'] = 'procedure', extra: Partial<LineDraft> = {}): LineDraft => ({
  code, modifiers, units, label: code, procedureIndex: origin === 'procedure' ? 0 : null, origin, ruleIds: ['X'], trace: [{ fact: 'level', value: `${code}-${units}` }], ...extra,
})

describe('one line per code and modifiers', () => {
  it('adds the units of repeated lines into the first and says where each line went', () => {
    const { lines, indexOf } = mergeRepeatedLines([draft('64483', ['LT'], 1), draft('64484', ['LT'], 1), draft('64484', ['LT'], 1), draft('64484', ['RT'], 1)], MERGE)
    expect(lines.map((l) => `${l.code}-${l.modifiers.join('-')} x${l.units}`)).toEqual(['64483-LT x1', '64484-LT x2', '64484-RT x1'])
    expect(indexOf).toEqual([0, 1, 1, 2])
    expect(lines[1]?.trace).toEqual([{ fact: 'level', value: '64484-1' }, { fact: 'lines merged', value: 2 }])
  })

  it('adds the units of one drug code given twice, but keeps apart unclassified drugs with their own Box 19', () => {
    const { lines } = mergeRepeatedLines([
      draft('J1100', [], 4, 'drug'), draft('J1100', [], 8, 'drug'),
      draft('J3490', [], 1, 'drug', { box19: 'drug A, 1 mL' }), draft('J3490', [], 1, 'drug', { box19: 'drug B, 2 mL' }),
    ], MERGE)
    expect(lines.map((l) => `${l.code} x${l.units}`)).toEqual(['J1100 x12', 'J3490 x1', 'J3490 x1'])
  })

  it('bills a drug entered twice once, for the total dose rounded up once', () => {
    const steroid = { code: 'J3301', name: 'triamcinolone acetonide', dose: 5, unit: 'mg' as const, category: 'steroid' as const }
    const r = run({ procedures: [transforaminal([['L4-L5', 'left'], ['L5-S1', 'left']])], drugs: [steroid, steroid] })
    expect(claim(r)).toEqual(['64483-LT x1', '64484-LT x1', 'J3301 x1'])
    expect(r.lines[2]?.trace).toContainEqual({ fact: 'dose', value: '5 mg + 5 mg = 10 mg' })
  })

  it('never folds a line typed under other lines into a coded one', () => {
    const { lines } = mergeRepeatedLines([draft('20552', [], 1), draft('20552', [], 1, 'other')], MERGE)
    expect(lines).toHaveLength(2)
  })

  it('merges transforaminal add-ons on the claim and lists every level in the trace', () => {
    const r = run({ procedures: [transforaminal([['L3-L4', 'bilateral'], ['L4-L5', 'bilateral'], ['L5-S1', 'bilateral']])] })
    expect(claim(r)).toEqual(['64483-50 x1', '64484-50 x2'])
    expect(r.lines[1]?.trace).toContainEqual({ fact: 'level', value: 'L4-L5; L5-S1' })
  })

  it('never leaves two lines with the same code and modifiers, under either format (property)', () => {
    const perLevel = { ...commercialExampleProfile, repeatedLines: { format: 'line-per-level' as const, modifier: 'XS' as const, source: 'test' } }
    const ctx = createContext('2026-11-26', { payerProfiles: [medicareProfile, perLevel] })
    fc.assert(fc.property(evaluationInputArb(), fc.boolean(), (input, usePerLevel) => {
      const encounter = { ...input.encounter, payerProfile: usePerLevel ? perLevel.id : 'medicare' }
      const lines = evaluate({ ...input, encounter }, ctx).lines.filter((l) => l.origin !== 'other')
      const keys = lines.map((l) => `${l.code}|${l.modifiers.join(' ')}|${l.box19 ?? ''}`)
      expect(new Set(keys).size).toBe(keys.length)
    }), { numRuns: 2_000 })
  }, 30_000) // 2,000 evaluations: about 2 s alone, past the default 5 s on a loaded 2-core machine
})
