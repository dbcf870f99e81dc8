import { useCallback, useId, useMemo, useRef, useState } from 'react'
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form'
import { Button } from '../../../components/button.tsx'
import { familyLabels, isIsoDateText, rulesById, type EvaluationInput } from '../../../domain/index.ts'
import type { PracticeCase } from '../../../domain/training/types.ts'
import type { CaseWorksheetComponent } from '../../../lib/case-worksheet.ts'
import { useCurrentUser } from '../../../lib/current-user.tsx'
import { useStore, type PracticeCaseRecord } from '../../../storage/index.ts'
import { AnswerKeyPanel } from './answer-key-panel.tsx'
import {
  blankCaseInput, buildPracticeCase, caseInputOf, computeKey, factsProblem, familiesOf, initialValuesOf, ruleOptionsOf,
  uniqueSlugOf, untickedOf, validateCaseForm, type CaseFormValues, type CaseIdContext,
} from './author-model.ts'
import { CaseFields } from './case-fields.tsx'
import { DeleteCase } from './delete-case.tsx'
import { RuleChoices } from './rule-choices.tsx'

export type EditorMode = 'new' | 'edit' | 'copy'

interface CaseEditorProps {
  mode: EditorMode
  /** The case edited or copied; null for a new case. */
  source: PracticeCase | null
  /** The stored record of an edited case. */
  record: PracticeCaseRecord | null
  caseWorksheet: CaseWorksheetComponent
  /** Shipped ids are refused; the practice's own ids must not repeat. */
  ids: CaseIdContext
  /** Every id in use (shipped and own), for a unique default id. */
  takenIds: ReadonlySet<string>
  /** "Today" on this computer: a new case's date of service and key date. */
  localToday: string
  onSaved: (caseId: string) => void
  onDeleted: (deleted: { id: string; title: string }) => void
  onCopy: (source: PracticeCase) => void
}

function resolverFor(ids: CaseIdContext): Resolver<CaseFormValues> {
  return (values) => {
    const found = validateCaseForm(values, ids)
    const keys = Object.keys(found) as (keyof CaseFormValues)[]
    if (keys.length === 0) return { values, errors: {} }
    const errors: FieldErrors<CaseFormValues> = {}
    for (const key of keys) errors[key] = { type: 'validate', message: found[key] }
    return { values: {}, errors }
  }
}

