import { useId, useState, type ChangeEvent } from 'react'
import { useGroupClient } from '../../storage/group/index.ts'
import { abandonMoveIn, commitMoveIn, uploadMoveIn, type MoveInSource } from '../../storage/group/move-in-upload.ts'
import type { WorksheetStore } from '../../storage/types.ts'
import { AdminSection, ErrorText } from './admin-section.tsx'
import {
  checkLocally, commitSummary, previewRows, previewSummary, progressText, refusalMessage, skippedTableLabel, workstationSource, type MoveInStep,
} from './move-in-model.ts'

interface MoveInPageProps {
  /** This browser's own store (the standalone app's data on this workstation). */
  localData: Pick<WorksheetStore, 'exportBackup'>
  now?: () => Date
}

const button = 'rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus'
const quiet = 'rounded border border-brand-300 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus'

/** Moves the standalone app's data of this workstation (or a backup file) into the practice, once. */
export function MoveInPage({ localData, now = () => new Date() }: MoveInPageProps) {
  const client = useGroupClient()
  const id = useId()
  const [state, setState] = useState<MoveInStep>({ step: 'choose' })
  const busy = state.step === 'sending' || state.step === 'committing'

  async function send(source: MoveInSource) {
    const checked = checkLocally(source)
    if (!checked.ok) {
      setState({ step: 'refused', message: checked.message })
      return
    }
    setState({ step: 'sending', fileName: source.fileName, sent: 0, total: 1 })
    try {
      const preview = await uploadMoveIn(client, source, { onProgress: (sent, total) => setState({ step: 'sending', fileName: source.fileName, sent, total }) })
      setState({ step: 'preview', preview })
    } catch (error) {
      setState({ step: 'refused', message: refusalMessage(error) })
    }
  }

  async function readWorkstation() {
    setState({ step: 'sending', fileName: 'this workstation', sent: 0, total: 1 })
    try {
      await send(workstationSource(await localData.exportBackup(), now()))
    } catch (error) {
      setState({ step: 'refused', message: refusalMessage(error) })
    }
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (file) await send({ fileName: file.name, text: await file.text() })
  }

  async function commit() {
    if (state.step !== 'preview') return
    const { preview } = state
    setState({ step: 'committing', preview })
    try {
      setState({ step: 'done', result: await commitMoveIn(client, preview.id) })
    } catch (error) {
      setState({ step: 'refused', message: refusalMessage(error) })
    }
  }

  async function abandon() {
    if (state.step !== 'preview') return
    await abandonMoveIn(client, state.preview.id)
    setState({ step: 'choose' })
  }

  const preview = state.step === 'preview' || state.step === 'committing' ? state.preview : null
  return (
    <AdminSection title="Move in this workstation's data">
      <p className="max-w-prose text-sm">
        Brings what this workstation kept on its own before the practice had a server (finalized encounters, claim history, providers, payer profiles,
        practice cases, coverage choices and training attempts) into the practice, once. The server reads the whole file again and shows what it will add;
        records already in the practice are skipped. Nothing is stored until you move it in, and then everything or nothing.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={button} disabled={busy || preview !== null} onClick={() => void readWorkstation()}>Read this workstation&apos;s data</button>
        <label htmlFor={`${id}-file`} className="text-sm font-medium">Or a backup file</label>
        <input id={`${id}-file`} type="file" accept=".json,application/json" disabled={busy || preview !== null} onChange={(e) => void onFile(e)} className="text-sm" />
      </div>
      {state.step === 'sending' ? (
        <div className="flex flex-col gap-1">
          <progress max={state.total} value={state.sent} aria-label={`Sending ${state.fileName}`} className="w-full max-w-md" />
          <p role="status" className="text-sm">{progressText(state.sent, state.total)}</p>
        </div>
      ) : null}
      {state.step === 'refused' ? <ErrorText message={state.message} /> : null}
      {preview ? (
        <div className="flex flex-col gap-3">
          <p role="status" className="text-sm font-medium">{previewSummary(preview)}</p>
          <table className="max-w-2xl text-sm">
            <caption className="text-left font-medium">What {preview.fileName} brings (exported {preview.exportedAt.slice(0, 10)})</caption>
            <thead><tr><th scope="col" className="pr-4 text-left">Table</th><th scope="col" className="pr-4 text-right">In the file</th><th scope="col" className="pr-4 text-right">Added</th><th scope="col" className="text-right">Duplicates skipped</th></tr></thead>
            <tbody>
              {previewRows(preview.counts).map((r) => (
                <tr key={r.table}><th scope="row" className="pr-4 text-left font-normal">{r.label}</th><td className="pr-4 text-right">{r.inFile}</td><td className="pr-4 text-right">{r.add}</td><td className="text-right">{r.duplicates}</td></tr>
              ))}
            </tbody>
          </table>
          {preview.skipped.length > 0 ? (
            <ul className="list-disc pl-5 text-sm">
              {preview.skipped.map((s) => <li key={s.table}><span className="font-medium">{skippedTableLabel(s.table)} ({s.records}):</span> {s.why}</li>)}
            </ul>
          ) : null}
          <div className="flex gap-2">
            <button type="button" className={button} disabled={state.step === 'committing'} onClick={() => void commit()}>{state.step === 'committing' ? 'Moving in…' : 'Move it in'}</button>
            <button type="button" className={quiet} disabled={state.step === 'committing'} onClick={() => void abandon()}>Abandon</button>
          </div>
        </div>
      ) : null}
      {state.step === 'done' ? <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm font-medium text-green-900">{commitSummary(state.result)}</p> : null}
    </AdminSection>
  )
}
