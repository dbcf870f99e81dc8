/**
 * The review benchmarks' data (Node: bench/review-queue.bench.ts; Chromium: bench/review-ui/):
 * finalized encounters with ~100,000 claim lines, findings and an audit log of decisions, from
 * a seeded PRNG so every run sees the same rows.
 */
import type { Category, Finding, Severity } from '../src/domain/index.ts'
import {
  decide, finalizeEntry, stampEntry, type AuditEntry, type ReviewEncounter, type UserProfile,
} from '../src/features/review/model/index.ts'
import { exampleInput, line } from '../src/features/review/model/test-fixtures.ts'
import { createRandom } from './history-fixture.ts'

export const REVIEW_BENCH_SEED = 20_261_126

const RULES: readonly { ruleId: string; severity: Severity; category: Category; message: string }[] = [
  { ruleId: 'IMG-BUNDLED', severity: 'error', category: 'imaging', message: '77003 (imaging guidance) is bundled into the facet and epidural codes' },
  { ruleId: 'FACET-BILATERAL', severity: 'error', category: 'modifier', message: 'Bilateral facet injection needs modifier 50 on one line' },
  { ruleId: 'ESI-FREQUENCY', severity: 'error', category: 'frequency', message: 'More epidural sessions in 12 months than the payer allows' },
  { ruleId: 'RFA-DIAGNOSTIC-BLOCKS', severity: 'warning', category: 'coverage', message: 'Two diagnostic medial branch blocks are not on file' },
  { ruleId: 'TPI-WITH-OTHER-BLOCK', severity: 'warning', category: 'coverage', message: 'Trigger point injections billed the same day as another block' },
  { ruleId: 'DX-SUPPORT', severity: 'warning', category: 'diagnosis', message: 'None of the diagnoses supports the procedure' },
  { ruleId: 'DOC-FACET-LEVELS', severity: 'warning', category: 'documentation', message: 'Not yet confirmed in the note: spinal levels and sides' },
  { ruleId: 'KX-MISSING', severity: 'warning', category: 'modifier', message: 'KX is needed when the documentation supports it' },
  { ruleId: 'PA-REQUIRED', severity: 'warning', category: 'prior-authorization', message: 'The payer requires prior authorization' },
  { ruleId: 'DRUG-UNITS', severity: 'warning', category: 'drug', message: 'Drug units do not match the dose' },
  { ruleId: 'NCCI-NOT-LOADED', severity: 'info', category: 'units', message: 'No NCCI MUE table is loaded, so unit caps were not checked' },
  { ruleId: 'JW-JZ', severity: 'info', category: 'drug', message: 'Single-dose vial: JZ when nothing was discarded' },
]
const CODES = ['64493', '64494', '64495', '64635', '64636', '64483', '64484', '62323', '20552', '20553', 'J3301', 'J1030', '77003']
const MODIFIERS = ['', '50', 'RT', 'LT', '50 KX', 'RT KX', '59', 'JZ']
const PAYERS = ['medicare', 'evicore-commercial', 'aetna-custom', 'bcbs-custom']

export function buildReviewEncounters(ROWS: number, SEED = REVIEW_BENCH_SEED): { encounters: ReviewEncounter[]; users: UserProfile[]; log: AuditEntry[] } {
  const random = createRandom(SEED)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const encounter = exampleInput().encounter
  const users: UserProfile[] = Array.from({ length: 12 }, (_, i) => ({
    id: `u${i}`, name: `Coder ${String.fromCharCode(65 + i)}`, role: i < 9 ? 'coder' : 'supervisor', createdAt: '2026-01-01T00:00:00.000Z',
  }))
  const supervisor = users[11]
  const encounters: ReviewEncounter[] = []
  const log: AuditEntry[] = []
  let lines = 0
  for (let e = 0; lines < ROWS; e++) {
    const count = Math.min(ROWS - lines, 1 + Math.floor(random() * 6))
    const day = 1 + Math.floor(random() * 365)
    const date = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10)
    const claimLines = Array.from({ length: count }, (_, i) => line({
      code: pick(CODES), modifiers: pick(MODIFIERS).split(' ').filter(Boolean), units: 1 + Math.floor(random() * 4), procedureIndex: i,
    }))
    const findings: Finding[] = []
    for (let i = 0; i < count; i++) {
      const n = random() < 0.35 ? 0 : 1 + Math.floor(random() * 3)
      for (let k = 0; k < n; k++) {
        const rule = pick(RULES)
        findings.push({ ...rule, fix: 'fix', source: 'source', effectiveFrom: null, effectiveTo: null, trace: [], lineIndexes: [i] })
      }
    }
    if (random() < 0.5) findings.push({ ...RULES[10], fix: '', source: '', effectiveFrom: null, effectiveTo: null, trace: [] })
    const counts = { error: 0, warning: 0, info: 0 }
    for (const f of findings) counts[f.severity] += 1
    const id = `enc-${e}`
    const record: ReviewEncounter = {
      id, finalizedAt: `${date}T12:00:00.000Z`, patientId: `PT-${10_000 + Math.floor(random() * 20_000)}`,
      providerId: `DR-${pick(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])}`, dateOfService: date, payerProfile: pick(PAYERS), encounter,
      lines: claimLines, findings, counts, review: counts.error + counts.warning > 0 ? 'pending' : 'not-needed', finalizeReason: null,
      finalizedBy: pick(users.slice(0, 9)).id,
    }
    encounters.push(record)
    log.push(stampEntry(finalizeEntry(record, users[0]), `a${log.length}`, record.finalizedAt))
    for (let i = 0; i < count; i++) {
      if (random() < 0.7) continue
      const result = decide('pending', pick(['approve', 'return', 'override'] as const), {
        user: supervisor, target: { encounterId: id, lineIndex: i, coderId: record.finalizedBy ?? null, hasError: true },
        reason: 'Documentation supports the service', note: 'Checked.',
      })
      if (result.ok) log.push(stampEntry(result.entry, `a${log.length}`, record.finalizedAt))
    }
    lines += count
  }
  return { encounters, users, log }
}

