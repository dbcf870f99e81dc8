import { useId, useState } from 'react'
import { Button } from '../../../components/button.tsx'
import { inputClass } from '../../../components/field.tsx'
import { downloadText } from '../../../lib/download.ts'
import type { CaseCatalog } from '../catalog.ts'
import { casesToJson } from '../model/case-file.ts'
import { caseFileName, casesOfScope, EXPORT_SCOPES, type ExportScope } from './case-file-model.ts'

const scopeLabels: Readonly<Record<ExportScope, string>> = {
  all: 'Every case (shipped and the practice\'s own)',
  own: 'The practice\'s own cases',
  new: 'Level: new',
  intermediate: 'Level: intermediate',
  advanced: 'Level: advanced',
}

const pad = (n: number) => String(n).padStart(2, '0')
const localToday = (now = new Date()) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`

/** Downloads the chosen cases as a case file. */
export function ExportSection({ catalog }: { catalog: CaseCatalog }) {
  const id = useId()
  const [scope, setScope] = useState<ExportScope>('own')
  const [done, setDone] = useState<string | null>(null)
  const cases = casesOfScope(catalog.cases, scope)

  const download = () => {
    const name = caseFileName(localToday())
    downloadText(name, casesToJson(cases, new Date().toISOString()), 'application/json')
    setDone(`Downloaded ${name} with ${cases.length} case${cases.length === 1 ? '' : 's'}.`)
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-2">
      <h3 id={`${id}-heading`} className="font-semibold text-brand-800">Export</h3>
      <div className="flex max-w-md flex-col gap-1">
        <label htmlFor={`${id}-scope`} className="text-sm font-medium text-slate-800">Cases to export</label>
        <select id={`${id}-scope`} className={inputClass} value={scope} onChange={(e) => { setScope(e.target.value as ExportScope); setDone(null) }}>
          {EXPORT_SCOPES.map((s) => <option key={s} value={s}>{scopeLabels[s]} ({casesOfScope(catalog.cases, s).length})</option>)}
        </select>
      </div>
      {!catalog.loaded ? <p role="status" className="text-sm">Loading the practice&apos;s cases…</p> : (
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="primary" disabled={cases.length === 0} onClick={download}>
            Download {cases.length} case{cases.length === 1 ? '' : 's'}
          </Button>
          {cases.length === 0 ? <p className="text-sm text-slate-700">No case to export in this choice.</p> : null}
        </div>
      )}
      <p role="status" className="text-sm text-green-800">{done ?? ''}</p>
    </section>
  )
}
