import type { ComponentType } from 'react'
import type { EvaluationInput } from '../domain/index.ts'

/**
 * The worksheet's form on its own, for training mode: a trainee codes a practice case in it with
 * the suggestions hidden, and a supervisor states a new case's facts in it. The worksheet feature
 * provides the component; the app hands it to the training pages (features do not import each other).
 */
export interface CaseWorksheetProps {
  /** The facts the form starts from; its history is the patient's prior claim lines for the live mapping. */
  initialInput: EvaluationInput
  /** "Today" for the form's date handling (the case's date). */
  today: string
  /** Called with the interchange input whenever the form changes (and once with the initial facts). */
  onChange: (input: EvaluationInput) => void
  /** The form's accessible name, e.g. "Case facts". */
  label: string
}

export type CaseWorksheetComponent = ComponentType<CaseWorksheetProps>
