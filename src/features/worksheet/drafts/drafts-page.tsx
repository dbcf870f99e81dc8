import { Button } from '../../../components/button.tsx'
import { useStore, useStoreQuery } from '../../../storage/index.ts'

/** Drafts saved in this browser, newest first: resume one or discard it. */
export function DraftsPage({ onOpen }: { onOpen: (draftId: string) => void }) {
  const store = useStore()
  const drafts = useStoreQuery((s) => s.listDrafts(), ['drafts'], [])
  if (!drafts) return <p role="status">Loading drafts…</p>
  return (
    <section aria-labelledby="drafts-heading" className="flex flex-col gap-3">
      <h2 id="drafts-heading" className="text-lg font-semibold text-brand-800">Drafts</h2>
      {drafts.length === 0 ? <p>No draft. A worksheet saves itself as a draft as soon as you type.</p> : (
        <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">Saved drafts</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="p-2">Patient account</th>
              <th scope="col" className="p-2">Date of service</th>
              <th scope="col" className="p-2">Last saved</th>
              <th scope="col" className="p-2">Status</th>
              <th scope="col" className="p-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((d) => (
              <tr key={d.id} className="border-b border-slate-200">
                <td className="p-2 font-mono">{d.patientId || '(not entered)'}</td>
                <td className="p-2">{d.dateOfService || '—'}</td>
                <td className="p-2"><time dateTime={d.updatedAt}>{new Date(d.updatedAt).toLocaleString()}</time></td>
                <td className="p-2">{d.status === 'returned' ? <span>Returned: {d.returnNote}</span> : 'Draft'}</td>
                <td className="p-2"><div className="flex justify-end gap-2">
                  <Button size="sm" variant="primary" onClick={() => onOpen(d.id)} aria-label={`Resume draft for ${d.patientId || 'no patient'} ${d.dateOfService}`}>Resume</Button>
                  <Button size="sm" onClick={() => { if (window.confirm('Discard this draft? It cannot be recovered.')) void store.deleteDraft(d.id) }} aria-label={`Discard draft for ${d.patientId || 'no patient'} ${d.dateOfService}`}>Discard</Button>
                </div></td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  )
}
