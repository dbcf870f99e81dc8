import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { EvaluationInput } from '../../../domain/index.ts'
import { familyLabels } from '../../../domain/vocabulary.ts'
import type { CaseWorksheetComponent } from '../../../lib/case-worksheet.ts'
import { useCurrentUser } from '../../../lib/current-user.tsx'
import { useStore } from '../../../storage/index.ts'
import type { AnswerKey } from '../../../domain/training/types.ts'
import { useCaseCatalog, type CatalogCase } from '../catalog.ts'
import type { Attempt, Grade } from '../model/index.ts'
import { trainingHref } from '../routes.ts'
import { AnswerForm } from './answer-form.tsx'
import { emptyAnswer, type AnswerValues } from './answer-values.ts'
import { clearAttemptDraft, isBlankDraft, readAttemptDraft, writeAttemptDraft, type AttemptDraft } from './attempt-draft.ts'
import { GradedResult } from './graded-result.tsx'
import { levelLabels } from '../level-labels.ts'
import { answerForFacts, gradeCase, openCase, startingFacts, toAttemptRecord } from './practice-model.ts'

interface PracticeCasePageProps {
  caseId: string
  caseWorksheet: CaseWorksheetComponent
}

type Graded = { grade: Grade; factsAnswer: AnswerKey | null; saveError: string | null }

/** The case after `current` in the catalog's order (same level first, then the next level's first). */
function nextCase(cases: readonly CatalogCase[], current: CatalogCase): CatalogCase | null {
  const order = ['new', 'intermediate', 'advanced']
  const sorted = [...cases].sort((a, b) => order.indexOf(a.case.level) - order.indexOf(b.case.level))
  const at = sorted.indexOf(current)
  return at >= 0 ? sorted[at + 1] ?? null : null
}

