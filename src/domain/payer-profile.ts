import { z } from './zod.ts'
import { isIsoDate } from './dates.ts'
import { FACET_PURPOSES, EPIDURAL_PURPOSES, PLACES_OF_SERVICE, PROCEDURE_TYPES } from './vocabulary.ts'

/**
 * A payer profile holds every limit and convention that differs by payer or Medicare
 * contractor. Built-in profiles are data in data/payer-profiles.ts; a practice copies
 * one and edits it, and this schema says what a valid edit is.
 */

const isoDate = z.string().check(z.refine(isIsoDate, { error: 'Use a real date written YYYY-MM-DD' }))
const sourceText = z.string().check(z.trim(), z.minLength(3, { error: 'Say where this value comes from' }))

/** How a bilateral procedure goes on the claim. */
export const BILATERAL_FORMATS = ['modifier-50', 'rt-lt-two-lines', 'one-line-two-units'] as const
export type BilateralFormat = (typeof BILATERAL_FORMATS)[number]

export const bilateralFormatLabels: Readonly<Record<BilateralFormat, string>> = {
  'modifier-50': 'One line with modifier 50, one unit',
  'rt-lt-two-lines': 'Two lines, RT and LT, one unit each',
  'one-line-two-units': 'One line with RT and LT, two units',
}

/** What happens to two claim lines with the same code and modifiers (e.g. the add-on of a third level). */
export const REPEATED_LINE_FORMATS = ['merge-units', 'line-per-level'] as const
export type RepeatedLineFormat = (typeof REPEATED_LINE_FORMATS)[number]
/** Modifiers a payer may name to tell apart a repeated line when it wants one line per level. */
export const DISTINGUISHING_MODIFIERS = ['59', 'XS', 'XU', '76'] as const

export const repeatedLinesSchema = z.object({
  format: z.enum(REPEATED_LINE_FORMATS),
  /** Added to the second and later lines of a code when the format is 'line-per-level'. */
  modifier: z.nullable(z.enum(DISTINGUISHING_MODIFIERS)),
  source: z.string().check(z.trim(), z.minLength(3, { error: 'Say where this value comes from' })),
}).check(z.refine((r) => r.format === 'merge-units' || r.modifier !== null, { error: 'Name the modifier that tells the repeated lines apart', path: ['modifier'] }))
export type RepeatedLines = z.infer<typeof repeatedLinesSchema>
export const MERGE_REPEATED_LINES: RepeatedLines = Object.freeze({
  format: 'merge-units',
  modifier: null,
  source: 'Two lines with the same code and modifiers on one date deny as duplicates (CARC 18); add-on codes take one unit per additional level or joint (reference, RFA and transforaminal add-ons)',
})

/** When drug lines must carry an NDC: every drug line, only unclassified drugs (J3490, J3590), or never. */
export const NDC_REQUIREMENTS = ['all-drugs', 'unclassified-drugs', 'never'] as const
export type NdcRequirement = (typeof NDC_REQUIREMENTS)[number]
export const ndcRuleSchema = z.object({ required: z.enum(NDC_REQUIREMENTS), source: z.string().check(z.trim(), z.minLength(3, { error: 'Say where this value comes from' })) })
export type NdcRule = z.infer<typeof ndcRuleSchema>
/** Profiles saved before the NDC setting read as asking it for unclassified drugs only. */
export const NDC_UNCLASSIFIED_ONLY: NdcRule = Object.freeze({
  required: 'unclassified-drugs',
  source: 'Unclassified drugs carry the drug name, dose and NDC in Box 19 / loop 2400 NTE (reference, drug table); which payers require an NDC on every drug line is set per payer',
})

const bilateralRule = z.object({ format: z.enum(BILATERAL_FORMATS), verified: z.boolean(), source: sourceText })

const interval = z.object({
  amount: z.number().check(z.int(), z.minimum(1, { error: 'At least 1' }), z.maximum(120, { error: 'At most 120' })),
  unit: z.enum(['days', 'months']),
})

