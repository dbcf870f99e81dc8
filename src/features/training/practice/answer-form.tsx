import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useFieldArray, useForm, useWatch } from 'react-hook-form'
import { Button } from '../../../components/button.tsx'
import { inputClass } from '../../../components/field.tsx'
import { SeverityBadge } from '../../../components/severity-badge.tsx'
import { answerToAttempt, filterRisks, lineProblems, newAnswerLine, riskGroups, type AnswerValues } from './answer-values.ts'
import type { Attempt } from '../model/index.ts'

interface AnswerFormProps {
  /** What the form starts with (a restored draft, or one empty line). */
  initial: AnswerValues
  /** Called with the lines and ticked risks whenever either changes (to keep a draft). */
  onChange: (values: AnswerValues) => void
  onSubmit: (attempt: Attempt) => void
  /** While the attempt is being stored. */
  busy: boolean
}

function FlaggedSummary({ flagged }: { flagged: readonly string[] }) {
  return <p className="text-sm text-slate-700" aria-live="polite">{flagged.length === 0 ? 'No risk flagged yet.' : `${flagged.length} risk${flagged.length === 1 ? '' : 's'} flagged: ${flagged.join(', ')}`}</p>
}

/** Where the worksheet shows its suggestions, the trainee bills the claim and names the denial risks. */
export function AnswerForm({ initial, onChange, onSubmit, busy }: AnswerFormProps) {
  const id = useId()
  const { control, register, handleSubmit, formState } = useForm<AnswerValues>({ defaultValues: initial })
  const { fields, append, remove } = useFieldArray({ control, name: 'lines', keyName: 'fieldKey' })
  const lines = useWatch({ control, name: 'lines' })
  const [query, setQuery] = useState('')
  // Kept outside the form so a rule hidden by the search stays ticked.
  const [flagged, setFlagged] = useState<string[]>(() => [...initial.flagged])
  const changed = useRef(onChange)
  useEffect(() => { changed.current = onChange }, [onChange])
  // Only a real change is reported (the watched lines are a new array on every render).
  const last = useRef(JSON.stringify({ lines: initial.lines, flagged: initial.flagged }))
  useEffect(() => {
    const now = JSON.stringify({ lines, flagged })
    if (now === last.current) return
    last.current = now
    changed.current({ lines, flagged })
  }, [lines, flagged])
  const toggle = (ruleId: string, on: boolean) => setFlagged((f) => (on ? [...f.filter((x) => x !== ruleId), ruleId] : f.filter((x) => x !== ruleId)))
  const groups = useMemo(() => filterRisks(riskGroups, query), [query])
  const problems = lines.map(lineProblems)
  const invalid = problems.some((p) => Object.keys(p).length > 0)
  const submit = handleSubmit((values) => { if (!invalid) onSubmit(answerToAttempt({ ...values, flagged })) })

  return (
    <form aria-labelledby={`${id}-heading`} className="flex min-w-0 flex-col gap-4 rounded border border-brand-200 bg-white p-3" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${id}-heading`} className="text-lg font-semibold text-brand-800">Your answer</h3>
      <p className="text-sm text-slate-700">The worksheet's suggestions are hidden. Bill the claim lines you would send and tick the denial risks you see, then submit.</p>
      <fieldset className="flex flex-col gap-3">
        <legend className="font-semibold text-slate-900">Claim lines</legend>
        {fields.map((field, index) => {
          const p = problems[index] ?? {}
          const n = index + 1
          return (
            <div key={field.fieldKey} role="group" aria-label={`Line ${n}`} className="grid grid-cols-[minmax(0,2fr)_minmax(0,2fr)_minmax(0,1fr)_auto] items-start gap-2">
              {(['code', 'modifiers', 'units'] as const).map((name) => (
                <div key={name} className="flex min-w-0 flex-col gap-1">
                  <label htmlFor={`${id}-${field.fieldKey}-${name}`} className="text-xs font-medium text-slate-800">
                    <span className="sr-only">Line {n} </span>{name === 'code' ? 'Code' : name === 'modifiers' ? 'Modifiers' : 'Units'}
                  </label>
                  <input id={`${id}-${field.fieldKey}-${name}`} className={`${inputClass} w-full min-w-0`} autoComplete="off" spellCheck={false}
                    inputMode={name === 'units' ? 'numeric' : undefined} placeholder={name === 'modifiers' ? 'e.g. 50' : undefined}
                    aria-invalid={p[name] && formState.isSubmitted ? true : undefined}
                    aria-describedby={p[name] && formState.isSubmitted ? `${id}-${field.fieldKey}-${name}-error` : undefined}
                    {...register(`lines.${index}.${name}`)} />
                  {p[name] && formState.isSubmitted ? <p id={`${id}-${field.fieldKey}-${name}-error`} className="text-xs font-medium text-red-700">{p[name]}</p> : null}
                </div>
              ))}
              <Button size="sm" variant="ghost" className="mt-5" onClick={() => remove(index)} disabled={fields.length === 1} aria-label={`Remove line ${n}`}>Remove</Button>
            </div>
          )
        })}
        <div><Button size="sm" onClick={() => append(newAnswerLine())} disabled={fields.length >= 30}>Add a line</Button></div>
      </fieldset>
      <fieldset className="flex min-w-0 flex-col gap-2">
        <legend className="font-semibold text-slate-900">Denial risks you see</legend>
        <FlaggedSummary flagged={flagged} />
        <label htmlFor={`${id}-risk-search`} className="text-sm font-medium text-slate-800">Find a rule</label>
        <input id={`${id}-risk-search`} type="search" className={inputClass} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        <div className="max-h-96 overflow-y-auto rounded border border-slate-200 p-2">
          {groups.length === 0 ? <p className="text-sm">No rule matches "{query}".</p> : groups.map((g) => (
            <div key={g.scope} role="group" aria-label={g.label} className="mb-2">
              <p className="text-sm font-semibold text-brand-800">{g.label}</p>
              <ul className="flex flex-col gap-1">
                {g.risks.map((r) => (
                  <li key={r.ruleId}>
                    <label className="flex items-start gap-2 text-sm">
                      <input type="checkbox" className="mt-1" checked={flagged.includes(r.ruleId)} onChange={(e) => toggle(r.ruleId, e.target.checked)} />
                      <span>{r.title} <span className="text-xs text-slate-600">({r.ruleId})</span> <SeverityBadge severity={r.severity} /></span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </fieldset>
      {invalid && formState.isSubmitted ? <p role="alert" className="text-sm font-medium text-red-700">Some lines need a fix before grading (see the fields marked above).</p> : null}
      <div><Button variant="primary" type="submit" disabled={busy}>{busy ? 'Grading…' : 'Submit for grading'}</Button></div>
    </form>
  )
}
