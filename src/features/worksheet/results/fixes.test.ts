import { describe, expect, it } from 'vitest'
import { createContext, evaluate, type EvaluationResult, type Finding } from '../../../domain/index.ts'
import { facet, input, interlaminar, rfa, TODAY, tpi, transforaminal } from '../../../domain/testing/builders.ts'
import { inputToWorksheet, worksheetToInput, type WorksheetValues } from '../model/index.ts'
import { fixActionsFor, type FixAction } from './fixes.ts'

type EncounterOverrides = Parameters<typeof input>[0]

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

/** Form values for an encounter, frozen so that a fix that mutates them throws. */
function valuesOf(encounter: EncounterOverrides): WorksheetValues {
  return deepFreeze(inputToWorksheet(input(encounter)))
}

function evaluateValues(values: WorksheetValues): EvaluationResult {
  const { input: parsed } = worksheetToInput(values, [], TODAY)
  return evaluate(parsed, createContext(TODAY))
}

function only(result: EvaluationResult, ruleId: string): Finding {
  const found = result.findings.filter((f) => f.ruleId === ruleId)
  expect(found, `${ruleId} in ${result.findings.map((f) => f.ruleId).join(', ')}`).toHaveLength(1)
  return found[0]
}

function lines(result: EvaluationResult): string[] {
  return result.lines.map((l) => `${[l.code, ...l.modifiers].join('-')} x${l.units}`)
}

function action(actions: FixAction[], label: string): FixAction {
  const found = actions.find((a) => a.label === label)
  if (!found) throw new Error(`no action "${label}" in ${actions.map((a) => a.label).join(' | ')}`)
  return found
}

/** Applies the fix to the values that produced the finding and re-evaluates. */
function applyFix(values: WorksheetValues, ruleId: string, label: string): { next: WorksheetValues; result: EvaluationResult } {
  const next = action(fixActionsFor(only(evaluateValues(values), ruleId), values), label).apply(values)
  expect(next).not.toBe(values)
  return { next, result: evaluateValues(next) }
}

const ruleIdsOf = (result: EvaluationResult): string[] => result.findings.map((f) => f.ruleId)

describe('side fixes', () => {
  it.each([
    ['FAC-SIDE-MISSING', facet([['L4-L5', null]], 'therapeutic'), 'L4-L5', '64493'],
    ['RFA-SIDE-MISSING', rfa([['L5-S1', null]]), 'L5-S1', '64635'],
    ['ESI-TF-SIDE-MISSING', transforaminal([['L5-S1', null]]), 'L5-S1', '64483'],
  ] as const)('%s offers left, right and both sides for the level, and each clears the finding', (ruleId, procedure, level, code) => {
    const values = valuesOf({ procedures: [procedure] })
    const actions = fixActionsFor(only(evaluateValues(values), ruleId), values)
    expect(actions.map((a) => a.label)).toEqual([`Set ${level} to left`, `Set ${level} to right`, `Set ${level} to both sides`])
    const expected = { left: [`${code}-LT x1`], right: [`${code}-RT x1`], 'both sides': [`${code}-50 x1`] } as const
    for (const [word, claim] of Object.entries(expected)) {
      const { result } = applyFix(values, ruleId, `Set ${level} to ${word}`)
      expect(ruleIdsOf(result)).not.toContain(ruleId)
      expect(lines(result)).toEqual(claim)
    }
  })

  it('sets only the named level and leaves other levels and procedures alone', () => {
    const values = valuesOf({ procedures: [facet([['L3-L4', 'left'], ['L4-L5', null]], 'therapeutic'), rfa([['L4-L5', null]])] })
    const finding = evaluateValues(values).findings.find((f) => f.ruleId === 'FAC-SIDE-MISSING')
    if (!finding) throw new Error('no FAC-SIDE-MISSING')
    const next = action(fixActionsFor(finding, values), 'Set L4-L5 to right').apply(values)
    expect(next.procedures[0]?.levels).toEqual([{ level: 'L3-L4', side: 'left' }, { level: 'L4-L5', side: 'right' }])
    expect(next.procedures[1]?.levels).toEqual([{ level: 'L4-L5', side: '' }])
    expect(ruleIdsOf(evaluateValues(next))).toContain('RFA-SIDE-MISSING')
  })

  it('sets the level in every procedure the coding merges it with', () => {
    const values = valuesOf({ procedures: [facet([['L4-L5', null]], 'therapeutic'), facet([['L4-L5', null]], 'therapeutic')] })
    const { result } = applyFix(values, 'FAC-SIDE-MISSING', 'Set L4-L5 to left')
    expect(ruleIdsOf(result)).not.toContain('FAC-SIDE-MISSING')
  })

  it('offers nothing when another entry of the merged level already has a side (the merged side is the coder\'s call)', () => {
    const values = valuesOf({ procedures: [facet([['L4-L5', 'left'], ['L4-L5', null]], 'therapeutic')] })
    expect(fixActionsFor(only(evaluateValues(values), 'FAC-SIDE-MISSING'), values)).toEqual([])
  })
})