/** One practice case (the router keys it by case id, so another case starts fresh): the note, the worksheet with its suggestions hidden, the trainee's answer, and the graded comparison. */
export function PracticeCasePage({ caseId, caseWorksheet: CaseWorksheet }: PracticeCasePageProps) {
  const id = useId()
  const store = useStore()
  const { user } = useCurrentUser()
  const catalog = useCaseCatalog()
  const entry = catalog.byId(caseId)
  const open = useMemo(() => (entry ? openCase(entry.case) : null), [entry])
  const [round, setRound] = useState(0)
  // An unfinished attempt at this case (a reload, a closed tab) comes back as it was left.
  const [restored, setRestored] = useState<AttemptDraft | null>(() => (user ? readAttemptDraft(localStorage, user.id, caseId) : null))
  const [startedAt, setStartedAt] = useState(() => restored?.startedAt ?? new Date().toISOString())
  const [graded, setGraded] = useState<Graded | null>(null)
  const [busy, setBusy] = useState(false)
  const facts = useRef<EvaluationInput | null>(restored?.facts ?? null)
  const [initialAnswer, setInitialAnswer] = useState<AnswerValues>(() => restored?.answer ?? emptyAnswer())
  const answer = useRef<AnswerValues>(initialAnswer)
  const resultHeading = useRef<HTMLHeadingElement>(null)
  const startFacts = useMemo(() => (open ? startingFacts(open.input) : null), [open])
  // Off from submitting until "Try this case again": the graded attempt leaves no draft behind.
  const submitting = useRef(false)
  const keepDraft = () => {
    if (!user || submitting.current) return
    const draft = { startedAt, answer: answer.current, facts: facts.current }
    if (isBlankDraft(draft)) clearAttemptDraft(localStorage, user.id, caseId)
    else writeAttemptDraft(localStorage, user.id, caseId, draft)
  }

  useEffect(() => { if (graded) resultHeading.current?.focus() }, [graded])

  if (!entry) {
    if (!catalog.loaded) return <p role="status">Loading the case…</p>
    return (
      <section aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`} className="text-xl font-semibold text-brand-800">Case not found</h2>
        <p>There is no practice case "{caseId}" on this machine. <a className="text-brand-800 underline" href={trainingHref({ view: 'cases' })}>See all practice cases</a>.</p>
      </section>
    )
  }
  const c = entry.case
  if (!open || !startFacts) {
    return (
      <section aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`} className="text-xl font-semibold text-brand-800">{c.title}</h2>
        <p role="alert">This case's facts cannot be read by this version of the app, so it cannot be graded. A supervisor can fix or remove it under "Write a case".</p>
      </section>
    )
  }

  const submit = async (attempt: Attempt) => {
    submitting.current = true
    setBusy(true)
    const grade = gradeCase(open, attempt)
    const entered = facts.current && facts.current.encounter.procedures.length > 0 ? facts.current : null
    const factsAnswer = entered ? answerForFacts(entered, c.today) : null
    let saveError: string | null = null
    if (user) {
      const record = toAttemptRecord(open, attempt, grade, {
        id: crypto.randomUUID(), userId: user.id, userName: user.name, startedAt, submittedAt: new Date().toISOString(), source: entry.source, input: entered,
      })
      try {
        await (await store.training()).addAttempt(record)
        clearAttemptDraft(localStorage, user.id, caseId)
      } catch (error) {
        saveError = error instanceof Error ? error.message : String(error)
      }
    }
    setBusy(false)
    setGraded({ grade, factsAnswer, saveError })
  }

  const tryAgain = () => {
    if (user) clearAttemptDraft(localStorage, user.id, caseId)
    submitting.current = false
    setRestored(null)
    const empty = emptyAnswer()
    answer.current = empty
    setInitialAnswer(empty)
    setGraded(null)
    setRound((r) => r + 1)
    setStartedAt(new Date().toISOString())
    facts.current = null
  }

  const next = nextCase(catalog.cases, entry)
  const history = open.input.history
  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby={`${id}-h`} className="flex flex-col gap-2 rounded border border-brand-200 bg-white p-4">
        <h2 id={`${id}-h`} className="text-xl font-semibold text-brand-800">{c.title}</h2>
        <p className="text-sm text-slate-700">
          Level: {levelLabels[c.level]} · {c.families.map((f) => familyLabels[f]).join(', ')} · {entry.source === 'shipped' ? 'Comes with the app' : 'Your practice\'s case'}
        </p>
        <h3 className="font-semibold text-slate-900">Procedure note</h3>
        <p className="whitespace-pre-line rounded border-l-4 border-brand-300 bg-brand-50 p-3">{c.note}</p>
        <p><strong>Setting, payer and history:</strong> {c.context}</p>
        {history.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="text-sm">
              <caption className="text-left font-semibold text-slate-900">Prior claim lines of this patient</caption>
              <thead><tr className="text-left"><th scope="col" className="pr-4">Date of service</th><th scope="col" className="pr-4">Code</th><th scope="col" className="pr-4">Modifiers</th><th scope="col" className="pr-4">Units</th><th scope="col">Provider</th></tr></thead>
              <tbody>
                {history.map((h, i) => (
                  <tr key={i} className="border-t border-slate-200">
                    <td className="pr-4">{h.dateOfService}</td><td className="pr-4 font-mono">{h.code}</td><td className="pr-4">{h.modifiers.join(', ') || '—'}</td><td className="pr-4">{h.units}</td><td>{h.providerId ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <p className="text-sm">No prior claim lines for this patient.</p>}
      </section>

      {graded ? (
        <>
          {graded.saveError ? <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm">The grade below was not saved to your progress: {graded.saveError}</p> : null}
          <GradedResult open={open} grade={graded.grade} factsAnswer={graded.factsAnswer} onTryAgain={tryAgain}
            nextCaseHref={next ? trainingHref({ view: 'case', caseId: next.case.id }) : null} headingRef={resultHeading} />
        </>
      ) : null}

      {restored && !graded ? <p role="status" className="rounded border border-brand-200 bg-white px-3 py-2 text-sm">Your unfinished answer to this case was restored, as you left it.</p> : null}
      {graded ? null : <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0">
          <p className="mb-2 text-sm text-slate-700">Enter what the note says was done, as you would in the worksheet. The encounter header and the patient's history are filled in from the schedule and the ledger.</p>
          <CaseWorksheet key={`facts-${caseId}-${round}`} initialInput={restored?.facts ?? startFacts} today={c.today} label="Case facts"
            onChange={(input) => { facts.current = input; keepDraft() }} />
        </div>
        <div className="min-w-0 lg:sticky lg:top-4 lg:self-start">
          <AnswerForm key={`answer-${caseId}-${round}`} initial={initialAnswer} busy={busy} onSubmit={(attempt) => void submit(attempt)}
            onChange={(values) => { answer.current = values; keepDraft() }} />
        </div>
      </div>}
    </div>
  )
}
