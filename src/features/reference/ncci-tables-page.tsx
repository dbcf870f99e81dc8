import { FileProblems } from '../../components/file-problems.tsx'
import { useId, useState, type FormEvent } from 'react'
import { Button } from '../../components/button.tsx'
import { inputClass } from '../../components/field.tsx'
import {
  mergePtpTables, parseMueFile, parsePtpFile, quarterBounds, quarterOf,
  type NcciParseError, type ParseResult, type PtpTable,
} from '../../domain/ncci/index.ts'
import { useChangeRefusal } from '../../lib/change-rights.ts'
import { loadedByAnotherPractice } from './diagnoses/shared.ts'
import { useStore, useStoreQuery, type NcciTableInfo, type NcciTableRecord } from '../../storage/index.ts'

type Kind = 'mue' | 'ptp'
const KIND_NAME: Record<Kind, string> = { mue: 'MUE', ptp: 'PTP' }
const SHOWN_ERRORS = 100
const DAY_MS = 86_400_000

/** Today's local date, ISO. */
function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** "Row N, column X: message"; file-wide problems (row 0) read as they are. */
function describeError(e: NcciParseError): string {
  if (e.row === 0) return e.message
  return `Row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message}`
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`

function covers(t: NcciTableInfo, date: string): boolean {
  return t.effectiveFrom <= date && (t.effectiveTo === null || date <= t.effectiveTo)
}

function ageText(loadedAt: string, today: string): string {
  const days = Math.max(0, Math.round((Date.parse(today) - Date.parse(localToday(new Date(loadedAt)))) / DAY_MS))
  return days === 0 ? 'loaded today' : `loaded ${plural(days, 'day')} ago`
}

const ptpCount = (t: PtpTable) => { let n = 0; for (const e of t.edits.values()) n += e.length; return n }

type Outcome = { kind: 'saved'; text: string; warnings: string[] } | { kind: 'errors'; fileName: string; errors: NcciParseError[] } | { kind: 'failed'; text: string }

/** One form: a kind of table, its quarter and its file(s). */
function LoadForm({ kind, today }: { kind: Kind; today: string }) {
  const store = useStore()
  const id = useId()
  const [quarter, setQuarter] = useState(() => quarterOf(today))
  const [files, setFiles] = useState<File[]>([])
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const name = KIND_NAME[kind]
  const fileLabel = kind === 'mue' ? 'Practitioner MUE file (CSV)' : 'Practitioner PTP files (one or more .txt parts)'

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setOutcome(null)
    let bounds: { from: string; to: string }
    try { bounds = quarterBounds(quarter.trim().toUpperCase()) } catch {
      setOutcome({ kind: 'failed', text: `'${quarter}' is not a quarter. Write it like ${quarterOf(today)}. Nothing was saved.` })
      return
    }
    if (files.length === 0) { setOutcome({ kind: 'failed', text: `Choose the ${name} file first. Nothing was saved.` }); return }
    const q = quarter.trim().toUpperCase()
    const meta = { quarter: q, effectiveFrom: bounds.from, effectiveTo: bounds.to }
    setBusy(true)
    try {
      const texts = await Promise.all(files.map((f) => f.text()))
      const base = { id: `${kind}:${q}`, quarter: q, effectiveFrom: bounds.from, effectiveTo: bounds.to, loadedAt: new Date().toISOString(), fileNames: files.map((f) => f.name) }
      let record: NcciTableRecord
      let warnings: string[]
      if (kind === 'mue') {
        const parsed = parseMueFile(texts[0] ?? '', meta)
        if (!parsed.ok) { setOutcome({ kind: 'errors', fileName: files[0]?.name ?? '', errors: parsed.errors }); return }
        record = { ...base, kind: 'mue', entryCount: parsed.table.entries.size, table: parsed.table }
        warnings = parsed.warnings
      } else {
        const parts: PtpTable[] = []
        warnings = []
        for (const [i, text] of texts.entries()) {
          const parsed: ParseResult<PtpTable> = parsePtpFile(text, meta)
          if (!parsed.ok) { setOutcome({ kind: 'errors', fileName: files[i]?.name ?? '', errors: parsed.errors }); return }
          parts.push(parsed.table)
          warnings.push(...parsed.warnings)
        }
        const merged = mergePtpTables(parts)
        if (!merged.ok) { setOutcome({ kind: 'errors', fileName: files.map((f) => f.name).join(', '), errors: merged.errors }); return }
        warnings.push(...merged.warnings)
        record = { ...base, kind: 'ptp', entryCount: ptpCount(merged.table), table: merged.table }
      }
      await store.saveNcciTable(record, files.map((f, i) => ({ name: f.name, text: texts[i] ?? '' })))
      setOutcome({ kind: 'saved', text: `Loaded ${q} ${name}: ${plural(record.entryCount, kind === 'mue' ? 'code' : 'edit')}`, warnings })
    } catch (err) {
      setOutcome({ kind: 'failed', text: `The ${name} table could not be loaded, so nothing was saved: ${err instanceof Error ? err.message : String(err)}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-3">
      <h3 id={`${id}-title`} className="font-semibold text-brand-800">Load a practitioner {name} table</h3>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-quarter`} className="text-sm font-medium text-slate-800">{name} quarter (YYYYQn)</label>
        <input id={`${id}-quarter`} className={`${inputClass} max-w-[10rem]`} value={quarter} disabled={busy} autoComplete="off"
          onChange={(e) => setQuarter(e.target.value)} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium text-slate-800">{fileLabel}</label>
        <input id={`${id}-file`} type="file" multiple={kind === 'ptp'} accept={kind === 'mue' ? '.csv,text/csv' : '.txt,text/plain'} disabled={busy}
          onChange={(e) => { setFiles([...(e.target.files ?? [])]); setOutcome(null) }}
          className="max-w-full text-sm file:mr-2 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:font-medium" />
      </div>
      <div><Button type="submit" variant="primary" disabled={busy}>Load {name} table</Button></div>
      {outcome?.kind === 'saved' ? (
        <div>
          <p role="status" className="font-medium text-green-800">{outcome.text}</p>
          {outcome.warnings.length > 0 ? (
            <ul aria-label={`${name} warnings`} className="mt-1 list-disc pl-5 text-sm text-amber-900">
              {outcome.warnings.map((w, i) => <li key={i}>{w}</li>)}
            </ul>
          ) : null}
        </div>
      ) : null}
      {outcome?.kind === 'errors' ? (
        <FileProblems summary={`${outcome.fileName} cannot be loaded. Nothing was saved. Fix the file or pick the right one:`} listLabel={`Problems in the ${name} file`}
          problems={outcome.errors.slice(0, SHOWN_ERRORS).map(describeError)} more={outcome.errors.length - SHOWN_ERRORS} />
      ) : null}
      {outcome?.kind === 'failed' ? <p role="alert" className="font-medium text-red-700">{outcome.text}</p> : null}
    </form>
  )
}

/** Loads the CMS practitioner MUE and PTP tables of a quarter, and lists what is loaded. */
export function NcciTablesPage({ today: given }: { today?: string } = {}) {
  const store = useStore()
  const id = useId()
  const [today] = useState(() => given ?? localToday())
  const tables = useStoreQuery((s) => s.listNcciTables(), ['ncci'], [])
  const refusal = useChangeRefusal('reference-files')
  const missing = tables ? (['mue', 'ptp'] as const).filter((k) => !tables.some((t) => t.kind === k && covers(t, today))) : []

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-brand-800">NCCI tables</h2>
      <p className="text-sm text-slate-700">
        The worksheet checks unit caps (MUE) and code-pair bundling (PTP) against the CMS practitioner tables of the quarter
        of the date of service. Download them from cms.gov each quarter and load them here; they stay in this browser.
      </p>
      {refusal ? <p role="note" className="rounded border border-slate-300 bg-slate-50 p-2 text-sm text-slate-800">{refusal}</p> : null}
      {missing.length > 0 ? (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {missing.map((k) => (
            <p key={k}>No loaded {KIND_NAME[k]} table covers today; findings will say {KIND_NAME[k]} edits were not checked.</p>
          ))}
        </div>
      ) : null}
      {refusal ? null : (
        <div className="grid gap-4 lg:grid-cols-2">
          <LoadForm kind="mue" today={today} />
          <LoadForm kind="ptp" today={today} />
        </div>
      )}
      <section aria-labelledby={`${id}-loaded`} className="flex flex-col gap-2">
        <h3 id={`${id}-loaded`} className="font-semibold text-brand-800">Loaded tables</h3>
        {!tables ? <p>Loading tables…</p> : tables.length === 0 ? <p>No NCCI table is loaded yet.</p> : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-sm">
              <caption className="sr-only">Loaded NCCI tables, newest quarter first</caption>
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="p-2">Kind</th>
                  <th scope="col" className="p-2">Quarter</th>
                  <th scope="col" className="p-2">Covers</th>
                  <th scope="col" className="p-2">Loaded</th>
                  <th scope="col" className="p-2">Entries</th>
                  <th scope="col" className="p-2">Files</th>
                  {refusal ? null : <th scope="col" className="p-2"><span className="sr-only">Actions</span></th>}
                </tr>
              </thead>
              <tbody>
                {tables.map((t) => (
                  <tr key={t.id} className="border-b border-slate-200">
                    <td className="p-2">{KIND_NAME[t.kind]}</td>
                    <td className="p-2">{t.quarter}</td>
                    <td className="p-2">{t.effectiveFrom} to {t.effectiveTo ?? 'until replaced'}</td>
                    <td className="p-2">
                      {t.group ? <>Loaded for the whole group by {t.group.byName ?? 'another practice on this server'} on </> : null}
                      <time dateTime={t.loadedAt}>{localToday(new Date(t.loadedAt))}</time> ({ageText(t.loadedAt, today)})
                    </td>
                    <td className="p-2">{t.entryCount.toLocaleString('en-US')}</td>
                    <td className="p-2 break-all">{t.fileNames.join(', ')}</td>
                    {refusal ? null : (
                      <td className="p-2">
                        {loadedByAnotherPractice(t) ? null : <Button size="sm" onClick={() => void store.deleteNcciTable(t.id)} aria-label={`Remove ${t.quarter} ${KIND_NAME[t.kind]}`}>Remove</Button>}
                      </td>
                    )}
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
