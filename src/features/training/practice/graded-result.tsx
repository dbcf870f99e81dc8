import { useId, type Ref } from 'react'
import { Button } from '../../../components/button.tsx'
import { rulesById } from '../../../domain/index.ts'
import type { AnswerKey, AnswerLine } from '../../../domain/training/types.ts'
import { SeverityBadge } from '../../../components/severity-badge.tsx'
import type { Grade, LineVerdict } from '../model/index.ts'
import { trainingHref } from '../routes.ts'
import { rulesOfKeyLine, type OpenCase } from './practice-model.ts'
import { rationaleOf } from '../../../domain/rules/rationales.ts'

const lineText = (l: AnswerLine | undefined): string => (l ? `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''} × ${l.units}` : '—')

function verdictText(v: LineVerdict): string {
  switch (v.kind) {
    case 'correct': return 'Correct'
    case 'partial': return `Partly right: ${v.wrong.map((w) => (w === 'modifiers' ? 'modifiers' : 'units')).join(' and ')} wrong (${Math.round(v.credit * 100)}% of the line)`
    case 'missing': return 'Missing: you did not bill this line'
    case 'left-off': return 'Left off: right, this line would deny as it is'
    case 'extra': return 'Extra: the answer has no such line'
  }
}

const verdictStyle: Record<LineVerdict['kind'], string> = {
  correct: 'text-green-800',
  partial: 'text-amber-900',
  missing: 'text-red-800',
  'left-off': 'text-green-800',
  extra: 'text-red-800',
}

function RuleExplanation({ ruleId }: { ruleId: string }) {
  const rule = rulesById.get(ruleId)
  return (
    <div className="mt-1 rounded border border-slate-200 bg-slate-50 p-2 text-sm">
      <p><a className="font-semibold text-brand-800 underline" href={trainingHref({ view: 'rules', ruleId })}>{rule?.title ?? ruleId}</a> <span className="text-xs text-slate-600">({ruleId})</span></p>
      {rule ? <p>{rationaleOf(ruleId)}</p> : null}
    </div>
  )
}

interface GradedResultProps {
  open: OpenCase
  grade: Grade
  /** The module's answer for the facts the trainee entered in the worksheet (null when none were entered). */
  factsAnswer: AnswerKey | null
  /** Absent when the result is looked at later (an attempt from progress): no "Try this case again". */
  onTryAgain?: () => void
  nextCaseHref: string | null
  /** Whose score it is: "Your score" by default. */
  scoreLabel?: string
  /** Focus goes to the score when the result appears. */
  headingRef: Ref<HTMLHeadingElement>
}

