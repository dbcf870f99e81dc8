import { useId, useMemo } from 'react'
import type { ClaimLine, EvaluationResult, PointerLetter } from '../../../domain/index.ts'
import { enteredDiagnoses, withLinePointers, type FormIssue, type LinePointerValues, type WorksheetValues } from '../model/index.ts'
import { ClaimLinesTable } from './claim-lines-table.tsx'
import { FindingGroupsView } from './finding-groups.tsx'
import { FrequencyCounters } from './frequency-counters.tsx'
import { groupFindings, summarizeResult } from './summarize.ts'

export interface ResultsPanelProps {
  result: EvaluationResult
  issues: readonly FormIssue[]
  values: WorksheetValues
  onApplyFix: (next: WorksheetValues, label: string) => void
  /** Stores the coder's pointer choices; without it the pointers are shown but not editable. */
  onPointersChange?: (next: LinePointerValues[]) => void
}

function FormIssues({ issues }: { issues: readonly FormIssue[] }) {
  return (
    <div className="flex flex-col gap-1.5">
      <h3 className="text-base font-semibold text-slate-900">Still to fill in ({issues.length})</h3>
      <ul className="list-disc pl-5 text-sm text-slate-800">
        {issues.map((issue, i) => <li key={`${issue.path}-${i}`}>{issue.message}</li>)}
      </ul>
    </div>
  )
}

/** The live claim and its checks, beside (or under) the worksheet form. */
export function ResultsPanel({ result, issues, values, onApplyFix, onPointersChange }: ResultsPanelProps) {
  const headingId = useId()
  const groups = useMemo(() => groupFindings(result.findings), [result.findings])
  const summary = useMemo(() => summarizeResult(result, groups.counts), [result, groups.counts])
  const diagnoses = useMemo(() => enteredDiagnoses(values), [values])
  const pointerEditing = useMemo(() => (onPointersChange ? {
    diagnoses, onChange: (line: ClaimLine, letters: PointerLetter[] | null) => onPointersChange(withLinePointers(values, line, letters)),
  } : undefined), [diagnoses, onPointersChange, values])
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-4 rounded-lg border border-slate-300 bg-slate-50 p-3 sm:p-4">
      <div className="flex flex-col gap-0.5">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">Claim and checks</h2>
        <p aria-live="polite" aria-atomic="true" className="text-sm font-medium text-slate-800">{summary}</p>
      </div>
      <ClaimLinesTable lines={result.lines} diagnoses={diagnoses} {...(pointerEditing ? { pointerEditing } : {})} />
      {issues.length > 0 ? <FormIssues issues={issues} /> : null}
      <FindingGroupsView groups={groups} lines={result.lines} values={values} onApplyFix={onApplyFix} />
      <FrequencyCounters counters={result.counters} patientId={values.patientId} />
    </section>
  )
}
