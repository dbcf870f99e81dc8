import type { Side, SpinalLevel } from '../../vocabulary.ts'
import type { RuleExample } from '../types.ts'
import {
  CERVICAL_SPONDYLOSIS, facetChecklist, LUMBAR_SPONDYLOSIS, officeVisit, THORACOLUMBAR_SPONDYLOSIS, ticked, TODAY, type ProcedureDraft,
} from './spinal-injections-visit.ts'

type Level = readonly [level: SpinalLevel, side: Side | null]
type Guidance = 'fluoroscopy' | 'ct' | 'ultrasound' | 'none'

function facet(levels: readonly Level[], purpose: 'diagnostic' | 'therapeutic' = 'diagnostic', guidance: Guidance = 'fluoroscopy'): ProcedureDraft {
  return { type: 'facet-injection', purpose, guidance, levels: levels.map(([level, side]) => ({ level, side })) }
}

function ablation(levels: readonly Level[]): ProcedureDraft {
  return { type: 'facet-rfa', guidance: 'fluoroscopy', levels: levels.map(([level, side]) => ({ level, side })) }
}

/** A lumbar facet visit with `procedures`, on a date in November 2026. */
function lumbar(patientId: string, dateOfService: string, ...procedures: ProcedureDraft[]) {
  return officeVisit({ patientId, dateOfService, diagnoses: [LUMBAR_SPONDYLOSIS], procedures })
}

/** A documentation example: a therapeutic right L4-L5 injection, every checklist item ticked but `open`. */
function documented(patientId: string, open?: string) {
  return officeVisit({
    patientId, dateOfService: '2026-11-18', diagnoses: [LUMBAR_SPONDYLOSIS],
    procedures: [facet([['L4-L5', 'right']], 'therapeutic')], documentation: ticked(facetChecklist, open),
  })
}