export const frequencyLimitSchema = z
  .object({
    id: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
    family: z.enum(PROCEDURE_TYPES),
    /** Which purposes count; null counts every session of the family. */
    purposes: z.nullable(z.array(z.enum([...FACET_PURPOSES, ...EPIDURAL_PURPOSES])).check(z.minLength(1))),
    limit: z.number().check(
      z.int(),
      z.minimum(1, { error: 'The limit must be at least 1 session' }),
      z.maximum(52, { error: 'At most 52 sessions' }),
    ),
    window: interval,
    scope: z.enum(['per-region', 'all-regions']),
    minInterval: z.nullable(interval),
    severity: z.enum(['error', 'warning']),
    /** Set when the limit is a named reading (e.g. the billing guide's), reported as such. */
    interpretation: z.nullable(z.string().check(z.trim(), z.maxLength(200))),
    note: z.nullable(z.string().check(z.maxLength(400))),
    effectiveFrom: z.nullable(isoDate),
    effectiveTo: z.nullable(isoDate),
    source: sourceText,
  })
  .check(
    z.refine((l) => !l.effectiveFrom || !l.effectiveTo || l.effectiveFrom <= l.effectiveTo, {
      error: 'The end date must not be before the start date',
      path: ['effectiveTo'],
    }),
  )
export type FrequencyLimit = z.infer<typeof frequencyLimitSchema>

const coverageValue = <T extends z.ZodMiniType>(value: T) =>
  z.object({ value: value, effectiveFrom: z.nullable(isoDate), source: sourceText })

export const payerProfileSchema = z.object({
  id: z.string().check(z.trim(), z.regex(/^[a-z0-9][a-z0-9-]{1,59}$/, { error: 'Use lower-case letters, digits and dashes' })),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  kind: z.enum(['medicare', 'commercial']),
  description: z.string().check(z.maxLength(600)),
  bilateral: z.object({
    professional: bilateralRule,
    hospitalOutpatientFacility: bilateralRule,
    /** Modifier 50 is not recognised for ASC facility payment, so it is not offered. */
    ascFacility: z.extend(bilateralRule, { format: z.enum(['rt-lt-two-lines', 'one-line-two-units']) }),
  }),
  frequencyLimits: z.array(frequencyLimitSchema).check(z.maxLength(40)),
  /** Profiles saved before this setting read as merging (the default). */
  repeatedLines: z._default(repeatedLinesSchema, MERGE_REPEATED_LINES),
  ndc: z._default(ndcRuleSchema, NDC_UNCLASSIFIED_ONLY),
  coverage: z.object({
    /** Levels per region per facet session beyond which lines are non-covered; null = no limit known. */
    facetMaxLevelsPerSession: coverageValue(z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(6)))),
    /** Ultrasound-guided facet injections (0213T-0218T) covered; null = unknown. */
    ultrasoundFacetCovered: coverageValue(z.nullable(z.boolean())),
    /** Epidural injections need fluoroscopy or CT to be covered. */
    epiduralImagingRequired: coverageValue(z.nullable(z.boolean())),
    /** Transforaminal levels per session beyond which coverage fails; null = no limit known. */
    transforaminalMaxLevels: coverageValue(z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(6)))),
    /** Local anesthetic given in the procedure is billed on its own line; null = unknown. */
    localAnestheticSeparatelyPayable: coverageValue(z.nullable(z.boolean())),
    /** S-codes (e.g. S0020) accepted. */
    acceptsSCodes: coverageValue(z.boolean()),
    /** Image-guided trigger point injections excluded. */
    tpiImagingExcluded: coverageValue(z.nullable(z.boolean())),
  }),
  /** Milligrams of combined betamethasone per billing unit of J0702. */
  betamethasoneMgPerUnit: coverageValue(z.union([z.literal(3), z.literal(6)])),
  opdPriorAuthorization: z.nullable(
    z.object({
      places: z.array(z.enum(PLACES_OF_SERVICE)).check(z.minLength(1)),
      effectiveFrom: isoDate,
      codes: z
        .array(z.object({ code: z.string().check(z.regex(/^[0-9A-Z]{5}$/)), from: isoDate, to: z.nullable(isoDate) }))
        .check(z.minLength(1)),
      source: sourceText,
    }),
  ),
})
export type PayerProfile = z.infer<typeof payerProfileSchema>
