import type { FieldErrors, UseFormRegister } from 'react-hook-form'
import { Field, inputClass } from '../../../components/field.tsx'
import { CASE_LEVELS } from '../../../domain/training/types.ts'
import { levelLabels } from '../level-labels.ts'
import { MIN_NOTE_CHARS, type CaseFormValues } from './author-model.ts'


interface CaseFieldsProps {
  register: UseFormRegister<CaseFormValues>
  errors: FieldErrors<CaseFormValues>
  /** An edited case keeps its id. */
  idLocked: boolean
  /** Called when the author types in the title (the id follows it until edited) or the id. */
  onTitleInput: (title: string) => void
  onIdInput: () => void
  onTodayInput: () => void
  noteLength: number
}

/** The case's words: title, id, level, note, context, date and teaching point. */
export function CaseFields({ register, errors, idLocked, onTitleInput, onIdInput, onTodayInput, noteLength }: CaseFieldsProps) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label="Title" hint="A short name trainees see in the case list." error={errors.title?.message} className="sm:col-span-2">
        <input type="text" className={inputClass} {...register('title', { onChange: (e: { target: HTMLInputElement }) => onTitleInput(e.target.value) })} />
      </Field>
      <Field
        label="Case id"
        hint={idLocked ? 'A saved case keeps its id.' : 'Follows the title until you change it; lower-case letters, digits and hyphens, up to 40.'}
        error={errors.id?.message}
      >
        <input type="text" className={inputClass} readOnly={idLocked} autoComplete="off" spellCheck={false}
          {...register('id', { onChange: onIdInput })} />
      </Field>
      <Field label="Level" error={errors.level?.message}>
        <select className={inputClass} {...register('level')}>
          {CASE_LEVELS.map((level) => <option key={level} value={level}>{levelLabels[level]}</option>)}
        </select>
      </Field>
      <Field
        label="Procedure note"
        hint={`As the physician would dictate it, in plain text with no real patient data; at least ${MIN_NOTE_CHARS} characters (${noteLength} so far).`}
        error={errors.note?.message}
        className="sm:col-span-2"
      >
        <textarea rows={6} className={inputClass} {...register('note')} />
      </Field>
      <Field label="Context" hint="Setting, payer and prior history in a sentence or two." error={errors.context?.message} className="sm:col-span-2">
        <textarea rows={2} className={inputClass} {...register('context')} />
      </Field>
      <Field label="Date the key is computed for" hint="The case's “today” (frequency windows and date rules depend on it), YYYY-MM-DD; the date of service unless you change it." error={errors.today?.message}>
        <input type="text" inputMode="numeric" placeholder="YYYY-MM-DD" className={inputClass} {...register('today', { onChange: onTodayInput })} />
      </Field>
      <Field label="Teaching point" hint="What the case teaches, shown after grading." error={errors.teachingPoint?.message} className="sm:col-span-2">
        <textarea rows={3} className={inputClass} {...register('teachingPoint')} />
      </Field>
    </div>
  )
}
