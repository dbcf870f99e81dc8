import type { EvaluationInputDraft } from '../src/domain/index.ts'

/**
 * Deterministic benchmark data: a patient's claim history of any size and the two
 * encounters the benchmark evaluates. Everything comes from a seeded PRNG, so every run
 * measures the same inputs.
 */

type HistoryDraft = NonNullable<EvaluationInputDraft['history']>[number]
type EncounterDraft = EvaluationInputDraft['encounter']

/** mulberry32: small, fast, good enough for test data; same seed, same sequence. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const MS_PER_DAY = 86_400_000
const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10)

export const PROVIDERS = ['DR-A', 'DR-B', 'DR-C', 'DR-D'] as const

type Line = Omit<HistoryDraft, 'dateOfService' | 'providerId'>

/** What one visit of each kind puts on the claim, the way a practice-management export lists it. */
const visitKinds: readonly { weight: number; lines: (pick: <T>(xs: readonly T[]) => T) => Line[] }[] = [
  { weight: 3, lines: (pick) => [{ code: pick(['20552', '20553']), units: 1 }, { code: 'J3301', units: 4 }, ...(pick([true, false]) ? [{ code: '99213', modifiers: ['25'] }] : [])] },
  {
    weight: 3,
    lines: (pick) => {
      const lumbar = pick([true, true, false])
      const side = pick([['50'], ['RT'], ['LT']])
      const kx = pick([['KX'], []])
      return [
        { code: lumbar ? '64493' : '64490', modifiers: [...side, ...kx] },
        ...(pick([true, false]) ? [{ code: lumbar ? '64494' : '64491', modifiers: [...side, ...kx] }] : []),
        { code: 'J1100', units: 4 },
      ]
    },
  },
  {
    weight: 2,
    lines: (pick) => {
      const lumbar = pick([true, false])
      const side = pick([['RT'], ['LT'], ['50']])
      return [
        { code: lumbar ? '64635' : '64633', modifiers: side },
        ...(pick([true, false]) ? [{ code: lumbar ? '64636' : '64634', modifiers: side, units: pick([1, 2]) }] : []),
      ]
    },
  },
  {
    weight: 3,
    lines: (pick) => {
      const lumbar = pick([true, true, false])
      const side = pick([['RT'], ['LT'], ['50']])
      const kx = pick([[], [], ['KX']])
      return [
        { code: lumbar ? '64483' : '64479', modifiers: [...side, ...kx] },
        ...(pick([true, false]) ? [{ code: lumbar ? '64484' : '64480', modifiers: [...side, ...kx] }] : []),
        { code: pick(['J3301', 'J1100']), units: 4 },
      ]
    },
  },
  { weight: 2, lines: (pick) => [{ code: pick(['62323', '62321', '62322']) }, { code: 'J1010', units: 80 }] },
  { weight: 2, lines: (pick) => [{ code: pick(['99213', '99214']) }] },
]

/**
 * `size` history lines for one patient: visits spread over the three years before the
 * date of service (a few after it, as when an older encounter is re-checked), several
 * providers, every family, one visit's lines together.
 */
export function buildHistory(options: { dateOfService: string; size: number; seed: number }): HistoryDraft[] {
  const random = createRandom(options.seed)
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]
  const totalWeight = visitKinds.reduce((s, k) => s + k.weight, 0)
  const out: HistoryDraft[] = []
  while (out.length < options.size) {
    const offset = random() < 0.03 ? 1 + Math.floor(random() * 60) : -1 - Math.floor(random() * 3 * 365)
    const dateOfService = addDays(options.dateOfService, offset)
    const providerId = pick(PROVIDERS)
    let roll = random() * totalWeight
    const kind = visitKinds.find((k) => (roll -= k.weight) < 0) ?? visitKinds[0]
    for (const line of kind?.lines(pick) ?? []) {
      if (out.length >= options.size) break
      out.push({ dateOfService, providerId, modifiers: [], units: 1, ...line })
    }
  }
  return out
}

const baseEncounter = (dateOfService: string): Omit<EncounterDraft, 'procedures'> => ({
  dateOfService,
  patientId: 'PT-BENCH',
  providerId: 'DR-A',
  placeOfService: '11',
  claimType: 'professional',
  payerProfile: 'medicare',
  priorAuthorization: null,
  diagnoses: ['M47.816', 'M54.16', 'M79.18'],
  drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 40, unit: 'mg', category: 'steroid' }],
  otherLines: [],
  documentation: { 'facet-levels': true, 'facet-imaging': true },
})

/** (a) One bilateral diagnostic lumbar facet injection. */
export function oneProcedureEncounter(dateOfService: string): EncounterDraft {
  return {
    ...baseEncounter(dateOfService),
    procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'bilateral' }] }],
  }
}

/** (b) Ten procedures across every family and approach, several levels, drugs and other lines. */
export function tenProcedureEncounter(dateOfService: string): EncounterDraft {
  return {
    ...baseEncounter(dateOfService),
    procedures: [
      { type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
        { muscle: 'trapezius', side: 'left', injections: 3 }, { muscle: 'trapezius', side: 'right', injections: 2 }, { muscle: 'levator scapulae', side: 'left', injections: 1 },
      ] },
      { type: 'trigger-point', technique: 'dry-needling', guidance: 'none', muscles: [{ muscle: 'gluteus medius', side: 'right', injections: 4 }] },
      { type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [
        { level: 'L3-L4', side: 'bilateral' }, { level: 'L4-L5', side: 'bilateral' }, { level: 'L5-S1', side: 'left' },
      ] },
      { type: 'facet-injection', purpose: 'therapeutic', guidance: 'ct', levels: [{ level: 'C5-C6', side: 'right' }, { level: 'C6-C7', side: 'right' }] },
      { type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }, { level: 'L5-S1', side: 'right' }, { level: 'L3-L4', side: null }] },
      { type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'T12-L1', side: 'bilateral' }] },
      { type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'bilateral' }, { level: 'L5-S1', side: 'left' }] },
      { type: 'epidural', approach: 'transforaminal', purpose: 'diagnostic-nerve-root-block', guidance: 'fluoroscopy', levels: [{ level: 'T12-L1', side: 'right' }] },
      { type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'C7-T1', side: null }] },
      { type: 'epidural', approach: 'caudal', purpose: 'therapeutic', guidance: 'none', levels: [] },
    ],
    drugs: [
      { code: 'J3301', name: 'triamcinolone acetonide', dose: 80, unit: 'mg', category: 'steroid' },
      { code: 'J1100', name: 'dexamethasone', dose: 10, unit: 'mg', category: 'steroid' },
      { code: 'J0702', name: 'betamethasone', dose: 2, unit: 'mL', category: 'steroid' },
      { code: 'J0665', name: 'bupivacaine', dose: 25, unit: 'mg', category: 'local-anesthetic' },
      { code: 'J3490', name: 'ropivacaine', dose: 20, unit: 'mg', category: 'local-anesthetic' },
    ],
    otherLines: [
      { code: '77003', modifiers: [], units: 1 },
      { code: '99214', modifiers: ['25'], units: 1 },
      { code: '27096', modifiers: ['XS'], units: 1 },
    ],
  }
}
