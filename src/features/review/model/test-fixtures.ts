import exampleJson from '../../../domain/fixtures/issue-example.json'
import {
  createContext, evaluate, parseEvaluationInput, type ClaimLine, type EvaluationInput, type Finding,
} from '../../../domain/index.ts'
import type { ReviewEncounter, UserProfile } from './types.ts'

export function exampleInput(): EvaluationInput {
  const parsed = parseEvaluationInput(structuredClone(exampleJson))
  if (!parsed.ok) throw new Error(`issue-example.json is invalid: ${JSON.stringify(parsed.issues)}`)
  return parsed.input
}

const encounter = exampleInput().encounter

export function line(overrides: Partial<ClaimLine> = {}): ClaimLine {
  return { code: '64493', modifiers: [], units: 1, label: 'label', procedureIndex: 0, origin: 'procedure', ruleIds: [], trace: [], ...overrides }
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'RULE', severity: 'warning', category: 'modifier', message: 'message', fix: 'fix', source: 'source',
    effectiveFrom: null, effectiveTo: null, trace: [], ...overrides,
  }
}

/** A finalized encounter record with the given lines and findings. */
export function record(overrides: Partial<ReviewEncounter> = {}): ReviewEncounter {
  const findings = overrides.findings ?? []
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity] += 1
  return {
    id: 'E1', finalizedAt: '2026-11-26T10:00:00.000Z', patientId: 'PT-1001', providerId: 'DR-A', dateOfService: '2026-10-14',
    payerProfile: 'medicare', encounter, lines: [line()], findings, counts,
    review: counts.error > 0 || counts.warning > 0 ? 'pending' : 'not-needed', finalizeReason: null, finalizedBy: 'u-coder',
    ...overrides,
  }
}

/** The example, evaluated and finalized by `finalizedBy`. */
export function exampleRecord(id = 'EX', finalizedBy: string | null = 'u-coder'): ReviewEncounter {
  const input = exampleInput()
  const result = evaluate(input, createContext('2026-11-26'))
  return record({
    id, patientId: input.encounter.patientId, providerId: input.encounter.providerId, dateOfService: input.encounter.dateOfService,
    payerProfile: result.payerProfileId, encounter: input.encounter, lines: result.lines, findings: result.findings, finalizedBy,
  })
}

export const users: Record<'coder' | 'supervisor' | 'supervisor2' | 'trainee', UserProfile> = {
  coder: { id: 'u-coder', name: 'Casey Coder', role: 'coder', createdAt: '2026-11-01T00:00:00.000Z' },
  supervisor: { id: 'u-sup', name: 'Sam Supervisor', role: 'supervisor', createdAt: '2026-11-01T00:00:00.000Z' },
  supervisor2: { id: 'u-sup2', name: 'Pat Lead', role: 'supervisor', createdAt: '2026-11-01T00:00:00.000Z' },
  trainee: { id: 'u-trainee', name: 'Tia Trainee', role: 'trainee', createdAt: '2026-11-01T00:00:00.000Z' },
}