describe('epidural approach fix', () => {
  it('ESI-DSNRB-APPROACH: changes the approach of that procedure to transforaminal, coding 64483 with KX', () => {
    const values = valuesOf({ procedures: [facet([['L3-L4', 'left']], 'therapeutic'), interlaminar([['L4-L5', 'right']], 'fluoroscopy', 'diagnostic-nerve-root-block')] })
    const { next, result } = applyFix(values, 'ESI-DSNRB-APPROACH', 'Change approach to transforaminal')
    expect(next.procedures[1]?.approach).toBe('transforaminal')
    expect(next.procedures[0]).toBe(values.procedures[0])
    expect(ruleIdsOf(result)).not.toContain('ESI-DSNRB-APPROACH')
    expect(lines(result)).toContain('64483-RT-KX x1')
  })
})

describe('drug fixes', () => {
  it('DRUG-DELETED: replaces J1030 with J1010, its catalog name, keeping the dose', () => {
    const values = valuesOf({ procedures: [transforaminal([['L5-S1', 'right']])], drugs: [{ code: 'J1030', name: 'Depo-Medrol', dose: 40, unit: 'mg', category: 'steroid' }] })
    const { next, result } = applyFix(values, 'DRUG-DELETED', 'Replace J1030 with J1010')
    expect(next.drugs).toEqual([{ code: 'J1010', name: 'methylprednisolone acetate', dose: 40, unit: 'mg', category: 'steroid' }])
    expect(ruleIdsOf(result)).not.toContain('DRUG-DELETED')
    expect(lines(result)).toContain('J1010 x40')
  })

  it('DRUG-CATEGORY-MISMATCH: sets the catalog category', () => {
    const values = valuesOf({ procedures: [transforaminal([['L5-S1', 'right']])], drugs: [{ code: 'J3301', name: 'Kenalog', dose: 40, unit: 'mg', category: 'other' }] })
    const { next, result } = applyFix(values, 'DRUG-CATEGORY-MISMATCH', 'Set J3301 category to steroid')
    expect(next.drugs[0]?.category).toBe('steroid')
    expect(ruleIdsOf(result)).not.toContain('DRUG-CATEGORY-MISMATCH')
  })

  it('DRUG-CATEGORY-MISMATCH: fixes the right drug when two drugs share the mismatch (the trace names the code)', () => {
    const values = valuesOf({
      procedures: [transforaminal([['L5-S1', 'right']])],
      drugs: [{ code: 'J3301', name: '', dose: 40, unit: 'mg', category: 'other' }, { code: 'J1100', name: '', dose: 10, unit: 'mg', category: 'other' }],
    })
    const found = evaluateValues(values).findings.filter((f) => f.ruleId === 'DRUG-CATEGORY-MISMATCH')
    expect(found).toHaveLength(2)
    const second = found.find((f) => f.trace.some((t) => t.value === 'J1100'))
    const [action] = second ? fixActionsFor(second, values) : []
    expect(action?.apply(values).drugs.map((d) => d.category)).toEqual(['other', 'steroid'])
  })

  it.each([
    ['DRUG-S-CODE', 'S0020', { code: 'S0020', name: 'bupivacaine', dose: 30, unit: 'mL', category: 'local-anesthetic' }],
    ['DRUG-IV-ONLY', 'J2001', { code: 'J2001', name: 'lidocaine', dose: 10, unit: 'mg', category: 'local-anesthetic' }],
    ['DRUG-LOCAL-ANESTHETIC', 'J0665', { code: 'J0665', name: 'bupivacaine', dose: 5, unit: 'mg', category: 'local-anesthetic' }],
  ] as const)('%s: removes the %s drug line', (ruleId, code, drug) => {
    const values = valuesOf({ procedures: [transforaminal([['L5-S1', 'right']])], drugs: [{ code: 'J3301', name: '', dose: 40, unit: 'mg', category: 'steroid' }, drug] })
    const { next, result } = applyFix(values, ruleId, `Remove the ${code} line`)
    expect(next.drugs.map((d) => d.code)).toEqual(['J3301'])
    expect(ruleIdsOf(result)).not.toContain(ruleId)
  })
})

