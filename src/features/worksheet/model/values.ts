import { z } from 'zod/mini'
import {
  CLAIM_TYPES, DOSE_UNITS, DRUG_CATEGORIES, NDC_UNITS, EPIDURAL_APPROACHES, EPIDURAL_PURPOSES, FACET_PURPOSES,
  GUIDANCE, PLACES_OF_SERVICE, PROCEDURE_TYPES, SIDES, SPINAL_LEVELS, SPINAL_REGIONS, TECHNIQUES,
} from '../../../domain/index.ts'

/**
 * The worksheet form's own shape. It is close to the interchange encounter but built for
 * a form: every procedure carries every family's fields (the type decides which apply, so
 * switching type loses nothing), sides use '' for "not documented", numbers may be NaN
 * while a field is empty, and lists of codes are lists of objects for field arrays.
 * Drafts are stored in this shape and validated with this schema when read back.
 */

const sideValue = z.union([z.enum(SIDES), z.literal('')])

export const muscleValuesSchema = z.object({
  muscle: z.string(),
  side: sideValue,
  injections: z.number(),
})

export const levelValuesSchema = z.object({
  level: z.enum(SPINAL_LEVELS),
  side: sideValue,
})

export const procedureValuesSchema = z.object({
  /** Stable key for React lists and field arrays. */
  key: z.string(),
  type: z.enum(PROCEDURE_TYPES),
  technique: z.enum(TECHNIQUES),
  guidance: z.enum(GUIDANCE),
  facetPurpose: z.enum(FACET_PURPOSES),
  approach: z.enum(EPIDURAL_APPROACHES),
  epiduralPurpose: z.enum(EPIDURAL_PURPOSES),
  region: z.union([z.enum(SPINAL_REGIONS), z.literal('')]),
  muscles: z.array(muscleValuesSchema),
  levels: z.array(levelValuesSchema),
})

export const drugValuesSchema = z.object({
  code: z.string(),
  name: z.string(),
  dose: z.number(),
  unit: z.enum(DOSE_UNITS),
  category: z.enum(DRUG_CATEGORIES),
  /** Optional: drafts from before NDCs read without them. '' = not entered. */
  ndc: z.optional(z.string()),
  ndcQuantity: z.optional(z.number()),
  ndcUnit: z.optional(z.union([z.enum(NDC_UNITS), z.literal('')])),
})

export const otherLineValuesSchema = z.object({
  code: z.string(),
  /** Space- or comma-separated, as a coder types them. */
  modifiers: z.string(),
  units: z.number(),
})

/**
 * The pointers a coder chose for the claim line with this code and these modifiers, as the
 * diagnosis codes they point to (in pointer order): a removed diagnosis cannot shift a pointer
 * onto another one.
 */
export const linePointerValuesSchema = z.object({
  code: z.string(),
  modifiers: z.array(z.string()),
  diagnoses: z.array(z.string()),
})

export const worksheetValuesSchema = z.object({
  dateOfService: z.string(),
  patientId: z.string(),
  providerId: z.string(),
  placeOfService: z.enum(PLACES_OF_SERVICE),
  claimType: z.enum(CLAIM_TYPES),
  payerProfile: z.string(),
  priorAuthorization: z.string(),
  diagnoses: z.array(z.object({ code: z.string() })),
  procedures: z.array(procedureValuesSchema),
  drugs: z.array(drugValuesSchema),
  otherLines: z.array(otherLineValuesSchema),
  documentation: z.record(z.string(), z.boolean()),
  /** Optional: drafts from before pointers could be chosen read without them. */
  linePointers: z.optional(z.array(linePointerValuesSchema)),
})

export type MuscleValues = z.infer<typeof muscleValuesSchema>
export type LevelValues = z.infer<typeof levelValuesSchema>
export type ProcedureValues = z.infer<typeof procedureValuesSchema>
export type DrugValues = z.infer<typeof drugValuesSchema>
export type OtherLineValues = z.infer<typeof otherLineValuesSchema>
export type LinePointerValues = z.infer<typeof linePointerValuesSchema>
export type WorksheetValues = z.infer<typeof worksheetValuesSchema>
