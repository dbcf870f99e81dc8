import type { EvaluationInputDraft } from '../../../domain/index.ts'
import type { RuleExample, RuleWithoutExamples } from '../../../domain/training/types.ts'

/** Examples for the library's tests, independent of the training examples being written. */

type EncounterDraft = EvaluationInputDraft['encounter']

const encounter = (over: Partial<EncounterDraft>): EvaluationInputDraft => ({
  encounter: {
    dateOfService: '2026-10-14', patientId: 'PT-TRAIN', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
    payerProfile: 'medicare', diagnoses: ['M47.816'], procedures: [], ...over,
  },
})

const bilateralFacets = { type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'bilateral' }, { level: 'L5-S1', side: 'bilateral' }] } as const

export const testExamples: RuleExample[] = [
  {
    ruleId: 'FAC-SIDE-MISSING', kind: 'near-miss', title: 'Both facet levels with their side',
    explanation: 'Every level names its side, so the modifiers can be decided.', today: '2026-11-26',
    input: encounter({ procedures: [{ ...bilateralFacets, levels: [...bilateralFacets.levels] }] }),
  },
  {
    ruleId: 'FAC-SIDE-MISSING', kind: 'fires', title: 'Lumbar facet level without a side',
    explanation: 'L4-L5 is entered without left, right or both, so no side modifier can be chosen.', today: '2026-11-26',
    input: encounter({ procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: null }] }] }),
  },
  {
    ruleId: 'TPI-CODE', kind: 'fires', title: 'Two muscles on one date',
    explanation: 'Two distinct muscles make one trigger point line for 1 or 2 muscles.', today: '2026-11-26',
    input: encounter({
      diagnoses: ['M79.18'],
      procedures: [{ type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [{ muscle: 'trapezius', side: 'left', injections: 2 }, { muscle: 'rhomboid', side: 'right', injections: 1 }] }],
      drugs: [{ code: 'J3301', name: 'triamcinolone', dose: 10, unit: 'mg', category: 'steroid' }],
    }),
  },
  {
    ruleId: 'TPI-CODE', kind: 'near-miss', title: 'Facet injections only',
    explanation: 'No trigger point is injected, so no trigger point line is coded.', today: '2026-11-26',
    input: encounter({ procedures: [{ ...bilateralFacets, levels: [...bilateralFacets.levels] }] }),
  },
  {
    ruleId: 'DX-REQUIRED', kind: 'fires', title: 'Facet injection with no diagnosis',
    explanation: 'The claim carries no diagnosis, so no line has a pointer and the claim rejects.', today: '2026-11-26',
    input: {
      ...encounter({ diagnoses: [], procedures: [{ ...bilateralFacets, levels: [bilateralFacets.levels[0]] }] }),
      history: [{ dateOfService: '2026-05-01', code: '64493', modifiers: ['50'], units: 1 }, { dateOfService: '2026-05-01', code: '64494', modifiers: ['50'], units: 1 }],
    },
  },
  {
    ruleId: 'DX-FORMAT', kind: 'fires', title: 'An example written with a bad date',
    explanation: 'Its date of service is not a date, so it cannot be opened.', today: '2026-11-26',
    input: encounter({ dateOfService: 'last Tuesday', diagnoses: ['M4781'] }),
  },
]

export const testWithoutExamples: RuleWithoutExamples[] = [
  { ruleId: 'NCCI-PTP', reason: 'It needs a CMS NCCI PTP table loaded, which an example cannot carry into the worksheet.' },
]