export const facetExamples: readonly RuleExample[] = [
  {
    ruleId: 'FAC-CODE', kind: 'fires', title: 'Right L4-L5 and L5-S1 facet injections', today: TODAY,
    explanation: 'Two lumbar levels are coded from the top down: L4-L5 is the first level (64493) and L5-S1 the second (64494), each with RT.',
    input: lumbar('PT-2101', '2026-11-03', facet([['L5-S1', 'right'], ['L4-L5', 'right']], 'therapeutic')),
  },
  {
    ruleId: 'FAC-CODE', kind: 'near-miss', title: 'Same levels treated with radiofrequency ablation', today: TODAY,
    explanation: 'At the same levels the nerves were ablated, not injected. Ablation has its own codes (64635/64636), so the facet injection codes are not used.',
    input: lumbar('PT-2101', '2026-11-03', ablation([['L5-S1', 'right'], ['L4-L5', 'right']])),
  },
  {
    ruleId: 'FAC-KX', kind: 'fires', title: 'Diagnostic medial branch block at right L4-L5', today: TODAY,
    explanation: 'The injection is diagnostic, so the worksheet adds KX to the line (64493-RT-KX) to attest that Medicare\'s coverage criteria are met; a missing KX is a frequent denial.',
    input: lumbar('PT-2102', '2026-11-02', facet([['L4-L5', 'right']], 'diagnostic')),
  },
  {
    ruleId: 'FAC-KX', kind: 'near-miss', title: 'Therapeutic facet injection at right L4-L5', today: TODAY,
    explanation: 'The same level injected for treatment, not diagnosis: the line goes out as 64493-RT without KX.',
    input: lumbar('PT-2102', '2026-11-02', facet([['L4-L5', 'right']], 'therapeutic')),
  },
  {
    ruleId: 'FAC-NO-LEVELS', kind: 'fires', title: 'Facet injection with no level picked', today: TODAY,
    explanation: 'The facet injection was added but no spinal level was chosen. The codes depend on the levels, so nothing can be coded yet.',
    input: lumbar('PT-2103', '2026-11-09', facet([])),
  },
  {
    ruleId: 'FAC-NO-LEVELS', kind: 'near-miss', title: 'Facet injection at left L3-L4', today: TODAY,
    explanation: 'The level and side are picked, so the worksheet codes 64493-LT-KX for the diagnostic block.',
    input: lumbar('PT-2103', '2026-11-09', facet([['L3-L4', 'left']])),
  },
  {
    ruleId: 'FAC-SIDE-MISSING', kind: 'fires', title: 'L4-L5 facet injection with no side', today: TODAY,
    explanation: 'Without a side the line goes out with no RT, LT or 50 and will be rejected. Take the side from the procedure note.',
    input: lumbar('PT-2104', '2026-11-10', facet([['L4-L5', null]], 'therapeutic')),
  },
  {
    ruleId: 'FAC-SIDE-MISSING', kind: 'near-miss', title: 'L4-L5 facet injection on the left', today: TODAY,
    explanation: 'With the left side recorded, the line carries LT: 64493-LT.',
    input: lumbar('PT-2104', '2026-11-10', facet([['L4-L5', 'left']], 'therapeutic')),
  },
  {
    ruleId: 'FAC-GUIDANCE-NONE', kind: 'fires', title: 'Facet injection without imaging guidance', today: TODAY,
    explanation: 'Guidance is recorded as none. Facet injection codes require fluoroscopy or CT, so without it the service is not covered under these codes.',
    input: lumbar('PT-2105', '2026-11-12', facet([['L5-S1', 'left']], 'therapeutic', 'none')),
  },
  {
    ruleId: 'FAC-GUIDANCE-NONE', kind: 'near-miss', title: 'Facet injection under CT', today: TODAY,
    explanation: 'The same injection done under CT guidance, which the facet codes include: nothing to flag, and no separate imaging code is billed.',
    input: lumbar('PT-2105', '2026-11-12', facet([['L5-S1', 'left']], 'therapeutic', 'ct')),
  },
  {
    ruleId: 'FAC-ULTRASOUND', kind: 'fires', title: 'Ultrasound-guided facet injection for Medicare', today: TODAY,
    explanation: 'Under ultrasound the levels move to 0216T/0217T, which Medicare does not cover. Get a signed ABN before the service, or use fluoroscopy or CT.',
    input: lumbar('PT-2106', '2026-11-13', facet([['L4-L5', 'left'], ['L5-S1', 'left']], 'therapeutic', 'ultrasound')),
  },
  {
    ruleId: 'FAC-ULTRASOUND', kind: 'near-miss', title: 'Same levels under fluoroscopy', today: TODAY,
    explanation: 'With fluoroscopy the levels are coded 64493-LT and 64494-LT, the covered codes, so there is no coverage warning.',
    input: lumbar('PT-2106', '2026-11-13', facet([['L4-L5', 'left'], ['L5-S1', 'left']], 'therapeutic', 'fluoroscopy')),
  },
  {
    ruleId: 'FAC-LEVEL-LIMIT', kind: 'fires', title: 'Three lumbar facet levels in one session', today: TODAY,
    explanation: 'Since the 2024 facet policy revisions Medicare covers at most two levels per region in a session, so the third level (L5-S1, on the 64495 line) will deny.',
    input: lumbar('PT-2107', '2026-11-16', facet([['L3-L4', 'right'], ['L4-L5', 'right'], ['L5-S1', 'right']], 'therapeutic')),
  },
  {
    ruleId: 'FAC-LEVEL-LIMIT', kind: 'near-miss', title: 'Two lumbar facet levels in one session', today: TODAY,
    explanation: 'Only L4-L5 and L5-S1 were injected: two levels, within Medicare\'s limit, coded 64493-RT and 64494-RT.',
    input: lumbar('PT-2107', '2026-11-16', facet([['L4-L5', 'right'], ['L5-S1', 'right']], 'therapeutic')),
  },
  {
    ruleId: 'FAC-MULTI-REGION', kind: 'fires', title: 'Cervical and lumbar facet injections together', today: TODAY,
    explanation: 'C5-C6 and L4-L5 are in two regions. The facet policies allow one region per session, so one region\'s line is likely to deny unless the note shows why both were needed.',
    input: officeVisit({
      patientId: 'PT-2108', dateOfService: '2026-11-17', diagnoses: [CERVICAL_SPONDYLOSIS, LUMBAR_SPONDYLOSIS],
      procedures: [facet([['C5-C6', 'left'], ['L4-L5', 'left']], 'therapeutic')],
    }),
  },
  {
    ruleId: 'FAC-MULTI-REGION', kind: 'near-miss', title: 'Two lumbar levels, one region', today: TODAY,
    explanation: 'L4-L5 and L5-S1 are both in the lumbar region, so the session stays within one region.',
    input: lumbar('PT-2108', '2026-11-17', facet([['L4-L5', 'left'], ['L5-S1', 'left']], 'therapeutic')),
  },
  {
    ruleId: 'FAC-DUPLICATE-LEVEL', kind: 'fires', title: 'L4-L5 entered twice, left and right', today: TODAY,
    explanation: 'The same level was entered once for each side. A level is billed once per session, so the two entries are merged into one bilateral level (64493-50).',
    input: lumbar('PT-2109', '2026-11-19', facet([['L4-L5', 'left'], ['L4-L5', 'right']], 'therapeutic')),
  },
  {
    ruleId: 'FAC-DUPLICATE-LEVEL', kind: 'near-miss', title: 'L4-L5 entered once as bilateral', today: TODAY,
    explanation: 'One entry for L4-L5 with the side set to bilateral gives the same 64493-50 line with nothing to merge.',
    input: lumbar('PT-2109', '2026-11-19', facet([['L4-L5', 'bilateral']], 'therapeutic')),
  },
  {
    ruleId: 'FAC-T12L1', kind: 'fires', title: 'T12-L1 facet injection', today: TODAY,
    explanation: 'T12-L1 is coded with the cervical/thoracic facet codes (64490), but no source confirms that region for facet codes. Check your Medicare contractor\'s article before submitting.',
    input: officeVisit({ patientId: 'PT-2110', dateOfService: '2026-11-20', diagnoses: [THORACOLUMBAR_SPONDYLOSIS], procedures: [facet([['T12-L1', 'left']], 'therapeutic')] }),
  },
  {
    ruleId: 'FAC-T12L1', kind: 'near-miss', title: 'L1-L2 facet injection', today: TODAY,
    explanation: 'L1-L2 is clearly lumbar, so it is coded 64493-LT with no question about the region.',
    input: lumbar('PT-2110', '2026-11-20', facet([['L1-L2', 'left']], 'therapeutic')),
  },
  {
    ruleId: 'FAC-RFA-SAME-LEVEL', kind: 'fires', title: 'Block and ablation at left L4-L5 the same day', today: TODAY,
    explanation: 'L4-L5 on the left has both a facet injection and a radiofrequency ablation today. When the nerve is ablated after a block at the same level, only the ablation is billed.',
    input: lumbar('PT-2111', '2026-11-23', facet([['L4-L5', 'left']]), ablation([['L4-L5', 'left']])),
  },
  {
    ruleId: 'FAC-RFA-SAME-LEVEL', kind: 'near-miss', title: 'Block at L3-L4, ablation at L4-L5', today: TODAY,
    explanation: 'The injection and the ablation were at different levels (L3-L4 and L4-L5), so each is billed for its own level.',
    input: lumbar('PT-2111', '2026-11-23', facet([['L3-L4', 'left']]), ablation([['L4-L5', 'left']])),
  },
  {
    ruleId: 'DOC-FACET-LEVELS', kind: 'fires', title: 'Levels and sides not confirmed in the note', today: TODAY,
    explanation: 'Every checklist item is ticked except the spinal levels and the side of each injection. The codes and modifiers come from them, so confirm them in the note.',
    input: documented('PT-2112', 'facet-levels'),
  },
  {
    ruleId: 'DOC-FACET-LEVELS', kind: 'near-miss', title: 'Levels and sides confirmed', today: TODAY,
    explanation: 'The note states right L4-L5 and the item is ticked, as is the rest of the checklist.',
    input: documented('PT-2112'),
  },
  {
    ruleId: 'DOC-FACET-IMAGING', kind: 'fires', title: 'Fluoroscopy not confirmed in the note', today: TODAY,
    explanation: 'Fluoroscopy is entered, but the note has not been checked for the guidance and the archived images, which the facet codes require.',
    input: documented('PT-2113', 'facet-imaging'),
  },
  {
    ruleId: 'DOC-FACET-IMAGING', kind: 'near-miss', title: 'Fluoroscopy and saved images confirmed', today: TODAY,
    explanation: 'The imaging item is ticked: the note states fluoroscopy and the images are in the record. Every other item is ticked too.',
    input: documented('PT-2113'),
  },
  {
    ruleId: 'DOC-FACET-PAIN-SCORES', kind: 'fires', title: 'Pain scores before and after not confirmed', today: TODAY,
    explanation: 'The note has not been checked for pain scores before and after the injection on the same scale, which support coverage of this and later injections.',
    input: documented('PT-2114', 'facet-pain-scores'),
  },
  {
    ruleId: 'DOC-FACET-PAIN-SCORES', kind: 'near-miss', title: 'Pain scores before and after confirmed', today: TODAY,
    explanation: 'The pain score item is ticked because the note gives both scores on the same scale, and the checklist is otherwise complete.',
    input: documented('PT-2114'),
  },
  {
    ruleId: 'DOC-FACET-FUNCTION', kind: 'fires', title: 'Disability measure not confirmed', today: TODAY,
    explanation: 'The note has not been checked for a functional disability measure such as the ODI, which the facet policies expect.',
    input: documented('PT-2115', 'facet-function'),
  },
  {
    ruleId: 'DOC-FACET-FUNCTION', kind: 'near-miss', title: 'Disability measure confirmed', today: TODAY,
    explanation: 'The function item is ticked (the note records the disability score), along with every other item.',
    input: documented('PT-2115'),
  },
  {
    ruleId: 'DOC-FACET-RFA-REASON', kind: 'fires', title: 'Reason for not doing ablation not confirmed', today: TODAY,
    explanation: 'This is a therapeutic facet injection, and the note has not been checked for why radiofrequency ablation is not yet indicated or was already tried.',
    input: documented('PT-2116', 'facet-rfa-reason'),
  },
  {
    ruleId: 'DOC-FACET-RFA-REASON', kind: 'near-miss', title: 'Reason for not doing ablation confirmed', today: TODAY,
    explanation: 'The item is ticked because the note explains why ablation is not the next step. Diagnostic blocks never need this item; it applies to therapeutic injections only.',
    input: documented('PT-2116'),
  },
]