/** The graded comparison: line by line, the risks caught or missed with the rule behind each miss, and the teaching point. */
export function GradedResult({ open, grade, factsAnswer, onTryAgain, nextCaseHref, headingRef, scoreLabel = 'Your score' }: GradedResultProps) {
  const id = useId()
  const c = open.practiceCase
  const wrongLines = grade.lines.map((v, i) => ({ v, i })).filter(({ v }) => v.kind !== 'correct' && v.kind !== 'left-off')
  const missed = grade.findings.filter((f) => !f.caught)
  const sameFacts = factsAnswer ? JSON.stringify(factsAnswer.lines) === JSON.stringify(c.answerKey.lines) : null
  return (
    <section aria-labelledby={`${id}-h`} className="flex flex-col gap-4 rounded border border-brand-300 bg-white p-4">
      <h3 id={`${id}-h`} ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-brand-800 focus:outline-none">{scoreLabel}: {grade.percent}%</h3>
      <p className="text-sm">Claim lines {Math.round(grade.lineScore * 100)}% · denial risks {Math.round(grade.findingScore * 100)}% · {wrongLines.length === 0 && missed.length === 0 && grade.falseFlags.length === 0 ? 'nothing missed.' : `${wrongLines.length + missed.length} miss${wrongLines.length + missed.length === 1 ? '' : 'es'}${grade.falseFlags.length ? `, ${grade.falseFlags.length} false flag${grade.falseFlags.length === 1 ? '' : 's'}` : ''}.`}</p>

      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="text-left font-semibold text-slate-900">Claim lines: the answer and yours</caption>
          <thead><tr className="text-left"><th scope="col" className="pr-4">Answer</th><th scope="col" className="pr-4">Yours</th><th scope="col">Result</th></tr></thead>
          <tbody>
            {grade.lines.map((v, i) => (
              <tr key={i} className="border-t border-slate-200 align-top">
                <td className="py-1 pr-4 font-mono">{lineText(v.kind === 'extra' ? undefined : v.key)}</td>
                <td className="py-1 pr-4 font-mono">{lineText(v.kind === 'missing' || v.kind === 'left-off' ? undefined : v.attempt)}</td>
                <td className={`py-1 font-medium ${verdictStyle[v.kind]}`}>{verdictText(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {wrongLines.length > 0 || missed.length > 0 ? (
        <div>
          <h4 className="font-semibold text-slate-900">What you missed, and the rule behind it</h4>
          <ul className="mt-1 flex flex-col gap-3">
            {wrongLines.map(({ v, i }) => (
              <li key={`line-${i}`}>
                <p className="text-sm"><strong>{v.kind === 'extra' ? `Line ${lineText(v.attempt)}` : `Line ${lineText(v.key)}`}:</strong> {verdictText(v)}.</p>
                {v.kind === 'extra' ? <p className="text-sm text-slate-700">Bill only what the note supports and the rules allow; an extra line lowers the line score.</p>
                  : rulesOfKeyLine(open, i).map((ruleId) => <RuleExplanation key={ruleId} ruleId={ruleId} />)}
              </li>
            ))}
            {missed.map((f) => (
              <li key={f.ruleId}>
                <p className="text-sm"><strong>Risk not flagged:</strong> <SeverityBadge severity={f.severity} /> {f.title}</p>
                <RuleExplanation ruleId={f.ruleId} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {grade.findings.length > 0 ? (
        <div>
          <h4 className="font-semibold text-slate-900">Denial risks in this case</h4>
          <ul className="mt-1 flex flex-col gap-1 text-sm">
            {grade.findings.map((f) => (
              <li key={f.ruleId}><span className={f.caught ? 'font-medium text-green-800' : 'font-medium text-red-800'}>{f.avoided ? 'Avoided (you left off its line)' : f.caught ? 'Caught' : 'Missed'}</span>: <SeverityBadge severity={f.severity} /> {f.title} ({f.ruleId})</li>
            ))}
          </ul>
        </div>
      ) : <p className="text-sm">This case raises no error or warning: a clean claim.</p>}

      {grade.falseFlags.length > 0 ? (
        <div>
          <h4 className="font-semibold text-slate-900">Flagged, but not a risk here</h4>
          <ul className="mt-1 list-disc pl-5 text-sm">{grade.falseFlags.map((f) => <li key={f.ruleId}>{f.title} ({f.ruleId})</li>)}</ul>
        </div>
      ) : null}

      {sameFacts !== null ? (
        <p className="text-sm">
          <strong>Your worksheet facts:</strong>{' '}
          {sameFacts ? 'with the facts you entered, the rule module gives the answer\'s claim lines.' : `with the facts you entered, the rule module gives ${factsAnswer!.lines.length === 0 ? 'no line' : factsAnswer!.lines.map(lineText).join(', ')}; compare what you entered with the note.`}
        </p>
      ) : null}

      <div className="rounded border border-brand-200 bg-brand-50 p-3 text-sm"><strong>Teaching point:</strong> {c.teachingPoint}</div>
      <div className="flex flex-wrap gap-2">
        {onTryAgain ? <Button onClick={onTryAgain}>Try this case again</Button> : null}
        {nextCaseHref ? <a className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800" href={nextCaseHref}>Next case</a> : null}
        <a className="rounded px-3 py-1.5 text-sm font-medium text-brand-800 underline" href={trainingHref({ view: 'cases' })}>All cases</a>
      </div>
    </section>
  )
}
