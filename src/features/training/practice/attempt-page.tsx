import { useMemo, useRef } from 'react'
import { parseEvaluationInput } from '../../../domain/index.ts'
import { useCurrentUser } from '../../../lib/current-user.tsx'
import { useStoreQuery } from '../../../storage/index.ts'
import { useCaseCatalog } from '../catalog.ts'
import { trainingHref } from '../routes.ts'
import { GradedResult } from './graded-result.tsx'
import { answerForFacts, gradeCase, openCase } from './practice-model.ts'
import { PageSection } from '../page-section.tsx'

const when = (iso: string): string => {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })
}


/**
 * One stored attempt, graded again against the answer key it was graded with, as the trainee saw
 * it after submitting: for a supervisor coaching a trainee, or the trainee looking back.
 */
export function AttemptPage({ userId, attemptId }: { userId: string; attemptId: string }) {
  const { user } = useCurrentUser()
  const allowed = user !== null && (user.role === 'supervisor' || user.id === userId)
  const attempts = useStoreQuery(async (s) => (allowed ? (await s.training()).listAttempts(userId) : []), ['attempts'], [userId, allowed])
  const catalog = useCaseCatalog()
  const record = attempts?.find((a) => a.id === attemptId)
  const entry = record ? catalog.byId(record.caseId) : undefined
  const open = useMemo(() => (record && entry ? openCase({ ...entry.case, answerKey: record.answerKey }) : null), [record, entry])
  const grade = useMemo(() => (open && record ? gradeCase(open, { lines: record.lines, flaggedRuleIds: record.flaggedRuleIds }) : null), [open, record])
  const factsAnswer = useMemo(() => {
    if (!record || record.input === null || !entry) return null
    const parsed = parseEvaluationInput(record.input)
    return parsed.ok ? answerForFacts(parsed.input, entry.case.today) : null
  }, [record, entry])
  const heading = useRef<HTMLHeadingElement>(null)

  const back = <p className="text-sm"><a className="text-brand-700 underline" href={trainingHref({ view: 'progress', userId })}>Back to the progress of {record?.userName ?? 'this person'}</a></p>
  if (!allowed) return <PageSection heading="Practice attempt"><p>Only supervisors can see another person's attempts.</p></PageSection>
  if (attempts === undefined || !catalog.loaded) return <p role="status">Loading the attempt…</p>
  if (!record) return <PageSection heading="Practice attempt">{back}<p>No stored attempt has the id "{attemptId}".</p></PageSection>

  const title = `${record.userName}, ${record.caseTitle}`
  return (
    <PageSection heading={title}>
      {back}
      <p className="text-sm">Submitted {when(record.submittedAt)} (opened {when(record.startedAt)}); stored score {record.percent}%.</p>
      {open && grade && entry ? (
        <>
          <details className="rounded border border-brand-200 bg-white p-3 text-sm">
            <summary className="cursor-pointer font-medium">The procedure note</summary>
            <p className="mt-2 whitespace-pre-line">{entry.case.note}</p>
            <p className="mt-2">{entry.case.context}</p>
          </details>
          <GradedResult open={open} grade={grade} factsAnswer={factsAnswer} headingRef={heading} scoreLabel={`${record.userName}'s score`}
            nextCaseHref={null} />
        </>
      ) : (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          This case is no longer offered on this machine, so the comparison line by line cannot be shown. The attempt billed{' '}
          {record.lines.length === 0 ? 'no line' : record.lines.map((l) => `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''} × ${l.units}`).join(', ')}
          {record.missedRules.length > 0 ? `; missed ${record.missedRules.join(', ')}` : ''}.
        </p>
      )}
    </PageSection>
  )
}
