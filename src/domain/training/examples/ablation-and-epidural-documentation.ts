import type { RuleExample } from '../types.ts'
import { EXAMPLE_TODAY as today, lumbarDiagnosticBlock, officeVisit } from './ablation-and-epidural-draft.ts'

const RFA_ITEMS = ['rfa-levels', 'rfa-imaging', 'rfa-diagnostic-blocks', 'rfa-scales'] as const
const ESI_ITEMS = ['esi-approach', 'esi-level-entry', 'esi-imaging', 'esi-substance', 'esi-session-count'] as const

/** The documentation checklist with every item ticked but `missing`, so one finding stands out. */
function tickedExcept(items: readonly string[], missing: string | null): Record<string, boolean> {
  return Object.fromEntries(items.map((id) => [id, id !== missing]))
}

const rfaVisit = (patientId: string, missing: string | null) => officeVisit({
  patientId, dateOfService: '2026-10-13', diagnoses: ['M47.816'],
  procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }] }],
  documentation: tickedExcept(RFA_ITEMS, missing),
  // The two blocks the note documents are on file too, so only the checklist item differs.
  history: [lumbarDiagnosticBlock('2026-07-21', 'DR-A'), lumbarDiagnosticBlock('2026-08-25', 'DR-A')],
})

const esiVisit = (patientId: string, missing: string | null) => officeVisit({
  patientId, dateOfService: '2026-10-20', diagnoses: ['M54.16'],
  procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'left' }] }],
  documentation: tickedExcept(ESI_ITEMS, missing),
})

/** The documentation checklist items of ablations and epidurals: one item left unticked, then ticked. */
export const rfaAndEpiduralDocumentationExamples: readonly RuleExample[] = [
  {
    ruleId: 'DOC-RFA-LEVELS', kind: 'fires', today,
    title: 'Ablation note: joints and sides not confirmed',
    explanation: 'Every ablation item is ticked except "joints treated and side of each", so the worksheet reminds you to confirm in the note which joints were ablated and on which side.',
    input: rfaVisit('PT-2301', 'rfa-levels'),
  },
  {
    ruleId: 'DOC-RFA-LEVELS', kind: 'near-miss', today,
    title: 'Ablation note: joints and sides confirmed',
    explanation: 'With the joints-and-sides item ticked after reading the note, the reminder clears.',
    input: rfaVisit('PT-2301', null),
  },
  {
    ruleId: 'DOC-RFA-IMAGING', kind: 'fires', today,
    title: 'Ablation note: guidance not confirmed',
    explanation: 'The item "fluoroscopy or CT guidance stated, images archived" is not ticked; the ablation codes depend on that guidance, so confirm it in the note.',
    input: rfaVisit('PT-2302', 'rfa-imaging'),
  },
  {
    ruleId: 'DOC-RFA-IMAGING', kind: 'near-miss', today,
    title: 'Ablation note: guidance confirmed',
    explanation: 'With the guidance item ticked, the note is confirmed to state fluoroscopy or CT and the reminder clears.',
    input: rfaVisit('PT-2302', null),
  },
  {
    ruleId: 'DOC-RFA-DIAGNOSTIC-BLOCKS', kind: 'fires', today,
    title: 'Ablation note: diagnostic blocks not confirmed',
    explanation: 'The item for two diagnostic medial branch blocks, each with at least 80% relief, is not ticked; the ablation depends on the note showing them.',
    input: rfaVisit('PT-2303', 'rfa-diagnostic-blocks'),
  },
  {
    ruleId: 'DOC-RFA-DIAGNOSTIC-BLOCKS', kind: 'near-miss', today,
    title: 'Ablation note: diagnostic blocks confirmed',
    explanation: 'With the diagnostic-blocks item ticked after checking the chart, this reminder clears.',
    input: rfaVisit('PT-2303', null),
  },
  {
    ruleId: 'DOC-RFA-SCALES', kind: 'fires', today,
    title: 'Ablation note: pain scales not confirmed',
    explanation: 'The item for the same pain scale before and after each block, plus a baseline disability scale, is not ticked, so the worksheet asks you to check the note.',
    input: rfaVisit('PT-2304', 'rfa-scales'),
  },
  {
    ruleId: 'DOC-RFA-SCALES', kind: 'near-miss', today,
    title: 'Ablation note: pain scales confirmed',
    explanation: 'With the pain-scales item ticked, every ablation checklist item is confirmed and the reminder clears.',
    input: rfaVisit('PT-2304', null),
  },
  {
    ruleId: 'DOC-ESI-APPROACH', kind: 'fires', today,
    title: 'Epidural note: approach not confirmed',
    explanation: 'The item "approach stated as interlaminar, caudal or transforaminal" is not ticked. The note must say the approach in words; the code alone does not show it.',
    input: esiVisit('PT-2305', 'esi-approach'),
  },
  {
    ruleId: 'DOC-ESI-APPROACH', kind: 'near-miss', today,
    title: 'Epidural note: approach confirmed',
    explanation: 'With the approach item ticked (the note says transforaminal), the reminder clears.',
    input: esiVisit('PT-2305', null),
  },
  {
    ruleId: 'DOC-ESI-LEVEL-ENTRY', kind: 'fires', today,
    title: 'Epidural note: level and entry point not confirmed',
    explanation: 'The item for the spinal level and entry point (here the left L5-S1 foramen) is not ticked, so confirm the note names them.',
    input: esiVisit('PT-2306', 'esi-level-entry'),
  },
  {
    ruleId: 'DOC-ESI-LEVEL-ENTRY', kind: 'near-miss', today,
    title: 'Epidural note: level and entry point confirmed',
    explanation: 'With the level-and-entry-point item ticked, the reminder clears.',
    input: esiVisit('PT-2306', null),
  },
  {
    ruleId: 'DOC-ESI-IMAGING', kind: 'fires', today,
    title: 'Epidural note: imaging not confirmed',
    explanation: 'The item "imaging modality used and images archived" is not ticked, so confirm the note names the imaging and the images were kept.',
    input: esiVisit('PT-2307', 'esi-imaging'),
  },
  {
    ruleId: 'DOC-ESI-IMAGING', kind: 'near-miss', today,
    title: 'Epidural note: imaging confirmed',
    explanation: 'With the imaging item ticked, the reminder clears.',
    input: esiVisit('PT-2307', null),
  },
  {
    ruleId: 'DOC-ESI-SUBSTANCE', kind: 'fires', today,
    title: 'Epidural note: injectate not confirmed',
    explanation: 'The item for the substance name, concentration and volume injected is not ticked, so confirm the note records all three.',
    input: esiVisit('PT-2308', 'esi-substance'),
  },
  {
    ruleId: 'DOC-ESI-SUBSTANCE', kind: 'near-miss', today,
    title: 'Epidural note: injectate confirmed',
    explanation: 'With the substance item ticked, the reminder clears.',
    input: esiVisit('PT-2308', null),
  },
  {
    ruleId: 'DOC-ESI-SESSION-COUNT', kind: 'fires', today,
    title: 'Epidural: session count not checked',
    explanation: 'The item for checking the session count against the annual limit, across all of the group\'s providers, is not ticked, so check it before the claim goes out.',
    input: esiVisit('PT-2309', 'esi-session-count'),
  },
  {
    ruleId: 'DOC-ESI-SESSION-COUNT', kind: 'near-miss', today,
    title: 'Epidural: session count checked',
    explanation: 'With the session-count item ticked, every epidural checklist item is confirmed and the reminder clears.',
    input: esiVisit('PT-2309', null),
  },
]
