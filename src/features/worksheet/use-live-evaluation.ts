import { useMemo } from 'react'
import { evaluate, type EvaluationContext, type EvaluationInput, type EvaluationResult, type HistoryLine } from '../../domain/index.ts'
import { worksheetToInput, type FormIssue, type WorksheetValues } from './model/index.ts'

export interface LiveEvaluation {
  /** The interchange input the form holds now: what export and finalize store. */
  input: EvaluationInput
  result: EvaluationResult
  issues: FormIssue[]
}

/** Codes and checks what the form holds right now; recomputed on every change (well under a frame). */
export function useLiveEvaluation(values: WorksheetValues, history: readonly HistoryLine[], context: EvaluationContext): LiveEvaluation {
  return useMemo(() => {
    const { input, issues } = worksheetToInput(values, history, context.today)
    return { input, result: evaluate(input, context), issues }
  }, [values, history, context])
}