/** The authoring form: the case's words, its facts in the worksheet, and the live answer key. */
export function CaseEditor({ mode, source, record, caseWorksheet: CaseWorksheet, ids, takenIds, localToday, onSaved, onDeleted, onCopy }: CaseEditorProps) {
  const id = useId()
  const store = useStore()
  const { user } = useCurrentUser()
  const [start] = useState(() => {
    const stored = source ? caseInputOf(source) : null
    return { input: stored ?? blankCaseInput(localToday), invalidSource: source !== null && stored === null }
  })
  const [input, setInput] = useState<EvaluationInput | null>(start.input)
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(() => new Set(source ? untickedOf(computeKey(start.input, source.today).ruleIds, source.ruleIds) : []))
  const [attempted, setAttempted] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const idEdited = useRef(mode !== 'new' && mode !== 'copy')
  const todayEdited = useRef(mode !== 'new')

  const resolver = useMemo(() => resolverFor(ids), [ids])
  const { register, handleSubmit, control, setValue, formState: { errors, isSubmitting } } = useForm<CaseFormValues>({
    defaultValues: initialValuesOf(source, mode, start.input.encounter.dateOfService, takenIds), resolver, mode: 'onTouched',
  })
  const [today, note] = useWatch({ control, name: ['today', 'note'] })

  const computed = useMemo(() => (input && isIsoDateText(today.trim()) ? computeKey(input, today.trim()) : null), [input, today])
  const sourceRules = useMemo(() => (source ? source.ruleIds.filter((r) => rulesById.has(r)) : []), [source])
  const options = ruleOptionsOf(computed?.ruleIds ?? [], sourceRules)
  const selected = new Set(options.filter((r) => !unticked.has(r)))
  const rulesError = options.length > 0 && selected.size === 0 ? 'Tick at least one rule the case is about.' : null
  const factsError = factsProblem(input, computed)
  const families = input ? familiesOf(input) : []

  const onFactsChange = useCallback((next: EvaluationInput) => {
    setInput(next)
    if (!todayEdited.current) setValue('today', next.encounter.dateOfService, { shouldValidate: true })
  }, [setValue])

  const save = handleSubmit(async (values) => {
    if (factsError || rulesError || !input || !computed) return
    const practiceCase = buildPracticeCase(values, input, computed, [...selected])
    const now = new Date().toISOString()
    const next: PracticeCaseRecord = {
      id: practiceCase.id, case: practiceCase, origin: 'authored', createdAt: record?.createdAt ?? now, updatedAt: now,
      userId: user?.id ?? '', userName: user?.name ?? '',
    }
    setSaveError(null)
    try {
      await (await store.training()).savePracticeCase(next)
      onSaved(practiceCase.id)
    } catch (error) {
      setSaveError(`The case was not saved: ${error instanceof Error ? error.message : String(error)}`)
    }
  })

  return (
    // The worksheet's form is a form of its own, so the case's words are a separate form (forms do not nest)
    // and the Save button submits it from below the facts through its form attribute.
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-brand-800">{mode === 'edit' ? 'Edit practice case' : 'Write a practice case'}</h2>
      {mode === 'copy' && source ? <p className="text-sm text-slate-700">A new case, starting from &ldquo;{source.title}&rdquo; ({source.id}). The original is not changed.</p> : null}
      {start.invalidSource ? <p role="alert" className="text-sm font-medium text-red-700">The stored facts of this case no longer validate, so the facts start blank.</p> : null}
      <form id={`${id}-form`} noValidate aria-label="The case in words" onSubmit={(e) => { setAttempted(true); void save(e) }}>
        <CaseFields
          register={register} errors={errors} idLocked={mode === 'edit'} noteLength={note.trim().length}
          onTitleInput={(title) => { if (!idEdited.current) setValue('id', uniqueSlugOf(title, takenIds)) }}
          onIdInput={() => { idEdited.current = true }}
          onTodayInput={() => { todayEdited.current = true }}
        />
      </form>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <div className="flex min-w-0 flex-col gap-2">
          <CaseWorksheet initialInput={start.input} today={computed ? today.trim() : localToday} onChange={onFactsChange} label="Case facts" />
        </div>
        <div className="flex min-w-0 flex-col gap-3 lg:sticky lg:top-2 lg:self-start">
          <AnswerKeyPanel computed={computed} today={today.trim()} />
          <p className="text-sm"><span className="font-medium">Families: </span>{families.length > 0 ? families.map((f) => familyLabels[f]).join(', ') : 'none yet (they come from the procedures in the facts)'}</p>
          <RuleChoices
            options={options} selected={selected} error={attempted ? rulesError : null}
            onToggle={(ruleId, checked) => setUnticked((prev) => { const next = new Set(prev); if (checked) next.delete(ruleId); else next.add(ruleId); return next })}
          />
        </div>
      </div>
      {attempted && factsError ? <p role="alert" className="text-sm font-medium text-red-700">{factsError}</p> : null}
      {saveError ? <p role="alert" className="text-sm font-medium text-red-700">{saveError}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" form={`${id}-form`} variant="primary" disabled={isSubmitting}>Save case</Button>
        {mode === 'edit' && source ? <Button onClick={() => onCopy(source)}>Start a new case from this one</Button> : null}
        {mode === 'edit' && source ? <DeleteCase practiceCase={source} onDeleted={onDeleted} /> : null}
      </div>
    </section>
  )
}
