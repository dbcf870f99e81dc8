// Test support for the progress tests (not used by the app).
import type { TrainingAttemptRecord, UserRecord } from '../../../storage/types.ts'

/** The ISO date-time of a moment given on this computer's calendar, so its local date is known in any time zone. */
export const localMoment = (date: string, hour = 12, minute = 0): string => {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(y, m - 1, d, hour, minute).toISOString()
}

let serial = 0

/** A graded attempt; percent follows score unless given. */
export function attempt(fields: Partial<TrainingAttemptRecord> & { day?: string } = {}): TrainingAttemptRecord {
  const { day, ...rest } = fields
  const score = rest.score ?? (rest.percent ?? 100) / 100
  const submittedAt = rest.submittedAt ?? localMoment(day ?? '2026-11-20')
  return {
    id: `A${++serial}`,
    caseId: 'fac-01',
    caseSource: 'shipped',
    caseTitle: 'One lumbar level, both sides, Medicare',
    caseLevel: 'new',
    families: ['facet-injection'],
    userId: 'U-T1',
    userName: 'Tess Trainee',
    startedAt: submittedAt,
    submittedAt,
    lines: [],
    flaggedRuleIds: [],
    input: null,
    answerKey: { lines: [], findings: [] },
    score,
    lineScore: score,
    findingScore: score,
    percent: Math.round(score * 100),
    caughtRules: [],
    missedRules: [],
    falseFlags: [],
    ...rest,
  }
}

export const users = {
  tess: { id: 'U-T1', name: 'Tess Trainee', role: 'trainee', createdAt: '2026-11-01T09:00:00.000Z' },
  nico: { id: 'U-T2', name: 'Nico New', role: 'trainee', createdAt: '2026-11-02T09:00:00.000Z' },
  carla: { id: 'U-C1', name: 'Carla Coder', role: 'coder', createdAt: '2026-11-01T09:00:00.000Z' },
  sam: { id: 'U-S1', name: 'Sam Supervisor', role: 'supervisor', createdAt: '2026-11-01T09:00:00.000Z' },
} as const satisfies Record<string, UserRecord>
