import { useId, useState, type FormEvent } from 'react'
import { Button } from '../../../components/button.tsx'
import { FileProblems } from '../../../components/file-problems.tsx'
import { codeCatalog } from '../../../domain/index.ts'
import { parseCoverageArticles, type CoverageParseError } from '../../../domain/coverage/index.ts'
import { useStore, type CoverageArticleRecord } from '../../../storage/index.ts'
import { describeRowError, fileInputClass, plural, SHOWN_ERRORS } from './shared.ts'

/** The procedure codes the app bills: an article listing none of them is left out of the import. */
const APP_CODES: ReadonlySet<string> = new Set([...codeCatalog.values()].filter((c) => c.family !== undefined).map((c) => c.code))

type Outcome = { kind: 'saved'; text: string; warnings: string[] } | { kind: 'errors'; errors: CoverageParseError[] } | { kind: 'failed'; text: string }

/** Loads the MCD article download (several CSV files at once), all or nothing. */
export function CoverageImport() {
  const store = useStore()
  const id = useId()
  const [files, setFiles] = useState<File[]>([])
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setOutcome(null)
    if (files.length === 0) { setOutcome({ kind: 'failed', text: 'Choose the article files first. Nothing was saved.' }); return }
    setBusy(true)
    try {
      const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })))
      const parsed = parseCoverageArticles(texts, { keepHcpcs: APP_CODES })
      if (!parsed.ok) { setOutcome({ kind: 'errors', errors: parsed.errors }); return }
      if (parsed.articles.length === 0) { setOutcome({ kind: 'failed', text: 'None of the articles in these files lists a code this app bills. Nothing was saved.' }); return }
      const loadedAt = new Date().toISOString()
      const records: CoverageArticleRecord[] = parsed.articles.map((article) => ({ article, loadedAt, fileNames: files.map((f) => f.name) }))
      await store.saveCoverageArticles(records, texts)
      setOutcome({ kind: 'saved', text: `Loaded ${plural(records.length, 'article')}: ${records.map((r) => r.article.articleId).join(', ')}.`, warnings: parsed.warnings })
    } catch (err) {
      setOutcome({ kind: 'failed', text: `The articles could not be loaded, so nothing was saved: ${err instanceof Error ? err.message : String(err)}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-3">
      <h4 id={`${id}-title`} className="font-semibold text-brand-800">Load Medicare billing articles</h4>
      <p className="text-sm text-slate-700">
        Choose the CSV files of the Medicare Coverage Database article download together (article.csv, article_x_hcpc_code.csv,
        article_x_icd10_covered.csv, article_x_icd10_covered_group.csv). Only articles listing a code this app bills are kept.
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-files`} className="text-sm font-medium text-slate-800">Article download files (CSV)</label>
        <input id={`${id}-files`} type="file" multiple accept=".csv,text/csv" disabled={busy} className={fileInputClass}
          onChange={(e) => { setFiles([...(e.target.files ?? [])]); setOutcome(null) }} />
      </div>
      <div><Button type="submit" variant="primary" disabled={busy}>Load articles</Button></div>
      {outcome?.kind === 'saved' ? (
        <div>
          <p role="status" className="font-medium text-green-800">{outcome.text}</p>
          {outcome.warnings.length > 0 ? (
            <ul aria-label="Article warnings" className="mt-1 list-disc pl-5 text-sm text-amber-900">
              {outcome.warnings.map((w, i) => <li key={i}>{w}</li>)}
            </ul>
          ) : null}
        </div>
      ) : null}
      {outcome?.kind === 'errors' ? (
        <FileProblems summary="The article files cannot be loaded. Nothing was saved. Fix the files or pick the right ones:" listLabel="Problems in the article files"
          problems={outcome.errors.slice(0, SHOWN_ERRORS).map(describeRowError)} more={outcome.errors.length - SHOWN_ERRORS} />
      ) : null}
      {outcome?.kind === 'failed' ? <p role="alert" className="font-medium text-red-700">{outcome.text}</p> : null}
    </form>
  )
}
