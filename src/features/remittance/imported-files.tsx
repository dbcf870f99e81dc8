import { useId, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { Dialog } from '../../components/dialog.tsx'
import { useStore, useStoreQuery } from '../../storage/index.ts'
import type { RemittanceImportRecord } from '../../storage/types.ts'
import { formatCents, localDateTime, plural } from './model.ts'

/** The imported 835 files, newest first, each removable after a confirmation. */
export function ImportedFiles() {
  const store = useStore()
  const id = useId()
  const imports = useStoreQuery((s) => s.listRemittances(), ['remittances'], [])
  const [removing, setRemoving] = useState<RemittanceImportRecord | null>(null)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  const remove = async (record: RemittanceImportRecord) => {
    setRemoving(null)
    try {
      await store.deleteRemittance(record.id)
      setMessage({ ok: true, text: `Removed ${record.fileName}; its ${plural(record.denials.length, 'denied line')} no longer ${record.denials.length === 1 ? 'counts' : 'count'} in the denial insights.` })
    } catch (error) {
      setMessage({ ok: false, text: `${record.fileName} could not be removed: ${error instanceof Error ? error.message : String(error)}` })
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-2">
      <h3 id={`${id}-heading`} className="font-semibold text-brand-800">Imported remittance files</h3>
      {message ? <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'text-green-800' : 'font-medium text-red-700'}>{message.text}</p> : null}
      {!imports ? <p>Loading imported files…</p> : imports.length === 0 ? <p>No remittance file imported yet.</p> : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">Imported remittance files, newest first</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">File</th>
                <th scope="col" className="p-2">Imported</th>
                <th scope="col" className="p-2">Payments</th>
                <th scope="col" className="p-2 text-right">Claims</th>
                <th scope="col" className="p-2 text-right">Matched</th>
                <th scope="col" className="p-2 text-right">Denied lines</th>
                <th scope="col" className="p-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {imports.map((r) => (
                <tr key={r.id} className="border-b border-slate-200 align-top">
                  <td className="p-2 break-all">{r.fileName}</td>
                  <td className="p-2 whitespace-nowrap">
                    <time dateTime={r.importedAt}>{localDateTime(r.importedAt)}</time>
                    {r.userName ? <span className="block text-xs text-slate-600">by {r.userName}</span> : null}
                  </td>
                  <td className="p-2">
                    <ul>
                      {r.payments.map((p, i) => (
                        <li key={i}>{p.payerName} · <span className="font-mono">{p.checkOrEftNumber}</span> · {p.paymentDate} · {formatCents(p.amount)}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="p-2 text-right tabular-nums">{r.claims.toLocaleString('en-US')}</td>
                  <td className="p-2 text-right tabular-nums">{r.matchedClaims.toLocaleString('en-US')}</td>
                  <td className="p-2 text-right tabular-nums">{r.denials.length.toLocaleString('en-US')}</td>
                  <td className="p-2">
                    <Button size="sm" onClick={() => { setMessage(null); setRemoving(r) }} aria-label={`Remove ${r.fileName}, imported ${localDateTime(r.importedAt)}`}>Remove</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removing ? (
        <Dialog
          open
          title="Remove this remittance file?"
          onClose={() => setRemoving(null)}
          actions={<>
            <Button onClick={() => setRemoving(null)}>Cancel</Button>
            <Button variant="danger" onClick={() => void remove(removing)}>Remove file</Button>
          </>}
        >
          <p>
            {removing.fileName}, imported {localDateTime(removing.importedAt)}: its {plural(removing.denials.length, 'denied line')} will leave the denial insights.
            Its {plural(removing.payments.length, 'payment')} can then be imported again.
          </p>
        </Dialog>
      ) : null}
    </section>
  )
}
