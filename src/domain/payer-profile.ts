import { z } from 'zod'
import { isIsoDate } from './dates.ts'
import { FACET_PURPOSES, EPIDURAL_PURPOSES, PLACES_OF_SERVICE, PROCEDURE_TYPES } from './vocabulary.ts'

/**
 * A payer profile holds every limit and convention that differs by payer or Medicare
 * contractor. Built-in profiles are data in data/payer-profiles.ts; a practice copies
 * one and edits it, and this schema says what a valid edit is.
 */

const isoDate = z.string().refine(isIsoDate, { message: 'Use a real date written YYYY-MM-DD' })
const sourceText = z.string().trim().min(3, { message: 'Say where this value comes from' })

/** How a bilateral procedure goes on the claim. */
export const BILATERAL_FORMATS = ['modifier-50', 'rt-lt-two-lines', 'one-line-two-units'] as const
export type BilateralFormat = (typeof BILATERAL_FORMATS)[number]

export const bilateralFormatLabels: Readonly<Record<BilateralFormat, string>> = {
  'modifier-50': 'One line with modifier 50, one unit',
  'rt-lt-two-lines': 'Two lines, RT and LT, one unit each',
  'one-line-two-units': 'One line with RT and LT, two units',
}

const bilateralRule = z.object({ format: z.enum(BILATERAL_FORMATS), verified: z.boolean(), source: sourceText })

const interval = z.object({
  amount: z.number().int().min(1, { message: 'At least 1' }).max(120, { message: 'At most 120' }),
  unit: z.enum(['days', 'months']),
})

export const frequencyLimitSchema = z
  .object({
    id: z.string().trim().min(1).max(60),
    family: z.enum(PROCEDURE_TYPES),
    /** Which purposes count; null counts every session of the family. */
    purposes: z.array(z.enum([...FACET_PURPOSES, ...EPIDURAL_PURPOSES])).min(1).nullable(),
    limit: z.number().int().min(1, { message: 'The limit must be at least 1 session' }).max(52, { message: 'At most 52 sessions' }),
    window: interval,
    scope: z.enum(['per-region', 'all-regions']),
    minInterval: interval.nullable(),
    severity: z.enum(['error', 'warning']),
    /** Set when the limit is a named reading (e.g. the billing guide's), reported as such. */
    interpretation: z.string().trim().max(200).nullable(),
    note: z.string().max(400).nullable(),
    effectiveFrom: isoDate.nullable(),
    effectiveTo: isoDate.nullable(),
    source: sourceText,
  })
  .refine((l) => !l.effectiveFrom || !l.effectiveTo || l.effectiveFrom <= l.effectiveTo, {
    message: 'The end date must not be before the start date',
    path: ['effectiveTo'],
  })
export type FrequencyLimit = z.infer<typeof frequencyLimitSchema>

const coverageValue = <T extends z.ZodType>(value: T) =>
  z.object({ value: value, effectiveFrom: isoDate.nullable(), source: sourceText })

export const payerProfileSchema = z.object({
  id: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, { message: 'Use lower-case letters, digits and dashes' }),
  name: z.string().trim().min(1).max(80),
  kind: z.enum(['medicare', 'commercial']),
  description: z.string().max(600),
  bilateral: z.object({
    professional: bilateralRule,
    hospitalOutpatientFacility: bilateralRule,
    /** Modifier 50 is not recognised for ASC facility payment, so it is not offered. */
    ascFacility: bilateralRule.extend({ format: z.enum(['rt-lt-two-lines', 'one-line-two-units']) }),
  }),
  frequencyLimits: z.array(frequencyLimitSchema).max(40),
  coverage: z.object({
    /** Levels per region per facet session beyond which lines are non-covered; null = no limit known. */
    facetMaxLevelsPerSession: coverageValue(z.number().int().min(1).max(6).nullable()),
    /** Ultrasound-guided facet injections (0213T-0218T) covered; null = unknown. */
    ultrasoundFacetCovered: coverageValue(z.boolean().nullable()),
    /** Epidural injections need fluoroscopy or CT to be covered. */
    epiduralImagingRequired: coverageValue(z.boolean().nullable()),
    /** Transforaminal levels per session beyond which coverage fails; null = no limit known. */
    transforaminalMaxLevels: coverageValue(z.number().int().min(1).max(6).nullable()),
    /** Local anesthetic given in the procedure is billed on its own line; null = unknown. */
    localAnestheticSeparatelyPayable: coverageValue(z.boolean().nullable()),
    /** S-codes (e.g. S0020) accepted. */
    acceptsSCodes: coverageValue(z.boolean()),
    /** Image-guided trigger point injections excluded. */
    tpiImagingExcluded: coverageValue(z.boolean().nullable()),
  }),
  /** Milligrams of combined betamethasone per billing unit of J0702. */
  betamethasoneMgPerUnit: coverageValue(z.union([z.literal(3), z.literal(6)])),
  opdPriorAuthorization: z
    .object({
      places: z.array(z.enum(PLACES_OF_SERVICE)).min(1),
      effectiveFrom: isoDate,
      codes: z.array(z.object({ code: z.string().regex(/^[0-9A-Z]{5}$/), from: isoDate, to: isoDate.nullable() })).min(1),
      source: sourceText,
    })
    .nullable(),
})
export type PayerProfile = z.infer<typeof payerProfileSchema>
