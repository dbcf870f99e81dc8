import { checkLineCoverage } from '../coverage/check-coverage.ts'
import { defaultPointers, POINTER_LETTERS, type PointerLetter } from '../coverage/diagnosis-pointers.ts'
import { supportingDiagnoses } from '../data/diagnoses.ts'
import type { LinePointerChoice } from '../schema.ts'
import type { ClaimLine } from '../types.ts'
import { articlesFor } from './coverage-lists.ts'
import { checkRule, type Facts, type RuleDefinition, type RuleHit } from './rule.ts'

/**
 * Diagnosis pointers (CMS-1500 box 24E): each line points to up to four of the claim's
 * diagnoses (box 21, lettered A to L). A line takes the coder's choice for its code and
 * modifiers when there is one, else its family's default: the diagnoses that support the code
 * first, then the others in box 21's order. Pointers decide no code, modifier or unit, so they
 * name no coding rule on the line: the line's trace says where they came from.
 */

const upper = (text: string) => text.trim().toUpperCase()

/** What a pointer choice and a claim line have in common: the code, and the modifiers in any order. */
export function linePointerKey(code: string, modifiers: readonly string[]): string {
  return [upper(code), ...modifiers.map(upper).sort()].join(' ')
}

/** The line as a coder reads it: "64493 50", "J3301". */
export function lineName(code: string, modifiers: readonly string[]): string {
  return [upper(code), ...modifiers.map(upper)].join(' ')
}

/** Index of the choice (in `choices`) that applies to a line: the first with its key, or -1. */
export function choiceFor(choices: readonly LinePointerChoice[], line: Pick<ClaimLine, 'code' | 'modifiers'>): number {
  const key = linePointerKey(line.code, line.modifiers)
  return choices.findIndex((c) => linePointerKey(c.code, c.modifiers) === key)
}

/**
 * The claim's diagnoses that support a line, per its family: those the practice's billing
 * articles list for the code when loaded for the family, else those in the groups inferred from
 * the LCD indications. Drug and other lines have no family: none.
 */
export function supportingDiagnosesOf(facts: Facts, line: ClaimLine): string[] {
  const procedure = line.procedureIndex === null ? undefined : facts.encounter.procedures[line.procedureIndex]
  if (!procedure) return []
  const articles = articlesFor(facts, procedure.type)
  if (articles.length > 0) {
    const settings = facts.coverage?.settings ?? {}
    return articles.flatMap((article) => {
      const result = checkLineCoverage(article, settings, line.code, facts.diagnoses)
      if (!result.applies) return []
      return result.supported ? result.diagnoses : result.listed
    })
  }
  return facts.diagnoses.filter((dx) => supportingDiagnoses[procedure.type].some((g) => dx.startsWith(g.prefix)))
}

const lettersBelow = (count: number) => (letter: PointerLetter) => POINTER_LETTERS.indexOf(letter) < count

/**
 * The coded lines with their pointers: the coder's choice (its letters that name a diagnosis),
 * or the family's default. Lines of a claim without diagnoses get none.
 */
export function pointLines(facts: Facts): ClaimLine[] {
  const choices = facts.encounter.linePointers ?? []
  const count = facts.encounter.diagnoses.length
  return facts.coding.lines.map((line) => {
    if (count === 0) return line
    const chosen = choices[choiceFor(choices, line)]?.pointers.filter(lettersBelow(count)) ?? []
    if (chosen.length > 0) {
      return {
        ...line, pointers: chosen,
        trace: [...line.trace, { fact: 'diagnosis pointers', value: chosen.join('') }, { fact: 'pointers from', value: 'the coder\'s choice' }],
      }
    }
    const support = supportingDiagnosesOf(facts, line)
    const pointers = defaultPointers(facts.diagnoses, support)
    return {
      ...line, pointers,
      trace: [...line.trace, { fact: 'diagnosis pointers', value: pointers.join('') }, {
        fact: 'pointers from',
        value: support.length > 0 ? 'the diagnoses that support the code first, then box 21 order' : 'box 21 order',
      }],
    }
  })
}

function missingHits(facts: Facts): RuleHit[] {
  const choices = facts.encounter.linePointers ?? []
  const count = facts.encounter.diagnoses.length
  const listed = count === 0 ? 'no diagnosis' : `only ${POINTER_LETTERS.slice(0, count).join(', ')}`
  return choices.flatMap((choice, ci): RuleHit[] => {
    const missing = choice.pointers.filter((p) => !lettersBelow(count)(p))
    if (missing.length === 0) return []
    const lineIndexes = facts.coding.lines.flatMap((l, i) => (choiceFor(choices, l) === ci ? [i] : []))
    if (lineIndexes.length === 0) return []
    const name = lineName(choice.code, choice.modifiers)
    const kept = choice.pointers.filter(lettersBelow(count))
    return [{
      message: `The pointers chosen for ${name} (${choice.pointers.join('')}) name ${missing.join(', ')}, but the claim lists ${listed} (box 21): ${kept.length > 0 ? `the line points to ${kept.join('')} only` : 'the line takes its default pointers'}.`,
      fix: `Choose the pointers for ${name} again from the diagnoses on the claim, or add the diagnosis that is missing.`,
      trace: [{ fact: 'line', value: name }, { fact: 'pointers chosen', value: choice.pointers.join('') }, { fact: 'diagnoses', value: count }],
      lineIndexes,
    }]
  })
}

function unmatchedHits(facts: Facts): RuleHit[] {
  const choices = facts.encounter.linePointers ?? []
  const keys = new Set(facts.coding.lines.map((l) => linePointerKey(l.code, l.modifiers)))
  const seen = new Set<string>()
  return choices.flatMap((choice): RuleHit[] => {
    const key = linePointerKey(choice.code, choice.modifiers)
    if (keys.has(key) || seen.has(key)) return []
    seen.add(key)
    const name = lineName(choice.code, choice.modifiers)
    return [{
      message: `Pointers were chosen for ${name} (${choice.pointers.join('')}), but no claim line is ${name} now: the choice is not used and the lines take their default pointers.`,
      fix: 'Check the pointers of the lines as they are coded now and choose them again where needed; then forget the old choice.',
      trace: [{ fact: 'line', value: name }, { fact: 'pointers chosen', value: choice.pointers.join('') }, { fact: 'lines', value: [...keys].join(', ') }],
    }]
  })
}

export const pointerRules: readonly RuleDefinition[] = [
  checkRule({
    id: 'DX-POINTER-MISSING', title: 'Diagnosis pointer to a diagnosis the claim does not have', scope: 'claim',
    severity: 'error', category: 'diagnosis', sources: ['CMS-1500-POINTERS'],
    check: missingHits,
  }),
  checkRule({
    id: 'DX-POINTER-UNMATCHED', title: 'Pointers chosen for a line the claim no longer has', scope: 'claim',
    severity: 'warning', category: 'diagnosis', sources: ['CMS-1500-POINTERS'],
    check: unmatchedHits,
  }),
]
