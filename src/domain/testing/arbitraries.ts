import fc from 'fast-check'
import { documentationChecklist } from '../data/documentation.ts'
import { addMonths, fromDayNumber, toDayNumber, type IsoDate } from '../dates.ts'
import type {
  Drug, EpiduralProcedure, EvaluationInput, FacetInjectionProcedure, FacetRfaProcedure, HistoryLine,
  LevelEntry, MuscleEntry, OtherLine, Procedure, TriggerPointProcedure,
} from '../schema.ts'
import {
  CLAIM_TYPES, DOSE_UNITS, DRUG_CATEGORIES, EPIDURAL_APPROACHES, EPIDURAL_PURPOSES, FACET_PURPOSES, GUIDANCE,
  PLACES_OF_SERVICE, SIDES, SPINAL_LEVELS, SPINAL_REGIONS, TECHNIQUES, type Side, type SpinalLevel,
} from '../vocabulary.ts'

/**
 * fast-check generators of valid evaluation inputs, for property tests of the rule
 * module. Every value is already in the schema's parsed form (trimmed, upper-cased,
 * defaults filled), so `evaluationInputSchema.parse(x)` returns a deep-equal copy.
 * Test-only: nothing in the app imports this file.
 */

export const DOS_MIN: IsoDate = '2023-01-01'
export const DOS_MAX: IsoDate = '2026-11-26'
/** "Today" for the generated inputs: the last possible date of service. */
export const TODAY: IsoDate = DOS_MAX

export const PROVIDERS = ['DR-A', 'DR-B', 'DR-C', 'DR-D'] as const
export const KNOWN_PAYER_PROFILES = ['medicare', 'commercial-example'] as const
export const UNKNOWN_PAYER_PROFILE = 'acme-health-ppo'

/** Supporting, red-flag, malformed and undotted codes (M47816 is normalized by the engine). */
export const DIAGNOSIS_POOL = [
  'M47.816', 'M47816', 'M79.1', 'M79.18', 'M54.16', 'M51.16', 'M48.062', 'M54.50', 'M79.7', 'G89.18', 'XYZ', '12345',
] as const

/** Catalog drug codes (current, deleted, facility-only, S-code, unclassified) and one unknown code. */
export const DRUG_CODE_POOL = [
  'J3301', 'J1010', 'J1030', 'J1100', 'J0702', 'J2001', 'J0665', 'S0020', 'J3490', 'J3590', 'C9399', 'J3304', 'J9999',
] as const

export const DRUG_NAME_POOL = [
  '', 'triamcinolone acetonide', 'methylprednisolone', 'dexamethasone', 'lidocaine', 'bupivacaine 0.25%',
  'PRP', 'amniotic membrane allograft', 'vitamin B12', 'ropivacaine',
] as const

/** Imaging, E/M, a trigger point code, an add-on, a TF add-on, anesthesia and the SI joint. */
export const OTHER_LINE_CODES = ['77003', '77012', '76942', '99213', '99214', '20552', '64494', '64480', '00300', '27096'] as const
export const OTHER_LINE_MODIFIER_SETS: readonly (readonly string[])[] = [[], ['25'], ['59'], ['XS']]

/** Every procedure code of the four families, plus a few non-family codes a claim history carries. */
export const FAMILY_HISTORY_CODES = [
  '20552', '20553',
  '64490', '64491', '64492', '64493', '64494', '64495', '0213T', '0216T',
  '64633', '64634', '64635', '64636',
  '62320', '62321', '62322', '62323', '64479', '64480', '64483', '64484',
] as const
export const OTHER_HISTORY_CODES = ['77003', '99213', 'J3301', 'J1100'] as const
export const HISTORY_MODIFIERS = ['KX', '50', 'RT', 'LT'] as const

export const MUSCLE_POOL = [
  'trapezius', 'Trapezius', 'upper trapezius', 'levator scapulae', 'rhomboid major', 'gluteus medius',
  'quadratus lumborum', 'infraspinatus', 'gastrocnemius', 'Gluteus  Medius',
] as const

const THREE_YEARS_DAYS = 3 * 365

export const isoDateBetween = (from: IsoDate, to: IsoDate): fc.Arbitrary<IsoDate> =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber)

export const dateOfServiceArb: fc.Arbitrary<IsoDate> = isoDateBetween(DOS_MIN, DOS_MAX)

/**
 * Dates of service where a rolling window of 6 or 12 months clamps at a month end
 * (2024-02-29 + 12 months = 2025-02-28, and 2025-02-28 - 12 months is not 2024-02-29):
 * the edge of every window computation.
 */
export const CLAMPED_DATES_OF_SERVICE: readonly IsoDate[] = (() => {
  const out: IsoDate[] = []
  for (let day = toDayNumber(DOS_MIN); day <= toDayNumber(DOS_MAX); day++) {
    const date = fromDayNumber(day)
    if (Number(date.slice(8)) < 29) continue
    if ([6, 12].some((m) => addMonths(addMonths(date, m), -m) !== date)) out.push(date)
  }
  return out
})()

