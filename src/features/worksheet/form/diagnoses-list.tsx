import { useFieldArray, useFormContext, useWatch } from 'react-hook-form'
import { Button } from '../../../components/button.tsx'
import { Field, inputClass } from '../../../components/field.tsx'
import { diagnosisLetters, type FormIssue, type WorksheetValues } from '../model/index.ts'
import { selectRelease } from '../../../domain/icd10/index.ts'
import { useCodeSets } from './code-sets-context.ts'
import { DiagnosisCombobox } from './diagnosis-combobox.tsx'
import { supportingHints } from './diagnosis-hints.ts'
import { isIcd10CmFormat } from './icd10.ts'
import { issueFor } from './issue-for.ts'

const MAX_DIAGNOSES = 12

export function DiagnosesList({ issues }: { issues: readonly FormIssue[] }) {
  const { control, register, setValue } = useFormContext<WorksheetValues>()
  const codeSets = useCodeSets()
  const dateOfService = useWatch({ control, name: 'dateOfService' })
  const codeSet = codeSets && /^\d{4}-\d{2}-\d{2}$/.test(dateOfService) ? selectRelease(codeSets, dateOfService) : null
  const { fields, append, remove } = useFieldArray({ control, name: 'diagnoses' })
  const codes = useWatch({ control, name: 'diagnoses' })
  const procedures = useWatch({ control, name: 'procedures' })
  const hints = supportingHints(procedures.map((p) => p.type))
  const letters = diagnosisLetters({ diagnoses: codes })
  return (
    <fieldset className="flex min-w-0 flex-col gap-2 rounded border border-slate-300 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">Diagnoses (ICD-10-CM)</legend>
      <p className="text-xs text-slate-700">Box 21 letters A to L follow the order of the codes; each claim line points to up to 4 of them.</p>
      {fields.length === 0 ? <p className="text-sm text-slate-700">No diagnosis yet.</p> : null}
      <ol className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {fields.map((field, i) => {
          const value = codes[i]?.code ?? ''
          const formatError = !codeSet && value.trim() !== '' && !isIcd10CmFormat(value) ? 'Not an ICD-10-CM code' : undefined
          const error = [formatError, issueFor(issues, `diagnoses.${i}.code`) ?? issueFor(issues, `diagnoses.${i}`)].filter(Boolean).join('. ') || undefined
          const letter = letters[i] ?? null
          return (
            <li key={field.id} className="flex items-start gap-1">
              <span aria-hidden="true" data-testid={`diagnosis-letter-${i}`} title={letter ? `Box 21 letter ${letter}` : 'No letter until a code is entered'}
                className={`mt-6 inline-flex h-8 w-6 shrink-0 items-center justify-center rounded border font-mono text-sm font-bold ${letter ? 'border-brand-700 text-brand-800' : 'border-dashed border-slate-300 text-slate-400'}`}>
                {letter ?? '·'}
              </span>
              <Field label={`Diagnosis ${i + 1}`} hint={letter ? <span className="sr-only">Box 21 letter {letter}: lines point to it as {letter}</span> : undefined} error={error} className="min-w-0 flex-1">
                {codeSet ? (
                  <DiagnosisCombobox codeSet={codeSet} value={value} registration={register(`diagnoses.${i}.code`)}
                    onPick={(code) => setValue(`diagnoses.${i}.code`, code, { shouldDirty: true })} />
                ) : (
                  <input className={`${inputClass} uppercase`} autoComplete="off" spellCheck={false} autoCapitalize="characters" placeholder="M54.16" {...register(`diagnoses.${i}.code`)} />
                )}
              </Field>
              <Button size="sm" variant="ghost" className="mt-6 min-h-8" onClick={() => remove(i)} aria-label={`Remove diagnosis ${i + 1}`}>
                Remove
              </Button>
            </li>
          )
        })}
      </ol>
      <div>
        <Button size="sm" className="min-h-8" disabled={fields.length >= MAX_DIAGNOSES} onClick={() => append({ code: '' })}>Add diagnosis</Button>
      </div>
      <div className="text-xs text-slate-700">
        {hints.length === 0 ? (
          <p>Add a procedure to see which diagnosis groups support it.</p>
        ) : (
          <>
            <p>Diagnosis groups that support the procedures on this worksheet:</p>
            <ul className="ml-4 list-disc">
              {hints.map((h) => <li key={h.label}><span className="font-medium">{h.label}:</span> {h.groups.join('; ')}</li>)}
            </ul>
          </>
        )}
      </div>
    </fieldset>
  )
}
