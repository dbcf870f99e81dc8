import { lazy, Suspense, useMemo } from 'react'
import type { EvaluationInput } from '../../domain/index.ts'
import type { CaseWorksheetComponent } from '../../lib/case-worksheet.ts'
import { useCurrentUser } from '../../lib/current-user.tsx'
import { parseTrainingPath, trainingPath } from './routes.ts'
import { TrainingNav } from './training-nav.tsx'

const PracticeCasesPage = lazy(() => import('./practice/cases-page.tsx').then((m) => ({ default: m.PracticeCasesPage })))
const PracticeCasePage = lazy(() => import('./practice/case-page.tsx').then((m) => ({ default: m.PracticeCasePage })))
const RuleLibraryPage = lazy(() => import('./rule-library/rule-library-page.tsx').then((m) => ({ default: m.RuleLibraryPage })))
const AttemptPage = lazy(() => import('./practice/attempt-page.tsx').then((m) => ({ default: m.AttemptPage })))
const ProgressPage = lazy(() => import('./progress/progress-page.tsx').then((m) => ({ default: m.ProgressPage })))
const AuthorPage = lazy(() => import('./authoring/author-page.tsx').then((m) => ({ default: m.AuthorPage })))
const CaseFilePage = lazy(() => import('./case-file/case-file-page.tsx').then((m) => ({ default: m.CaseFilePage })))

export interface TrainingPagesProps {
  /** The part of the address after #/training ('' or '/…'). */
  path: string
  /** Goes to another training address (a path as `path` holds it). */
  onNavigate: (path: string) => void
  /** Opens a rule library example as a new worksheet draft. */
  onOpenExample: (input: EvaluationInput, title: string) => void
  /** The worksheet's form, for coding a case and for stating a new case's facts. */
  caseWorksheet: CaseWorksheetComponent
}

/** Training mode: practice cases, the rule library, progress, and (supervisors) case authoring and the case file. */
export function TrainingPages({ path, onNavigate, onOpenExample, caseWorksheet }: TrainingPagesProps) {
  const view = useMemo(() => parseTrainingPath(path), [path])
  const { user } = useCurrentUser()
  return (
    <>
      <TrainingNav view={view} supervisor={user?.role === 'supervisor'} />
      <Suspense fallback={<p role="status">Loading…</p>}>
        {view.view === 'cases' ? <PracticeCasesPage /> : null}
        {view.view === 'case' ? <PracticeCasePage key={view.caseId} caseId={view.caseId} caseWorksheet={caseWorksheet} /> : null}
        {view.view === 'rules' ? (
          <RuleLibraryPage ruleId={view.ruleId} onSelectRule={(ruleId) => onNavigate(trainingPath({ view: 'rules', ruleId }))} onOpenExample={onOpenExample} />
        ) : null}
        {view.view === 'progress' ? <ProgressPage userId={view.userId} /> : null}
        {view.view === 'attempt' ? <AttemptPage key={view.attemptId} userId={view.userId} attemptId={view.attemptId} /> : null}
        {view.view === 'author' ? (
          <AuthorPage key={view.caseId ?? ''} caseId={view.caseId} caseWorksheet={caseWorksheet} onSaved={(caseId) => onNavigate(trainingPath({ view: 'case', caseId }))} />
        ) : null}
        {view.view === 'case-file' ? <CaseFilePage /> : null}
      </Suspense>
    </>
  )
}
