import { FileProblems } from '../../components/file-problems.tsx'
import { useId, useRef, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { useStore, useStoreQuery } from '../../storage/index.ts'
import { parseBackup, type BackupFile, type BackupSummary } from '../../storage/backup.ts'
import { headingClass, sectionClass } from './backup-section.tsx'
import { CountsTable } from './counts-table.tsx'
import { ALL_TABLES, localDateTime, plural, totalOf } from './tables.ts'

type State =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'invalid'; fileName: string; errors: string[] }
  | { step: 'ready'; fileName: string; backup: BackupFile; summary: BackupSummary }
  | { step: 'restoring'; fileName: string; done: number; total: number }
  | { step: 'restored'; text: string }
  | { step: 'failed'; text: string }

/** Picks a backup file, shows what it holds against what is stored, and replaces everything once confirmed. */
export function RestoreSection() {
  const store = useStore()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [state, setState] = useState<State>({ step: 'idle' })
  const stored = useStoreQuery((s) => s.countRecords(), ALL_TABLES, [])

  const pick = async (file: File | undefined) => {
    if (!file) { setState({ step: 'idle' }); return }
    setState({ step: 'reading', fileName: file.name })
    let text: string
    try { text = await file.text() } catch {
      setState({ step: 'invalid', fileName: file.name, errors: ['The file could not be read. Pick it again.'] })
      return
    }
    const parsed = parseBackup(text)
    setState(parsed.ok ? { step: 'ready', fileName: file.name, backup: parsed.backup, summary: parsed.summary } : { step: 'invalid', fileName: file.name, errors: parsed.errors })
  }

  const restore = async (fileName: string, backup: BackupFile) => {
    const total = totalOf(backup.counts)
    setState({ step: 'restoring', fileName, done: 0, total })
    try {
      await store.restoreBackup(backup.data, (done, all) => setState({ step: 'restoring', fileName, done, total: all }))
      setState({ step: 'restored', text: `Restored ${fileName}: ${plural(total, 'record')} from the backup of ${localDateTime(backup.exportedAt)}.` })
      if (input.current) input.current.value = ''
    } catch (e) {
      setState({ step: 'failed', text: `${e instanceof Error ? e.message : String(e)} The data stored before the restore is unchanged.` })
    }
  }

  const cancel = () => {
    setState({ step: 'idle' })
    if (input.current) input.current.value = ''
  }

  const busy = state.step === 'reading' || state.step === 'restoring'
  return (
    <section aria-labelledby="restore-heading" className={sectionClass}>
      <h3 id="restore-heading" className={headingClass}>Restore</h3>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium text-slate-800">Backup file to restore</label>
        <input id={`${id}-file`} ref={input} type="file" accept=".json,application/json" disabled={busy} aria-describedby={`${id}-hint`}
          onChange={(e) => void pick(e.target.files?.[0])}
          className="max-w-full text-sm file:mr-2 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:font-medium" />
        <p id={`${id}-hint`} className="text-xs text-slate-600">Nothing changes until you confirm: the file is checked first and its contents shown.</p>
      </div>
      {state.step === 'reading' ? <p role="status">Checking {state.fileName}…</p> : null}
      {state.step === 'invalid' ? (
        <FileProblems summary={`${state.fileName} cannot be restored. Nothing was changed.`} listLabel="Problems in the backup file" problems={state.errors} />
      ) : null}
      {state.step === 'ready' ? (
        <div className="flex flex-col gap-3" role="group" aria-labelledby={`${id}-summary`}>
          <p id={`${id}-summary`}>
            <strong>{state.fileName}</strong> is a backup made {localDateTime(state.summary.exportedAt)} with {plural(state.summary.patients, 'patient')}
            {state.summary.dateRange ? `, dates of service ${state.summary.dateRange.from} to ${state.summary.dateRange.to}` : ''}.
          </p>
          <CountsTable caption="Records in the backup file and stored now" columns={[{ label: 'In the file', counts: state.summary.counts }, { label: 'Stored now', counts: stored }]} />
          <p role="note" className="rounded border border-amber-400 bg-amber-50 p-3 text-amber-950">
            <strong>Restoring replaces everything stored in this browser</strong> with the contents of this file. Records stored now
            that are not in the file are lost. Download a backup first if you may need them.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" onClick={() => void restore(state.fileName, state.backup)}>Replace everything with this backup</Button>
            <Button onClick={cancel}>Cancel</Button>
          </div>
        </div>
      ) : null}
      {state.step === 'restoring' ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-progress`} className="text-sm">Restoring {state.fileName}</label>
          <progress id={`${id}-progress`} max={Math.max(1, state.total)} value={state.done} className="w-full max-w-md" />
          <p role="status" className="text-sm">Restoring… {state.done.toLocaleString('en-US')} of {plural(state.total, 'record')} written.</p>
        </div>
      ) : null}
      {state.step === 'restored' ? <p role="status" className="font-medium text-green-800">{state.text}</p> : null}
      {state.step === 'failed' ? <p role="alert" className="font-medium text-red-700">{state.text}</p> : null}
    </section>
  )
}