describe('other-line fixes', () => {
  it('IMG-BUNDLED: removes the 77003 line', () => {
    const values = valuesOf({ procedures: [facet([['L4-L5', 'bilateral']])], otherLines: [{ code: '99213', modifiers: ['25'], units: 1 }, { code: '77003', modifiers: [], units: 1 }] })
    const { next, result } = applyFix(values, 'IMG-BUNDLED', 'Remove the 77003 line')
    expect(next.otherLines.map((o) => o.code)).toEqual(['99213'])
    expect(ruleIdsOf(result)).not.toContain('IMG-BUNDLED')
  })

  it('EM-MODIFIER-25: adds modifier 25 to 99213, keeping its other modifiers', () => {
    const values = valuesOf({ procedures: [facet([['L4-L5', 'left']])], otherLines: [{ code: '99213', modifiers: ['GA'], units: 1 }] })
    const { next, result } = applyFix(values, 'EM-MODIFIER-25', 'Add modifier 25 to 99213')
    expect(next.otherLines[0]?.modifiers).toBe('GA 25')
    expect(ruleIdsOf(result)).not.toContain('EM-MODIFIER-25')
    expect(lines(result)).toContain('99213-25-GA x1')
  })

  it('PROCEDURE-IN-OTHER-LINES and TPI-ONE-LINE: remove the 20553 typed beside the worksheet\'s own trigger point line', () => {
    const values = valuesOf({ procedures: [tpi([['trapezius', 'left', 2]])], otherLines: [{ code: '20553', modifiers: [], units: 1 }] })
    for (const ruleId of ['PROCEDURE-IN-OTHER-LINES', 'TPI-ONE-LINE']) {
      const { next, result } = applyFix(values, ruleId, 'Remove the 20553 line')
      expect(next.otherLines).toEqual([])
      expect(ruleIdsOf(result)).not.toContain('PROCEDURE-IN-OTHER-LINES')
      expect(ruleIdsOf(result)).not.toContain('TPI-ONE-LINE')
      expect(lines(result)).toEqual(['20552 x1'])
    }
  })

  it('TPI-ONE-LINE: offers nothing when the trigger point lines were all typed by hand (which one to keep is the coder\'s call)', () => {
    const values = valuesOf({ otherLines: [{ code: '20552', modifiers: [], units: 1 }, { code: '20553', modifiers: [], units: 1 }] })
    expect(fixActionsFor(only(evaluateValues(values), 'TPI-ONE-LINE'), values)).toEqual([])
  })

  it('TPI-ANESTHESIA: removes the anesthesia line', () => {
    const values = valuesOf({ procedures: [tpi([['trapezius', 'left', 2]])], otherLines: [{ code: '01992', modifiers: [], units: 1 }] })
    const { next, result } = applyFix(values, 'TPI-ANESTHESIA', 'Remove the 01992 line')
    expect(next.otherLines).toEqual([])
    expect(ruleIdsOf(result)).not.toContain('TPI-ANESTHESIA')
  })
})

describe('findings without a one-click fix', () => {
  it('DOS-FUTURE and documentation items get none', () => {
    const values = valuesOf({ dateOfService: '2026-12-30', procedures: [facet([['L4-L5', 'left']])] })
    const result = evaluateValues(values)
    expect(fixActionsFor(only(result, 'DOS-FUTURE'), values)).toEqual([])
    const docs = result.findings.filter((f) => f.ruleId.startsWith('DOC-'))
    expect(docs.length).toBeGreaterThan(0)
    for (const f of docs) expect(fixActionsFor(f, values)).toEqual([])
  })

  it('offers nothing when the form no longer holds what the finding names', () => {
    const values = valuesOf({ procedures: [facet([['L4-L5', 'bilateral']])], otherLines: [{ code: '77003', modifiers: [], units: 1 }] })
    const finding = only(evaluateValues(values), 'IMG-BUNDLED')
    expect(fixActionsFor(finding, { ...values, otherLines: [] })).toEqual([])
  })
})

describe('fix for a pointer choice the claim no longer has', () => {
  it('forgets the pointers chosen for 64493 RT once the injection is bilateral, and the warning clears', () => {
    const values = valuesOf({ diagnoses: ['M47.816', 'M54.50'], procedures: [facet([['L4-L5', 'bilateral']], 'therapeutic')], linePointers: [{ code: '64493', modifiers: ['RT'], pointers: ['B'] }] })
    const finding = only(evaluateValues(values), 'DX-POINTER-UNMATCHED')
    const next = action(fixActionsFor(finding, values), 'Forget the pointers chosen for 64493 RT').apply(values)
    expect(next.linePointers).toEqual([])
    expect(evaluateValues(next).findings.map((f) => f.ruleId)).not.toContain('DX-POINTER-UNMATCHED')
  })
})
