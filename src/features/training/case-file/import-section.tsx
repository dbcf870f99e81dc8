import { useId, useMemo, useState, type ChangeEvent } from 'react'
import { Button } from '../../../components/button.tsx'
import { FileProblems } from '../../../components/file-problems.tsx'
import { useCurrentUser } from '../../../lib/current-user.tsx'
import { useStore } from '../../../storage/index.ts'
import { isShippedCaseId, type CaseCatalog } from '../catalog.ts'
import { MAX_CASE_FILE_CHARS, parseCaseFile } from '../model/case-file.ts'
import { buildImportPreview, importRecords, importSummary, type ImportPreview } from './case-file-model.ts'
import { ImportPreviewTable } from './import-preview-table.tsx'

type FileState =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string }
  | { phase: 'refused'; fileName: string; problems: string[] }
  | { phase: 'read'; fileName: string; result: Extract<ReturnType<typeof parseCaseFile>, { ok: true }> }

type SaveState = { phase: 'idle' } | { phase: 'storing' } | { phase: 'stored'; message: string } | { phase: 'failed'; message: string }

/** Imports a case file (supervisors): read, preview, then store every case in one step or none. */
export function ImportSection({ catalog }: { catalog: CaseCatalog }) {
  const id = useId()
  const store = useStore()
  const { user } = useCurrentUser()
  const [file, setFile] = useState<FileState>({ phase: 'idle' })
  const [save, setSave] = useState<SaveState>({ phase: 'idle' })

  const ownTitles = useMemo(() => new Map(catalog.cases.filter((c) => c.source === 'library').map((c) => [c.case.id, c.case.title])), [catalog.cases])
  // Once stored, the preview keeps describing what was imported, not the library after the import.
  const [storedPreview, setStoredPreview] = useState<ImportPreview | null>(null)
  const livePreview = useMemo(
    () => (file.phase === 'read' ? buildImportPreview(file.result.cases, file.result.staleKeys, isShippedCaseId, ownTitles) : null),
    [file, ownTitles],
  )
  const preview = storedPreview ?? livePreview

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0]
    setSave({ phase: 'idle' })
    setStoredPreview(null)
    if (!picked) { setFile({ phase: 'idle' }); return }
    if (picked.size > MAX_CASE_FILE_CHARS * 4) { setFile({ phase: 'refused', fileName: picked.name, problems: ['The file is far larger than a case file; pick the .json file the app exported.'] }); return }
    setFile({ phase: 'reading', fileName: picked.name })
    let text: string
    try {
      text = await picked.text()
    } catch {
      setFile({ phase: 'refused', fileName: picked.name, problems: ['The file could not be read. Pick it again.'] })
      return
    }
    const result = parseCaseFile(text)
    setFile(result.ok ? { phase: 'read', fileName: picked.name, result } : { phase: 'refused', fileName: picked.name, problems: result.problems })
  }

  const importAll = async () => {
    if (!preview || preview.shippedClashes.length > 0) return
    const createdAt = new Map(catalog.cases.flatMap((c) => (c.record ? [[c.record.id, c.record.createdAt] as const] : [])))
    setSave({ phase: 'storing' })
    try {
      await (await store.training()).savePracticeCases(importRecords(preview, user, new Date().toISOString(), (caseId) => createdAt.get(caseId)))
      setStoredPreview(preview)
      setSave({ phase: 'stored', message: importSummary(preview) })
    } catch (error) {
      setSave({ phase: 'failed', message: `Nothing was imported: ${error instanceof Error ? error.message : String(error)}` })
    }
  }

  const busy = file.phase === 'reading' || save.phase === 'storing'
  const count = preview?.rows.length ?? 0

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <h3 id={`${id}-heading`} className="font-semibold text-brand-800">Import</h3>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium text-slate-800">Case file (JSON)</label>
        <input id={`${id}-file`} type="file" accept=".json,application/json" disabled={busy} aria-describedby={`${id}-hint`}
          onClick={(e) => { e.currentTarget.value = '' }} onChange={(e) => void onFile(e)}
          className="max-w-full text-sm file:mr-2 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:font-medium" />
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          A practice-cases-….json file exported by this app. Cases whose id the practice already has replace that case.
        </p>
      </div>

      {file.phase === 'reading' ? <p role="status" aria-busy="true">Reading {file.fileName}…</p> : null}
      {file.phase === 'refused' ? (
        <FileProblems summary={`${file.fileName} cannot be imported. Nothing was stored.`} listLabel="Problems in the file" problems={file.problems} />
      ) : null}

      {file.phase === 'read' && preview ? (
        <section aria-label={`Preview of ${file.fileName}`} className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-3">
          <h4 className="font-semibold text-brand-800">Preview of {file.fileName}</h4>
          {preview.shippedClashes.length > 0 ? (
            <FileProblems
              summary={`${file.fileName} cannot be imported: ${preview.shippedClashes.length === 1 ? 'a case uses the id of a case' : `${preview.shippedClashes.length} cases use the ids of cases`} that ship${preview.shippedClashes.length === 1 ? 's' : ''} with the app. Nothing was stored. Change the id of each case named below in the file (for example, add your practice's initials in front) and import it again.`}
              listLabel="Cases with a shipped case's id"
              problems={preview.shippedClashes.map((caseId) => `${caseId} is the id of a case that ships with the app`)}
            />
          ) : <p className="text-sm">Nothing is stored until you choose &ldquo;Import {count} case{count === 1 ? '' : 's'}&rdquo;.</p>}
          <ImportPreviewTable rows={preview.rows} fileName={file.fileName} />
          {preview.shippedClashes.length === 0 ? (
            <div>
              <Button variant="primary" disabled={busy || save.phase === 'stored'} onClick={() => void importAll()}>
                Import {count} case{count === 1 ? '' : 's'}
              </Button>
            </div>
          ) : null}
          {save.phase === 'storing' ? <p role="status">Importing…</p> : null}
          {save.phase === 'stored' ? <p role="status" className="font-medium text-green-800">{save.message}</p> : null}
          {save.phase === 'failed' ? <p role="alert" className="font-medium text-red-700">{save.message}</p> : null}
        </section>
      ) : null}
    </section>
  )
}
