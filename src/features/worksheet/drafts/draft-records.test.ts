import { describe, expect, it } from 'vitest'
import exampleJson from '../../../domain/fixtures/issue-example.json'
import { createContext, evaluate, parseEvaluationInput } from '../../../domain/index.ts'
import type { EncounterRecord } from '../../../storage/index.ts'
import { toEncounterRecord } from '../finalize.ts'
import { draftFromInput, readDraftValues, toReturnedDraft } from './draft-records.ts'

function finalizedExample(id: string): EncounterRecord {
  const parsed = parseEvaluationInput(structuredClone(exampleJson))
  if (!parsed.ok) throw new Error('issue-example.json is invalid')
  return toEncounterRecord(id, parsed.input, evaluate(parsed.input, createContext('2026-11-26')), null, '2026-11-26T09:00:00.000Z')
}

describe('the draft a supervisor\'s return creates', () => {
  it('holds the finalized encounter\'s form values under the encounter id, with the note', () => {
    const record = finalizedExample('enc-42')
    const draft = toReturnedDraft(record, 'Add the laterality to the note.', '2026-11-26T10:00:00.000Z')
    expect(draft).toMatchObject({ id: 'enc-42', status: 'returned', returnNote: 'Add the laterality to the note.', patientId: record.patientId, dateOfService: record.dateOfService })
    const values = readDraftValues(draft)
    expect(values).not.toBeNull()
    expect(values?.procedures).toHaveLength(record.encounter.procedures.length)
    expect(values?.providerId).toBe(record.encounter.providerId)
  })
})

describe('a draft made from an encounter (a rule library example)', () => {
  it('holds the encounter as form values, as a plain draft', () => {
    const parsed = parseEvaluationInput(structuredClone(exampleJson))
    if (!parsed.ok) throw new Error('issue-example.json is invalid')
    const draft = draftFromInput('d-1', parsed.input, '2026-11-26T10:00:00.000Z')
    expect(draft).toMatchObject({ id: 'd-1', status: 'draft', returnNote: null, patientId: parsed.input.encounter.patientId })
    expect(readDraftValues(draft)?.procedures).toHaveLength(parsed.input.encounter.procedures.length)
  })
})
