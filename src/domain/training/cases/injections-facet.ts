import type { PracticeCase } from '../types.ts'

/**
 * Practice cases for facet joint injections and medial branch blocks, and one case mixing
 * them with trigger points. Each answer key is what the rule module returned when the case
 * was written (cases.test.ts re-computes it).
 */

const TODAY = '2026-11-26'

/** The facet documentation items every facet note in these cases states (levels, imaging, scores, function). */
const FACET_NOTE_COMPLETE = { 'facet-levels': true, 'facet-imaging': true, 'facet-pain-scores': true, 'facet-function': true }
/** Therapeutic facet injections also need the reason radiofrequency ablation is not (yet) done. */
const THERAPEUTIC_NOTE_COMPLETE = { ...FACET_NOTE_COMPLETE, 'facet-rfa-reason': true }

export const facetCases: readonly PracticeCase[] = [
  {
    id: 'fac-01',
    title: 'Medial branch blocks on both sides at L4-L5',
    level: 'new',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'FAC-KX', 'BILAT-FORMAT'],
    note: 'First diagnostic medial branch block for axial low back pain from lumbar facet arthropathy, no radicular symptoms. Under fluoroscopic guidance the L3 and L4 medial branches were blocked on the right and on the left, covering the L4-L5 facet joints, with 0.5 mL of bupivacaine 0.5% at each site and no steroid. Fluoroscopic images were saved. Pain went from 7/10 to 1/10 on the numeric scale at 30 minutes; the Oswestry index before the block was 42%.',
    context: 'Office (POS 11), professional claim, Medicare. No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-02-17', patientId: 'FC-3001', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M47.816'],
        procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'bilateral' }] }],
        documentation: FACET_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['50', 'KX'], units: 1 }],
      findings: [{ ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'A level is one joint (or its two medial branches), so L4-L5 is one 64493 line whatever the number of needles. On a Medicare professional claim a bilateral level is one line with 50 and one unit, and a diagnostic block carries KX. The bupivacaine is part of the procedure for Medicare and is not billed.',
  },
  {
    id: 'fac-02',
    title: 'Right L5-S1 joint injection with steroid',
    level: 'new',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'BILAT-FORMAT', 'DRUG-UNITS'],
    note: 'Therapeutic intra-articular injection of the right L5-S1 facet joint for lumbosacral facet arthropathy without radiculopathy. Radiofrequency ablation is not planned because the patient has an implanted cardiac device and declined it after counselling. Under fluoroscopy a 22-gauge needle was placed in the right L5-S1 joint and triamcinolone acetonide 40 mg was injected; images were archived. Pain was 6/10 before and 2/10 after on the numeric scale, Oswestry index 38%.',
    context: 'Office (POS 11), professional claim, Medicare. No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-03-03', patientId: 'FC-3002', providerId: 'DR-B', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M47.817'],
        procedures: [{ type: 'facet-injection', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'right' }] }],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 40, unit: 'mg', category: 'steroid' }],
        documentation: THERAPEUTIC_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['RT'], units: 1 }, { code: 'J3301', modifiers: [], units: 4 }],
      findings: [{ ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'A one-sided facet line needs RT or LT, or it rejects. KX is only for diagnostic blocks, so this therapeutic injection has none; the steroid is billed on the same claim, J3301 per 10 mg.',
  },
  {
    id: 'fac-03',
    title: 'Two lumbar levels, both sides, commercial plan',
    level: 'new',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'FAC-KX', 'BILAT-FORMAT', 'BILAT-UNVERIFIED'],
    note: 'Diagnostic medial branch blocks for bilateral axial low back pain from facet arthropathy. Under fluoroscopy the medial branches supplying the L4-L5 and L5-S1 facet joints were blocked on both sides with 0.5 mL of lidocaine 2% per site, no steroid. Images were archived. Numeric pain score 8/10 before and 2/10 at 30 minutes; Oswestry index 46%.',
    context: 'Office (POS 11), professional claim, commercial plan (commercial example profile). No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-04-07', patientId: 'FC-3003', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'commercial-example', diagnoses: ['M47.816'],
        procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [
          { level: 'L4-L5', side: 'bilateral' }, { level: 'L5-S1', side: 'bilateral' },
        ] }],
        documentation: FACET_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['RT', 'KX'], units: 1 }, { code: '64493', modifiers: ['LT', 'KX'], units: 1 }, { code: '64494', modifiers: ['RT', 'KX'], units: 1 }, { code: '64494', modifiers: ['LT', 'KX'], units: 1 }],
      findings: [{ ruleId: 'BILAT-UNVERIFIED', severity: 'info' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'The first lumbar level is 64493 and the second 64494. This commercial profile wants bilateral levels on two lines, RT and LT, instead of 50; the format is marked unverified, so confirm it with the plan.',
  },
  {
    id: 'fac-04',
    title: 'Neck blocks with a fluoroscopy charge',
    level: 'new',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'FAC-KX', 'IMG-BUNDLED', 'OTHER-LINE'],
    note: 'Diagnostic medial branch blocks for left-sided axial neck pain from cervical facet arthropathy. Under fluoroscopic guidance the left C5-C6 and C6-C7 facet joints were blocked at their medial branches with 0.3 mL of bupivacaine 0.5% per site. Images were saved. Neck pain went from 6/10 to 1/10; Neck Disability Index 40%.',
    context: 'Office (POS 11), professional claim, Medicare. The charge ticket adds 77003 for the fluoroscopy. No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-05-05', patientId: 'FC-3004', providerId: 'DR-C', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M47.812'],
        procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [
          { level: 'C5-C6', side: 'left' }, { level: 'C6-C7', side: 'left' },
        ] }],
        otherLines: [{ code: '77003', modifiers: [], units: 1 }],
        documentation: FACET_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '64490', modifiers: ['LT', 'KX'], units: 1 }, { code: '64491', modifiers: ['LT', 'KX'], units: 1 }, { code: '77003', modifiers: [], units: 1 }],
      findings: [{ ruleId: 'IMG-BUNDLED', severity: 'error' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Cervical levels are 64490 then 64491, each with LT and KX. Fluoroscopy or CT guidance is part of the facet codes, so a separate 77003 line will deny.',
  },
  {
    id: 'fac-05',
    title: 'Three lumbar levels in one session',
    level: 'intermediate',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'FAC-KX', 'BILAT-FORMAT', 'FAC-LEVEL-LIMIT'],
    note: 'Diagnostic medial branch blocks for bilateral low back pain from multilevel facet arthropathy. Under fluoroscopy, the facet joints at L3-L4, L4-L5 and L5-S1 were blocked on both sides at their medial branches with 0.5 mL of bupivacaine 0.5% per site. Images were archived. Pain went from 8/10 to 2/10; Oswestry index 50%.',
    context: 'Office (POS 11), professional claim, Medicare. No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-06-16', patientId: 'FC-3005', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M47.816'],
        procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [
          { level: 'L3-L4', side: 'bilateral' }, { level: 'L4-L5', side: 'bilateral' }, { level: 'L5-S1', side: 'bilateral' },
        ] }],
        documentation: FACET_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['50', 'KX'], units: 1 }, { code: '64494', modifiers: ['50', 'KX'], units: 1 }, { code: '64495', modifiers: ['50', 'KX'], units: 1 }],
      findings: [{ ruleId: 'FAC-LEVEL-LIMIT', severity: 'error' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'The third level in a region is 64495, but since the 2024 facet LCD revisions Medicare does not cover a third or fourth level: that line will deny. Bill it only with a signed ABN (GA), or leave it off.',
  },
  {
    id: 'fac-06',
    title: 'Repeat right L4-L5 joint injection',
    level: 'intermediate',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'BILAT-FORMAT', 'DRUG-UNITS', 'FREQ-LAST-SESSION'],
    note: 'Repeat therapeutic intra-articular injection of the right L4-L5 facet joint for facet arthropathy; each prior injection gave more than 50% relief for over three months. Radiofrequency ablation was tried in 2024 without benefit. Under fluoroscopy, triamcinolone acetonide 40 mg was injected into the right L4-L5 joint; images were archived. Pain 7/10 before, 2/10 after; Oswestry index 36%.',
    context: 'Office (POS 11), professional claim, Medicare. The claim history shows 64493-RT (therapeutic, no KX) on 2026-01-12, 2026-04-20 and 2026-07-27, all by DR-B.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-11-02', patientId: 'FC-3006', providerId: 'DR-B', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M47.816'],
        procedures: [{ type: 'facet-injection', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }] }],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 40, unit: 'mg', category: 'steroid' }],
        documentation: THERAPEUTIC_NOTE_COMPLETE,
      },
      history: [
        { dateOfService: '2026-01-12', code: '64493', modifiers: ['RT'], providerId: 'DR-B' },
        { dateOfService: '2026-04-20', code: '64493', modifiers: ['RT'], providerId: 'DR-B' },
        { dateOfService: '2026-07-27', code: '64493', modifiers: ['RT'], providerId: 'DR-B' },
      ],
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['RT'], units: 1 }, { code: 'J3301', modifiers: [], units: 4 }],
      findings: [{ ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'FREQ-LAST-SESSION', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Medicare allows 4 therapeutic facet sessions per region in a rolling 12 months. This is the fourth, so it is payable but the next one must wait until the oldest session leaves the window; tell scheduling the date.',
  },
  {
    id: 'fac-07',
    title: 'Ultrasound-guided neck block',
    level: 'intermediate',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'FAC-KX', 'BILAT-FORMAT', 'FAC-ULTRASOUND'],
    note: 'Diagnostic medial branch block for right-sided neck pain from C3-C4 facet arthropathy. Under ultrasound guidance, the right C3-C4 facet joint was blocked at its medial branches with 0.3 mL of bupivacaine 0.5% per site. No fluoroscopy or CT was used; ultrasound images were saved. Pain went from 6/10 to 2/10; Neck Disability Index 34%. No ABN was signed.',
    context: 'Office (POS 11), professional claim, Medicare. No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-08-18', patientId: 'FC-3007', providerId: 'DR-C', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M47.812'],
        procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'ultrasound', levels: [{ level: 'C3-C4', side: 'right' }] }],
        documentation: FACET_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '0213T', modifiers: ['RT', 'KX'], units: 1 }],
      findings: [{ ruleId: 'FAC-ULTRASOUND', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Ultrasound guidance moves facet injections to the Category III codes 0213T-0218T, which Medicare does not cover. It is not a neutral code swap: without a signed ABN the line will deny.',
  },
  {
    id: 'fac-08',
    title: 'Left, then right, then L5-S1',
    level: 'advanced',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'FAC-KX', 'BILAT-FORMAT', 'FAC-DUPLICATE-LEVEL', 'FAC-SIDE-MISSING', 'DOC-FACET-LEVELS'],
    note: 'Diagnostic medial branch blocks for axial low back pain from facet arthropathy. Under fluoroscopy the left L4-L5 facet joint was blocked first, then the right L4-L5 joint, 0.5 mL of bupivacaine 0.5% per site. The L5-S1 joint was also blocked. Images were archived; pain went from 7/10 to 2/10; Oswestry index 44%.',
    context: 'Office (POS 11), professional claim, Medicare. The worksheet holds L4-L5 left and L4-L5 right as two entries, and L5-S1 without a side. No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-09-08', patientId: 'FC-3008', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M47.816'],
        procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [
          { level: 'L4-L5', side: 'left' }, { level: 'L4-L5', side: 'right' }, { level: 'L5-S1', side: null },
        ] }],
        documentation: { 'facet-imaging': true, 'facet-pain-scores': true, 'facet-function': true },
      },
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['50', 'KX'], units: 1 }, { code: '64494', modifiers: ['KX'], units: 1 }],
      findings: [{ ruleId: 'FAC-SIDE-MISSING', severity: 'error' }, { ruleId: 'FAC-DUPLICATE-LEVEL', severity: 'warning' }, { ruleId: 'DOC-FACET-LEVELS', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Left and right at one level are one bilateral level (64493-50), not two lines. A level without a side goes out without RT, LT or 50 and rejects: ask the provider which side of L5-S1 was blocked.',
  },
  {
    id: 'fac-09',
    title: 'Hospital outpatient facility claim',
    level: 'advanced',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'FAC-KX', 'BILAT-FORMAT', 'PA-OPD-FACILITY', 'BILAT-UNVERIFIED'],
    note: 'Diagnostic medial branch blocks at L4-L5 on both sides for lumbar facet arthropathy, performed in the hospital outpatient procedure suite. Under fluoroscopy the L3 and L4 medial branches were blocked bilaterally with 0.5 mL of bupivacaine 0.5% per site; images were archived. Pain went from 8/10 to 1/10; Oswestry index 48%.',
    context: 'On-campus hospital outpatient department (POS 22), the hospital\'s facility claim, Medicare. No prior authorization number (UTN) is recorded. No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-10-13', patientId: 'FC-3009', providerId: 'DR-B', placeOfService: '22', claimType: 'facility',
        payerProfile: 'medicare', priorAuthorization: null, diagnoses: ['M47.816'],
        procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'bilateral' }] }],
        documentation: FACET_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['50', 'KX'], units: 1 }],
      findings: [{ ruleId: 'PA-OPD-FACILITY', severity: 'error' }, { ruleId: 'BILAT-UNVERIFIED', severity: 'info' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Since July 2023 Medicare makes prior authorization a condition of payment for facet injections in a hospital outpatient department: without the UTN the facility claim will not be paid. The hospital bilateral convention is not verified, so the 50 line follows the profile.',
  },
  {
    id: 'fac-10',
    title: 'Surgery center claim for both sides',
    level: 'advanced',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'FAC-KX', 'BILAT-FORMAT'],
    note: 'Diagnostic medial branch blocks for bilateral axial low back pain, performed at the ambulatory surgery center. Under fluoroscopy the medial branches supplying the L4-L5 and L5-S1 facet joints were blocked on both sides with 0.5 mL of bupivacaine 0.5% per site. Images were archived. Pain went from 7/10 to 1/10 on the numeric scale; Oswestry index 40%.',
    context: 'Ambulatory surgical center (POS 24), the center\'s facility claim, Medicare. No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-05-26', patientId: 'FC-3010', providerId: 'DR-C', placeOfService: '24', claimType: 'facility',
        payerProfile: 'medicare', diagnoses: ['M47.816'],
        procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [
          { level: 'L4-L5', side: 'bilateral' }, { level: 'L5-S1', side: 'bilateral' },
        ] }],
        documentation: FACET_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['RT', 'KX'], units: 1 }, { code: '64493', modifiers: ['LT', 'KX'], units: 1 }, { code: '64494', modifiers: ['RT', 'KX'], units: 1 }, { code: '64494', modifiers: ['LT', 'KX'], units: 1 }],
      findings: [{ ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'The same procedure bills differently by claim: the physician\'s Medicare claim uses 50, but the ASC facility claim puts each bilateral level on two lines, RT and LT, one unit each, never 50.',
  },
  {
    id: 'fac-11',
    title: 'Physician claim at an off-campus hospital department',
    level: 'advanced',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'BILAT-FORMAT', 'PA-OPD-PROFESSIONAL', 'DRUG-FACILITY-SETTING', 'DRUG-UNITS'],
    note: 'Therapeutic intra-articular injection of the left L3-L4 facet joint for lumbar facet arthropathy, in the off-campus hospital outpatient department. Radiofrequency ablation was done in 2025 with only six weeks of relief and the patient declines a repeat. Under fluoroscopy, triamcinolone acetonide 40 mg supplied by our practice was injected into the left L3-L4 joint; images were archived. Pain went from 6/10 to 2/10; Oswestry index 32%.',
    context: 'Off-campus hospital outpatient department (POS 19), the physician\'s professional claim, Medicare. The hospital\'s prior authorization number (UTN) has not been recorded. No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-07-14', patientId: 'FC-3011', providerId: 'DR-A', placeOfService: '19', claimType: 'professional',
        payerProfile: 'medicare', priorAuthorization: null, diagnoses: ['M47.816'],
        procedures: [{ type: 'facet-injection', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L3-L4', side: 'left' }] }],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 40, unit: 'mg', category: 'steroid' }],
        documentation: THERAPEUTIC_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['LT'], units: 1 }, { code: 'J3301', modifiers: [], units: 4 }],
      findings: [{ ruleId: 'PA-OPD-PROFESSIONAL', severity: 'warning' }, { ruleId: 'DRUG-FACILITY-SETTING', severity: 'info' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'The physician does not put the UTN on the professional claim, but it is not paid if the hospital\'s service fails prior authorization: confirm the affirmation first. In a facility setting the facility normally bills the drug; keep J3301 only because the note says the practice supplied it.',
  },
  {
    id: 'fac-12',
    title: 'Another right L5-S1 block',
    level: 'advanced',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'FAC-KX', 'BILAT-FORMAT', 'FREQ-LIMIT'],
    note: 'Repeat diagnostic medial branch block at L5-S1 on the right for lumbosacral facet pain, requested to confirm the pain generator before ablation. Under fluoroscopy the right L4 medial branch and L5 dorsal ramus were blocked with 0.5 mL of bupivacaine 0.5% each; images were archived. Pain went from 7/10 to 2/10; Oswestry index 42%.',
    context: 'Office (POS 11), professional claim, Medicare. The group\'s claim history shows lumbar diagnostic blocks (64493 with KX) on 2026-01-13 (DR-B), 2026-03-17 (DR-B), 2026-06-09 (DR-A) and 2026-08-04 (DR-C), and a cervical diagnostic block (64490-KX) on 2026-05-12.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-10-20', patientId: 'FC-3012', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M47.817'],
        procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [{ level: 'L5-S1', side: 'right' }] }],
        documentation: FACET_NOTE_COMPLETE,
      },
      history: [
        { dateOfService: '2026-01-13', code: '64493', modifiers: ['50', 'KX'], providerId: 'DR-B' },
        { dateOfService: '2026-03-17', code: '64493', modifiers: ['50', 'KX'], providerId: 'DR-B' },
        { dateOfService: '2026-05-12', code: '64490', modifiers: ['RT', 'KX'], providerId: 'DR-C' },
        { dateOfService: '2026-06-09', code: '64493', modifiers: ['RT', 'KX'], providerId: 'DR-A' },
        { dateOfService: '2026-08-04', code: '64493', modifiers: ['LT', 'KX'], providerId: 'DR-C' },
      ],
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['RT', 'KX'], units: 1 }],
      findings: [{ ruleId: 'FREQ-LIMIT', severity: 'error' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Frequency limits count every provider of the group. Four lumbar diagnostic sessions are already in the rolling 12 months, so this fifth one exceeds Medicare\'s limit of 4 and will deny; the cervical block counts in its own region and does not add to the lumbar count.',
  },
  {
    id: 'fac-13',
    title: 'Blocks at the thoracolumbar junction',
    level: 'advanced',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'FAC-KX', 'BILAT-FORMAT', 'FAC-T12L1', 'FAC-MULTI-REGION'],
    note: 'Diagnostic medial branch blocks for bilateral thoracolumbar junction pain from facet arthropathy. Under fluoroscopy the T12-L1 and L1-L2 facet joints were blocked on both sides at their medial branches with 0.5 mL of bupivacaine 0.5% per site. Images were archived. Pain went from 7/10 to 2/10; Oswestry index 38%.',
    context: 'Office (POS 11), professional claim, Medicare. No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-09-22', patientId: 'FC-3013', providerId: 'DR-B', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M47.815'],
        procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [
          { level: 'T12-L1', side: 'bilateral' }, { level: 'L1-L2', side: 'bilateral' },
        ] }],
        documentation: FACET_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '64490', modifiers: ['50', 'KX'], units: 1 }, { code: '64493', modifiers: ['50', 'KX'], units: 1 }],
      findings: [{ ruleId: 'FAC-MULTI-REGION', severity: 'warning' }, { ruleId: 'FAC-T12L1', severity: 'info' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'The worksheet codes T12-L1 with the cervical/thoracic facet codes, which puts two adjacent joints in two regions and draws the one-region-per-session limit. Which region T12-L1 belongs to for facet codes is not verified: check your MAC\'s article before submitting.',
  },
  {
    id: 'fac-14',
    title: 'Test block before ablation',
    level: 'advanced',
    families: ['facet-injection', 'facet-rfa'],
    ruleIds: ['FAC-CODE', 'FAC-KX', 'RFA-CODE', 'FAC-RFA-SAME-LEVEL'],
    note: 'Radiofrequency ablation of the right L4-L5 and L5-S1 facet joints under fluoroscopy, after two diagnostic medial branch blocks in 2026 with 90% and 85% relief. Before lesioning, a test block of the right L4-L5 medial branches was done with 1 mL of bupivacaine 0.5%. Lesions were made at 80 degrees for 90 seconds at each medial branch; images were archived. The same numeric pain scale and the Oswestry index were recorded before each block and today.',
    context: 'Office (POS 11), professional claim, Medicare. The claim history shows diagnostic blocks 64493-RT-KX on 2026-05-04 and 2026-06-01 by DR-A. No ablations in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-08-24', patientId: 'FC-3014', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M47.816'],
        procedures: [
          { type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }] },
          { type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }, { level: 'L5-S1', side: 'right' }] },
        ],
        documentation: {
          ...FACET_NOTE_COMPLETE, 'rfa-levels': true, 'rfa-imaging': true, 'rfa-diagnostic-blocks': true, 'rfa-scales': true,
        },
      },
      history: [
        { dateOfService: '2026-05-04', code: '64493', modifiers: ['RT', 'KX'], providerId: 'DR-A' },
        { dateOfService: '2026-06-01', code: '64493', modifiers: ['RT', 'KX'], providerId: 'DR-A' },
      ],
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['RT', 'KX'], units: 1 }, { code: '64635', modifiers: ['RT'], units: 1 }, { code: '64636', modifiers: ['RT'], units: 1 }],
      findings: [{ ruleId: 'FAC-RFA-SAME-LEVEL', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'When a facet nerve is destroyed after a block at the same level the same day, only the destruction is billed: remove the 64493 line and keep 64635 and 64636.',
  },
  {
    id: 'fac-15',
    title: 'Office joint injection by landmarks',
    level: 'advanced',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'BILAT-FORMAT', 'FAC-GUIDANCE-NONE', 'DX-RED-FLAG', 'DOC-FACET-IMAGING'],
    note: 'Therapeutic injection of the left L4-L5 facet joint by palpation of landmarks in the office; no fluoroscopy, CT or ultrasound was used. The patient has lumbar spondylosis and also left L5 radiculopathy with leg pain that has not been treated. Triamcinolone acetonide 40 mg was injected. Pain went from 8/10 to 5/10; Oswestry index 52%. Ablation is deferred until the radicular pain is addressed.',
    context: 'Office (POS 11), professional claim, Medicare. No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-10-27', patientId: 'FC-3015', providerId: 'DR-C', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M47.816', 'M54.16'],
        procedures: [{ type: 'facet-injection', purpose: 'therapeutic', guidance: 'none', levels: [{ level: 'L4-L5', side: 'left' }] }],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 40, unit: 'mg', category: 'steroid' }],
        documentation: { 'facet-levels': true, 'facet-pain-scores': true, 'facet-function': true, 'facet-rfa-reason': true },
      },
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['LT'], units: 1 }, { code: 'J3301', modifiers: [], units: 4 }],
      findings: [{ ruleId: 'FAC-GUIDANCE-NONE', severity: 'error' }, { ruleId: 'DX-RED-FLAG', severity: 'warning' }, { ruleId: 'DOC-FACET-IMAGING', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Fluoroscopy or CT is part of 64490-64495 and required for coverage: an injection by landmarks is not billable under these codes. Untreated radiculopathy on the same claim also argues against any facet procedure.',
  },
  {
    id: 'fac-16',
    title: 'Blocks "as planned"',
    level: 'advanced',
    families: ['facet-injection'],
    ruleIds: ['FAC-NO-LEVELS', 'ADDON-WITHOUT-PRIMARY', 'PROCEDURE-IN-OTHER-LINES', 'DOC-FACET-LEVELS'],
    note: 'Lumbar medial branch blocks were performed as planned for axial low back pain from facet arthropathy. Under fluoroscopy, the target medial branches were anesthetized with 0.5 mL of bupivacaine 0.5% per site and images were archived. Pain went from 7/10 to 2/10 on the numeric scale; Oswestry index 44%. The patient was discharged home with a pain diary.',
    context: 'Office (POS 11), professional claim, Medicare. The worksheet has the facet entry with no level, and the front desk typed 64494-50 from the schedule under other lines. No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-11-03', patientId: 'FC-3016', providerId: 'DR-B', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M47.816'],
        procedures: [{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [] }],
        otherLines: [{ code: '64494', modifiers: ['50'], units: 1 }],
        documentation: { 'facet-imaging': true, 'facet-pain-scores': true, 'facet-function': true },
      },
    },
    answerKey: {
      lines: [{ code: '64494', modifiers: ['50'], units: 1 }],
      findings: [{ ruleId: 'ADDON-WITHOUT-PRIMARY', severity: 'error' }, { ruleId: 'FAC-NO-LEVELS', severity: 'error' }, { ruleId: 'PROCEDURE-IN-OTHER-LINES', severity: 'warning' }, { ruleId: 'DOC-FACET-LEVELS', severity: 'warning' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Facet codes are chosen by level, so a note without levels cannot be coded, and copying a code from the schedule skips the level, side and KX logic. A 64494 without its primary 64493 will deny anyway: get the levels from the provider.',
  },
  {
    id: 'fac-17',
    title: 'Two right lumbar joints with steroid',
    level: 'intermediate',
    families: ['facet-injection'],
    ruleIds: ['FAC-CODE', 'BILAT-FORMAT', 'DRUG-UNITS', 'DX-SUPPORT', 'DOC-FACET-PAIN-SCORES', 'DOC-FACET-FUNCTION', 'DOC-FACET-RFA-REASON'],
    note: 'Therapeutic intra-articular facet injections for right-sided low back pain. Under fluoroscopic guidance, needles were placed into the right L3-L4 and right L4-L5 facet joints and methylprednisolone acetate 40 mg was injected into each joint, 80 mg in total. Images were archived. The patient tolerated the procedure well. Diagnosis on the encounter: low back pain.',
    context: 'Office (POS 11), professional claim, Medicare. The only diagnosis entered is M54.50. No facet procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-09-01', patientId: 'FC-3018', providerId: 'DR-B', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M54.50'],
        procedures: [{ type: 'facet-injection', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [
          { level: 'L3-L4', side: 'right' }, { level: 'L4-L5', side: 'right' },
        ] }],
        drugs: [{ code: 'J1010', name: 'methylprednisolone acetate', dose: 80, unit: 'mg', category: 'steroid' }],
        documentation: { 'facet-levels': true, 'facet-imaging': true },
      },
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['RT'], units: 1 }, { code: '64494', modifiers: ['RT'], units: 1 }, { code: 'J1010', modifiers: [], units: 80 }],
      findings: [{ ruleId: 'DX-SUPPORT', severity: 'warning' }, { ruleId: 'DOC-FACET-PAIN-SCORES', severity: 'warning' }, { ruleId: 'DOC-FACET-FUNCTION', severity: 'warning' }, { ruleId: 'DOC-FACET-RFA-REASON', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'The coding is simple (64493-RT, 64494-RT, J1010 x 80) but the claim is weak: low back pain alone is not the spondylosis diagnosis that supports facet procedures, and the note lacks pain scores before and after, a disability measure, and why ablation is not the treatment. Query the provider before billing.',
  },
  {
    id: 'mix-01',
    title: 'Trigger points after the facet blocks',
    level: 'advanced',
    families: ['facet-injection', 'trigger-point'],
    ruleIds: ['FAC-CODE', 'FAC-KX', 'BILAT-FORMAT', 'TPI-CODE', 'TPI-WITH-OTHER-BLOCK', 'DRUG-UNITS'],
    note: 'Diagnostic medial branch blocks of both L4-L5 facet joints under fluoroscopy with 0.5 mL of bupivacaine 0.5% per site, images archived; pain 7/10 before and 2/10 after, Oswestry index 40%. Afterwards, for separate myofascial pain, the left and right lumbar paraspinal muscles and the right gluteus medius were injected at trigger points, two each, with triamcinolone acetonide 20 mg in total, no imaging. Physical therapy from May to July 2026 had failed for both problems. Relief after the trigger point injections was 60%.',
    context: 'Office (POS 11), professional claim, Medicare. No facet or trigger point procedures in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-08-31', patientId: 'FC-3017', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M47.816', 'M79.18'],
        procedures: [
          { type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'bilateral' }] },
          { type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
            { muscle: 'lumbar paraspinals', side: 'bilateral', injections: 4 },
            { muscle: 'gluteus medius', side: 'right', injections: 2 },
          ] },
        ],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 20, unit: 'mg', category: 'steroid' }],
        documentation: {
          ...FACET_NOTE_COMPLETE,
          'tpi-muscles': true, 'tpi-substance': true, 'tpi-laterality': true, 'tpi-relief': true, 'tpi-conservative': true,
        },
      },
    },
    answerKey: {
      lines: [{ code: '64493', modifiers: ['50', 'KX'], units: 1 }, { code: '20553', modifiers: [], units: 1 }, { code: 'J3301', modifiers: [], units: 2 }],
      findings: [{ ruleId: 'TPI-WITH-OTHER-BLOCK', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Payers treat several blocks in one session as a limitation: trigger points with a facet block the same day may see one of them denied unless the note documents why both were necessary that day; this note gives no reason.',
  },
]