export const sideArb: fc.Arbitrary<Side | null> = fc.constantFrom<Side | null>(...SIDES, null)
export const spinalLevelArb: fc.Arbitrary<SpinalLevel> = fc.constantFrom(...SPINAL_LEVELS)

export const levelEntryArb: fc.Arbitrary<LevelEntry> = fc.record({ level: spinalLevelArb, side: sideArb })

/**
 * Level lists: mostly 0-4 entries, sometimes up to 8, duplicates allowed. Half the time the
 * levels stay in one region, as a real session does, so the level ladder (first, second,
 * third and further) is reached often.
 */
export const levelsArb: fc.Arbitrary<LevelEntry[]> = fc.oneof(
  { weight: 3, arbitrary: fc.array(levelEntryArb, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(levelEntryArb, { maxLength: 8 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(...SPINAL_REGIONS).chain((region) => {
      const inRegion = SPINAL_LEVELS.filter((l) => (region === 'lumbar-sacral') === l.startsWith('L'))
      return fc.array(fc.record({ level: fc.constantFrom(...inRegion), side: sideArb }), { minLength: 1, maxLength: 5 })
    }),
  },
)

export const muscleEntryArb: fc.Arbitrary<MuscleEntry> = fc.record({
  muscle: fc.constantFrom(...MUSCLE_POOL),
  side: sideArb,
  injections: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 99 }) }),
})

export const triggerPointArb: fc.Arbitrary<TriggerPointProcedure> = fc.record({
  type: fc.constant('trigger-point' as const),
  technique: fc.constantFrom(...TECHNIQUES),
  guidance: fc.constantFrom(...GUIDANCE),
  muscles: fc.array(muscleEntryArb, { maxLength: 6 }),
})

export const facetInjectionArb: fc.Arbitrary<FacetInjectionProcedure> = fc.record({
  type: fc.constant('facet-injection' as const),
  purpose: fc.constantFrom(...FACET_PURPOSES),
  guidance: fc.constantFrom(...GUIDANCE),
  levels: levelsArb,
})

export const facetRfaArb: fc.Arbitrary<FacetRfaProcedure> = fc.record({
  type: fc.constant('facet-rfa' as const),
  guidance: fc.constantFrom(...GUIDANCE),
  levels: levelsArb,
})

/** Epidurals of every approach; `region` is left out (not undefined) when absent, as zod does. */
export const epiduralArb: fc.Arbitrary<EpiduralProcedure> = fc.record(
  {
    type: fc.constant('epidural' as const),
    approach: fc.constantFrom(...EPIDURAL_APPROACHES),
    purpose: fc.constantFrom(...EPIDURAL_PURPOSES),
    guidance: fc.constantFrom(...GUIDANCE),
    region: fc.constantFrom(...SPINAL_REGIONS),
    levels: fc.oneof({ weight: 1, arbitrary: fc.constant(null).map((): LevelEntry[] => []) }, { weight: 3, arbitrary: levelsArb }),
  },
  { requiredKeys: ['type', 'approach', 'purpose', 'guidance', 'levels'] },
)

export const procedureArb: fc.Arbitrary<Procedure> = fc.oneof(triggerPointArb, facetInjectionArb, facetRfaArb, epiduralArb)

const doseArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0.5, 1, 2, 3, 4, 5, 6, 10, 20, 40, 80, 120) },
  { weight: 1, arbitrary: fc.double({ min: 1e-6, max: 100_000, noNaN: true, noDefaultInfinity: true }) },
)

export const drugArb: fc.Arbitrary<Drug> = fc.record({
  code: fc.constantFrom(...DRUG_CODE_POOL),
  name: fc.constantFrom(...DRUG_NAME_POOL),
  dose: doseArb,
  unit: fc.constantFrom(...DOSE_UNITS),
  category: fc.constantFrom(...DRUG_CATEGORIES),
})

export const otherLineArb: fc.Arbitrary<OtherLine> = fc.record({
  code: fc.constantFrom(...OTHER_LINE_CODES),
  modifiers: fc.constantFrom(...OTHER_LINE_MODIFIER_SETS).map((m) => [...m]),
  units: fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
})

/** Ticked (true), explicitly unticked (false) or absent checklist items. */
export const documentationArb: fc.Arbitrary<Record<string, boolean>> = fc
  .array(fc.tuple(fc.constantFrom(...documentationChecklist.map((i) => i.id)), fc.boolean()), { maxLength: 12 })
  .map((pairs) => Object.fromEntries(pairs))

export const priorAuthorizationArb: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('', 'UTN-2026-000123', 'A1B2C3D4', 'pending') },
)

export const payerProfileArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...KNOWN_PAYER_PROFILES) },
  { weight: 1, arbitrary: fc.constant(UNKNOWN_PAYER_PROFILE) },
)

/** A history line before the date of service is known: its date is an offset in days. */
export interface HistoryDraft {
  offsetDays: number
  code: string
  modifiers: string[]
  units: number
  providerId?: string
}

const historyModifiersArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null).map((): string[] => []) },
  { weight: 2, arbitrary: fc.shuffledSubarray([...HISTORY_MODIFIERS], { maxLength: 2 }) },
)

