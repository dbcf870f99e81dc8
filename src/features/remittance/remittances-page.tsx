import { FileProblems } from '../../components/file-problems.tsx'
import { useId, useMemo, useState, type ChangeEvent } from 'react'
import { Button } from '../../components/button.tsx'
import { inputClass } from '../../components/field.tsx'
import {
  DEFAULT_MAX_BYTES,
  matchRemittance,
  parseRemittanceFile,
  type ControlNumberStrategy,
  type Remittance,
} from '../../domain/remittance/index.ts'
import { useCurrentUser } from '../../lib/current-user.tsx'
import { useStore, useStoreQuery } from '../../storage/index.ts'
import type { RemittanceImportRecord } from '../../storage/types.ts'
import { ImportedFiles } from './imported-files.tsx'
import {
  buildImportRecord,
  CONTROL_NUMBER_OPTIONS,
  DEFAULT_CONTROL_NUMBER,
  describeParseError,
  megabytes,
  repeatedPayments,
  summarize,
  toEncountersForMatching,
} from './model.ts'
import { RemittancePreview } from './remittance-preview.tsx'

export interface RemittancesPageProps {
  /** Opens the insights (after an import, to see the denials). */
  onOpenInsights: () => void
}

type FileState =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string }
  | { phase: 'refused'; fileName: string; errors: string[] }
  | { phase: 'read'; fileName: string; text: string; remittances: Remittance[]; warnings: string[] }

type SaveState =
  | { phase: 'idle' }
  | { phase: 'storing' }
  | { phase: 'stored'; record: RemittanceImportRecord }
  | { phase: 'failed'; message: string }

/** Lets the "reading" state paint before a large file is parsed on the main thread. */
const nextFrame = () => new Promise<void>((resolve) => { setTimeout(resolve, 0) })

