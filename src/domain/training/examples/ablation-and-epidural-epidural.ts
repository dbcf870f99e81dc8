import type { RuleExample } from '../types.ts'
import { EXAMPLE_TODAY as today, officeVisit } from './ablation-and-epidural-draft.ts'

const LUMBAR_RADICULOPATHY = 'M54.16'
const CERVICAL_RADICULOPATHY = 'M54.12'
const THORACOLUMBAR_RADICULOPATHY = 'M54.15'

/** Epidural injections (epidural scope): coding and checks, a pair per rule. */
export const epiduralExamples: readonly RuleExample[] = [
  {
    ruleId: 'ESI-IL-CODE', kind: 'fires', today,
    title: 'L4-L5 interlaminar epidural coded 62323',
    explanation: 'An interlaminar epidural at a lumbar interspace under fluoroscopy is one line, one unit of 62323, with no side modifier.',
    input: officeVisit({
      patientId: 'PT-2201', dateOfService: '2026-08-04', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: null }] }],
    }),
  },
  {
    ruleId: 'ESI-IL-CODE', kind: 'near-miss', today,
    title: 'Same level given through the foramen',
    explanation: 'When the note describes a transforaminal approach (right L4-L5 foramen), the injection codes 64483 with RT from the transforaminal codes, not the interlaminar ones.',
    input: officeVisit({
      patientId: 'PT-2201', dateOfService: '2026-08-04', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'ESI-TF-CODE', kind: 'fires', today,
    title: 'Right L5-S1 transforaminal coded 64483',
    explanation: 'A transforaminal epidural is coded per level: the first lumbar level is 64483 with RT or LT for the side injected.',
    input: officeVisit({
      patientId: 'PT-2202', dateOfService: '2026-08-06', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'ESI-TF-CODE', kind: 'near-miss', today,
    title: 'Same level given between the laminae',
    explanation: 'Entered with the interlaminar approach, the L5-S1 epidural codes 62323 from the interlaminar codes instead: the approach, not the level, picks the code family.',
    input: officeVisit({
      patientId: 'PT-2202', dateOfService: '2026-08-06', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: null }] }],
    }),
  },
  {
    ruleId: 'ESI-TF-T12L1', kind: 'fires', today,
    title: 'T12-L1 transforaminal coded 64479',
    explanation: 'A transforaminal epidural at T12-L1 is reported with the cervical/thoracic code 64479 (article A58993), not the lumbar 64483.',
    input: officeVisit({
      patientId: 'PT-2203', dateOfService: '2026-08-11', diagnoses: [THORACOLUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'T12-L1', side: 'left' }] }],
    }),
  },
  {
    ruleId: 'ESI-TF-T12L1', kind: 'near-miss', today,
    title: 'L1-L2 transforaminal coded 64483',
    explanation: 'One level lower, L1-L2 is lumbar and codes 64483 as usual; the T12-L1 exception does not apply.',
    input: officeVisit({
      patientId: 'PT-2203', dateOfService: '2026-08-11', diagnoses: [THORACOLUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L1-L2', side: 'left' }] }],
    }),
  },
  {
    ruleId: 'ESI-DSNRB-KX', kind: 'fires', today,
    title: 'Diagnostic nerve root block gets KX',
    explanation: 'A diagnostic selective nerve root block uses the transforaminal codes and is marked with KX (64483 with RT and KX); without KX it would process as a therapeutic epidural.',
    input: officeVisit({
      patientId: 'PT-2204', dateOfService: '2026-08-13', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'diagnostic-nerve-root-block', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'ESI-DSNRB-KX', kind: 'near-miss', today,
    title: 'Therapeutic transforaminal, no KX',
    explanation: 'The same right L5-S1 injection entered as therapeutic is a steroid epidural, so its 64483 line carries RT only.',
    input: officeVisit({
      patientId: 'PT-2204', dateOfService: '2026-08-13', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'ESI-LEVEL-MISSING', kind: 'fires', today,
    title: 'Interlaminar epidural with no level or region',
    explanation: 'The interlaminar codes depend on the region (62320/62321 or 62322/62323). With neither a level nor a region entered, no line can be coded.',
    input: officeVisit({
      patientId: 'PT-2205', dateOfService: '2026-08-18', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [] }],
    }),
  },
  {
    ruleId: 'ESI-LEVEL-MISSING', kind: 'near-miss', today,
    title: 'Interlaminar epidural at L4-L5',
    explanation: 'With the interspace injected (L4-L5) picked, the region is lumbar and the line codes 62323.',
    input: officeVisit({
      patientId: 'PT-2205', dateOfService: '2026-08-18', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: null }] }],
    }),
  },
  {
    ruleId: 'ESI-IL-BILATERAL', kind: 'fires', today,
    title: 'Interlaminar epidural entered as bilateral',
    explanation: 'Interlaminar and caudal epidurals take no modifier 50: entered as bilateral, the worksheet still bills one 62323 line without a side and warns you.',
    input: officeVisit({
      patientId: 'PT-2206', dateOfService: '2026-08-20', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'bilateral' }] }],
    }),
  },
  {
    ruleId: 'ESI-IL-BILATERAL', kind: 'near-miss', today,
    title: 'Interlaminar epidural without a side',
    explanation: 'The same L4-L5 interlaminar epidural with no side entered bills the same single 62323 line, and nothing asks for a modifier 50.',
    input: officeVisit({
      patientId: 'PT-2206', dateOfService: '2026-08-20', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: null }] }],
    }),
  },
  {
    ruleId: 'ESI-IL-LEVELS', kind: 'fires', today,
    title: 'Two interlaminar levels in one session',
    explanation: 'L3-L4 and L4-L5 were both entered as interlaminar levels. One level per session is covered and 62323 is billed once, one unit.',
    input: officeVisit({
      patientId: 'PT-2207', dateOfService: '2026-08-25', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L3-L4', side: null }, { level: 'L4-L5', side: null }] }],
    }),
  },
  {
    ruleId: 'ESI-IL-LEVELS', kind: 'near-miss', today,
    title: 'One interlaminar level',
    explanation: 'With only the L4-L5 interspace injected, the session is within the one-level limit.',
    input: officeVisit({
      patientId: 'PT-2207', dateOfService: '2026-08-25', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: null }] }],
    }),
  },
  {
    ruleId: 'ESI-NO-IMAGING', kind: 'fires', today,
    title: 'Interlaminar epidural without imaging',
    explanation: 'With no imaging recorded, the L4-L5 interlaminar epidural codes 62322, which the Medicare profile does not cover for epidural steroid injections.',
    input: officeVisit({
      patientId: 'PT-2208', dateOfService: '2026-08-27', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'none', levels: [{ level: 'L4-L5', side: null }] }],
    }),
  },
  {
    ruleId: 'ESI-NO-IMAGING', kind: 'near-miss', today,
    title: 'Interlaminar epidural under fluoroscopy',
    explanation: 'The same injection done under fluoroscopy codes 62323 and meets the imaging requirement.',
    input: officeVisit({
      patientId: 'PT-2208', dateOfService: '2026-08-27', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: null }] }],
    }),
  },
  {
    ruleId: 'ESI-TF-GUIDANCE', kind: 'fires', today,
    title: 'Transforaminal epidural under ultrasound',
    explanation: 'The transforaminal codes 64479-64484 require fluoroscopy or CT. Recorded with ultrasound, the injection cannot be billed with them.',
    input: officeVisit({
      patientId: 'PT-2209', dateOfService: '2026-09-01', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'ultrasound', levels: [{ level: 'L4-L5', side: 'left' }] }],
    }),
  },
  {
    ruleId: 'ESI-TF-GUIDANCE', kind: 'near-miss', today,
    title: 'Transforaminal epidural under fluoroscopy',
    explanation: 'The same left L4-L5 injection under fluoroscopy meets the code, so there is no guidance error.',
    input: officeVisit({
      patientId: 'PT-2209', dateOfService: '2026-09-01', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'left' }] }],
    }),
  },
  {
    ruleId: 'ESI-TF-SIDE-MISSING', kind: 'fires', today,
    title: 'Transforaminal level without a side',
    explanation: 'The L4-L5 foramen is entered with no side, so the 64483 line would go out without RT, LT or 50 and be rejected.',
    input: officeVisit({
      patientId: 'PT-2210', dateOfService: '2026-09-03', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: null }] }],
    }),
  },
  {
    ruleId: 'ESI-TF-SIDE-MISSING', kind: 'near-miss', today,
    title: 'Transforaminal level on the right',
    explanation: 'With the side recorded (right), the line gets RT and nothing is missing.',
    input: officeVisit({
      patientId: 'PT-2210', dateOfService: '2026-09-03', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'ESI-TF-DUPLICATE-LEVEL', kind: 'fires', today,
    title: 'L5-S1 foramen entered once per side',
    explanation: 'L5-S1 was entered twice, left and right. A level is billed once per session, so the entries are merged into one bilateral line (64483 with 50) and you are asked to keep one entry.',
    input: officeVisit({
      patientId: 'PT-2211', dateOfService: '2026-09-09', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'left' }, { level: 'L5-S1', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'ESI-TF-DUPLICATE-LEVEL', kind: 'near-miss', today,
    title: 'L5-S1 entered once as bilateral',
    explanation: 'One L5-S1 entry with the side bilateral gives the same 64483 line with 50, and there is nothing to merge.',
    input: officeVisit({
      patientId: 'PT-2211', dateOfService: '2026-09-09', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'bilateral' }] }],
    }),
  },
  {
    ruleId: 'ESI-TF-LEVELS', kind: 'fires', today,
    title: 'Three transforaminal levels',
    explanation: 'L3-L4, L4-L5 and L5-S1 were injected on the left. The Medicare profile covers at most two transforaminal levels per session, so the third level\'s add-on line is flagged.',
    input: officeVisit({
      patientId: 'PT-2212', dateOfService: '2026-09-14', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L3-L4', side: 'left' }, { level: 'L4-L5', side: 'left' }, { level: 'L5-S1', side: 'left' }] }],
    }),
  },
  {
    ruleId: 'ESI-TF-LEVELS', kind: 'near-miss', today,
    title: 'Two transforaminal levels',
    explanation: 'With L4-L5 and L5-S1 only (64483 then 64484), the session is within the two-level limit.',
    input: officeVisit({
      patientId: 'PT-2212', dateOfService: '2026-09-14', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'left' }, { level: 'L5-S1', side: 'left' }] }],
    }),
  },
  {
    ruleId: 'ESI-MULTI-REGION', kind: 'fires', today,
    title: 'Neck and low back epidurals the same day',
    explanation: 'A lumbar transforaminal (right L5-S1) and a cervical interlaminar (C6-C7) epidural were given in one session. One spinal region per session is covered.',
    input: officeVisit({
      patientId: 'PT-2213', dateOfService: '2026-09-16', diagnoses: [LUMBAR_RADICULOPATHY, CERVICAL_RADICULOPATHY],
      procedures: [
        { type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'right' }] },
        { type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'C6-C7', side: null }] },
      ],
    }),
  },
  {
    ruleId: 'ESI-MULTI-REGION', kind: 'near-miss', today,
    title: 'Two lumbar levels the same day',
    explanation: 'Here the second injection is at right L4-L5 instead of C6-C7: both levels are lumbar, one region, so the session stays within the limit.',
    input: officeVisit({
      patientId: 'PT-2213', dateOfService: '2026-09-16', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }, { level: 'L5-S1', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'ESI-DSNRB-APPROACH', kind: 'fires', today,
    title: 'Nerve root block entered as interlaminar',
    explanation: 'A diagnostic nerve root block was entered with the interlaminar approach, so it codes as a therapeutic 62323 without KX. A selective nerve root block is coded with the transforaminal codes and KX.',
    input: officeVisit({
      patientId: 'PT-2214', dateOfService: '2026-09-21', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'diagnostic-nerve-root-block', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: null }] }],
    }),
  },
  {
    ruleId: 'ESI-DSNRB-APPROACH', kind: 'near-miss', today,
    title: 'Nerve root block entered as transforaminal',
    explanation: 'Entered with the transforaminal approach at the left L4-L5 foramen, the block codes 64483 with LT and KX, as it should.',
    input: officeVisit({
      patientId: 'PT-2214', dateOfService: '2026-09-21', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'transforaminal', purpose: 'diagnostic-nerve-root-block', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'left' }] }],
    }),
  },
  {
    ruleId: 'ESI-CAUDAL-REGION', kind: 'fires', today,
    title: 'Caudal epidural with the cervical/thoracic region',
    explanation: 'A caudal epidural enters through the sacral hiatus and is coded 62322/62323; entered with the cervical/thoracic region, check the approach: an injection at a cervical or thoracic interspace is interlaminar.',
    input: officeVisit({
      patientId: 'PT-2215', dateOfService: '2026-09-23', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'caudal', purpose: 'therapeutic', guidance: 'fluoroscopy', region: 'cervical-thoracic', levels: [] }],
    }),
  },
  {
    ruleId: 'ESI-CAUDAL-REGION', kind: 'near-miss', today,
    title: 'Caudal epidural with the lumbar/sacral region',
    explanation: 'With the region lumbar/sacral, the caudal epidural matches its code 62323 and there is nothing to check.',
    input: officeVisit({
      patientId: 'PT-2215', dateOfService: '2026-09-23', diagnoses: [LUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'caudal', purpose: 'therapeutic', guidance: 'fluoroscopy', region: 'lumbar-sacral', levels: [] }],
    }),
  },
  {
    ruleId: 'ESI-IL-T12L1', kind: 'fires', today,
    title: 'T12-L1 interlaminar coded as thoracic',
    explanation: 'An interlaminar epidural at T12-L1 is coded 62321, the cervical/thoracic code, but that region is verified only for transforaminal injections, so confirm with your MAC.',
    input: officeVisit({
      patientId: 'PT-2216', dateOfService: '2026-09-28', diagnoses: [THORACOLUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'T12-L1', side: null }] }],
    }),
  },
  {
    ruleId: 'ESI-IL-T12L1', kind: 'near-miss', today,
    title: 'L1-L2 interlaminar coded as lumbar',
    explanation: 'One interspace lower, L1-L2 is plainly lumbar and codes 62323, so there is no region to confirm.',
    input: officeVisit({
      patientId: 'PT-2216', dateOfService: '2026-09-28', diagnoses: [THORACOLUMBAR_RADICULOPATHY],
      procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L1-L2', side: null }] }],
    }),
  },
]
