import type { RuleExample } from '../types.ts'
import { EXAMPLE_TODAY, LUMBAR_SPONDYLOSIS, exampleInput, lumbarFacetRight, type ProcedureDraft } from './drugs-and-claim-shared.ts'

/** Low back pain: it does not support the facet injection. */
const LOW_BACK_PAIN = 'M54.50'

const bilateralL4L5Facet: ProcedureDraft = {
  type: 'facet-injection', purpose: 'therapeutic', guidance: 'fluoroscopy',
  levels: [{ level: 'L4-L5', side: 'bilateral' }],
}

/** Examples of the diagnosis pointer rules (box 24E). */
export const pointerExamples: readonly RuleExample[] = [
  {
    ruleId: 'DX-POINTER-MISSING', kind: 'fires', title: 'Pointer C on a claim with two diagnoses',
    explanation: 'The coder pointed the facet line to A and C, but box 21 holds only A and B: pointer C names no diagnosis.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2312', diagnoses: [LUMBAR_SPONDYLOSIS, LOW_BACK_PAIN], procedures: [lumbarFacetRight],
      linePointers: [{ code: '64493', modifiers: ['RT'], pointers: ['A', 'C'] }],
    }),
  },
  {
    ruleId: 'DX-POINTER-MISSING', kind: 'near-miss', title: 'Pointers A and B on a claim with two diagnoses',
    explanation: 'Both letters name a diagnosis of box 21, so every pointer of the line points somewhere.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2312', diagnoses: [LUMBAR_SPONDYLOSIS, LOW_BACK_PAIN], procedures: [lumbarFacetRight],
      linePointers: [{ code: '64493', modifiers: ['RT'], pointers: ['A', 'B'] }],
    }),
  },
  {
    ruleId: 'DX-POINTER-UNMATCHED', kind: 'fires', title: 'Pointers chosen for 64493 RT, then the injection became bilateral',
    explanation: 'The choice was made for 64493 RT; with both sides injected the line is 64493 50, so the old choice no longer applies and the line takes its default pointers.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2313', diagnoses: [LUMBAR_SPONDYLOSIS, LOW_BACK_PAIN], procedures: [bilateralL4L5Facet],
      linePointers: [{ code: '64493', modifiers: ['RT'], pointers: ['B', 'A'] }],
    }),
  },
  {
    ruleId: 'DX-POINTER-UNMATCHED', kind: 'near-miss', title: 'Pointers chosen for 64493 50 on the bilateral line',
    explanation: 'The choice names the line as it is coded now (64493 with 50), so it applies to that line.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2313', diagnoses: [LUMBAR_SPONDYLOSIS, LOW_BACK_PAIN], procedures: [bilateralL4L5Facet],
      linePointers: [{ code: '64493', modifiers: ['50'], pointers: ['B', 'A'] }],
    }),
  },
]
