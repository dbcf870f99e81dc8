import type { RuleExample } from '../types.ts'
import {
  EXAMPLE_TODAY, LUMBAR_SPONDYLOSIS, MYALGIA, RADICULOPATHY, exampleInput, lumbarFacetRight, lumbarTransforaminal, triamcinolone20,
  upperBackTriggerPoints, type HistoryDraft, type ProcedureDraft,
} from './drugs-and-claim-shared.ts'

const rightL4L5Rfa: ProcedureDraft = {
  type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }],
}

/** Three earlier lumbar epidurals by the group inside the rolling year before 2026-10-14. */
const lumbarEpiduralsThisYear: HistoryDraft = [
  { dateOfService: '2026-02-05', code: '64483', modifiers: ['LT'], units: 1, providerId: 'DR-A' },
  { dateOfService: '2026-05-07', code: '62323', modifiers: [], units: 1, providerId: 'DR-C' },
  { dateOfService: '2026-08-06', code: '64483', modifiers: ['LT'], units: 1, providerId: 'DR-A' },
]

const triggerPointSession = (dateOfService: string): HistoryDraft[number] => ({ dateOfService, code: '20552', modifiers: [], units: 1, providerId: 'DR-B' })

/** Examples of the diagnosis and frequency rules (claim scope). */
export const diagnosisAndFrequencyExamples: readonly RuleExample[] = [
  {
    ruleId: 'DX-FORMAT', kind: 'fires', title: 'Old ICD-9 code typed as the diagnosis',
    explanation: '721.3 is an ICD-9 code: an ICD-10-CM code starts with a letter, then a digit, so the claim rejects. Lumbar spondylosis is M47.816 in ICD-10-CM.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2301', diagnoses: ['721.3'], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'DX-FORMAT', kind: 'near-miss', title: 'ICD-10-CM code typed without its point',
    explanation: 'M47816 is a valid ICD-10-CM code typed without the point; the worksheet reads it as M47.816, so the format is fine.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2301', diagnoses: ['M47816'], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'DX-SUPPORT', kind: 'fires', title: 'Facet injection for low back pain only',
    explanation: 'M54.50 (low back pain) is not in the groups that usually support facet injections; payers look for spondylosis without radiculopathy (M47.81-).',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2302', diagnoses: ['M54.50'], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'DX-SUPPORT', kind: 'near-miss', title: 'Facet injection for lumbar spondylosis',
    explanation: 'M47.816 (lumbar spondylosis without radiculopathy) is in the group that supports facet injections, so the claim has a supporting diagnosis.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2302', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'DX-RED-FLAG', kind: 'fires', title: 'Epidural for axial low back pain alone',
    explanation: 'Epidurals are covered for radicular pain; M54.50 (low back pain) alone describes axial pain, which the policies exclude.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2303', diagnoses: ['M54.50'], procedures: [lumbarTransforaminal] }),
  },
  {
    ruleId: 'DX-RED-FLAG', kind: 'near-miss', title: 'Epidural for back pain with radiculopathy',
    explanation: 'With M54.16 (lumbar radiculopathy) also coded, the epidural has its covered indication, so the back pain code no longer argues against it.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2303', diagnoses: [RADICULOPATHY, 'M54.50'], procedures: [lumbarTransforaminal] }),
  },
  {
    ruleId: 'FREQ-LIMIT', kind: 'fires', title: 'Fifth lumbar epidural in 12 months',
    explanation: 'Medicare allows 4 epidural sessions per region in a rolling 12 months. With sessions on 2025-11-20, 2026-02-05, 2026-05-07 and 2026-08-06 (any provider of the group), this one is the fifth.',
    today: EXAMPLE_TODAY,
    input: exampleInput(
      { patientId: 'PT-2304', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal] },
      [{ dateOfService: '2025-11-20', code: '64483', modifiers: ['LT'], units: 1, providerId: 'DR-B' }, ...lumbarEpiduralsThisYear],
    ),
  },
  {
    ruleId: 'FREQ-LIMIT', kind: 'near-miss', title: 'Oldest epidural falls out of the 12 months',
    explanation: 'The same history, but the oldest session was on 2025-10-09, more than 12 months before 2026-10-14: it no longer counts, so this is session 4 of 4.',
    today: EXAMPLE_TODAY,
    input: exampleInput(
      { patientId: 'PT-2304', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal] },
      [{ dateOfService: '2025-10-09', code: '64483', modifiers: ['LT'], units: 1, providerId: 'DR-B' }, ...lumbarEpiduralsThisYear],
    ),
  },
  {
    ruleId: 'FREQ-LIMIT-RISK', kind: 'fires', title: 'Fourth trigger point session in 12 months',
    explanation: 'The Medicare profile allows 3 trigger point sessions in 12 months (LCDs L36859 and L37913; other contractors may differ), and this is the fourth, so it is a warning.',
    today: EXAMPLE_TODAY,
    input: exampleInput(
      { patientId: 'PT-2305', diagnoses: [MYALGIA], procedures: [upperBackTriggerPoints], drugs: [triamcinolone20] },
      [triggerPointSession('2026-01-15'), triggerPointSession('2026-04-09'), triggerPointSession('2026-07-09')],
    ),
  },
  {
    ruleId: 'FREQ-LIMIT-RISK', kind: 'near-miss', title: 'Third trigger point session in 12 months',
    explanation: 'With two earlier sessions in the 12 months, this is session 3 of 3: within the limit, though it uses the last one.',
    today: EXAMPLE_TODAY,
    input: exampleInput(
      { patientId: 'PT-2305', diagnoses: [MYALGIA], procedures: [upperBackTriggerPoints], drugs: [triamcinolone20] },
      [triggerPointSession('2026-04-09'), triggerPointSession('2026-07-09')],
    ),
  },
  {
    ruleId: 'FREQ-INTERVAL', kind: 'fires', title: 'Epidural 9 days after the last one',
    explanation: 'The commercial example payer wants at least 14 days between epidurals; the last one was on 2026-10-05, so the earliest date was 2026-10-19.',
    today: EXAMPLE_TODAY,
    input: exampleInput(
      { patientId: 'PT-2306', payerProfile: 'commercial-example', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal] },
      [{ dateOfService: '2026-10-05', code: '64483', modifiers: ['LT'], units: 1, providerId: 'DR-A' }],
    ),
  },
  {
    ruleId: 'FREQ-INTERVAL', kind: 'near-miss', title: 'Epidural 16 days after the last one',
    explanation: 'The previous epidural was on 2026-09-28, 16 days earlier, so the 14-day minimum interval is met.',
    today: EXAMPLE_TODAY,
    input: exampleInput(
      { patientId: 'PT-2306', payerProfile: 'commercial-example', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal] },
      [{ dateOfService: '2026-09-28', code: '64483', modifiers: ['LT'], units: 1, providerId: 'DR-A' }],
    ),
  },
  {
    ruleId: 'FREQ-LAST-SESSION', kind: 'fires', title: 'Second lumbar RFA in 12 months',
    explanation: 'Medicare allows 2 RFA sessions per region in a rolling 12 months; with one on 2026-04-16 this is 2 of 2, so scheduling should know the next date allowed.',
    today: EXAMPLE_TODAY,
    input: exampleInput(
      { patientId: 'PT-2307', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [rightL4L5Rfa] },
      [{ dateOfService: '2026-04-16', code: '64635', modifiers: ['RT'], units: 1, providerId: 'DR-A' }],
    ),
  },
  {
    ruleId: 'FREQ-LAST-SESSION', kind: 'near-miss', title: 'Earlier RFA more than 12 months ago',
    explanation: 'The previous RFA was on 2025-10-08, outside the rolling 12 months before 2026-10-14, so this is session 1 of 2 and one more remains.',
    today: EXAMPLE_TODAY,
    input: exampleInput(
      { patientId: 'PT-2307', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [rightL4L5Rfa] },
      [{ dateOfService: '2025-10-08', code: '64635', modifiers: ['RT'], units: 1, providerId: 'DR-A' }],
    ),
  },
]
