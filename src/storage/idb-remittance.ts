import type { IDBPDatabase } from 'idb'
import type { WorksheetDb } from './idb-store.ts'
import { writeFailure } from './idb-shared.ts'
import type { RemittanceImportRecord, RemittancePayment } from './types.ts'

/** The 835 import's write (see WorksheetStore.importRemittance), loaded on first use. */

const pad = (n: number) => String(n).padStart(2, '0')

/** A stored time as staff read it: local date and time to the minute. */
function localTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

function describePayment(payment: RemittancePayment | undefined, key: string): string {
  if (!payment) return `payment ${key}`
  return `payment from ${payment.payerName} (check/EFT ${payment.checkOrEftNumber}, dated ${payment.paymentDate})`
}

/**
 * The refusal for a record whose payment is already stored: names the payment and the file that
 * brought it. Null when no stored record holds one of its keys (the failure was something else).
 */
async function duplicateRefusal(db: IDBPDatabase<WorksheetDb>, record: RemittanceImportRecord): Promise<Error | null> {
  const index = db.transaction('remittances', 'readonly').store.index('paymentKeys')
  for (const [i, key] of record.paymentKeys.entries()) {
    const stored = await index.get(key)
    if (!stored) continue
    const by = stored.userName ? ` by ${stored.userName}` : ''
    return new Error(
      `The ${describePayment(record.payments[i], key)} was already imported from ${stored.fileName} on ${localTime(stored.importedAt)}${by}. ` +
      'Nothing was stored. Remove that import first if this file should replace it.',
    )
  }
  return null
}

/** Adds the record in one transaction; the unique payment-key index refuses a payment already stored. */
export async function addRemittance(db: IDBPDatabase<WorksheetDb>, record: RemittanceImportRecord): Promise<void> {
  const tx = db.transaction('remittances', 'readwrite')
  const done = tx.done
  done.catch(() => { /* awaited below, or the write already failed */ })
  try {
    await Promise.all([tx.store.add(record), done])
  } catch (error) {
    try { tx.abort() } catch { /* already finished */ }
    if ((error as { name?: unknown } | null)?.name === 'ConstraintError') {
      const refusal = await duplicateRefusal(db, record)
      if (refusal) throw refusal
    }
    throw writeFailure(error, `the remittance file ${record.fileName}`)
  }
}
