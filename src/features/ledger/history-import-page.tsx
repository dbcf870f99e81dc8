import { FileProblems } from '../../components/file-problems.tsx'
import { useId, useMemo, useState, type ChangeEvent } from 'react'
import { Button } from '../../components/button.tsx'
import { inputClass } from '../../components/field.tsx'
import { useStore, useStoreQuery } from '../../storage/index.ts'
import { headerCells } from './header-cells.ts'
import {
  DATE_FORMATS,
  DEFAULT_MAX_BYTES,
  detectColumns,
  FIELD_LABELS,
  parseHistoryCsv,
  toImportRow,
  type ColumnMapping,
  type DateFormat,
  type HistoryImportError,
  type HistoryParseOptions,
} from './history-import/index.ts'

const PREVIEW_ROWS = 10
const SHOWN_ERRORS = 101
type SingleField = 'patient' | 'dateOfService' | 'code' | 'units' | 'provider'
const SINGLE_FIELDS: readonly SingleField[] = ['patient', 'dateOfService', 'code', 'units', 'provider']

type ImportState =
  | { phase: 'idle' }
  | { phase: 'importing'; done: number; total: number }
  | { phase: 'done'; added: number; duplicates: number }
  | { phase: 'failed'; message: string }

interface Source { fileName: string; text: string; headers: string[] }

