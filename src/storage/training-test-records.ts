// Test support (not used by the app): training-mode records with the shapes the store keeps.
import { practiceCases } from '../domain/training/cases/index.ts'
import type { PracticeCase } from '../domain/training/types.ts'
import type { PracticeCaseRecord, TrainingAttemptRecord } from './types.ts'

function shippedCase(index = 0): PracticeCase {
  const found = practiceCases[index]
  if (!found) throw new Error(`There is no shipped practice case ${index}`)
  return found
}

/** A graded attempt of the first shipped case; `fields` replace any of its fields. */
export function attemptRecord({ id, ...fields }: Partial<TrainingAttemptRecord> & { id: string }): TrainingAttemptRecord {
  const shipped = shippedCase()
  return {
    id,
    caseId: shipped.id,
    caseSource: 'shipped',
    caseTitle: shipped.title,
    caseLevel: shipped.level,
    families: [...shipped.families],
    userId: 'u-trainee',
    userName: 'Terry Trainee',
    startedAt: '2026-11-20T09:00:00.000Z',
    submittedAt: '2026-11-20T09:10:00.000Z',
    lines: shipped.answerKey.lines.map((l) => ({ ...l, modifiers: [...l.modifiers] })),
    flaggedRuleIds: [],
    input: null,
    answerKey: structuredClone(shipped.answerKey),
    score: 0.75,
    lineScore: 1,
    findingScore: 0.5,
    percent: 75,
    caughtRules: [],
    missedRules: [],
    falseFlags: [],
    ...fields,
  }
}

/** One of the practice's own cases, a copy of shipped case `index` under the record's id and `title`. */
export function practiceCaseRecord(id: string, title: string, index = 1, fields: Partial<PracticeCaseRecord> = {}): PracticeCaseRecord {
  return {
    id,
    case: { ...structuredClone(shippedCase(index)), id, title },
    origin: 'authored',
    createdAt: '2026-11-21T08:00:00.000Z',
    updatedAt: '2026-11-21T08:30:00.000Z',
    userId: 'u-super',
    userName: 'Sam Supervisor',
    ...fields,
  }
}
