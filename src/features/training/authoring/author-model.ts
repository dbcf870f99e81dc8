import {
  builtInPayerProfiles, createContext, DEFAULT_PAYER_PROFILE_ID, evaluate, isIsoDateText, parseEvaluationInput,
  PROCEDURE_TYPES, type EvaluationInput, type EvaluationResult, type Family,
} from '../../../domain/index.ts'
import { answerKeyOf } from '../../../domain/training/answer-key.ts'
import { CASE_LEVELS, type AnswerKey, type CaseLevel, type PracticeCase } from '../../../domain/training/types.ts'

/**
 * The pure side of case authoring: ids, the blank case, the answer key a case's facts give, and
 * the form's checks. The page only wires these to the form and the store.
 */

/** As the case file reads ids: 1 to 40 lower-case letters, digits or hyphens, starting with a letter or digit. */
export const CASE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/
export const MAX_CASE_ID = 40
/** The shipped-case test and the case file both want a real note, not a line. */
export const MIN_NOTE_CHARS = 80

/** A case id from a title: lower-case words joined by hyphens, at most 40 characters. */
export function slugOf(title: string): string {
  const words = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return words.slice(0, MAX_CASE_ID).replace(/-+$/, '')
}

/** The slug of `title`, made unique among `taken` with -2, -3 … (still at most 40 characters). */
export function uniqueSlugOf(title: string, taken: ReadonlySet<string>): string {
  const base = slugOf(title)
  if (base === '' || !taken.has(base)) return base
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = `${base.slice(0, MAX_CASE_ID - suffix.length).replace(/-+$/, '')}${suffix}`
    if (!taken.has(candidate)) return candidate
  }
}

export interface CaseIdContext {
  /** Ids of the shipped cases. */
  isShipped: (id: string) => boolean
  /** Ids of the practice's own cases. */
  ownIds: ReadonlySet<string>
  /** The id of the case being edited (it may keep its own id). */
  editingId: string | null
}

/** Why `id` cannot be a new or edited case's id, or null when it can. */
export function caseIdProblem(id: string, ctx: CaseIdContext): string | null {
  if (id === '') return 'Enter an id, e.g. tpi-bilateral-trapezius.'
  if (id.length > MAX_CASE_ID) return `Use at most ${MAX_CASE_ID} characters.`
  if (!CASE_ID_PATTERN.test(id)) return 'Use lower-case letters, digits and hyphens only, starting with a letter or digit.'
  if (ctx.isShipped(id)) return `${id} is the id of a case that ships with the app: choose another id.`
  if (id !== ctx.editingId && ctx.ownIds.has(id)) return `${id} is already the id of one of the practice's cases: choose another id.`
  return null
}

