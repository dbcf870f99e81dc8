import { z } from './zod.ts'
import { isIsoDate } from './dates.ts'
import { NDC_UNITS } from './ndc/ndc.ts'
import { MAX_POINTERS, POINTER_LETTERS } from './coverage/diagnosis-pointers.ts'
import {
  CLAIM_TYPES, DOSE_UNITS, DRUG_CATEGORIES, EPIDURAL_APPROACHES, EPIDURAL_PURPOSES, FACET_PURPOSES,
  GUIDANCE, PLACES_OF_SERVICE, SIDES, SPINAL_LEVELS, SPINAL_REGIONS, TECHNIQUES, type SpinalRegion,
} from './vocabulary.ts'

/**
 * The interchange format: the one shape the worksheet form validates, the engine
 * takes, and export, import and batch checks read and write. Types come from here.
 *
 * Written with zod/mini (see ./zod.ts): checks run in the order given, so trim and
 * upper-case come before the regex or length they feed.
 */

export const SCHEMA_VERSION = 1

const isoDate = z.string().check(z.refine(isIsoDate, { error: 'Use a real date written YYYY-MM-DD' }))
const code = z.string().check(
  z.trim(),
  z.toUpperCase(),
  z.regex(/^[0-9A-Z]{5}$/, { error: 'A CPT/HCPCS code is 5 letters or digits, e.g. 64493 or J3301' }),
)
const modifier = z.string().check(
  z.trim(),
  z.toUpperCase(),
  z.regex(/^[0-9A-Z]{2}$/, { error: 'A modifier is 2 letters or digits, e.g. RT or 50' }),
)
/** Whole units on a line, 1 to 999; 1 when left out. */
const units = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(999)), 1)

export const sideSchema = z.nullable(z.enum(SIDES))
export const guidanceSchema = z.enum(GUIDANCE)
export const spinalLevelSchema = z.enum(SPINAL_LEVELS, { error: 'Pick a motion segment such as L4-L5' })

export const levelEntrySchema = z.object({
  level: spinalLevelSchema,
  side: sideSchema,
})

export const muscleEntrySchema = z.object({
  muscle: z.string().check(z.trim(), z.minLength(1, { error: 'Name the muscle' }), z.maxLength(80)),
  side: sideSchema,
  injections: z.number().check(
    z.int({ error: 'Whole injections only' }),
    z.minimum(1, { error: 'At least 1 injection' }),
    z.maximum(99),
  ),
})

export const triggerPointSchema = z.object({
  type: z.literal('trigger-point'),
  technique: z.enum(TECHNIQUES),
  guidance: guidanceSchema,
  muscles: z.array(muscleEntrySchema).check(z.maxLength(40)),
})

export const facetInjectionSchema = z.object({
  type: z.literal('facet-injection'),
  purpose: z.enum(FACET_PURPOSES),
  guidance: guidanceSchema,
  levels: z.array(levelEntrySchema).check(z.maxLength(23)),
})

export const facetRfaSchema = z.object({
  type: z.literal('facet-rfa'),
  guidance: guidanceSchema,
  levels: z.array(levelEntrySchema).check(z.maxLength(23)),
})

/** Words people write for a caudal epidural's region, read as the two regions the rules know. */
const REGION_WORDS: Readonly<Record<string, SpinalRegion>> = {
  lumbar: 'lumbar-sacral', sacral: 'lumbar-sacral', lumbosacral: 'lumbar-sacral',
  cervical: 'cervical-thoracic', thoracic: 'cervical-thoracic', cervicothoracic: 'cervical-thoracic',
}
const regionSchema = z.pipe(
  z.string().check(z.trim(), z.toLowerCase()),
  z.enum([...SPINAL_REGIONS, ...Object.keys(REGION_WORDS)] as [SpinalRegion, ...SpinalRegion[]], { error: 'Use lumbar-sacral or cervical-thoracic (lumbar, sacral, cervical and thoracic are read too)' }),
).check(z.overwrite((r) => REGION_WORDS[r] ?? r))

export const epiduralSchema = z.object({
  type: z.literal('epidural'),
  approach: z.enum(EPIDURAL_APPROACHES),
  purpose: z.enum(EPIDURAL_PURPOSES),
  guidance: guidanceSchema,
  region: z.optional(regionSchema),
  levels: z._default(z.array(levelEntrySchema).check(z.maxLength(23)), []),
})

export const procedureSchema = z.discriminatedUnion('type', [
  triggerPointSchema,
  facetInjectionSchema,
  facetRfaSchema,
  epiduralSchema,
])

