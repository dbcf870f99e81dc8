// Test support for the training component tests (authoring, case file, practice); not used by the app.
import { useEffect } from 'react'
import { parseEvaluationInput, type EvaluationInput } from '../../../domain/index.ts'
import type { CaseWorksheetProps } from '../../../lib/case-worksheet.ts'
import type { UserRecord } from '../../../storage/types.ts'
import { createMemoryTrainingStore } from '../../../storage/memory-training-store.ts'
import { blankCaseInput } from './author-model.ts'
import type { StoreTable, TrainingStore, WorksheetStore } from '../../../storage/types.ts'

export const testUsers = {
  supervisor: { id: 'U-SUP', name: 'Sam Supervisor', role: 'supervisor', createdAt: '2026-01-01T00:00:00.000Z' },
  trainee: { id: 'U-TRN', name: 'Tia Trainee', role: 'trainee', createdAt: '2026-01-01T00:00:00.000Z' },
  coder: { id: 'U-COD', name: 'Cody Coder', role: 'coder', createdAt: '2026-01-01T00:00:00.000Z' },
} as const satisfies Record<string, UserRecord>

/** A store with only training mode behind it; any other call fails the test. */
export function trainingOnlyStore(): { store: WorksheetStore; training: TrainingStore; calls: string[] } {
  const listeners = new Set<(tables: readonly StoreTable[]) => void>()
  const calls: string[] = []
  const inner = createMemoryTrainingStore((table) => { for (const l of listeners) l([table]) })
  // Records every write so a test can prove that nothing was stored.
  const training: TrainingStore = {
    ...inner,
    savePracticeCase: (r) => { calls.push(`savePracticeCase ${r.id}`); return inner.savePracticeCase(r) },
    savePracticeCases: (rs) => { calls.push(`savePracticeCases ${rs.map((r) => r.id).join(',')}`); return inner.savePracticeCases(rs) },
    deletePracticeCase: (id) => { calls.push(`deletePracticeCase ${id}`); return inner.deletePracticeCase(id) },
  }
  const reads: Partial<WorksheetStore> = {
    training: () => Promise.resolve(training),
    subscribe: (listener) => { listeners.add(listener); return () => { listeners.delete(listener) } },
  }
  const store = new Proxy(reads, {
    get: (target, key: string) => target[key as keyof WorksheetStore] ?? (() => { throw new Error(`The page called store.${key}`) }),
  }) as WorksheetStore
  return { store, training, calls }
}

/**
 * Stands in for the worksheet form: reports the initial facts once, as the real one does, and
 * reports `facts` when its button is pressed.
 */
export function fakeWorksheet(facts: EvaluationInput) {
  return function FakeWorksheet({ initialInput, onChange, label, today }: CaseWorksheetProps) {
    useEffect(() => { onChange(initialInput) }, [initialInput, onChange])
    return (
      <div role="group" aria-label={label} data-today={today}>
        <p>Date of service {initialInput.encounter.dateOfService}</p>
        <button type="button" onClick={() => onChange(facts)}>Enter the test facts</button>
      </div>
    )
  }
}

/** A blank case's facts on `dateOfService`, changed by `change` and validated. */
export function caseFacts(change: (input: EvaluationInput) => void, dateOfService = '2026-06-09'): EvaluationInput {
  const input = structuredClone(blankCaseInput(dateOfService))
  change(input)
  const parsed = parseEvaluationInput(input)
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '))
  return parsed.input
}

/** Bilateral L4-L5 therapeutic facet injections under fluoroscopy, Medicare. */
export const bilateralFacet = caseFacts((input) => {
  input.encounter.diagnoses = ['M47.816']
  input.encounter.procedures = [{ type: 'facet-injection', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'bilateral' }] }]
})