/** Imports X12 835 remittance files: parse, preview the payments, matches and denials, then store. */
export function RemittancesPage({ onOpenInsights }: RemittancesPageProps) {
  const store = useStore()
  const { user } = useCurrentUser()
  const id = useId()
  const encounters = useStoreQuery((s) => s.listAllEncounters(), ['encounters'], [])
  const [file, setFile] = useState<FileState>({ phase: 'idle' })
  const [strategy, setStrategy] = useState<ControlNumberStrategy>(DEFAULT_CONTROL_NUMBER)
  const [save, setSave] = useState<SaveState>({ phase: 'idle' })

  const forMatching = useMemo(() => (encounters ? toEncountersForMatching(encounters) : null), [encounters])
  const byId = useMemo(() => new Map((forMatching ?? []).map((e) => [e.id, e])), [forMatching])
  const match = useMemo(
    () => (file.phase === 'read' && forMatching ? matchRemittance(file.remittances, forMatching, { controlNumber: strategy }) : null),
    [file, forMatching, strategy],
  )

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0]
    setSave({ phase: 'idle' })
    if (!picked) { setFile({ phase: 'idle' }); return }
    if (picked.size > DEFAULT_MAX_BYTES) {
      setFile({ phase: 'refused', fileName: picked.name, errors: [`The file is ${megabytes(picked.size)}; the limit is ${megabytes(DEFAULT_MAX_BYTES)}. Ask the payer or clearinghouse for smaller files (one per payment).`] })
      return
    }
    setFile({ phase: 'reading', fileName: picked.name })
    let text: string
    try {
      text = await picked.text()
    } catch {
      setFile({ phase: 'refused', fileName: picked.name, errors: ['The file could not be read. Pick it again.'] })
      return
    }
    await nextFrame()
    const result = parseRemittanceFile(text, { maxBytes: DEFAULT_MAX_BYTES })
    if (!result.ok) { setFile({ phase: 'refused', fileName: picked.name, errors: result.errors.map(describeParseError) }); return }
    const repeated = repeatedPayments(result.remittances)
    if (repeated.length > 0) { setFile({ phase: 'refused', fileName: picked.name, errors: repeated }); return }
    setFile({ phase: 'read', fileName: picked.name, text, remittances: result.remittances, warnings: result.warnings })
  }

  const storeIt = async () => {
    if (file.phase !== 'read' || !match) return
    const record = buildImportRecord({
      id: crypto.randomUUID(), fileName: file.fileName, importedAt: new Date().toISOString(), user, remittances: file.remittances, match,
    })
    setSave({ phase: 'storing' })
    try {
      await store.importRemittance(record, { text: file.text, controlNumber: strategy })
      setSave({ phase: 'stored', record })
    } catch (error) {
      setSave({ phase: 'failed', message: error instanceof Error ? error.message : String(error) })
    }
  }

  const busy = file.phase === 'reading' || save.phase === 'storing'

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-brand-800">Remittances (835)</h2>
      <p className="text-sm text-slate-700">
        Import the electronic remittance advice (X12 835) your payers or clearinghouse send. Denied lines are matched to the
        encounters finalized here and grouped by why they were denied, for the denial insights.
      </p>

      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium text-slate-800">Remittance file (835)</label>
        <input id={`${id}-file`} type="file" accept=".835,.txt,.edi,.x12,text/plain" disabled={busy} aria-describedby={`${id}-file-hint`}
          onClick={(e) => { e.currentTarget.value = '' }} onChange={(e) => void onFile(e)}
          className="max-w-full text-sm file:mr-2 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:font-medium" />
        <p id={`${id}-file-hint`} className="text-xs text-slate-600">
          Usually named .835, .edi, .x12 or .txt; any name is accepted, the content decides. Up to {megabytes(DEFAULT_MAX_BYTES)}.
        </p>
      </div>

      {file.phase === 'reading' ? <p role="status" aria-busy="true">Reading {file.fileName}…</p> : null}

      {file.phase === 'refused' ? (
        <FileProblems summary={`${file.fileName} cannot be imported. Nothing was stored.`} listLabel="Problems in the file" problems={file.errors} />
      ) : null}

      {file.phase === 'read' ? (
        <section aria-label={`Preview of ${file.fileName}`} className="flex flex-col gap-4 rounded border border-slate-300 bg-white p-3">
          <h3 className="font-semibold text-brand-800">Preview of {file.fileName}</h3>
          <p className="text-sm">Nothing is stored until you choose &ldquo;Store this remittance&rdquo;.</p>
          {file.warnings.length > 0 ? (
            <div className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
              <p className="font-medium">Warnings</p>
              <ul aria-label="Warnings" className="list-disc pl-5 text-sm">
                {file.warnings.map((w, i) => <li key={i}>{w}</li>)}
              </ul>
            </div>
          ) : null}
          <div className="flex max-w-2xl flex-col gap-1">
            <label htmlFor={`${id}-strategy`} className="text-sm font-medium text-slate-800">What your claims send as the claim number (CLP01)</label>
            <select id={`${id}-strategy`} className={inputClass} value={strategy} disabled={busy || save.phase === 'stored'} aria-describedby={`${id}-strategy-hint`}
              onChange={(e) => { setStrategy(e.target.value as ControlNumberStrategy); setSave({ phase: 'idle' }) }}>
              {CONTROL_NUMBER_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
            <p id={`${id}-strategy-hint`} className="text-xs text-slate-600">
              The payer returns the claim number your practice-management system sent in CLM01 of the claim. This app cannot
              see how that system fills it: choose what it sends, or ask whoever set up your claim submission.
            </p>
          </div>
          {!match ? <p role="status">Loading finalized encounters…</p> : (
            <>
              <RemittancePreview remittances={file.remittances} match={match} encounters={byId} />
              <div>
                <Button variant="primary" disabled={busy || save.phase === 'stored'} onClick={() => void storeIt()}>Store this remittance</Button>
              </div>
            </>
          )}
          {save.phase === 'storing' ? <p role="status">Storing {file.fileName}…</p> : null}
          {save.phase === 'stored' ? (
            <div className="flex flex-wrap items-center gap-3">
              <p role="status" className="font-medium text-green-800">Stored {save.record.fileName}: {summarize(save.record)}.</p>
              <Button onClick={onOpenInsights}>See denial insights</Button>
            </div>
          ) : null}
          {save.phase === 'failed' ? <p role="alert" className="font-medium text-red-700">{save.message}</p> : null}
        </section>
      ) : null}

      <ImportedFiles />
    </section>
  )
}
