import { useId, useState, type FormEvent } from 'react'
import { Button } from '../../../components/button.tsx'
import { inputClass } from '../../../components/field.tsx'
import { FileProblems } from '../../../components/file-problems.tsx'
import { fiscalYearOf, parseIcd10OrderFile, type Icd10ReleaseKind } from '../../../domain/icd10/index.ts'
import { useChangeRefusal } from '../../../lib/change-rights.ts'
import { icd10ReleaseRecord, useStore, useStoreQuery } from '../../../storage/index.ts'
import { describeRowError, fileInputClass, loadedByAnotherPractice, localToday, plural, SHOWN_ERRORS } from './shared.ts'

type Outcome = { kind: 'saved'; text: string } | { kind: 'errors'; fileName: string; errors: { row: number; column?: string; message: string }[] } | { kind: 'failed'; text: string }

const RELEASE_NAME: Record<Icd10ReleaseKind, string> = { october: 'October release', april: 'April update' }

/** Loads a CMS ICD-10-CM order file for a fiscal year (all or nothing) and lists the loaded releases. */
export function Icd10Section({ today }: { today: string }) {
  const store = useStore()
  const id = useId()
  const [fiscalYear, setFiscalYear] = useState(() => String(fiscalYearOf(today)))
  const [release, setRelease] = useState<Icd10ReleaseKind>('october')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const releases = useStoreQuery((s) => s.listIcd10Releases(), ['icd10'], [])
  const mayChange = useChangeRefusal('reference-files') === null

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setOutcome(null)
    const year = Number(fiscalYear.trim())
    if (!/^\d{4}$/.test(fiscalYear.trim())) { setOutcome({ kind: 'failed', text: `'${fiscalYear}' is not a fiscal year. Write it like ${fiscalYearOf(today)}. Nothing was saved.` }); return }
    if (!file) { setOutcome({ kind: 'failed', text: 'Choose the order file first. Nothing was saved.' }); return }
    setBusy(true)
    try {
      const text = await file.text()
      const parsed = parseIcd10OrderFile(text, { fiscalYear: year, release })
      if (!parsed.ok) { setOutcome({ kind: 'errors', fileName: file.name, errors: parsed.errors }); return }
      const record = icd10ReleaseRecord(parsed.release, file.name, new Date().toISOString())
      await store.saveIcd10Release(record, [{ name: file.name, text }])
      setOutcome({ kind: 'saved', text: `Loaded FY${year} ${RELEASE_NAME[release]}: ${plural(record.codeCount, 'code')}, for dates of service ${record.effectiveFrom} to ${record.effectiveTo}.` })
    } catch (err) {
      setOutcome({ kind: 'failed', text: `The code set could not be loaded, so nothing was saved: ${err instanceof Error ? err.message : String(err)}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <h3 id={`${id}-heading`} className="font-semibold text-brand-800">ICD-10-CM code sets</h3>
      {mayChange ? (
        <form aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-3">
          <h4 id={`${id}-title`} className="font-semibold text-brand-800">Load an ICD-10-CM order file</h4>
          <div className="flex flex-wrap gap-4">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-year`} className="text-sm font-medium text-slate-800">Fiscal year (October 1 to September 30)</label>
              <input id={`${id}-year`} className={`${inputClass} max-w-[8rem]`} inputMode="numeric" value={fiscalYear} disabled={busy} autoComplete="off"
                onChange={(e) => setFiscalYear(e.target.value)} />
            </div>
            <fieldset className="flex flex-col gap-1">
              <legend className="text-sm font-medium text-slate-800">Release</legend>
              {(['october', 'april'] as const).map((k) => (
                <label key={k} className="flex items-center gap-2 text-sm">
                  <input type="radio" name={`${id}-release`} value={k} checked={release === k} disabled={busy} onChange={() => setRelease(k)} />
                  {RELEASE_NAME[k]}
                </label>
              ))}
            </fieldset>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-file`} className="text-sm font-medium text-slate-800">Order file (icd10cm_order_YYYY.txt)</label>
            <input id={`${id}-file`} type="file" accept=".txt,text/plain" disabled={busy} className={fileInputClass}
              onChange={(e) => { setFile(e.target.files?.[0] ?? null); setOutcome(null) }} />
          </div>
          <div><Button type="submit" variant="primary" disabled={busy}>Load code set</Button></div>
          {outcome?.kind === 'saved' ? <p role="status" className="font-medium text-green-800">{outcome.text}</p> : null}
          {outcome?.kind === 'errors' ? (
            <FileProblems summary={`${outcome.fileName} cannot be loaded. Nothing was saved. Fix the file or pick the right one:`} listLabel="Problems in the order file"
              problems={outcome.errors.slice(0, SHOWN_ERRORS).map(describeRowError)} more={outcome.errors.length - SHOWN_ERRORS} />
          ) : null}
          {outcome?.kind === 'failed' ? <p role="alert" className="font-medium text-red-700">{outcome.text}</p> : null}
        </form>
      ) : null}
      {!releases ? <p>Loading code sets…</p> : releases.length === 0 ? <p>No ICD-10-CM code set is loaded yet; diagnoses are checked for their format only.</p> : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">Loaded ICD-10-CM code sets, newest first</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">Fiscal year</th>
                <th scope="col" className="p-2">Release</th>
                <th scope="col" className="p-2">Covers</th>
                <th scope="col" className="p-2">Loaded</th>
                <th scope="col" className="p-2">Codes</th>
                <th scope="col" className="p-2">File</th>
                {mayChange ? <th scope="col" className="p-2"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {releases.map((r) => (
                <tr key={r.id} className="border-b border-slate-200">
                  <td className="p-2">FY{r.fiscalYear}</td>
                  <td className="p-2">{RELEASE_NAME[r.release]}</td>
                  <td className="p-2">{r.effectiveFrom} to {r.effectiveTo}</td>
                  <td className="p-2">
                    {r.group ? <>Loaded for the whole group by {r.group.byName ?? 'another practice on this server'} on </> : null}
                    <time dateTime={r.loadedAt}>{localToday(new Date(r.loadedAt))}</time>
                  </td>
                  <td className="p-2">{r.codeCount.toLocaleString('en-US')}</td>
                  <td className="p-2 break-all">{r.fileName}</td>
                  {mayChange ? (
                    <td className="p-2">
                      {loadedByAnotherPractice(r) ? null : <Button size="sm" onClick={() => void store.deleteIcd10Release(r.id)} aria-label={`Remove FY${r.fiscalYear} ${RELEASE_NAME[r.release]}`}>Remove</Button>}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
