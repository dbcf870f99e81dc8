import type { RuleExample } from '../types.ts'
import {
  EXAMPLE_TODAY, LUMBAR_SPONDYLOSIS, MYALGIA, exampleInput, lumbarFacetRight, triamcinolone20, upperBackTriggerPoints, type ProcedureDraft,
} from './drugs-and-claim-shared.ts'

const bilateralFacet: ProcedureDraft = {
  type: 'facet-injection', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'bilateral' }],
}

const twoLevelFacet: ProcedureDraft = {
  type: 'facet-injection', purpose: 'therapeutic', guidance: 'fluoroscopy',
  levels: [{ level: 'L4-L5', side: 'right' }, { level: 'L5-S1', side: 'right' }],
}

/** Examples of the claim-level rules: payer, dates, prior authorization and the lines typed by hand. */
export const claimExamples: readonly RuleExample[] = [
  {
    ruleId: 'OTHER-LINE', kind: 'fires', title: 'Office visit added under other lines',
    explanation: 'The 99213-25 visit typed under other lines is carried onto the claim as entered, after the procedure line, so the bundling checks can see it.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2201', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight],
      otherLines: [{ code: '99213', modifiers: ['25'], units: 1 }],
    }),
  },
  {
    ruleId: 'OTHER-LINE', kind: 'near-miss', title: 'Facet injection with no other lines',
    explanation: 'Nothing was typed under other lines, so every line on the claim comes from the procedure the worksheet coded.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2201', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'LINE-MERGE', kind: 'fires', title: 'Three right lumbar joints ablated',
    explanation: 'The second and third joints both bill 64636 with RT. Two identical lines would deny as duplicates, so they become one 64636 RT line of 2 units; the trace still lists both joints.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2204', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L3-L4', side: 'right' }, { level: 'L4-L5', side: 'right' }, { level: 'L5-S1', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'LINE-MERGE', kind: 'near-miss', title: 'Two right lumbar joints ablated',
    explanation: 'The first joint bills 64635 RT and the second 64636 RT: no two lines share a code and modifiers, so nothing is merged.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2204', diagnoses: [LUMBAR_SPONDYLOSIS],
      procedures: [{ type: 'facet-rfa', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }, { level: 'L5-S1', side: 'right' }] }],
    }),
  },
  {
    ruleId: 'PAYER-PROFILE-UNKNOWN', kind: 'fires', title: 'Payer profile that is not set up',
    explanation: 'The encounter names the profile "regional-ppo", which the practice has not set up, so limits and formats fall back to Medicare and may be wrong for this payer.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2202', payerProfile: 'regional-ppo', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'PAYER-PROFILE-UNKNOWN', kind: 'near-miss', title: 'Payer profile picked from the list',
    explanation: 'The commercial example profile exists, so the encounter is checked against that payer\'s own limits and formats.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2202', payerProfile: 'commercial-example', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'DOS-FUTURE', kind: 'fires', title: 'Date of service after today',
    explanation: 'The date of service 2026-12-03 is after today (2026-11-26); a service cannot be billed before it is performed, often a typo in the month or day.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2203', dateOfService: '2026-12-03', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'DOS-FUTURE', kind: 'near-miss', title: 'Date of service earlier this week',
    explanation: 'A date of service of 2026-11-23 is before today, so the service has been performed and can be billed.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2203', dateOfService: '2026-11-23', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'NO-PROCEDURES', kind: 'fires', title: 'Encounter with only a diagnosis',
    explanation: 'No procedure is entered yet, so the worksheet has nothing to code. Add the injection performed to get its lines.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2204', diagnoses: [MYALGIA], procedures: [] }),
  },
  {
    ruleId: 'NO-PROCEDURES', kind: 'near-miss', title: 'Encounter with a trigger point injection',
    explanation: 'With the trigger point injection entered (two muscles), the worksheet codes 20552 and there is something to bill.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2204', diagnoses: [MYALGIA], procedures: [upperBackTriggerPoints], drugs: [triamcinolone20] }),
  },
  {
    ruleId: 'PA-OPD-FACILITY', kind: 'fires', title: 'Hospital outpatient facet claim without a UTN',
    explanation: 'Medicare requires prior authorization for facet injections in a hospital outpatient department (POS 22) since 2023-07-01; with no tracking number (UTN) recorded, the facility claim is not paid.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2205', placeOfService: '22', claimType: 'facility', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight],
    }),
  },
  {
    ruleId: 'PA-OPD-FACILITY', kind: 'near-miss', title: 'Hospital outpatient facet claim with its UTN',
    explanation: 'The same facility claim with the unique tracking number from the provisional affirmation recorded, so the authorization requirement is met.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2205', placeOfService: '22', claimType: 'facility', priorAuthorization: 'UTN-26A0193357',
      diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight],
    }),
  },
  {
    ruleId: 'PA-OPD-PROFESSIONAL', kind: 'fires', title: 'Physician claim for a hospital facet with no UTN noted',
    explanation: 'The physician does not put the UTN on the claim, but if the hospital\'s facet service was not authorized, the related physician claim is not paid either. No authorization is recorded here.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2206', placeOfService: '22', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'PA-OPD-PROFESSIONAL', kind: 'near-miss', title: 'Physician claim with the hospital\'s UTN noted',
    explanation: 'The hospital\'s tracking number is recorded on the encounter, confirming the service was authorized before the physician claim goes out.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2206', placeOfService: '22', priorAuthorization: 'UTN-26A0204418', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight],
    }),
  },
  {
    ruleId: 'IMG-BUNDLED', kind: 'fires', title: 'Fluoroscopy billed with a facet injection',
    explanation: '64493 already includes fluoroscopic or CT guidance, so the 77003 line added under other lines will deny.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2207', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight],
      otherLines: [{ code: '77003', modifiers: [], units: 1 }],
    }),
  },
  {
    ruleId: 'IMG-BUNDLED', kind: 'near-miss', title: 'Facet injection without a separate imaging line',
    explanation: 'The same facet injection billed as 64493 alone: the fluoroscopy is paid as part of it, so there is no imaging line to deny.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2207', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'EM-MODIFIER-25', kind: 'fires', title: 'Same-day office visit without 25',
    explanation: 'A 99213 visit on the day of the facet injection without modifier 25 is bundled into the procedure. Add 25 only if the visit was separately identifiable and documented.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2208', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight],
      otherLines: [{ code: '99213', modifiers: [], units: 1 }],
    }),
  },
  {
    ruleId: 'EM-MODIFIER-25', kind: 'near-miss', title: 'Same-day office visit with 25',
    explanation: 'The same visit carries modifier 25, saying it was a significant, separately identifiable service, so it is not flagged (the note must support it).',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2208', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight],
      otherLines: [{ code: '99213', modifiers: ['25'], units: 1 }],
    }),
  },
  {
    ruleId: 'OTHER-UNKNOWN-CODE', kind: 'fires', title: 'Joint injection code added by hand',
    explanation: '20610 is outside this module\'s catalog: it is carried as entered, but its modifiers and units are not checked, so review it by hand.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2209', diagnoses: [MYALGIA, 'M17.11'], procedures: [upperBackTriggerPoints], drugs: [triamcinolone20],
      otherLines: [{ code: '20610', modifiers: ['RT'], units: 1 }],
    }),
  },
  {
    ruleId: 'OTHER-UNKNOWN-CODE', kind: 'near-miss', title: 'Office visit code added by hand',
    explanation: '99213 is in the catalog (an office visit), so the worksheet knows what it is and checks it, for example for modifier 25.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2209', diagnoses: [MYALGIA, 'M17.11'], procedures: [upperBackTriggerPoints], drugs: [triamcinolone20],
      otherLines: [{ code: '99213', modifiers: ['25'], units: 1 }],
    }),
  },
  {
    ruleId: 'PROCEDURE-IN-OTHER-LINES', kind: 'fires', title: 'Facet code typed instead of entered',
    explanation: '64493-RT was typed under other lines, so the worksheet does not check its level, side or units. Enter the facet injection in the procedure section instead.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2210', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [],
      otherLines: [{ code: '64493', modifiers: ['RT'], units: 1 }],
    }),
  },
  {
    ruleId: 'PROCEDURE-IN-OTHER-LINES', kind: 'near-miss', title: 'Facet injection entered as a procedure',
    explanation: 'The same right L4-L5 facet injection entered in the procedure section: the worksheet codes 64493-RT itself and checks level, side and units.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2210', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'ADDON-WITHOUT-PRIMARY', kind: 'fires', title: 'Second-level facet code without the first',
    explanation: '64494 (second lumbar facet level) is an add-on: it is paid only with its primary 64493 on the same claim, and 64493 is missing.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2211', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [],
      otherLines: [{ code: '64494', modifiers: ['RT'], units: 1 }],
    }),
  },
  {
    ruleId: 'ADDON-WITHOUT-PRIMARY', kind: 'near-miss', title: 'Two facet levels entered as a procedure',
    explanation: 'Both levels entered in the procedure section give 64493 for L4-L5 and the add-on 64494 for L5-S1, so the add-on has its primary.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2211', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [twoLevelFacet] }),
  },
  {
    ruleId: 'DX-REQUIRED', kind: 'fires', title: 'Facet injection with no diagnosis',
    explanation: 'Every claim line must point to a diagnosis; with none entered, the claim rejects.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2212', diagnoses: [], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'DX-REQUIRED', kind: 'near-miss', title: 'Facet injection with its diagnosis',
    explanation: 'With M47.816 (lumbar spondylosis) entered, the facet line has a diagnosis to point to.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2212', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight] }),
  },
  {
    ruleId: 'BILAT-UNVERIFIED', kind: 'fires', title: 'Bilateral facet on a hospital outpatient claim',
    explanation: 'For Medicare hospital outpatient facility claims the bilateral format (modifier 50 in the profile) is not verified, so the worksheet asks you to confirm it.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2213', placeOfService: '22', claimType: 'facility', priorAuthorization: 'UTN-26A0211820',
      diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [bilateralFacet],
    }),
  },
  {
    ruleId: 'BILAT-UNVERIFIED', kind: 'near-miss', title: 'Bilateral facet on a physician office claim',
    explanation: 'On a Medicare professional claim the bilateral format (one line with 50) is verified, so there is nothing to confirm.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2213', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [bilateralFacet] }),
  },
  {
    ruleId: 'BILAT-FORMAT', kind: 'fires', title: 'Bilateral L4-L5 facet for Medicare',
    explanation: 'Both sides were injected, so the line follows the payer profile\'s bilateral format: for Medicare professional claims, one 64493 line with modifier 50.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2214', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [bilateralFacet] }),
  },
  {
    ruleId: 'BILAT-FORMAT', kind: 'near-miss', title: 'Right-sided L4-L5 facet',
    explanation: 'Only the right side was injected, so the line is 64493-RT and no bilateral format applies.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2214', diagnoses: [LUMBAR_SPONDYLOSIS], procedures: [lumbarFacetRight] }),
  },
]
