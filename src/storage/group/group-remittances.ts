import { REMITTANCE_MAX_CHARS, type RemittanceSummary } from '../../group-api/index.ts'
import { describePayment, type DeniedLine, type UnmatchedClaim, type UnmatchedLine } from '../../domain/remittance/index.ts'
import type { RemittanceImportRecord, WorksheetStore } from '../types.ts'
import { prepareRequest } from './client.ts'
import type { GroupSyncEngine } from './group-store.ts'
import type { OutboxEntry } from './sync/types.ts'

/**
 * Imported 835 files in group mode: the practice's, on the server. An import is sent as the
 * file's text through the outbox (the server parses and matches it again); until the server's
 * answer arrives, the import as this device matched it is shown. Removals go the same way.
 */

/** The server's import as the app's record (the matcher's shapes, which the server built with the same code). */
export function remittanceRecordOf(r: RemittanceSummary): RemittanceImportRecord {
  return {
    id: r.id, fileName: r.fileName, importedAt: r.importedAt, userId: r.userId, userName: r.userName,
    paymentKeys: r.paymentKeys, payments: r.payments, claims: r.claims, matchedClaims: r.matchedClaims,
    denials: r.denials as DeniedLine[], unmatchedClaims: r.unmatchedClaims as UnmatchedClaim[], unmatchedLines: r.unmatchedLines as UnmatchedLine[],
  }
}

const pad = (n: number) => String(n).padStart(2, '0')
function localTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

const newestFirst = (a: RemittanceImportRecord, b: RemittanceImportRecord) =>
  (a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

type RemittanceStore = Pick<WorksheetStore, 'importRemittance' | 'listRemittances' | 'deleteRemittance'>

export function createGroupRemittances(engine: GroupSyncEngine): RemittanceStore {
  const { replica } = engine
  const waiting = (e: OutboxEntry) => e.state === 'pending'

  /** The synced imports, with this device's imports and removals not yet sent applied over them. */
  const list = async (): Promise<RemittanceImportRecord[]> => {
    const [synced, outbox] = await Promise.all([replica.remittances(), replica.outbox()])
    const byId = new Map(synced.map((r) => [r.id, remittanceRecordOf(r)]))
    for (const e of outbox) {
      if (!waiting(e)) continue
      if (e.route === 'importRemittance' && e.local?.remittance && !byId.has(e.body.id)) byId.set(e.body.id, e.local.remittance)
      if (e.route === 'deleteRemittance') byId.delete(e.params.id)
    }
    return [...byId.values()].sort(newestFirst)
  }

  return {
    listRemittances: list,
    async importRemittance(record, source) {
      if (!source) throw new Error('This version of the app cannot send remittance files to the group server. Nothing was stored.')
      if (source.text.length > REMITTANCE_MAX_CHARS) {
        throw new Error(`The group server takes 835 files of up to ${REMITTANCE_MAX_CHARS.toLocaleString('en-US')} characters; this one has ${source.text.length.toLocaleString('en-US')}. Nothing was stored. Ask the payer or clearinghouse for smaller files (one per payment).`)
      }
      // As the browser's own store refuses it: a payment already imported (here, or synced from another desk).
      const stored = await list()
      for (const [i, key] of record.paymentKeys.entries()) {
        const earlier = stored.find((r) => r.paymentKeys.includes(key))
        if (!earlier) continue
        const payment = record.payments[i]
        const by = earlier.userName ? ` by ${earlier.userName}` : ''
        throw new Error(
          `The ${payment ? describePayment(payment) : `payment ${key}`} was already imported from ${earlier.fileName} on ${localTime(earlier.importedAt)}${by}. ` +
          'Nothing was stored. Remove that import first if this file should replace it.',
        )
      }
      const body = { id: record.id, fileName: record.fileName, controlNumber: source.controlNumber, text: source.text }
      // Checked as the server will check it: an import that cannot be sent is refused now.
      prepareRequest('importRemittance', { body })
      await engine.enqueue({ route: 'importRemittance', body, local: { remittance: record } })
    },
    async deleteRemittance(id) {
      const known = (await list()).find((r) => r.id === id)
      // Neither synced nor on its way: nothing to remove.
      if (!known) return
      await engine.enqueue({ route: 'deleteRemittance', params: { id }, local: { remittance: known } })
    },
  }
}
