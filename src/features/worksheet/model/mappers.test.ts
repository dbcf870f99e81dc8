import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEvaluationInput } from '../../../domain/index.ts'
import { getDefaultWorksheetValues, inputToWorksheet, newProcedureValues, worksheetToInput, worksheetValuesSchema, type WorksheetValues } from './index.ts'

const example = (() => {
  const parsed = parseEvaluationInput(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../domain/fixtures/issue-example.json'), 'utf8')))
  if (!parsed.ok) throw new Error('fixture invalid')
  return parsed.input
})()

const base = (): WorksheetValues => ({ ...getDefaultWorksheetValues('2026-11-26'), patientId: 'PT-1', providerId: 'DR-A', diagnoses: [{ code: 'M47.816' }] })

describe('form values <-> interchange encounter', () => {
  it('round-trips the example encounter exactly', () => {
    const values = inputToWorksheet(example)
    expect(worksheetValuesSchema.safeParse(values).success).toBe(true)
    const { input, issues } = worksheetToInput(values, example.history, '2026-11-26')
    expect(issues).toEqual([])
    expect(input).toEqual(example)
  })

  it('passes the history through as the same array (the rule module caches by it)', () => {
    const history = [...example.history]
    expect(worksheetToInput(inputToWorksheet(example), history, '2026-11-26').input.history).toBe(history)
  })

  it('maps an undocumented side to null and leaves out fields of other families', () => {
    const facet = { ...newProcedureValues('facet-injection'), levels: [{ level: 'L4-L5' as const, side: '' as const }], muscles: [{ muscle: 'x', side: 'left' as const, injections: 2 }] }
    const { input } = worksheetToInput({ ...base(), procedures: [facet] }, [], '2026-11-26')
    expect(input.encounter.procedures).toEqual([{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: null }] }])
  })

  it('keeps a procedure\'s other answers when its type changes back and forth', () => {
    const p = { ...newProcedureValues('epidural'), approach: 'interlaminar' as const, levels: [{ level: 'L4-L5' as const, side: '' as const }] }
    const asFacet = { ...p, type: 'facet-injection' as const }
    const back = { ...asFacet, type: 'epidural' as const }
    expect(worksheetToInput({ ...base(), procedures: [back] }, [], '2026-11-26').input.encounter.procedures[0]).toMatchObject({ approach: 'interlaminar' })
  })

  it('carries an NDC, its quantity and unit onto the drug, and leaves blanks out', () => {
    const values: WorksheetValues = {
      ...base(),
      drugs: [
        { code: 'J1100', name: 'dexamethasone', dose: 8, unit: 'mg', category: 'steroid', ndc: ' 1234-5678-90 ', ndcQuantity: 2, ndcUnit: 'ML' },
        { code: 'J1100', name: 'dexamethasone', dose: 8, unit: 'mg', category: 'steroid', ndc: '', ndcQuantity: Number.NaN, ndcUnit: '' },
      ],
    }
    const { input } = worksheetToInput(values, [], '2026-11-26')
    expect(input.encounter.drugs[0]).toMatchObject({ ndc: '1234-5678-90', ndcQuantity: 2, ndcUnit: 'ML' })
    expect(input.encounter.drugs[1]).not.toHaveProperty('ndc')
    expect(input.encounter.drugs[1]).not.toHaveProperty('ndcUnit')
    expect(inputToWorksheet(input).drugs[0]).toMatchObject({ ndc: '1234-5678-90', ndcQuantity: 2, ndcUnit: 'ML' })
  })

  it('drops caudal levels and empty muscles, and reports rows still being typed', () => {
    const values: WorksheetValues = {
      ...base(),
      procedures: [
        { ...newProcedureValues('epidural'), approach: 'caudal', levels: [{ level: 'L4-L5', side: 'left' }] },
        { ...newProcedureValues('trigger-point'), muscles: [{ muscle: '', side: '', injections: 1 }, { muscle: 'trapezius', side: 'left', injections: Number.NaN }] },
      ],
      drugs: [{ code: 'J3301', name: '', dose: Number.NaN, unit: 'mg', category: 'steroid' }],
      otherLines: [{ code: '', modifiers: '', units: 1 }, { code: '99213', modifiers: '25, kx', units: Number.NaN }],
    }
    const { input, issues } = worksheetToInput(values, [], '2026-11-26')
    expect(input.encounter.procedures[0]).toMatchObject({ approach: 'caudal', levels: [] })
    expect(input.encounter.procedures[1]).toMatchObject({ muscles: [{ muscle: 'trapezius', side: 'left', injections: 1 }] })
    expect(input.encounter.drugs).toEqual([])
    expect(input.encounter.otherLines).toEqual([{ code: '99213', modifiers: ['25', 'KX'], units: 1 }])
    expect(issues.map((i) => i.path).sort()).toEqual(['drugs.0.dose', 'procedures.1.muscles.1.injections'])
  })

  it.each([
    ['an empty patient account', { patientId: '' }, 'patientId'],
    ['a patient name instead of an account', { patientId: 'John Smith' }, 'patientId'],
    ['no provider', { providerId: '' }, 'providerId'],
    ['an unfinished date', { dateOfService: '2026-1' }, 'dateOfService'],
  ] as const)('reports %s and still evaluates', (_name, change, path) => {
    const { input, issues } = worksheetToInput({ ...base(), ...change }, [], '2026-11-26')
    expect(issues.map((i) => i.path)).toContain(path)
    expect(input.encounter.dateOfService).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('uses today for the checks until the date of service is complete', () => {
    expect(worksheetToInput({ ...base(), dateOfService: '' }, [], '2026-11-26').input.encounter.dateOfService).toBe('2026-11-26')
  })
})
