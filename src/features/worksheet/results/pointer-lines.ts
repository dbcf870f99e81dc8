import type { ClaimLine, PointerLetter } from '../../../domain/index.ts'

/** What the claim line table needs to let the coder choose a line's diagnosis pointers. */
export interface PointerEditing {
  /** Box 21 in order: the claim's diagnoses, A first. */
  diagnoses: readonly string[]
  /** Sets the line's pointers in this order, or (null) gives it back its default pointers. */
  onChange: (line: ClaimLine, letters: PointerLetter[] | null) => void
}

/** Whether the line's pointers are the coder's choice rather than its default (the rule module's trace says). */
export function isChosen(line: ClaimLine): boolean {
  return line.trace.some((t) => t.fact === 'pointers from' && t.value === 'the coder\'s choice')
}
