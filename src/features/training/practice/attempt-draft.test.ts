import { describe, expect, it } from 'vitest'
import { parseEvaluationInput } from '../../../domain/index.ts'
import { practiceCases } from '../../../domain/training/cases/index.ts'
import { attemptDraftKey, clearAttemptDraft, isBlankDraft, readAttemptDraft, writeAttemptDraft, type AttemptDraft } from './attempt-draft.ts'

function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() { return items.size },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => { items.set(k, String(v)) },
    removeItem: (k) => { items.delete(k) },
    clear: () => items.clear(),
  }
}

const parsed = parseEvaluationInput(practiceCases[0].input)
if (!parsed.ok) throw new Error('case 1 does not parse')
const facts = parsed.input
const draft: AttemptDraft = {
  startedAt: '2026-11-27T09:00:00.000Z',
  answer: { lines: [{ key: 'k1', code: '20552', modifiers: '', units: '2' }], flagged: ['TPI-SIDE-MISSING'] },
  facts,
}

describe('an unfinished practice attempt', () => {
  it('comes back as it was kept, per person and case', () => {
    const storage = memoryStorage()
    writeAttemptDraft(storage, 'u1', 'tpi-01', draft)
    expect(readAttemptDraft(storage, 'u1', 'tpi-01')).toEqual({ ...draft, answer: { ...draft.answer, lines: [{ ...draft.answer.lines[0], key: 'restored-line-0' }] } })
    expect(readAttemptDraft(storage, 'u2', 'tpi-01')).toBeNull()
    expect(readAttemptDraft(storage, 'u1', 'tpi-02')).toBeNull()
    clearAttemptDraft(storage, 'u1', 'tpi-01')
    expect(readAttemptDraft(storage, 'u1', 'tpi-01')).toBeNull()
  })

  it('is ignored when the stored text is damaged or of another shape', () => {
    const storage = memoryStorage()
    const key = attemptDraftKey('u1', 'tpi-01')
    for (const text of ['{', 'null', '{"format":2,"startedAt":"x","answer":{"lines":[],"flagged":[]},"facts":null}', JSON.stringify({ format: 1, startedAt: 'x', answer: { lines: [{ code: 1 }], flagged: [] }, facts: null })]) {
      storage.setItem(key, text)
      expect(readAttemptDraft(storage, 'u1', 'tpi-01'), text).toBeNull()
    }
  })

  it('keeps the answer but drops facts the schema no longer reads', () => {
    const storage = memoryStorage()
    storage.setItem(attemptDraftKey('u1', 'tpi-01'), JSON.stringify({ format: 1, ...draft, facts: { encounter: { placeOfService: '99' } } }))
    expect(readAttemptDraft(storage, 'u1', 'tpi-01')).toMatchObject({ facts: null, answer: { flagged: ['TPI-SIDE-MISSING'] } })
  })

  it('is not kept when the storage refuses it, without failing', () => {
    const full = { setItem: () => { throw new DOMException('full', 'QuotaExceededError') } }
    expect(() => writeAttemptDraft(full, 'u1', 'tpi-01', draft)).not.toThrow()
  })

  it('is blank until something is entered', () => {
    const empty = { startedAt: 'x', answer: { lines: [{ key: 'k', code: '', modifiers: '', units: '1' }], flagged: [] }, facts: { ...facts, encounter: { ...facts.encounter, diagnoses: [], procedures: [], drugs: [], otherLines: [], documentation: {} } } }
    expect(isBlankDraft(empty)).toBe(true)
    expect(isBlankDraft({ ...empty, facts: null })).toBe(true)
    expect(isBlankDraft({ ...empty, answer: { ...empty.answer, flagged: ['X'] } })).toBe(false)
    expect(isBlankDraft({ ...empty, answer: { ...empty.answer, lines: [{ key: 'k', code: '2', modifiers: '', units: '1' }] } })).toBe(false)
    expect(isBlankDraft({ ...empty, facts })).toBe(false)
  })
})
