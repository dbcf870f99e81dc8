import { useMemo, useState } from 'react'
import { Button } from '../../../components/button.tsx'
import type { PracticeCase } from '../../../domain/training/types.ts'
import type { CaseWorksheetComponent } from '../../../lib/case-worksheet.ts'
import { useCurrentUser } from '../../../lib/current-user.tsx'
import { isShippedCaseId, useCaseCatalog } from '../catalog.ts'
import { trainingHref } from '../routes.ts'
import type { CaseIdContext } from './author-model.ts'
import { CaseEditor } from './case-editor.tsx'
import { PageSection } from '../page-section.tsx'

export interface AuthorPageProps {
  /** Null: a new case; else the practice's case to edit (a shipped case can only be copied). */
  caseId: string | null
  caseWorksheet: CaseWorksheetComponent
  onSaved: (caseId: string) => void
}

const pad = (n: number) => String(n).padStart(2, '0')
const localToday = (now = new Date()) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`

const linkClass = 'font-medium text-brand-700 underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-focus'


/** Case authoring (supervisors): write a case, see the key the rule module computes, save it to the practice's library. */
export function AuthorPage({ caseId, caseWorksheet, onSaved }: AuthorPageProps) {
  const { user } = useCurrentUser()
  const catalog = useCaseCatalog()
  const [copyFrom, setCopyFrom] = useState<PracticeCase | null>(null)
  const [deleted, setDeleted] = useState<{ id: string; title: string } | null>(null)
  // A copy or a deletion belongs to the address it happened at: another caseId starts afresh.
  const [shownFor, setShownFor] = useState(caseId)
  if (shownFor !== caseId) {
    setShownFor(caseId)
    setCopyFrom(null)
    setDeleted(null)
  }
  const [today] = useState(localToday)
  const heading = caseId === null ? 'Write a practice case' : 'Edit practice case'

  const ownIds = useMemo(() => new Set(catalog.cases.filter((c) => c.source === 'library').map((c) => c.case.id)), [catalog.cases])
  const takenIds = useMemo(() => new Set(catalog.cases.map((c) => c.case.id)), [catalog.cases])
  const editingId = copyFrom === null ? caseId : null
  const ids = useMemo<CaseIdContext>(() => ({ isShipped: isShippedCaseId, ownIds, editingId }), [ownIds, editingId])

  if (user?.role !== 'supervisor') {
    return (
      <PageSection heading={heading}>
        <p role="alert" className="text-slate-800">
          Only a supervisor can write or edit practice cases. {user ? `You are signed in as ${user.name}, a${user.role === 'coder' ? ' coder' : ' trainee'}.` : ''} Ask
          a supervisor, or choose a supervisor&apos;s profile.
        </p>
      </PageSection>
    )
  }
  if (deleted) {
    return (
      <PageSection heading="Edit practice case">
        <p role="status">The case &ldquo;{deleted.title}&rdquo; ({deleted.id}) was deleted.</p>
        <p className="flex flex-wrap gap-4 text-sm">
          <a className={linkClass} href={trainingHref({ view: 'cases' })}>Practice cases</a>
          <a className={linkClass} href={trainingHref({ view: 'author', caseId: null })}>Write a new case</a>
        </p>
      </PageSection>
    )
  }
  if (!catalog.loaded) return <PageSection heading={heading}><p role="status">Loading the practice&apos;s cases…</p></PageSection>

  const common = { caseWorksheet, ids, takenIds, localToday: today, onSaved, onDeleted: setDeleted, onCopy: setCopyFrom }
  if (copyFrom) return <CaseEditor key={`copy-${copyFrom.id}`} mode="copy" source={copyFrom} record={null} {...common} />
  if (caseId === null) return <CaseEditor key="new" mode="new" source={null} record={null} {...common} />

  const found = catalog.byId(caseId)
  if (found?.source === 'shipped') {
    return (
      <PageSection heading={heading}>
        <p>
          &ldquo;{found.case.title}&rdquo; ({found.case.id}) ships with the app and cannot be edited: its answer key is checked
          with every release. You can write a new case that starts from its note and facts.
        </p>
        <div><Button variant="primary" onClick={() => setCopyFrom(found.case)}>Start a new case from this one</Button></div>
      </PageSection>
    )
  }
  if (!found) {
    return (
      <PageSection heading={heading}>
        <p role="alert">There is no practice case with the id &ldquo;{caseId}&rdquo;. It may have been deleted.</p>
        <p className="text-sm"><a className={linkClass} href={trainingHref({ view: 'author', caseId: null })}>Write a new case</a></p>
      </PageSection>
    )
  }
  return <CaseEditor key={`edit-${found.case.id}`} mode="edit" source={found.case} record={found.record} {...common} />
}
