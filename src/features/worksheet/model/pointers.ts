import {
  choiceFor, lineName, linePointerKey, MAX_POINTERS, POINTER_LETTERS,
  type ClaimLine, type LinePointerChoice, type PointerLetter,
} from '../../../domain/index.ts'
import type { FormIssue } from './mappers.ts'
import type { LinePointerValues, WorksheetValues } from './values.ts'

/**
 * Diagnosis pointers in the form. The form keeps a line's chosen pointers as the diagnosis
 * codes they point to, so removing, clearing or retyping a diagnosis never moves a pointer onto
 * another one: a code that is no longer listed becomes a field error. The interchange input
 * carries box 24E's letters.
 */

const bare = (code: string) => code.trim().toUpperCase().replace('.', '')

/** The claim's diagnoses (box 21) as the form lists them: blank rows left out, at most twelve. */
export function enteredDiagnoses(values: Pick<WorksheetValues, 'diagnoses'>): string[] {
  return values.diagnoses.map((d) => d.code.trim().toUpperCase()).filter((c) => c !== '').slice(0, POINTER_LETTERS.length)
}

/** The box 21 letter of each diagnosis row of the form (A for the first one filled in), null for a blank row. */
export function diagnosisLetters(values: Pick<WorksheetValues, 'diagnoses'>): (PointerLetter | null)[] {
  let next = 0
  return values.diagnoses.map((d) => {
    if (d.code.trim() === '') return null
    const letter = POINTER_LETTERS[next] ?? null
    next += 1
    return letter
  })
}

/** The letter of `code` among the claim's diagnoses, or null. */
function letterOf(code: string, diagnoses: readonly string[]): PointerLetter | null {
  const i = diagnoses.findIndex((d) => bare(d) === bare(code))
  return i < 0 ? null : POINTER_LETTERS[i] ?? null
}

/**
 * The interchange pointer choices for what the form holds. A pointer to a code the diagnoses no
 * longer list is left out and reported under `linePointers.<i>`; a choice left with no pointer
 * is left out (its line takes the default pointers).
 */
export function linePointersToInput(values: Pick<WorksheetValues, 'linePointers'>, diagnoses: readonly string[], issues: FormIssue[]): LinePointerChoice[] | undefined {
  const choices: LinePointerChoice[] = []
  ;(values.linePointers ?? []).forEach((choice, i) => {
    const letters: PointerLetter[] = []
    const gone: string[] = []
    for (const code of choice.diagnoses) {
      const letter = letterOf(code, diagnoses)
      if (letter === null) gone.push(code)
      else if (!letters.includes(letter)) letters.push(letter)
    }
    const name = lineName(choice.code, choice.modifiers)
    if (gone.length > 0) {
      issues.push({
        path: `linePointers.${i}`,
        message: `The diagnosis pointers of ${name} name ${gone.join(', ')}, which ${gone.length === 1 ? 'is' : 'are'} no longer among the diagnoses: choose the line's pointers again.`,
      })
    }
    if (letters.length > 0) choices.push({ code: choice.code, modifiers: [...choice.modifiers], pointers: letters.slice(0, MAX_POINTERS) })
  })
  return choices.length > 0 ? choices : undefined
}

/**
 * Form pointer choices for an interchange encounter. A letter past the diagnoses is kept as the
 * letter itself, so the form reports it rather than dropping it.
 */
export function linePointersToValues(choices: readonly LinePointerChoice[] | undefined, diagnoses: readonly string[]): LinePointerValues[] | undefined {
  if (!choices || choices.length === 0) return undefined
  return choices.map((c) => ({
    code: c.code, modifiers: [...c.modifiers],
    diagnoses: c.pointers.map((p) => diagnoses[POINTER_LETTERS.indexOf(p)] ?? p),
  }))
}

/** The form's choice for a line, if any. */
export function choiceForLine(values: Pick<WorksheetValues, 'linePointers'>, line: Pick<ClaimLine, 'code' | 'modifiers'>): LinePointerValues | undefined {
  const choices = values.linePointers ?? []
  return choices[choiceFor(choices.map((c) => ({ code: c.code, modifiers: c.modifiers, pointers: [] })), line)]
}

/**
 * The form's choices with a line's pointers set to `letters` (in that order), or with its
 * choice removed when `letters` is null (the line goes back to its default pointers).
 */
export function withLinePointers(values: Pick<WorksheetValues, 'linePointers' | 'diagnoses'>, line: Pick<ClaimLine, 'code' | 'modifiers'>, letters: readonly PointerLetter[] | null): LinePointerValues[] {
  const key = linePointerKey(line.code, line.modifiers)
  const others = (values.linePointers ?? []).filter((c) => linePointerKey(c.code, c.modifiers) !== key)
  if (letters === null || letters.length === 0) return others
  const diagnoses = enteredDiagnoses(values)
  const codes = letters.slice(0, MAX_POINTERS).flatMap((l) => {
    const code = diagnoses[POINTER_LETTERS.indexOf(l)]
    return code === undefined ? [] : [code]
  })
  return [...others, { code: line.code, modifiers: [...line.modifiers], diagnoses: codes }]
}

/** The form's choices without the one for the line named `name` ("64493 RT"), for DX-POINTER-UNMATCHED's fix. */
export function withoutChoiceNamed(values: Pick<WorksheetValues, 'linePointers'>, name: string): LinePointerValues[] {
  const [code = '', ...modifiers] = name.trim().split(/\s+/)
  const key = linePointerKey(code, modifiers)
  return (values.linePointers ?? []).filter((c) => linePointerKey(c.code, c.modifiers) !== key)
}
