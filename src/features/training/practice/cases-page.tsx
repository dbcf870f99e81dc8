import { useId, useMemo, useState } from 'react'
import { inputClass } from '../../../components/field.tsx'
import { PROCEDURE_TYPES, familyLabels, type Family } from '../../../domain/vocabulary.ts'
import { CASE_LEVELS } from '../../../domain/training/types.ts'
import { useCurrentUser } from '../../../lib/current-user.tsx'
import { useStoreQuery } from '../../../storage/index.ts'
import { useCaseCatalog } from '../catalog.ts'
import { trainingHref } from '../routes.ts'
import { levelLabels, levelMeanings } from '../level-labels.ts'
import { bestByCase, filterCases, NO_CASE_FILTERS, type CaseFilters } from './cases-model.ts'

/** The practice cases by level, with the current user's attempts and best score on each. */
export function PracticeCasesPage() {
  const id = useId()
  const { user } = useCurrentUser()
  const catalog = useCaseCatalog()
  const attempts = useStoreQuery(async (s) => (user ? (await s.training()).listAttempts(user.id) : []), ['attempts'], [user?.id])
  const best = useMemo(() => bestByCase(attempts ?? []), [attempts])
  const [filters, setFilters] = useState<CaseFilters>(NO_CASE_FILTERS)
  const shown = useMemo(() => filterCases(catalog.cases, filters, best), [catalog.cases, filters, best])
  const supervisor = user?.role === 'supervisor'
  const set = (patch: Partial<CaseFilters>) => setFilters((f) => ({ ...f, ...patch }))

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-h`} className="text-xl font-semibold text-brand-800">Practice cases</h2>
        {supervisor ? <a className="text-sm font-medium text-brand-800 underline" href={trainingHref({ view: 'author', caseId: null })}>Write a case</a> : null}
      </div>
      <p className="text-sm text-slate-700">Read the note, code it in the worksheet with the suggestions hidden, and submit: the same rule module that checks real claims grades your claim lines and the denial risks you flag.</p>
      <form role="search" aria-label="Filter the cases" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-q`} className="text-sm font-medium">Search</label>
          <input id={`${id}-q`} type="search" className={inputClass} value={filters.query} onChange={(e) => set({ query: e.target.value })} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-family`} className="text-sm font-medium">Family</label>
          <select id={`${id}-family`} className={inputClass} value={filters.family} onChange={(e) => set({ family: e.target.value as Family | '' })}>
            <option value="">All families</option>
            {PROCEDURE_TYPES.map((f) => <option key={f} value={f}>{familyLabels[f]}</option>)}
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={filters.notDoneOnly} onChange={(e) => set({ notDoneOnly: e.target.checked })} /> Only cases I have not done</label>
      </form>
      <p role="status" className="text-sm">{shown.length === catalog.cases.length ? `${catalog.cases.length} cases` : `${shown.length} of ${catalog.cases.length} cases match`}</p>
      {CASE_LEVELS.map((level) => {
        const cases = shown.filter((c) => c.case.level === level)
        return (
          <section key={level} aria-labelledby={`${id}-${level}`} className="flex flex-col gap-2">
            <h3 id={`${id}-${level}`} className="text-lg font-semibold text-slate-900">{levelLabels[level]} <span className="text-sm font-normal text-slate-700">({cases.length})</span></h3>
            <p className="text-sm text-slate-700">{levelMeanings[level]}</p>
            {cases.length === 0 ? <p className="text-sm">No case at this level matches.</p> : (
              <div className="overflow-x-auto rounded border border-brand-200 bg-white">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">{levelLabels[level]} cases</caption>
                  <thead className="bg-brand-50 text-left"><tr>
                    <th scope="col" className="px-3 py-2">Case</th><th scope="col" className="px-3 py-2">Families</th>
                    <th scope="col" className="px-3 py-2">Source</th><th scope="col" className="px-3 py-2">My attempts</th><th scope="col" className="px-3 py-2">My best</th>
                  </tr></thead>
                  <tbody>
                    {cases.map(({ case: c, source }) => {
                      const mine = best.get(c.id)
                      return (
                        <tr key={c.id} className="border-t border-slate-200">
                          <td className="px-3 py-2">
                            <a className="font-medium text-brand-800 underline" href={trainingHref({ view: 'case', caseId: c.id })}>{c.title}</a>
                            {supervisor && source === 'library' ? <> · <a className="text-brand-800 underline" href={trainingHref({ view: 'author', caseId: c.id })} aria-label={`Edit ${c.title}`}>Edit</a></> : null}
                          </td>
                          <td className="px-3 py-2">{c.families.map((f) => familyLabels[f]).join(', ')}</td>
                          <td className="px-3 py-2">{source === 'shipped' ? 'With the app' : 'Practice\'s own'}</td>
                          <td className="px-3 py-2">{mine?.attempts ?? 0}</td>
                          <td className="px-3 py-2">{mine ? `${mine.best}%` : '—'}</td>
                        </tr>
                      )
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        )
      })}
    </div>
  )
}
