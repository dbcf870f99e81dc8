import { z } from 'zod'
import { isIsoDate } from './dates.ts'
import {
  CLAIM_TYPES, DOSE_UNITS, DRUG_CATEGORIES, EPIDURAL_APPROACHES, EPIDURAL_PURPOSES, FACET_PURPOSES,
  GUIDANCE, PLACES_OF_SERVICE, SIDES, SPINAL_LEVELS, SPINAL_REGIONS, TECHNIQUES,
} from './vocabulary.ts'

/**
 * The interchange format: the one shape the worksheet form validates, the engine
 * takes, and export, import and batch checks read and write. Types come from here.
 */

export const SCHEMA_VERSION = 1

const isoDate = z.string().refine(isIsoDate, { message: 'Use a real date written YYYY-MM-DD' })
const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{5}$/, { message: 'A CPT/HCPCS code is 5 letters or digits, e.g. 64493 or J3301' })
const modifier = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{2}$/, { message: 'A modifier is 2 letters or digits, e.g. RT or 50' })

export const sideSchema = z.enum(SIDES).nullable()
export const guidanceSchema = z.enum(GUIDANCE)
export const spinalLevelSchema = z.enum(SPINAL_LEVELS, { message: 'Pick a motion segment such as L4-L5' })

export const levelEntrySchema = z.object({
  level: spinalLevelSchema,
  side: sideSchema,
})

export const muscleEntrySchema = z.object({
  muscle: z.string().trim().min(1, { message: 'Name the muscle' }).max(80),
  side: sideSchema,
  injections: z.number().int({ message: 'Whole injections only' }).min(1, { message: 'At least 1 injection' }).max(99),
})

export const triggerPointSchema = z.object({
  type: z.literal('trigger-point'),
  technique: z.enum(TECHNIQUES),
  guidance: guidanceSchema,
  muscles: z.array(muscleEntrySchema).max(40),
})

export const facetInjectionSchema = z.object({
  type: z.literal('facet-injection'),
  purpose: z.enum(FACET_PURPOSES),
  guidance: guidanceSchema,
  levels: z.array(levelEntrySchema).max(23),
})

export const facetRfaSchema = z.object({
  type: z.literal('facet-rfa'),
  guidance: guidanceSchema,
  levels: z.array(levelEntrySchema).max(23),
})

export const epiduralSchema = z.object({
  type: z.literal('epidural'),
  approach: z.enum(EPIDURAL_APPROACHES),
  purpose: z.enum(EPIDURAL_PURPOSES),
  guidance: guidanceSchema,
  region: z.enum(SPINAL_REGIONS).optional(),
  levels: z.array(levelEntrySchema).max(23).default([]),
})

export const procedureSchema = z.discriminatedUnion('type', [
  triggerPointSchema,
  facetInjectionSchema,
  facetRfaSchema,
  epiduralSchema,
])

export const drugSchema = z.object({
  code,
  name: z.string().trim().max(120).default(''),
  dose: z.number({ message: 'Enter the dose as a number' }).positive({ message: 'The dose must be above 0' }).max(100_000),
  unit: z.enum(DOSE_UNITS),
  category: z.enum(DRUG_CATEGORIES),
})

export const otherLineSchema = z.object({
  code,
  modifiers: z.array(modifier).max(4).default([]),
  units: z.number().int().min(1).max(999).default(1),
})

export const encounterSchema = z.object({
  dateOfService: isoDate,
  patientId: z.string().trim().min(1, { message: 'Enter the patient account' }).max(40),
  providerId: z.string().trim().min(1, { message: 'Pick the rendering provider' }).max(40),
  placeOfService: z.enum(PLACES_OF_SERVICE),
  claimType: z.enum(CLAIM_TYPES),
  payerProfile: z.string().trim().min(1).max(60),
  priorAuthorization: z.string().trim().max(40).nullable().default(null),
  diagnoses: z.array(z.string().trim().toUpperCase().max(10)).max(12),
  procedures: z.array(procedureSchema).max(20),
  drugs: z.array(drugSchema).max(20).default([]),
  otherLines: z.array(otherLineSchema).max(20).default([]),
  documentation: z.record(z.string(), z.boolean()).default({}),
})

export const historyLineSchema = z.object({
  dateOfService: isoDate,
  code,
  modifiers: z.array(modifier).max(4).default([]),
  units: z.number().int().min(1).max(999).default(1),
  providerId: z.string().trim().max(40).optional(),
})

export const evaluationInputSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION).default(SCHEMA_VERSION),
  encounter: encounterSchema,
  history: z.array(historyLineSchema).default([]),
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
