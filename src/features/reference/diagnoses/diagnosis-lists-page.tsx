import { useId, useState } from 'react'
import { useChangeRefusal } from '../../../lib/change-rights.ts'
import { useStoreQuery } from '../../../storage/index.ts'
import { CoverageChoices } from './coverage-choices.tsx'
import { CoverageImport } from './coverage-import.tsx'
import { Icd10Section } from './icd10-section.tsx'
import { localToday } from './shared.ts'

/** The ICD-10-CM code sets and the Medicare billing articles the worksheet checks diagnoses against. */
export function DiagnosisListsPage({ today: given }: { today?: string } = {}) {
  const id = useId()
  const [today] = useState(() => given ?? localToday())
  const articles = useStoreQuery((s) => s.listCoverageArticles(), ['coverageArticles'], [])
  const settings = useStoreQuery((s) => s.getCoverageSettings(), ['coverageSettings'], [])
  const refusal = useChangeRefusal('reference-files')

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-brand-800">Diagnosis lists</h2>
      <p className="text-sm text-slate-700">
        The worksheet checks diagnoses against the ICD-10-CM code set in force on the date of service and against the Medicare
        billing articles the practice follows. Download them from cms.gov and load them here; they stay in this browser.
      </p>
      {refusal ? <p role="note" className="rounded border border-slate-300 bg-slate-50 p-2 text-sm text-slate-800">{refusal}</p> : null}
      <Icd10Section today={today} />
      <section aria-labelledby={`${id}-coverage`} className="flex flex-col gap-3">
        <h3 id={`${id}-coverage`} className="font-semibold text-brand-800">Coverage articles</h3>
        {refusal ? null : <CoverageImport />}
        {!articles || !settings ? <p>Loading articles…</p> : articles.length === 0
          ? <p>No billing article is loaded yet; diagnoses are compared with inferred groups only.</p>
          : <CoverageChoices articles={articles} settings={settings} />}
      </section>
    </section>
  )
}