/**
 * History as visits: a visit is one date (within three years either side of the date of
 * service, most within one year) with 1-4 lines, so sessions carry several codes and
 * providers. Codes lean on a few "focus" codes per patient so frequency limits are reached.
 */
export function historyDraftsArb(options: { maxLines?: number } = {}): fc.Arbitrary<HistoryDraft[]> {
  const maxLines = options.maxLines ?? 60
  const offsetArb = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: -365, max: 365 }) },
    { weight: 1, arbitrary: fc.integer({ min: -THREE_YEARS_DAYS, max: THREE_YEARS_DAYS }) },
  )
  return fc.subarray([...FAMILY_HISTORY_CODES], { minLength: 1, maxLength: 3 }).chain((focus) => {
    const codeArb = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...focus) },
      { weight: 2, arbitrary: fc.constantFrom(...FAMILY_HISTORY_CODES) },
      { weight: 1, arbitrary: fc.constantFrom(...OTHER_HISTORY_CODES) },
    )
    const lineArb = fc.record(
      {
        code: codeArb,
        modifiers: historyModifiersArb,
        units: fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
        providerId: fc.constantFrom(...PROVIDERS),
      },
      { requiredKeys: ['code', 'modifiers', 'units'] },
    )
    const visitArb = fc.record({
      offsetDays: offsetArb,
      provider: fc.option(fc.constantFrom(...PROVIDERS), { nil: undefined }),
      lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
    })
    const visitsArb = fc.oneof(fc.array(visitArb, { maxLength: 24 }), fc.array(visitArb, { maxLength: 24, size: 'max' }))
    return visitsArb.map((visits) =>
      visits
        .flatMap((v) => v.lines.map((l): HistoryDraft => {
          const providerId = l.providerId ?? v.provider
          return { offsetDays: v.offsetDays, code: l.code, modifiers: l.modifiers, units: l.units, ...(providerId ? { providerId } : {}) }
        }))
        .slice(0, maxLines),
    )
  })
}

/** Places history drafts around a date of service. */
export function historyFromDrafts(dateOfService: IsoDate, drafts: readonly HistoryDraft[]): HistoryLine[] {
  const dos = toDayNumber(dateOfService)
  return drafts.map(({ offsetDays, ...line }) => ({ ...line, dateOfService: fromDayNumber(dos + offsetDays) }))
}

export interface EvaluationInputOptions {
  /** Most procedures per encounter (schema maximum 20); default 6. */
  maxProcedures?: number
  /** Most history lines; default 60. */
  maxHistory?: number
  /** Dates of service to draw from; default DOS_MIN..DOS_MAX. */
  dateOfService?: fc.Arbitrary<IsoDate>
}

/** A whole valid evaluation input: encounter plus 0-60 history lines around its date. */
export function evaluationInputArb(options: EvaluationInputOptions = {}): fc.Arbitrary<EvaluationInput> {
  const maxProcedures = options.maxProcedures ?? 6
  return fc
    .record({
      dateOfService: options.dateOfService ?? dateOfServiceArb,
      patientId: fc.constantFrom('PT-1001', 'PT-2002'),
      providerId: fc.constantFrom(...PROVIDERS),
      placeOfService: fc.constantFrom(...PLACES_OF_SERVICE),
      claimType: fc.constantFrom(...CLAIM_TYPES),
      payerProfile: payerProfileArb,
      priorAuthorization: priorAuthorizationArb,
      diagnoses: fc.array(fc.constantFrom(...DIAGNOSIS_POOL), { maxLength: 4 }),
      procedures: fc.array(procedureArb, { maxLength: maxProcedures }),
      drugs: fc.array(drugArb, { maxLength: 3 }),
      otherLines: fc.array(otherLineArb, { maxLength: 3 }),
      documentation: documentationArb,
      history: historyDraftsArb({ maxLines: options.maxHistory ?? 60 }),
    })
    .map(({ dateOfService, history, ...encounter }): EvaluationInput => {
      return {
        schemaVersion: 1,
        encounter: { dateOfService, ...encounter },
        history: historyFromDrafts(dateOfService, history),
      }
    })
}

/**
 * History lines dated strictly after the date of service plus `months` months (up to
 * three years after it): lines that no rolling window of `months` or less may count.
 */
export function historyAfterArb(dateOfService: IsoDate, months: number, maxLength = 10): fc.Arbitrary<HistoryLine[]> {
  const first = toDayNumber(addMonths(dateOfService, months)) + 1
  const last = toDayNumber(dateOfService) + THREE_YEARS_DAYS
  return fc.array(
    fc.record(
      {
        dateOfService: fc.integer({ min: first, max: Math.max(first, last) }).map(fromDayNumber),
        code: fc.constantFrom(...FAMILY_HISTORY_CODES),
        modifiers: historyModifiersArb,
        units: fc.constant(1),
        providerId: fc.constantFrom(...PROVIDERS),
      },
      { requiredKeys: ['dateOfService', 'code', 'modifiers', 'units'] },
    ),
    { minLength: 1, maxLength },
  )
}
