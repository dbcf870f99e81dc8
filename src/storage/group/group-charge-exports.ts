import type { ChargeExportSummary } from '../../group-api/index.ts'
import type { AuditRecord, ChargeExportRecord, WorksheetStore } from '../types.ts'
import { prepareRequest } from './client.ts'
import type { GroupSyncEngine } from './group-store.ts'
import type { OutboxEntry } from './sync/types.ts'

/**
 * The charge-export log in group mode: the practice's, on the server, so that no desk offers
 * again an encounter another desk exported. An export is sent through the outbox (it works
 * offline; the server records it at its own time, by the signed-in person); until the server's
 * rows arrive, the export as this device made it is shown. An export the server refused still
 * shows until it is discarded: its file was made either way.
 */

const FORMAT_WORDS: Record<ChargeExportRecord['format'], string> = { hl7: 'HL7 DFT^P03', csv: 'CSV' }

/** The server's export as the app's record. */
export function chargeExportRecordOf(e: ChargeExportSummary): ChargeExportRecord {
  return { id: e.id, encounterId: e.encounterId, exportedAt: e.exportedAt, userId: e.userId, userName: e.userName, format: e.format, fileName: e.fileName }
}

/** The server's export as the audit log's entry for it (the access log holds the same, by the server). */
export function chargeExportAuditOf(e: ChargeExportSummary): AuditRecord {
  return {
    id: `${e.id}:charge-export`, at: e.exportedAt, userId: e.userId, userName: e.userName, encounterId: e.encounterId, lineIndex: null,
    action: 'charge-export', from: null, to: e.status, reason: null, note: `${FORMAT_WORDS[e.format]} file ${e.fileName}`,
  }
}

type ChargeExportStore = Pick<WorksheetStore, 'recordChargeExports' | 'listChargeExports'> & {
  /** The export entries of the audit log (of one encounter, or all): the server's, then those still to send. */
  auditOf(encounterId?: string): Promise<AuditRecord[]>
}

const byExportedAt = (a: ChargeExportRecord, b: ChargeExportRecord) =>
  (a.exportedAt < b.exportedAt ? -1 : a.exportedAt > b.exportedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export function createGroupChargeExports(engine: GroupSyncEngine): ChargeExportStore {
  const { replica } = engine
  const unsent = async () => (await replica.outbox()).filter((e): e is OutboxEntry & { route: 'recordChargeExports' } => e.route === 'recordChargeExports')

  return {
    async recordChargeExports(records, audit) {
      if (records.length === 0) return
      const [{ format, fileName }] = records
      if (records.some((r) => r.format !== format || r.fileName !== fileName)) {
        throw new Error('One charge file at a time: these exports name more than one file. Nothing was recorded.')
      }
      // An encounter finalized here and still in the outbox has no id on the server yet: the file would name one the server cannot record.
      for (const r of records) {
        if (!(await replica.encounter(r.encounterId))) {
          throw new Error('An encounter in this batch has not reached the group server yet, so the export was not recorded. Export it once it has synced (see Changes waiting).')
        }
      }
      const body = { encounterIds: records.map((r) => r.encounterId), format, fileName }
      // Checked as the server will check it: an export that cannot be sent is refused now, before the file is made.
      prepareRequest('recordChargeExports', { body })
      await engine.enqueue({ route: 'recordChargeExports', body, local: { chargeExports: { records: [...records], audit: [...audit] } } })
    },
    async listChargeExports() {
      const [synced, outbox] = await Promise.all([replica.chargeExports(), unsent()])
      return [...synced.map(chargeExportRecordOf), ...outbox.flatMap((e) => e.local?.chargeExports?.records ?? [])].sort(byExportedAt)
    },
    async auditOf(encounterId) {
      const [synced, outbox] = await Promise.all([replica.chargeExports(), unsent()])
      const entries = [...synced.map(chargeExportAuditOf), ...outbox.flatMap((e) => e.local?.chargeExports?.audit ?? [])]
      return encounterId === undefined ? entries : entries.filter((e) => e.encounterId === encounterId)
    },
  }
}
