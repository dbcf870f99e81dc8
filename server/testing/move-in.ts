import { createHash } from 'node:crypto'
import { createContext, evaluate, type Encounter } from '../../src/domain/index.ts'
import { historyRowKey } from '../../src/domain/history-import/index.ts'
// The standalone app's backup file is what a move-in reads: the tests write it with the app's own writer.
// eslint-disable-next-line no-restricted-imports
import { backupToJson, type BackupFile } from '../../src/storage/backup.ts'
// eslint-disable-next-line no-restricted-imports
import { attemptRecord, practiceCaseRecord } from '../../src/storage/training-test-records.ts'
import type { TestClient } from './harness.ts'
import { payerProfileValue, providerValue } from './records.ts'
import { exampleEncounter } from './security.ts'

/** A standalone workstation's backup files, for the move-in tests. */

export type BackupData = BackupFile['data']
type EncounterRecord = BackupData['encounters'][number]
type HistoryRecord = BackupData['history'][number]
type AuditRecord = BackupData['audit'][number]

export const emptyBackupData = (): BackupData => ({
  drafts: [], encounters: [], history: [], imports: [], providers: [], ncci: [], payerProfiles: [], users: [], audit: [], remittances: [], attempts: [],
  practiceCases: [], icd10: [], coverageArticles: [], coverageSettings: [], chargeExports: [], ndcList: [], chargeSettings: [],
})

/** An encounter finalized on the workstation (the example for the patient, on the date). */
export function encounterRecord(id: string, patientId: string, dateOfService = '2026-10-14'): EncounterRecord {
  const encounter = { ...exampleEncounter(patientId), dateOfService } as unknown as Encounter
  const result = evaluate({ schemaVersion: 1, encounter, history: [] }, createContext('2026-11-30'))
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of result.findings) counts[f.severity]++
  return {
    id, finalizedAt: `${dateOfService}T16:00:00.000Z`, patientId, providerId: encounter.providerId, dateOfService, payerProfile: encounter.payerProfile,
    encounter, lines: result.lines, findings: result.findings, counts, review: counts.error + counts.warning > 0 ? 'pending' : 'not-needed',
    finalizeReason: counts.error > 0 ? 'Checked against the operative note.' : null, finalizedBy: 'u-coder',
  }
}

export function historyRecord(patientId: string, dateOfService: string, code = '64483', importId = 'imp-1'): HistoryRecord {
  const line = { patientId, dateOfService, code, modifiers: ['RT'], units: 1, providerId: 'NPI1000' }
  return { ...line, importId, key: historyRowKey(line) }
}

export function decisionEntry(id: string, encounterId: string, lineIndex: number, action: 'approve' | 'return' | 'override', to: string, at: string, note: string | null = null): AuditRecord {
  return { id, at, userId: 'u-super', userName: 'Sam Supervisor', encounterId, lineIndex, action, from: 'pending', to, reason: action === 'override' ? 'Other' : null, note }
}

/** A charge export made on the workstation, with the audit entry the charge screen writes beside it. */
export function chargeExportOf(id: string, encounterId: string, exportedAt: string, to = 'approved', userName = 'Casey Coder'): { record: BackupData['chargeExports'][number]; audit: AuditRecord } {
  const fileName = `charges-${exportedAt.slice(0, 10).replace(/-/g, '')}-101500.hl7`
  return {
    record: { id, encounterId, exportedAt, userId: 'u-coder', userName, format: 'hl7', fileName },
    audit: { id: `${id}-audit`, at: exportedAt, userId: 'u-coder', userName, encounterId, lineIndex: null, action: 'charge-export', from: null, to, reason: null, note: `HL7 DFT^P03 file ${fileName}` },
  }
}

/** A workstation's data: two patients' encounters, history, a provider, a payer profile, a practice case and an attempt. */
export function workstationData(tag: string): BackupData {
  const data = emptyBackupData()
  data.encounters = [encounterRecord(`enc-${tag}-1`, `PT-${tag}-1`, '2026-10-14'), encounterRecord(`enc-${tag}-2`, `PT-${tag}-2`, '2026-10-20')]
  data.audit = [decisionEntry(`aud-${tag}-1`, `enc-${tag}-1`, 0, 'approve', 'approved', '2026-10-15T10:00:00.000Z')]
  data.history = [historyRecord(`PT-${tag}-1`, '2026-06-01'), historyRecord(`PT-${tag}-1`, '2026-07-01'), historyRecord(`PT-${tag}-3`, '2026-08-01')]
  data.imports = [{ id: 'imp-1', fileName: 'old-history.csv', importedAt: '2026-09-01T08:00:00.000Z', rows: 3, duplicates: 0 }]
  data.providers = [providerValue(`prov-${tag}`, `Dr ${tag}`)]
  data.payerProfiles = [payerProfileValue(`custom-${tag.toLowerCase()}`)]
  data.practiceCases = [practiceCaseRecord(`case-${tag}`, `Case ${tag}`)]
  data.attempts = [attemptRecord({ id: `att-${tag}` })]
  return data
}

export const backupText = (data: BackupData, exportedAt = '2026-11-30T12:00:00.000Z') => backupToJson(data, exportedAt)
export const fingerprintOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** Splits text into parts of at most `size` characters. */
export function partsOf(text: string, size = 4000): string[] {
  const parts: string[] = []
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size))
  return parts
}

/** Starts a move-in of `text` and sends its parts; answers its id (and fails the test on a refusal). */
export async function stageMoveIn(client: TestClient, text: string, fileName = 'workstation-backup.json', partSize = 4000): Promise<string> {
  const started = await client.post('/api/admin/move-ins', { fileName, size: Buffer.byteLength(text, 'utf8'), fingerprint: fingerprintOf(text) })
  if (started.status !== 200) throw new Error(`start: ${started.status} ${started.text}`)
  const id = started.body.id as string
  const parts = partsOf(text, partSize)
  for (const [index, part] of parts.entries()) {
    const sent = await client.post(`/api/admin/move-ins/${id}/parts`, { index, text: part })
    if (sent.status !== 200) throw new Error(`part ${index}: ${sent.status} ${sent.text}`)
  }
  return id
}