export const drugSchema = z.object({
  code,
  name: z._default(z.string().check(z.trim(), z.maxLength(120)), ''),
  dose: z.number({ error: 'Enter the dose as a number' }).check(
    z.positive({ error: 'The dose must be above 0' }),
    z.maximum(100_000),
  ),
  unit: z.enum(DOSE_UNITS),
  category: z.enum(DRUG_CATEGORIES),
  /** As written on the package (checked and padded to 11 digits when coded); absent: the practice's list for the code. */
  ndc: z.optional(z.string().check(z.trim(), z.maxLength(20))),
  /** The amount given in the NDC's own unit (e.g. 2 for two vials, UN). */
  ndcQuantity: z.optional(z.number().check(z.positive({ error: 'The NDC quantity must be above 0' }), z.maximum(9_999_999))),
  ndcUnit: z.optional(z.enum(NDC_UNITS)),
})

export const otherLineSchema = z.object({
  code,
  modifiers: z._default(z.array(modifier).check(z.maxLength(4)), []),
  units,
})

const pointerLetter = z.enum(POINTER_LETTERS, { error: 'A diagnosis pointer is a letter from A to L (box 21)' })

/**
 * The coder's choice of diagnosis pointers (box 24E) for the claim line with this code and these
 * modifiers (in any order). Lines are computed from the encounter, so the choice names the line
 * rather than its position; a choice that matches no line is reported and not used.
 */
export const linePointerSchema = z.object({
  code,
  modifiers: z._default(z.array(modifier).check(z.maxLength(4)), []),
  pointers: z.array(pointerLetter).check(
    z.minLength(1, { error: 'Point to at least one diagnosis' }),
    z.maxLength(MAX_POINTERS, { error: `A claim line points to at most ${MAX_POINTERS} diagnoses (box 24E)` }),
    z.refine((letters) => new Set(letters).size === letters.length, { error: 'A diagnosis pointer is given twice' }),
  ),
})

export const encounterSchema = z.object({
  dateOfService: isoDate,
  patientId: z.string().check(z.trim(), z.minLength(1, { error: 'Enter the patient account' }), z.maxLength(40)),
  providerId: z.string().check(z.trim(), z.minLength(1, { error: 'Pick the rendering provider' }), z.maxLength(40)),
  placeOfService: z.enum(PLACES_OF_SERVICE),
  claimType: z.enum(CLAIM_TYPES),
  payerProfile: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  priorAuthorization: z._default(z.nullable(z.string().check(z.trim(), z.maxLength(40))), null),
  diagnoses: z.array(z.string().check(z.trim(), z.toUpperCase(), z.maxLength(10))).check(z.maxLength(12)),
  procedures: z.array(procedureSchema).check(z.maxLength(20)),
  drugs: z._default(z.array(drugSchema).check(z.maxLength(20)), []),
  otherLines: z._default(z.array(otherLineSchema).check(z.maxLength(20)), []),
  documentation: z._default(z.record(z.string(), z.boolean()), {}),
  /** Absent in files from before pointers could be chosen: every line takes its default pointers. */
  linePointers: z.optional(z.array(linePointerSchema).check(z.maxLength(40))),
})

export const historyLineSchema = z.object({
  dateOfService: isoDate,
  code,
  modifiers: z._default(z.array(modifier).check(z.maxLength(4)), []),
  units,
  providerId: z.optional(z.string().check(z.trim(), z.maxLength(40))),
})

export const evaluationInputSchema = z.object({
  schemaVersion: z._default(z.literal(SCHEMA_VERSION), SCHEMA_VERSION),
  encounter: encounterSchema,
  history: z._default(z.array(historyLineSchema), []),
})

export type LevelEntry = z.infer<typeof levelEntrySchema>
export type MuscleEntry = z.infer<typeof muscleEntrySchema>
export type TriggerPointProcedure = z.infer<typeof triggerPointSchema>
export type FacetInjectionProcedure = z.infer<typeof facetInjectionSchema>
export type FacetRfaProcedure = z.infer<typeof facetRfaSchema>
export type EpiduralProcedure = z.infer<typeof epiduralSchema>
export type Procedure = z.infer<typeof procedureSchema>
export type Drug = z.infer<typeof drugSchema>
export type OtherLine = z.infer<typeof otherLineSchema>
export type LinePointerChoice = z.infer<typeof linePointerSchema>
export type Encounter = z.infer<typeof encounterSchema>
export type HistoryLine = z.infer<typeof historyLineSchema>
/** A validated input, as the engine takes it. */
export type EvaluationInput = z.infer<typeof evaluationInputSchema>
/** An input as a user or file may write it (defaults not yet applied). */
export type EvaluationInputDraft = z.input<typeof evaluationInputSchema>

export type InputIssue = { path: string; message: string }

/** Validates unknown data as an evaluation input, with plain messages that name the field. */
export function parseEvaluationInput(
  data: unknown,
): { ok: true; input: EvaluationInput } | { ok: false; issues: InputIssue[] } {
  const result = evaluationInputSchema.safeParse(data)
  if (result.success) return { ok: true, input: result.data }
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    })),
  }
}
