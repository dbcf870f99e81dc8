import { useState } from 'react'
import { Button } from '../../components/button.tsx'
import { useStore, useStoreQuery } from '../../storage/index.ts'
import { CountsTable } from './counts-table.tsx'
import { downloadBackup } from './download-backup.ts'
import { ALL_TABLES, plural } from './tables.ts'

export const sectionClass = 'flex flex-col gap-3 rounded border border-slate-300 bg-white p-3'
export const headingClass = 'font-semibold text-brand-800'

/** What is stored now, and the button that downloads all of it as one file. */
export function BackupSection() {
  const store = useStore()
  const counts = useStoreQuery((s) => s.countRecords(), ALL_TABLES, [])
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)

  const download = async () => {
    setBusy(true)
    setOutcome(null)
    try {
      const { fileName, records } = await downloadBackup(store)
      setOutcome({ ok: true, text: `Downloaded ${fileName} with ${plural(records, 'record')}.` })
    } catch (e) {
      setOutcome({ ok: false, text: `The backup could not be made: ${e instanceof Error ? e.message : String(e)}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="backup-heading" className={sectionClass}>
      <h3 id="backup-heading" className={headingClass}>Back up</h3>
      <p className="text-sm">Stored in this browser now:</p>
      <CountsTable caption="Records stored in this browser" columns={[{ label: 'Stored now', counts }]} />
      <div><Button variant="primary" onClick={() => void download()} disabled={busy}>Download backup</Button></div>
      {outcome ? <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'text-green-800' : 'font-medium text-red-700'}>{outcome.text}</p> : null}
    </section>
  )
}
