import type { PracticeCaseRecord, TrainingAttemptRecord, TrainingStore } from './types.ts'

/**
 * TrainingStore in memory, for component tests and the WorksheetStore fakes. It keeps the
 * IndexedDB store's rules: a repeated attempt id is refused, a batch of cases is written all or
 * nothing, lists come back in the same order, and records are copies (a caller changing a record
 * after storing it does not change the stored one).
 */

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Oldest submitted first; the id breaks ties, as the submittedAt index does. */
export const bySubmitted = (a: TrainingAttemptRecord, b: TrainingAttemptRecord) => byText(a.submittedAt, b.submittedAt) || byText(a.id, b.id)

/** By the case's title as people read it; the id breaks ties. */
export const byCaseTitle = (a: PracticeCaseRecord, b: PracticeCaseRecord) => a.case.title.localeCompare(b.case.title) || byText(a.id, b.id)

function hasId(record: { id?: unknown } | null | undefined): boolean {
  return typeof record?.id === 'string' && record.id !== ''
}

export function createMemoryTrainingStore(onChange?: (table: 'attempts' | 'practiceCases') => void): TrainingStore {
  const attempts = new Map<string, TrainingAttemptRecord>()
  const cases = new Map<string, PracticeCaseRecord>()

  return {
    addAttempt(attempt) {
      if (!hasId(attempt)) return Promise.reject(new Error('The practice attempt could not be stored, so nothing was changed: it has no id.'))
      if (attempts.has(attempt.id)) return Promise.reject(new Error(`The practice attempt ${attempt.id} is already stored, so nothing was changed.`))
      attempts.set(attempt.id, structuredClone(attempt))
      onChange?.('attempts')
      return Promise.resolve()
    },
    listAttempts(userId) {
      const list = [...attempts.values()].filter((a) => userId === undefined || a.userId === userId)
      return Promise.resolve(list.sort(bySubmitted).map((a) => structuredClone(a)))
    },
    listPracticeCases() {
      return Promise.resolve([...cases.values()].sort(byCaseTitle).map((c) => structuredClone(c)))
    },
    savePracticeCase(record) {
      if (!hasId(record)) return Promise.reject(new Error('The practice case could not be stored, so nothing was changed: it has no id.'))
      cases.set(record.id, structuredClone(record))
      onChange?.('practiceCases')
      return Promise.resolve()
    },
    savePracticeCases(records) {
      // Every record is checked and copied before any is written: all or nothing.
      let copies: PracticeCaseRecord[]
      try {
        const missing = records.findIndex((r) => !hasId(r))
        if (missing >= 0) throw new Error(`case ${missing + 1} of ${records.length} has no id`)
        copies = records.map((r) => structuredClone(r))
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error)
        return Promise.reject(new Error(`The practice case${records.length === 1 ? '' : 's'} could not be stored, so nothing was changed: ${detail}`, { cause: error }))
      }
      for (const copy of copies) cases.set(copy.id, copy)
      if (copies.length > 0) onChange?.('practiceCases')
      return Promise.resolve()
    },
    deletePracticeCase(id) {
      cases.delete(id)
      onChange?.('practiceCases')
      return Promise.resolve()
    },
  }
}
