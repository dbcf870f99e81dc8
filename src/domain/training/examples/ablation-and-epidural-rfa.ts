import type { RuleExample } from '../types.ts'
import { EXAMPLE_TODAY as today, lumbarDiagnosticBlock, officeVisit } from './ablation-and-epidural-draft.ts'

const LUMBAR_SPONDYLOSIS = 'M47.816'
const CERVICAL_SPONDYLOSIS = 'M47.812'
const THORACOLUMBAR_SPONDYLOSIS = 'M47.815'

/** Radiofrequency ablation (facet-rfa scope): coding and checks, a pair per rule. */
export const rfaExamples: readonly RuleExample[] = [
  {
    ruleId: 'RFA-CODE', kind: 'fires', today,
    title: 'Right L4-L5 ablation coded 64635',
    explanation: 'An ablation is coded per joint: the first lumbar joint is one unit of 64635 with RT for the side. The line names this rule as the one that chose the code.',
    input: officeVisit({
      patientId: 'PT-2101', dateOfService: '2026-09-08', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'RFA-CODE', kind: 'near-miss', today,
    title: 'Same joint injected, not ablated',
    explanation: 'The same right L4-L5 entered as a diagnostic facet injection is coded from the facet injection codes (64493 with KX), so the ablation codes are not used.',
    input: officeVisit({
      patientId: 'PT-2101', dateOfService: '2026-09-08', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'RFA-NO-LEVELS', kind: 'fires', today,
    title: 'Ablation entered without a joint',
    explanation: 'Ablation codes are chosen per joint. With no joint picked, no line can be coded and the worksheet stops you with an error.',
    input: officeVisit({
      patientId: 'PT-2102', dateOfService: '2026-09-10', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [] }],
    }),
  },
  {
    ruleId: 'RFA-NO-LEVELS', kind: 'near-miss', today,
    title: 'Ablation with its joint picked',
    explanation: 'Once the treated joint (left L5-S1) is picked, the ablation codes as 64635 with LT and the error clears.',
    input: officeVisit({
      patientId: 'PT-2102', dateOfService: '2026-09-10', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'left' }] }],
    }),
  },
  {
    ruleId: 'RFA-SIDE-MISSING', kind: 'fires', today,
    title: 'L4-L5 ablation without a side',
    explanation: 'The joint is entered with no side, so its line would go out without RT, LT or 50 and be rejected.',
    input: officeVisit({
      patientId: 'PT-2103', dateOfService: '2026-09-15', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: null }] }],
    }),
  },
  {
    ruleId: 'RFA-SIDE-MISSING', kind: 'near-miss', today,
    title: 'L4-L5 ablation on the left',
    explanation: 'The same joint with its side recorded (left) gets LT on its line, so nothing is missing.',
    input: officeVisit({
      patientId: 'PT-2103', dateOfService: '2026-09-15', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'left' }] }],
    }),
  },
  {
    ruleId: 'RFA-GUIDANCE', kind: 'fires', today,
    title: 'Ablation under ultrasound',
    explanation: 'The ablation codes 64633-64636 require fluoroscopy or CT guidance. Recorded with ultrasound, the ablation is not billable under them.',
    input: officeVisit({
      patientId: 'PT-2104', dateOfService: '2026-09-17', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'ultrasound', levels: [{ level: 'L5-S1', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'RFA-GUIDANCE', kind: 'near-miss', today,
    title: 'Ablation under CT',
    explanation: 'The same ablation done under CT guidance meets the code, so there is no guidance error. Fluoroscopy would clear it too.',
    input: officeVisit({
      patientId: 'PT-2104', dateOfService: '2026-09-17', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'ct', levels: [{ level: 'L5-S1', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'RFA-MULTI-REGION', kind: 'fires', today,
    title: 'Neck and low back ablated the same day',
    explanation: 'A cervical joint (C5-C6) and a lumbar joint (L4-L5) were ablated in one session. The LCDs allow one spinal region per session, so one region is likely to deny.',
    input: officeVisit({
      patientId: 'PT-2105', dateOfService: '2026-09-22', diagnoses: [CERVICAL_SPONDYLOSIS, LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'C5-C6', side: 'left' }, { level: 'L4-L5', side: 'left' }] }],
    }),
  },
  {
    ruleId: 'RFA-MULTI-REGION', kind: 'near-miss', today,
    title: 'Two lumbar joints the same day',
    explanation: 'Here the second joint is L5-S1 instead of C5-C6: both joints are lumbar, one region, so the session is within the one-region limit.',
    input: officeVisit({
      patientId: 'PT-2105', dateOfService: '2026-09-22', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'left' }, { level: 'L5-S1', side: 'left' }] }],
    }),
  },
  {
    ruleId: 'RFA-DUPLICATE-JOINT', kind: 'fires', today,
    title: 'L4-L5 entered once per side',
    explanation: 'L4-L5 was entered twice, once left and once right. A joint is billed once per session, so the entries are merged into one bilateral line and the worksheet asks you to keep a single entry.',
    input: officeVisit({
      patientId: 'PT-2106', dateOfService: '2026-09-24', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'left' }, { level: 'L4-L5', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'RFA-DUPLICATE-JOINT', kind: 'near-miss', today,
    title: 'L4-L5 entered once as bilateral',
    explanation: 'The same treatment entered as one L4-L5 entry with the side bilateral codes to the same 64635 line with 50, and there is nothing to merge.',
    input: officeVisit({
      patientId: 'PT-2106', dateOfService: '2026-09-24', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'bilateral' }] }],
    }),
  },
  {
    ruleId: 'RFA-T12L1', kind: 'fires', today,
    title: 'T12-L1 ablation coded as thoracic',
    explanation: 'T12-L1 is coded with the cervical/thoracic ablation code 64633, but only transforaminal epidurals have a source placing T12-L1 there, so the worksheet asks you to confirm the region with your MAC.',
    input: officeVisit({
      patientId: 'PT-2107', dateOfService: '2026-09-29', diagnoses: [THORACOLUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'T12-L1', side: 'left' }] }],
    }),
  },
  {
    ruleId: 'RFA-T12L1', kind: 'near-miss', today,
    title: 'L1-L2 ablation coded as lumbar',
    explanation: 'One joint lower, L1-L2 is plainly lumbar and codes 64635 without doubt about the region, so there is nothing to confirm.',
    input: officeVisit({
      patientId: 'PT-2107', dateOfService: '2026-09-29', diagnoses: [THORACOLUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L1-L2', side: 'left' }] }],
    }),
  },
  {
    ruleId: 'RFA-THIRD-JOINT', kind: 'fires', today,
    title: 'Three lumbar joints ablated',
    explanation: 'L3-L4, L4-L5 and L5-S1 were ablated. The 2024 facet LCDs made third and fourth injection levels non-covered; whether that applies to a third ablated joint is unverified, so check your MAC before billing the third 64636.',
    input: officeVisit({
      patientId: 'PT-2108', dateOfService: '2026-10-01', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L3-L4', side: 'right' }, { level: 'L4-L5', side: 'right' }, { level: 'L5-S1', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'RFA-THIRD-JOINT', kind: 'near-miss', today,
    title: 'Two lumbar joints ablated',
    explanation: 'With two joints (L4-L5 and L5-S1) there is no third joint, so the coverage question does not arise.',
    input: officeVisit({
      patientId: 'PT-2108', dateOfService: '2026-10-01', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }, { level: 'L5-S1', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'RFA-DIAGNOSTIC-BLOCKS', kind: 'fires', today,
    title: 'First ablation after one diagnostic block',
    explanation: 'The history shows one lumbar diagnostic block (a facet line with KX) and no earlier ablation. An initial ablation needs two diagnostic medial branch blocks on file.',
    input: officeVisit({
      patientId: 'PT-2109', dateOfService: '2026-10-06', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }] }],
      history: [lumbarDiagnosticBlock('2026-07-14', 'DR-B')],
    }),
  },
  {
    ruleId: 'RFA-DIAGNOSTIC-BLOCKS', kind: 'near-miss', today,
    title: 'First ablation after two diagnostic blocks',
    explanation: 'A second lumbar diagnostic block on 2026-08-18 completes the two required before an initial ablation. The blocks count whichever provider did them.',
    input: officeVisit({
      patientId: 'PT-2109', dateOfService: '2026-10-06', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }] }],
      history: [lumbarDiagnosticBlock('2026-07-14', 'DR-B'), lumbarDiagnosticBlock('2026-08-18', 'DR-A')],
    }),
  },
]