/** "Row N, column X: message"; file-wide problems (row 0) and the closing "…and N more" line read as they are. */
function describeError(e: HistoryImportError): string {
  if (e.row === 0 || e.message.startsWith('…')) return e.message
  return `Row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message}`
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Imports prior claim lines from a practice-management CSV export, after a preview of the mapping and rows. */
export function HistoryImportPage() {
  const store = useStore()
  const id = useId()
  const imports = useStoreQuery((s) => s.listImports(), ['imports'], [])
  const [source, setSource] = useState<Source | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [options, setOptions] = useState<{ mapping?: ColumnMapping; dateFormat?: DateFormat }>({})
  const [state, setState] = useState<ImportState>({ phase: 'idle' })

  const result = useMemo(() => {
    if (!source) return null
    const parseOptions: HistoryParseOptions = {}
    if (options.mapping) parseOptions.mapping = options.mapping
    if (options.dateFormat) parseOptions.dateFormat = options.dateFormat
    return parseHistoryCsv(source.text, parseOptions)
  }, [source, options])

  const mapping: ColumnMapping | null = source
    ? options.mapping ?? (result?.ok ? result.mapping : detectColumns(source.headers))
    : null
  const dateFormat = options.dateFormat ?? (result?.ok ? result.dateFormat : '')
  const busy = state.phase === 'importing'

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    setSource(null)
    setOptions({})
    setState({ phase: 'idle' })
    setFileError(null)
    if (!file) return
    if (file.size > DEFAULT_MAX_BYTES) {
      setFileError(`${file.name} is too large (${Math.ceil(file.size / 1024 / 1024)} MB; the limit is 60 MB). Export a shorter date range and import it in parts.`)
      return
    }
    try {
      const text = await file.text()
      setSource({ fileName: file.name, text, headers: headerCells(text) })
    } catch {
      setFileError(`${file.name} could not be read. Pick the file again.`)
    }
  }

  const changeMapping = (next: ColumnMapping) => {
    setOptions((o) => ({ ...o, mapping: next }))
    setState({ phase: 'idle' })
  }

  const runImport = async () => {
    if (!source || !result?.ok) return
    const rows = result.rows.map(toImportRow)
    setState({ phase: 'importing', done: 0, total: rows.length })
    try {
      // The file and the confirmed mapping go along: a group server parses and checks the upload itself.
      const meta = { importId: crypto.randomUUID(), fileName: source.fileName, importedAt: new Date().toISOString(), source: { text: source.text, mapping: result.mapping, dateFormat: result.dateFormat } }
      const outcome = await store.importHistory(rows, meta, (done, total) => setState({ phase: 'importing', done, total }))
      setState({ phase: 'done', ...outcome })
    } catch (err) {
      setState({ phase: 'failed', message: err instanceof Error ? err.message : String(err) })
    }
  }

  const lineCount = result?.ok ? result.rows.length : 0
  const headerName = (i: number) => source?.headers[i] || `Column ${i + 1}`

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-brand-800">Import claim history</h2>
      <p className="text-sm text-slate-700">
        Prior claim lines from your practice-management system count in each patient&apos;s frequency checks.
        Export them as CSV (patient, date of service and procedure code are required). Lines already on file are skipped.
      </p>

      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium text-slate-800">Claim history file (CSV)</label>
        <input id={`${id}-file`} type="file" accept=".csv,.txt,text/csv" disabled={busy} onChange={(e) => void onFile(e)}
          className="max-w-full text-sm file:mr-2 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:font-medium" />
      </div>
      {fileError ? <p role="alert" className="font-medium text-red-700">{fileError}</p> : null}

      {source && mapping ? (
        <form aria-label="Column mapping" onSubmit={(e) => e.preventDefault()} className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-3">
          <h3 className="font-semibold text-brand-800">Columns in {source.fileName}</h3>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {SINGLE_FIELDS.map((field) => (
              <div key={field} className="flex flex-col gap-1">
                <label htmlFor={`${id}-${field}`} className="text-sm font-medium text-slate-800">{FIELD_LABELS[field]}</label>
                <select id={`${id}-${field}`} className={inputClass} disabled={busy} value={mapping[field] ?? ''}
                  onChange={(e) => changeMapping({ ...mapping, [field]: e.target.value === '' ? null : Number(e.target.value) })}>
                  <option value="">(not in the file)</option>
                  {source.headers.map((_, i) => <option key={i} value={i}>{headerName(i)}</option>)}
                </select>
              </div>
            ))}
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-date-format`} className="text-sm font-medium text-slate-800">Date format</label>
              <select id={`${id}-date-format`} className={inputClass} disabled={busy} value={dateFormat}
                onChange={(e) => {
                  const value = e.target.value
                  setOptions((o) => {
                    const next = { ...o }
                    if (value === '') delete next.dateFormat
                    else next.dateFormat = value as DateFormat
                    return next
                  })
                  setState({ phase: 'idle' })
                }}>
                <option value="">Detect automatically</option>
                {DATE_FORMATS.map((f) => <option key={f} value={f}>{f}</option>)}
              </select>
            </div>
          </div>
          <fieldset className="flex flex-col gap-1">
            <legend className="text-sm font-medium text-slate-800">{FIELD_LABELS.modifiers} (one combined column or several)</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {source.headers.map((_, i) => (
                <label key={i} className="inline-flex items-center gap-1 text-sm">
                  <input type="checkbox" disabled={busy} checked={mapping.modifiers.includes(i)}
                    onChange={(e) => changeMapping({
                      ...mapping,
                      modifiers: e.target.checked ? [...mapping.modifiers, i].sort((a, b) => a - b) : mapping.modifiers.filter((m) => m !== i),
                    })} />
                  {headerName(i)}
                </label>
              ))}
            </div>
          </fieldset>
        </form>
      ) : null}

      {result && !result.ok ? (
        <FileProblems summary={`${source?.fileName ?? 'The file'} cannot be imported. Nothing was written. Fix the file or the column mapping:`}
          listLabel="Problems in the file" problems={result.errors.slice(0, SHOWN_ERRORS).map(describeError)} />
      ) : null}

      {result?.ok ? (
        <>
          <p role="status">{plural(result.rows.length, 'line')} read from {source?.fileName} (dates read as {result.dateFormat}).</p>
          {result.warnings.length > 0 ? (
            <div className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
              <p className="font-medium">Warnings</p>
              <ul aria-label="Warnings" className="list-disc pl-5 text-sm">
                {result.warnings.map((w, i) => <li key={i}>{w}</li>)}
              </ul>
            </div>
          ) : null}
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-sm">
              <caption className="p-2 text-left font-medium text-slate-800">
                Preview: first {Math.min(PREVIEW_ROWS, result.rows.length)} of {plural(result.rows.length, 'line')}
              </caption>
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="p-2">File row</th>
                  <th scope="col" className="p-2">Patient</th>
                  <th scope="col" className="p-2">Date of service</th>
                  <th scope="col" className="p-2">Code</th>
                  <th scope="col" className="p-2">Modifiers</th>
                  <th scope="col" className="p-2">Units</th>
                  <th scope="col" className="p-2">Provider</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.slice(0, PREVIEW_ROWS).map((r) => (
                  <tr key={r.sourceRow} className="border-b border-slate-200">
                    <td className="p-2">{r.sourceRow}</td>
                    <td className="p-2 font-mono">{r.patientId}</td>
                    <td className="p-2">{r.dateOfService}</td>
                    <td className="p-2 font-mono">{r.code}</td>
                    <td className="p-2 font-mono">{r.modifiers.join(' ') || '—'}</td>
                    <td className="p-2">{r.units}</td>
                    <td className="p-2 font-mono">{r.providerId ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {source ? (
        <div className="flex flex-col gap-2">
          <div>
            <Button variant="primary" disabled={!result?.ok || lineCount === 0 || busy} onClick={() => void runImport()}>
              Import {plural(lineCount, 'line')}
            </Button>
          </div>
          {state.phase === 'importing' ? (
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-progress`} className="text-sm font-medium">Importing {source.fileName}</label>
              <progress id={`${id}-progress`} value={state.done} max={Math.max(state.total, 1)} className="w-full max-w-md" />
            </div>
          ) : null}
          {state.phase === 'done' ? (
            <p role="status" className="font-medium text-green-800">
              Added {plural(state.added, 'line')}; {state.duplicates} {state.duplicates === 1 ? 'was' : 'were'} already on file.
            </p>
          ) : null}
          {state.phase === 'failed' ? (
            <p role="alert" className="font-medium text-red-700">The import failed and nothing was written: {state.message}</p>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby={`${id}-past`} className="flex flex-col gap-2">
        <h3 id={`${id}-past`} className="font-semibold text-brand-800">Past imports</h3>
        {!imports ? <p>Loading imports…</p> : imports.length === 0 ? <p>No claim history imported yet.</p> : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-sm">
              <caption className="sr-only">Past imports, newest first</caption>
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="p-2">File</th>
                  <th scope="col" className="p-2">Imported</th>
                  <th scope="col" className="p-2">Lines added</th>
                  <th scope="col" className="p-2">Duplicates skipped</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((i) => (
                  <tr key={i.id} className="border-b border-slate-200">
                    <td className="p-2 break-all">{i.fileName}</td>
                    <td className="p-2"><time dateTime={i.importedAt}>{new Date(i.importedAt).toLocaleString()}</time></td>
                    <td className="p-2">{i.rows}</td>
                    <td className="p-2">{i.duplicates}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  )
}
