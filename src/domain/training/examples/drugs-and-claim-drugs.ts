import type { RuleExample } from '../types.ts'
import {
  EXAMPLE_TODAY, MYALGIA, RADICULOPATHY, dexamethasone10, exampleInput, lumbarTransforaminal, triamcinolone20, triamcinolone40,
  upperBackTriggerPoints,
} from './drugs-and-claim-shared.ts'

/** Examples of the drug rules: how a drug line is coded, and the checks on the drug entered. */
export const drugExamples: readonly RuleExample[] = [
  {
    ruleId: 'DRUG-UNITS', kind: 'fires', title: 'Dexamethasone 10 mg billed as 10 units',
    explanation: 'J1100 is billed per 1 mg, so a 10 mg dose becomes 10 units on the drug line. The units come from the dose divided by the code\'s billing unit, not from the number of vials.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2101', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal], drugs: [dexamethasone10] }),
  },
  {
    ruleId: 'DRUG-UNITS', kind: 'near-miss', title: 'Dexamethasone entered in mL only',
    explanation: 'The same drug entered as 2.5 mL: J1100 is billed per mg and the concentration is not known, so no units and no drug line can be computed. Enter the dose in mg.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2101', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ ...dexamethasone10, dose: 2.5, unit: 'mL' }],
    }),
  },
  {
    ruleId: 'DRUG-BOX19', kind: 'fires', title: 'Unclassified drug with its Box 19 narrative',
    explanation: 'J3490 is an unclassified code: it is billed as one unit and the drug name and dose go in Box 19 ("sodium bicarbonate 8.4%, 2 mL").',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2102', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J3490', name: 'sodium bicarbonate 8.4%', dose: 2, unit: 'mL', category: 'other' }],
    }),
  },
  {
    ruleId: 'DRUG-BOX19', kind: 'near-miss', title: 'Drug with its own code needs no Box 19',
    explanation: 'Dexamethasone has its own code, J1100, billed per mg: the line carries units and no Box 19 narrative is needed.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2102', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal], drugs: [dexamethasone10] }),
  },
  {
    ruleId: 'DRUG-UNKNOWN', kind: 'fires', title: 'Steroid code typed with a letter O',
    explanation: 'J33O1 has the letter O where J3301 has a zero, so the code is not in the catalog and its units cannot be computed; no drug line is coded.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2103', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ ...triamcinolone40, code: 'J33O1' }],
    }),
  },
  {
    ruleId: 'DRUG-UNKNOWN', kind: 'near-miss', title: 'Steroid code typed correctly',
    explanation: 'With the zero typed, J3301 is in the catalog (billed per 10 mg), so 40 mg is coded as 4 units.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2103', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal], drugs: [triamcinolone40] }),
  },
  {
    ruleId: 'DRUG-DOSE-UNIT', kind: 'fires', title: 'Triamcinolone entered as 1 mL',
    explanation: 'J3301 is billed per 10 mg, but the dose was entered as 1 mL; without the concentration the units cannot be worked out. Enter the dose in mg (mL times mg per mL).',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2104', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ ...triamcinolone40, dose: 1, unit: 'mL' }],
    }),
  },
  {
    ruleId: 'DRUG-DOSE-UNIT', kind: 'near-miss', title: 'Betamethasone entered as 1 mL',
    explanation: 'A dose in mL is fine for J0702, whose unit can be counted in mL: 1 mL is 1 unit. Only codes billed strictly per mg need the dose in mg.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2104', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J0702', name: 'betamethasone', dose: 1, unit: 'mL', category: 'steroid' }],
    }),
  },
  {
    ruleId: 'DRUG-DELETED', kind: 'fires', title: 'Methylprednisolone billed with deleted J1030',
    explanation: 'J1030 was deleted after 2024-03-31; a 2026 claim with it rejects. Methylprednisolone acetate is now J1010, per 1 mg (40 mg = 40 units).',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2105', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J1030', name: 'methylprednisolone acetate', dose: 40, unit: 'mg', category: 'steroid' }],
    }),
  },
  {
    ruleId: 'DRUG-DELETED', kind: 'near-miss', title: 'Methylprednisolone billed with J1010',
    explanation: 'The same 40 mg billed with the current code J1010 (per 1 mg) is 40 units and valid on the 2026 date of service.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2105', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J1010', name: 'methylprednisolone acetate', dose: 40, unit: 'mg', category: 'steroid' }],
    }),
  },
  {
    ruleId: 'DRUG-NOT-YET-VALID', kind: 'fires', title: 'J1010 on a March 2024 date of service',
    explanation: 'J1010 is in force from 2024-04-01; on a 2024-03-15 date of service it rejects. Before that date methylprednisolone acetate 40 mg was J1030.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2106', dateOfService: '2024-03-15', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J1010', name: 'methylprednisolone acetate', dose: 40, unit: 'mg', category: 'steroid' }],
    }),
  },
  {
    ruleId: 'DRUG-NOT-YET-VALID', kind: 'near-miss', title: 'J1030 on a March 2024 date of service',
    explanation: 'On 2024-03-15 the code in force for methylprednisolone acetate 40 mg is J1030 (1 unit): the code matches the date of service, not the date the claim is billed.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2106', dateOfService: '2024-03-15', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J1030', name: 'methylprednisolone acetate', dose: 40, unit: 'mg', category: 'steroid' }],
    }),
  },
  {
    ruleId: 'DRUG-BOX19-NAME', kind: 'fires', title: 'J3490 with no drug name',
    explanation: 'An unclassified drug is paid only with the drug name and dose in Box 19, and no name was entered, so Box 19 cannot be filled.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2107', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J3490', name: '', dose: 2, unit: 'mL', category: 'other' }],
    }),
  },
  {
    ruleId: 'DRUG-BOX19-NAME', kind: 'near-miss', title: 'J3490 with the drug name',
    explanation: 'With the name entered, Box 19 reads "sodium bicarbonate 8.4%, 2 mL" and the unclassified line can be paid.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2107', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J3490', name: 'sodium bicarbonate 8.4%', dose: 2, unit: 'mL', category: 'other' }],
    }),
  },
  {
    ruleId: 'NDC-LINE', kind: 'fires', title: 'Steroid with the NDC from the vial',
    explanation: 'The NDC typed as on the vial, 9999-0101-01 (4-4-2), goes on the J1100 line padded to the 11-digit claim form 09999-0101-01, with 1 ML given.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2110', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J1100', name: 'dexamethasone sodium phosphate', dose: 4, unit: 'mg', category: 'steroid', ndc: '9999-0101-01', ndcQuantity: 1, ndcUnit: 'ML' }],
    }),
  },
  {
    ruleId: 'NDC-LINE', kind: 'near-miss', title: 'Steroid with no NDC and none on the practice list',
    explanation: 'No NDC was typed and the practice keeps none for J1100, so the line carries none; Medicare does not ask for one on a classified drug.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2110', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J1100', name: 'dexamethasone sodium phosphate', dose: 4, unit: 'mg', category: 'steroid' }],
    }),
  },
  {
    ruleId: 'NDC-FORMAT', kind: 'fires', title: 'NDC typed as ten digits without hyphens',
    explanation: '9999010101 has 10 digits and no hyphens: the zero that makes the 11-digit form could go in any of three places, so the NDC cannot be read.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2111', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J1100', name: 'dexamethasone sodium phosphate', dose: 4, unit: 'mg', category: 'steroid', ndc: '9999010101', ndcQuantity: 1, ndcUnit: 'ML' }],
    }),
  },
  {
    ruleId: 'NDC-FORMAT', kind: 'near-miss', title: 'The same NDC with its hyphens',
    explanation: 'Written 9999-0101-01 as on the package, the layout is 4-4-2 and the claim form is 09999-0101-01.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2111', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J1100', name: 'dexamethasone sodium phosphate', dose: 4, unit: 'mg', category: 'steroid', ndc: '9999-0101-01', ndcQuantity: 1, ndcUnit: 'ML' }],
    }),
  },
  {
    ruleId: 'NDC-MISSING', kind: 'fires', title: 'J3490 without an NDC for Medicare',
    explanation: 'The Medicare profile asks for the NDC on unclassified drugs, and none was typed or kept on the practice list for J3490.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2112', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J3490', name: 'sodium bicarbonate 8.4%', dose: 2, unit: 'mL', category: 'other' }],
    }),
  },
  {
    ruleId: 'NDC-MISSING', kind: 'near-miss', title: 'J3490 with the NDC of the vial',
    explanation: 'With the NDC typed, the line carries it and Box 19 reads "sodium bicarbonate 8.4%, 2 mL, NDC 99999-0202-05"; the quantity comes from the 2 mL given.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2112', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J3490', name: 'sodium bicarbonate 8.4%', dose: 2, unit: 'mL', category: 'other', ndc: '99999-0202-05', ndcUnit: 'ML' }],
    }),
  },
  {
    ruleId: 'NDC-QUANTITY', kind: 'fires', title: 'NDC with no unit',
    explanation: 'The NDC was typed but not the unit it is counted in, so the payer cannot read how much was given.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2113', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J3490', name: 'sodium bicarbonate 8.4%', dose: 2, unit: 'mL', category: 'other', ndc: '99999-0202-05' }],
    }),
  },
  {
    ruleId: 'NDC-QUANTITY', kind: 'near-miss', title: 'NDC counted in milliliters',
    explanation: 'With ML as the unit, the 2 mL given is the NDC quantity: ML2.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2113', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J3490', name: 'sodium bicarbonate 8.4%', dose: 2, unit: 'mL', category: 'other', ndc: '99999-0202-05', ndcUnit: 'ML' }],
    }),
  },
  {
    ruleId: 'DRUG-FACILITY-ONLY', kind: 'fires', title: 'C9399 on a physician office claim',
    explanation: 'C9399 is for hospital outpatient facility claims only; on a professional claim from the office it is invalid.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2108', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'C9399', name: 'sodium bicarbonate 8.4%', dose: 2, unit: 'mL', category: 'other' }],
    }),
  },
  {
    ruleId: 'DRUG-FACILITY-ONLY', kind: 'near-miss', title: 'Same drug billed as J3490',
    explanation: 'On a professional claim the unclassified drug is billed with J3490 and the Box 19 narrative, which is valid on this claim type.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2108', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J3490', name: 'sodium bicarbonate 8.4%', dose: 2, unit: 'mL', category: 'other' }],
    }),
  },
  {
    ruleId: 'DRUG-S-CODE', kind: 'fires', title: 'S0020 bupivacaine billed to Medicare',
    explanation: 'S-codes such as S0020 are not valid for Medicare, and the Medicare profile says so: the line rejects.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2109', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'S0020', name: 'bupivacaine', dose: 30, unit: 'mL', category: 'local-anesthetic' }],
    }),
  },
  {
    ruleId: 'DRUG-S-CODE', kind: 'near-miss', title: 'S0020 for a payer that accepts S-codes',
    explanation: 'The same line for the commercial example payer, whose profile accepts S-codes. Whether a payer takes S-codes is a payer profile setting.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2109', payerProfile: 'commercial-example', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'S0020', name: 'bupivacaine', dose: 30, unit: 'mL', category: 'local-anesthetic' }],
    }),
  },
  {
    ruleId: 'DRUG-IV-ONLY', kind: 'fires', title: 'IV lidocaine code with trigger points',
    explanation: 'J2001 is lidocaine for intravenous infusion only. Lidocaine injected into trigger points is local anesthetic and is not billed with J2001.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2110', diagnoses: [MYALGIA], procedures: [upperBackTriggerPoints],
      drugs: [{ code: 'J2001', name: 'lidocaine', dose: 20, unit: 'mg', category: 'local-anesthetic' }],
    }),
  },
  {
    ruleId: 'DRUG-IV-ONLY', kind: 'near-miss', title: 'IV lidocaine with no injection procedure',
    explanation: 'With no injection procedure in the encounter (an intravenous lidocaine infusion visit), J2001 is not being used for an injection, so this rule stays quiet.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2110', diagnoses: [MYALGIA], procedures: [],
      drugs: [{ code: 'J2001', name: 'lidocaine', dose: 100, unit: 'mg', category: 'local-anesthetic' }],
    }),
  },
  {
    ruleId: 'DRUG-LOCAL-ANESTHETIC', kind: 'fires', title: 'Bupivacaine line billed to Medicare',
    explanation: 'Medicare treats local anesthetic given by the physician as part of the procedure, so the J0665 line is not separately paid.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2111', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [triamcinolone40, { code: 'J0665', name: 'bupivacaine', dose: 5, unit: 'mg', category: 'local-anesthetic' }],
    }),
  },
  {
    ruleId: 'DRUG-LOCAL-ANESTHETIC', kind: 'near-miss', title: 'Bupivacaine line for the commercial example',
    explanation: 'The commercial example profile does not say local anesthetic is bundled, so no warning is given; check the payer\'s own policy before billing it.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2111', payerProfile: 'commercial-example', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [triamcinolone40, { code: 'J0665', name: 'bupivacaine', dose: 5, unit: 'mg', category: 'local-anesthetic' }],
    }),
  },
  {
    ruleId: 'DRUG-NOT-SPINAL', kind: 'fires', title: 'Knee-only triamcinolone (J3304) with an epidural',
    explanation: 'J3304 is an extended-release triamcinolone approved only for knee osteoarthritis injections; billed with an epidural it draws a denial.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2112', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J3304', name: 'triamcinolone acetonide ER', dose: 32, unit: 'mg', category: 'steroid' }],
    }),
  },
  {
    ruleId: 'DRUG-NOT-SPINAL', kind: 'near-miss', title: 'Triamcinolone acetonide (J3301) with an epidural',
    explanation: 'J3301, the usual triamcinolone acetonide code, has no such limit: 40 mg is 4 units with the epidural.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2112', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal], drugs: [triamcinolone40] }),
  },
  {
    ruleId: 'DRUG-J0702-UNITS', kind: 'fires', title: 'Betamethasone 6 mg billed with J0702',
    explanation: 'How J0702 units are counted is read two ways (1 mL = 1 unit, or 3 mg per unit). The line follows the payer profile (6 mg per unit, so 1 unit) and the note asks you to confirm it.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2113', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ code: 'J0702', name: 'betamethasone', dose: 6, unit: 'mg', category: 'steroid' }],
    }),
  },
  {
    ruleId: 'DRUG-J0702-UNITS', kind: 'near-miss', title: 'Dexamethasone instead of betamethasone',
    explanation: 'The unit question belongs to J0702 only; J1100 is plainly per 1 mg, so 10 mg is 10 units with nothing to confirm.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2113', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal], drugs: [dexamethasone10] }),
  },
  {
    ruleId: 'DRUG-CATEGORY-MISMATCH', kind: 'fires', title: 'Triamcinolone marked as local anesthetic',
    explanation: 'J3301 was entered with the category local anesthetic, but the catalog lists it as a steroid; the catalog\'s category is used for the other checks.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2114', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal],
      drugs: [{ ...triamcinolone40, category: 'local-anesthetic' }],
    }),
  },
  {
    ruleId: 'DRUG-CATEGORY-MISMATCH', kind: 'near-miss', title: 'Triamcinolone marked as steroid',
    explanation: 'With the category set to steroid the entry matches the catalog, so nothing needs correcting.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2114', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal], drugs: [triamcinolone40] }),
  },
  {
    ruleId: 'DRUG-FACILITY-SETTING', kind: 'fires', title: 'Steroid on the physician claim from an ASC',
    explanation: 'At an ambulatory surgical center (POS 24) the facility normally supplies and bills the drug; keep the J3301 line on the physician claim only if the physician supplied it.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2115', placeOfService: '24', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal], drugs: [triamcinolone40] }),
  },
  {
    ruleId: 'DRUG-FACILITY-SETTING', kind: 'near-miss', title: 'Steroid on the physician claim from the office',
    explanation: 'In the office (POS 11) the physician supplies the drug, so the J3301 line belongs on the professional claim.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2115', placeOfService: '11', diagnoses: [RADICULOPATHY], procedures: [lumbarTransforaminal], drugs: [triamcinolone40] }),
  },
  {
    ruleId: 'BIOLOGIC-INJECTANT', kind: 'fires', title: 'PRP injected into trigger points',
    explanation: 'Platelet-rich plasma is a biologic with no FDA approval for trigger point injection; it is not covered and puts the claim at risk. Do not bill it to the payer.',
    today: EXAMPLE_TODAY,
    input: exampleInput({
      patientId: 'PT-2116', diagnoses: [MYALGIA], procedures: [upperBackTriggerPoints],
      drugs: [{ code: 'J3590', name: 'platelet-rich plasma', dose: 3, unit: 'mL', category: 'biologic' }],
    }),
  },
  {
    ruleId: 'BIOLOGIC-INJECTANT', kind: 'near-miss', title: 'Steroid injected into trigger points',
    explanation: 'The same trigger point session with triamcinolone (J3301, 20 mg = 2 units) instead of PRP: a conventional injectant, so no biologic finding.',
    today: EXAMPLE_TODAY,
    input: exampleInput({ patientId: 'PT-2116', diagnoses: [MYALGIA], procedures: [upperBackTriggerPoints], drugs: [triamcinolone20] }),
  },
]