/** The facts a blank case starts from: one Medicare office visit on `today` with nothing entered yet. */
export function blankCaseInput(today: string): EvaluationInput {
  const parsed = parseEvaluationInput({
    encounter: {
      dateOfService: today, patientId: 'TRAINING', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
      payerProfile: DEFAULT_PAYER_PROFILE_ID, diagnoses: [], procedures: [],
    },
  })
  if (!parsed.ok) throw new Error(`The blank case is not a valid input: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
  return parsed.input
}

/** A stored case's facts as the worksheet takes them; null when they no longer validate. */
export function caseInputOf(practiceCase: PracticeCase): EvaluationInput | null {
  const parsed = parseEvaluationInput(practiceCase.input)
  return parsed.ok ? parsed.input : null
}

/** The families a case exercises: its procedures' types, in the vocabulary's order. */
export function familiesOf(input: EvaluationInput): Family[] {
  const types = new Set(input.encounter.procedures.map((p) => p.type))
  return PROCEDURE_TYPES.filter((t) => types.has(t))
}

/** Every rule an evaluation names: its findings, then the coding rules on its lines, each once. */
export function ruleIdsOf(result: EvaluationResult): string[] {
  return [...new Set([...result.findings.map((f) => f.ruleId), ...result.lines.flatMap((l) => l.ruleIds)])]
}

export interface ComputedKey {
  key: AnswerKey
  result: EvaluationResult
  /** The key's rules (findings and coding rules), each once. */
  ruleIds: string[]
  /** The facts' payer profile when it is not a built-in one (the key then uses the default profile). */
  unknownProfile: string | null
}

/** The answer key exactly as every case's key is computed: built-in payer profiles, no NCCI tables. */
export function computeKey(input: EvaluationInput, today: string): ComputedKey {
  const result = evaluate(input, createContext(today))
  const profile = input.encounter.payerProfile
  return {
    key: answerKeyOf(result), result, ruleIds: ruleIdsOf(result),
    unknownProfile: builtInPayerProfiles.some((p) => p.id === profile) ? null : profile,
  }
}

/** The rule choices: the key's rules, then any other rule the source case was about (ticked by default). */
export function ruleOptionsOf(keyRuleIds: readonly string[], sourceRuleIds: readonly string[]): string[] {
  return [...new Set([...keyRuleIds, ...sourceRuleIds])]
}

/** The rules of a source case's key that it is not about (start unticked when editing or copying). */
export function untickedOf(keyRuleIds: readonly string[], sourceRuleIds: readonly string[]): string[] {
  const chosen = new Set(sourceRuleIds)
  return keyRuleIds.filter((id) => !chosen.has(id))
}

export interface CaseFormValues {
  title: string
  id: string
  level: CaseLevel
  note: string
  context: string
  today: string
  teachingPoint: string
}

export type CaseFormErrors = Partial<Record<keyof CaseFormValues, string>>

/** Every field's problem, by field; empty when the values can be saved. */
export function validateCaseForm(values: CaseFormValues, ids: CaseIdContext): CaseFormErrors {
  const errors: CaseFormErrors = {}
  if (values.title.trim() === '') errors.title = 'Enter a title.'
  else if (values.title.trim().length > 120) errors.title = 'Use at most 120 characters.'
  const idProblem = caseIdProblem(values.id.trim(), ids)
  if (idProblem) errors.id = idProblem
  if (!CASE_LEVELS.includes(values.level)) errors.level = 'Pick a level.'
  const note = values.note.trim().length
  if (note < MIN_NOTE_CHARS) errors.note = `Write the procedure note in at least ${MIN_NOTE_CHARS} characters (now ${note}).`
  if (values.context.trim() === '') errors.context = 'Say the setting, payer and prior history in a sentence or two.'
  if (!isIsoDateText(values.today.trim())) errors.today = 'Use a real date written YYYY-MM-DD.'
  if (values.teachingPoint.trim() === '') errors.teachingPoint = 'Say what the case teaches.'
  return errors
}

/** Why the facts cannot be saved as a case, or null. */
export function factsProblem(input: EvaluationInput | null, computed: ComputedKey | null): string | null {
  if (!input || !computed) return 'The facts are not complete: correct them in the form above.'
  if (computed.unknownProfile !== null) return 'Pick one of the built-in payer profiles: every case is computed with them, so that it grades the same on every machine.'
  if (input.encounter.procedures.length === 0) return 'Add at least one procedure to the facts: a case\'s families come from its procedures.'
  return null
}

/** The case as stored, from validated values, the facts and their key. */
export function buildPracticeCase(values: CaseFormValues, input: EvaluationInput, computed: ComputedKey, ruleIds: readonly string[]): PracticeCase {
  return {
    id: values.id.trim(), title: values.title.trim(), level: values.level, families: familiesOf(input), ruleIds: [...ruleIds],
    note: values.note.trim(), context: values.context.trim(), today: values.today.trim(), input, answerKey: computed.key,
    teachingPoint: values.teachingPoint.trim(),
  }
}

/** The form's starting values: empty for a new case, the case's own for an edit, a renamed copy for a copy. */
export function initialValuesOf(source: PracticeCase | null, mode: 'new' | 'edit' | 'copy', today: string, taken: ReadonlySet<string>): CaseFormValues {
  if (!source || mode === 'new') return { title: '', id: '', level: 'new', note: '', context: '', today, teachingPoint: '' }
  const title = mode === 'copy' ? `${source.title} (copy)` : source.title
  return {
    title, id: mode === 'copy' ? uniqueSlugOf(title, taken) : source.id, level: source.level, note: source.note,
    context: source.context, today: source.today, teachingPoint: source.teachingPoint,
  }
}
