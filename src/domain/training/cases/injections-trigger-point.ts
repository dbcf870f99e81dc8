import type { PracticeCase } from '../types.ts'

/**
 * Practice cases for trigger point injections. Each answer key is what the rule module
 * returned when the case was written (cases.test.ts re-computes it).
 */

const TODAY = '2026-11-26'

/** Every trigger point documentation item ticked: the note states all of them. */
const TPI_NOTE_COMPLETE = {
  'tpi-muscles': true, 'tpi-substance': true, 'tpi-laterality': true, 'tpi-relief': true, 'tpi-conservative': true,
}

export const triggerPointCases: readonly PracticeCase[] = [
  {
    id: 'tpi-01',
    title: 'Upper trapezius on both sides',
    level: 'new',
    families: ['trigger-point'],
    ruleIds: ['TPI-CODE', 'DRUG-UNITS'],
    note: 'Established patient with myofascial neck and shoulder pain (myalgia of the upper back and neck). Six weeks of physical therapy from March to April 2026 and daily NSAIDs gave no lasting relief. Taut bands with a twitch response were palpated in the right and the left upper trapezius. After skin prep, three trigger points were injected in each upper trapezius with a total of triamcinolone acetonide 20 mg diluted in preservative-free saline, no imaging. The patient reported 70% relief ten minutes after the injections.',
    context: 'Office (POS 11), professional claim, Medicare. No trigger point sessions in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-06-09', patientId: 'TR-2001', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M79.18'],
        procedures: [{ type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
          { muscle: 'upper trapezius', side: 'bilateral', injections: 6 },
        ] }],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 20, unit: 'mg', category: 'steroid' }],
        documentation: TPI_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '20552', modifiers: [], units: 1 }, { code: 'J3301', modifiers: [], units: 2 }],
      findings: [{ ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'The left and the right trapezius are two muscles, so the visit is 20552 with one unit and no 50, RT or LT: trigger point codes carry no side modifier. J3301 is billed per 10 mg, so 20 mg is 2 units.',
  },
  {
    id: 'tpi-02',
    title: 'Four muscles, nine needles',
    level: 'new',
    families: ['trigger-point'],
    ruleIds: ['TPI-CODE', 'DRUG-UNITS'],
    note: 'Patient with chronic myofascial pain of the right shoulder girdle after failed physical therapy (January to February 2026) and muscle relaxants. On exam, active trigger points in the right trapezius, right levator scapulae, right rhomboid major and left trapezius. Using a 27-gauge needle without imaging, the right trapezius received 3 injections, the right levator scapulae 2, the right rhomboid major 2 and the left trapezius 2. Each injection contained dexamethasone sodium phosphate for a total of 4 mg. Pain dropped from 7/10 to 2/10 right after the procedure.',
    context: 'Office (POS 11), professional claim, Medicare. No prior trigger point sessions on file.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-04-14', patientId: 'TR-2002', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M79.18'],
        procedures: [{ type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
          { muscle: 'trapezius', side: 'right', injections: 3 },
          { muscle: 'levator scapulae', side: 'right', injections: 2 },
          { muscle: 'rhomboid major', side: 'right', injections: 2 },
          { muscle: 'trapezius', side: 'left', injections: 2 },
        ] }],
        drugs: [{ code: 'J1100', name: 'dexamethasone sodium phosphate', dose: 4, unit: 'mg', category: 'steroid' }],
        documentation: TPI_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '20553', modifiers: [], units: 1 }, { code: 'J1100', modifiers: [], units: 4 }],
      findings: [{ ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Four distinct muscles make 20553, and the code is reported once with one unit however many needles were placed. Dexamethasone J1100 is billed per 1 mg: 4 mg is 4 units.',
  },
  {
    id: 'tpi-03',
    title: 'One low back muscle, commercial plan',
    level: 'new',
    families: ['trigger-point'],
    ruleIds: ['TPI-CODE', 'DRUG-UNITS'],
    note: 'Patient with left-sided low back myofascial pain, no radicular signs, who failed eight weeks of home exercise and physical therapy ending in May 2026. Four trigger points were identified in the left quadratus lumborum. Each was injected without imaging guidance, using a total of methylprednisolone acetate 40 mg. Immediate relief was 60% on the numeric scale.',
    context: 'Office (POS 11), professional claim, commercial plan (commercial example profile). First trigger point session.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-07-02', patientId: 'TR-2003', providerId: 'DR-B', placeOfService: '11', claimType: 'professional',
        payerProfile: 'commercial-example', diagnoses: ['M79.18'],
        procedures: [{ type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
          { muscle: 'quadratus lumborum', side: 'left', injections: 4 },
        ] }],
        drugs: [{ code: 'J1010', name: 'methylprednisolone acetate', dose: 40, unit: 'mg', category: 'steroid' }],
        documentation: TPI_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '20552', modifiers: [], units: 1 }, { code: 'J1010', modifiers: [], units: 40 }],
      findings: [{ ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Four injections into one muscle are still one muscle: 20552, one unit. Methylprednisolone acetate is J1010 per 1 mg since April 2024, so 40 mg is 40 units.',
  },
  {
    id: 'tpi-04',
    title: 'Gluteal trigger points',
    level: 'new',
    families: ['trigger-point'],
    ruleIds: ['TPI-CODE', 'TPI-SIDE-MISSING', 'DOC-TPI-LATERALITY'],
    note: 'Patient with buttock and hip myofascial pain after physical therapy from February to April 2026 without benefit. Two trigger points were injected in the left gluteus medius. The piriformis was also injected once. A total of triamcinolone acetonide 10 mg was used, no imaging. Relief right after the procedure was 50%.',
    context: 'Office (POS 11), professional claim, Medicare. No trigger point sessions in the past year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-05-19', patientId: 'TR-2004', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M79.18'],
        procedures: [{ type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
          { muscle: 'gluteus medius', side: 'left', injections: 2 },
          { muscle: 'piriformis', side: null, injections: 1 },
        ] }],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 10, unit: 'mg', category: 'steroid' }],
        documentation: { 'tpi-muscles': true, 'tpi-substance': true, 'tpi-relief': true, 'tpi-conservative': true },
      },
    },
    answerKey: {
      lines: [{ code: '20552', modifiers: [], units: 1 }, { code: 'J3301', modifiers: [], units: 1 }],
      findings: [{ ruleId: 'TPI-SIDE-MISSING', severity: 'warning' }, { ruleId: 'DOC-TPI-LATERALITY', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Muscles are counted by name and side. With the piriformis side unknown the count is two muscles (20552), but if the provider injected both piriformis muscles it would be three (20553): query the provider before billing.',
  },
  {
    id: 'tpi-05',
    title: 'Neck and low back in one visit',
    level: 'intermediate',
    families: ['trigger-point'],
    ruleIds: ['TPI-CODE', 'DRUG-UNITS', 'DRUG-LOCAL-ANESTHETIC'],
    note: 'Patient with myofascial pain of the neck and of the low back, each treated with physical therapy from January to March 2026 without lasting benefit. In the neck, the left splenius capitis and the left trapezius each received 2 injections. In the low back, the right quadratus lumborum received 3 injections. The injectate was triamcinolone acetonide 40 mg in total mixed with 5 mL of bupivacaine 0.25% (12.5 mg), no imaging. Relief was 80% in the neck and 60% in the low back at ten minutes.',
    context: 'Office (POS 11), professional claim, Medicare. The worksheet holds the neck and the low back as two trigger point entries. No prior sessions this year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-03-24', patientId: 'TR-2005', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M79.18'],
        procedures: [
          { type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
            { muscle: 'splenius capitis', side: 'left', injections: 2 },
            { muscle: 'trapezius', side: 'left', injections: 2 },
          ] },
          { type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
            { muscle: 'quadratus lumborum', side: 'right', injections: 3 },
          ] },
        ],
        drugs: [
          { code: 'J3301', name: 'triamcinolone acetonide', dose: 40, unit: 'mg', category: 'steroid' },
          { code: 'J0665', name: 'bupivacaine', dose: 12.5, unit: 'mg', category: 'local-anesthetic' },
        ],
        documentation: TPI_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '20553', modifiers: [], units: 1 }, { code: 'J3301', modifiers: [], units: 4 }, { code: 'J0665', modifiers: [], units: 25 }],
      findings: [{ ruleId: 'DRUG-LOCAL-ANESTHETIC', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'All muscles of the date count together: two body areas with three muscles are one 20553 line, not two 20552 lines. Medicare does not pay separately for a local anesthetic the physician gives during the procedure, so the bupivacaine line will deny.',
  },
  {
    id: 'tpi-06',
    title: 'Trigger points under ultrasound',
    level: 'intermediate',
    families: ['trigger-point'],
    ruleIds: ['TPI-CODE', 'TPI-IMAGE-GUIDED', 'OTHER-LINE'],
    note: 'Patient with posterior shoulder myofascial pain who failed physical therapy from April to June 2026. Under ultrasound guidance, two trigger points were injected in the right infraspinatus and one in the right teres minor. Triamcinolone acetonide 20 mg in total was used. Ultrasound images were saved to the chart. Relief was 70% right after the injections.',
    context: 'Office (POS 11), professional claim, Medicare. The charge ticket lists 76942 for the ultrasound guidance. First session this year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-08-11', patientId: 'TR-2006', providerId: 'DR-C', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M79.18'],
        procedures: [{ type: 'trigger-point', technique: 'injection', guidance: 'ultrasound', muscles: [
          { muscle: 'infraspinatus', side: 'right', injections: 2 },
          { muscle: 'teres minor', side: 'right', injections: 1 },
        ] }],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 20, unit: 'mg', category: 'steroid' }],
        otherLines: [{ code: '76942', modifiers: [], units: 1 }],
        documentation: TPI_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '20552', modifiers: [], units: 1 }, { code: 'J3301', modifiers: [], units: 2 }, { code: '76942', modifiers: [], units: 1 }],
      findings: [{ ruleId: 'TPI-IMAGE-GUIDED', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Medicare\'s trigger point policy excludes ultrasound or fluoroscopic guidance, so 76942 is not payable with 20552 and the session draws review. The worksheet carries the typed line but warns: remove it before the claim goes out.',
  },
  {
    id: 'tpi-07',
    title: 'Needling session for the low back',
    level: 'new',
    families: ['trigger-point'],
    ruleIds: ['TPI-DRY-NEEDLING', 'OTHER-LINE'],
    note: 'Patient with lumbar myofascial pain referred for needling. Solid filament needles were inserted into trigger points of the left and right lumbar paraspinal muscles and the right gluteus medius, with local twitch responses elicited. No medication was injected. Imaging was not used. The patient tolerated the session well.',
    context: 'Office (POS 11), professional claim, commercial plan (commercial example profile). The coder entered the session as dry needling and typed 20561 under other lines.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-09-15', patientId: 'TR-2007', providerId: 'DR-B', placeOfService: '11', claimType: 'professional',
        payerProfile: 'commercial-example', diagnoses: ['M79.18'],
        procedures: [{ type: 'trigger-point', technique: 'dry-needling', guidance: 'none', muscles: [
          { muscle: 'lumbar paraspinals', side: 'bilateral', injections: 4 },
          { muscle: 'gluteus medius', side: 'right', injections: 2 },
        ] }],
        otherLines: [{ code: '20561', modifiers: [], units: 1 }],
      },
    },
    answerKey: {
      lines: [{ code: '20561', modifiers: [], units: 1 }],
      findings: [{ ruleId: 'TPI-DRY-NEEDLING', severity: 'warning' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Needling without an injectant is dry needling, not a trigger point injection: it is never billed as 20552/20553. It has its own codes (20560 for 1-2 muscles, 20561 for 3 or more); check the plan covers them.',
  },
  {
    id: 'tpi-08',
    title: 'Visit and injections on the same day',
    level: 'intermediate',
    families: ['trigger-point'],
    ruleIds: ['TPI-CODE', 'EM-MODIFIER-25', 'OTHER-LINE'],
    note: 'Established patient seen for follow-up of neck myofascial pain and for a new complaint of right knee swelling, which was examined, with an X-ray ordered and a separate assessment and plan documented. For the neck, after failed physical therapy from May to July 2026, the right and left levator scapulae were each injected twice with a total of triamcinolone acetonide 20 mg, no imaging. Relief was 60% right after the injections.',
    context: 'Office (POS 11), professional claim, Medicare. The charge ticket lists 99214 with no modifier. No prior trigger point sessions this year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-09-29', patientId: 'TR-2008', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M79.18', 'M25.461'],
        procedures: [{ type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
          { muscle: 'levator scapulae', side: 'bilateral', injections: 4 },
        ] }],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 20, unit: 'mg', category: 'steroid' }],
        otherLines: [{ code: '99214', modifiers: [], units: 1 }],
        documentation: TPI_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '20552', modifiers: [], units: 1 }, { code: 'J3301', modifiers: [], units: 2 }, { code: '99214', modifiers: [], units: 1 }],
      findings: [{ ruleId: 'EM-MODIFIER-25', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'A visit on the day of a procedure is paid only when it is significant and separately identifiable. The knee work-up is, so 99214 needs modifier 25; without it the visit is bundled into 20552.',
  },
  {
    id: 'tpi-09',
    title: 'Another round for the upper back',
    level: 'advanced',
    families: ['trigger-point'],
    ruleIds: ['TPI-CODE', 'FREQ-LIMIT-RISK'],
    note: 'Patient with chronic myofascial pain of the upper back, previously treated with physical therapy in 2025 and with trigger point injections this year. Trigger points were injected in the right and left rhomboid major, two each, and in the right trapezius, three injections, with triamcinolone acetonide 30 mg in total, no imaging. Relief was 50% immediately after. The patient tolerated the procedure well and will follow up in six weeks.',
    context: 'Office (POS 11), professional claim, Medicare. The claim history shows trigger point injections on 2026-01-20 (20553, DR-B), 2026-05-12 (20552, DR-A) and 2026-08-25 (20552, DR-C), all in the same group.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-11-10', patientId: 'TR-2009', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M79.18'],
        procedures: [{ type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
          { muscle: 'rhomboid major', side: 'bilateral', injections: 4 },
          { muscle: 'trapezius', side: 'right', injections: 3 },
        ] }],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 30, unit: 'mg', category: 'steroid' }],
        documentation: TPI_NOTE_COMPLETE,
      },
      history: [
        { dateOfService: '2026-01-20', code: '20553', providerId: 'DR-B' },
        { dateOfService: '2026-05-12', code: '20552', providerId: 'DR-A' },
        { dateOfService: '2026-08-25', code: '20552', providerId: 'DR-C' },
      ],
    },
    answerKey: {
      lines: [{ code: '20553', modifiers: [], units: 1 }, { code: 'J3301', modifiers: [], units: 3 }],
      findings: [{ ruleId: 'FREQ-LIMIT-RISK', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'The trigger point limit counts sessions across every provider of the group, whatever code was billed. Under LCD L36859 three sessions per rolling 12 months are allowed; this fourth one is likely to deny unless necessity is documented. The limit differs by contractor, so it is a warning.',
  },
  {
    id: 'tpi-10',
    title: 'Same history, commercial plan',
    level: 'intermediate',
    families: ['trigger-point'],
    ruleIds: ['TPI-CODE', 'FREQ-LAST-SESSION'],
    note: 'Patient with chronic myofascial low back pain treated with physical therapy in 2025 and with trigger point injections this year. The right and the left lumbar paraspinal muscles were each injected twice with triamcinolone acetonide 20 mg in total, no imaging. Relief right after the injections was 60%.',
    context: 'Office (POS 11), professional claim, commercial plan (commercial example profile). The claim history shows trigger point injections on 2026-01-20 (20552, DR-B), 2026-05-12 (20552, DR-A) and 2026-08-25 (20552, DR-C).',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-11-10', patientId: 'TR-2010', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'commercial-example', diagnoses: ['M79.18'],
        procedures: [{ type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
          { muscle: 'lumbar paraspinals', side: 'bilateral', injections: 4 },
        ] }],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 20, unit: 'mg', category: 'steroid' }],
        documentation: TPI_NOTE_COMPLETE,
      },
      history: [
        { dateOfService: '2026-01-20', code: '20552', providerId: 'DR-B' },
        { dateOfService: '2026-05-12', code: '20552', providerId: 'DR-A' },
        { dateOfService: '2026-08-25', code: '20552', providerId: 'DR-C' },
      ],
    },
    answerKey: {
      lines: [{ code: '20552', modifiers: [], units: 1 }, { code: 'J3301', modifiers: [], units: 2 }],
      findings: [{ ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'FREQ-LAST-SESSION', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Limits come from the payer profile: the commercial example allows 4 trigger point sessions per rolling 12 months, so this fourth session is within the limit but uses the last one. Tell scheduling the next eligible date.',
  },
  {
    id: 'tpi-11',
    title: 'A charge ticket filled in by hand',
    level: 'advanced',
    families: ['trigger-point'],
    ruleIds: ['TPI-CODE', 'TPI-ONE-LINE', 'PROCEDURE-IN-OTHER-LINES', 'TPI-ANESTHESIA', 'OTHER-LINE'],
    note: 'Anxious patient with myofascial pain of the neck and upper back, after failed physical therapy from February to April 2026. Trigger points were injected in the left trapezius (3), the left levator scapulae (2) and the left rhomboid minor (2), using triamcinolone acetonide 30 mg in total, no imaging. The patient declined sedation and no anesthesia service was provided. Relief was 70% after ten minutes.',
    context: 'Office (POS 11), professional claim, Medicare. The front desk typed 20553 and the anesthesia code 00300 under other lines from the charge ticket. No prior sessions this year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-06-23', patientId: 'TR-2011', providerId: 'DR-B', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M79.18'],
        procedures: [{ type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
          { muscle: 'trapezius', side: 'left', injections: 3 },
          { muscle: 'levator scapulae', side: 'left', injections: 2 },
          { muscle: 'rhomboid minor', side: 'left', injections: 2 },
        ] }],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 30, unit: 'mg', category: 'steroid' }],
        otherLines: [{ code: '20553', modifiers: [], units: 1 }, { code: '00300', modifiers: [], units: 1 }],
        documentation: TPI_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '20553', modifiers: [], units: 1 }, { code: 'J3301', modifiers: [], units: 3 }, { code: '20553', modifiers: [], units: 1 }, { code: '00300', modifiers: [], units: 1 }],
      findings: [{ ruleId: 'TPI-ONE-LINE', severity: 'error' }, { ruleId: 'PROCEDURE-IN-OTHER-LINES', severity: 'warning' }, { ruleId: 'TPI-ANESTHESIA', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'The worksheet already codes 20553 from the muscles, so the typed copy doubles the trigger point line; only one line with one unit is paid per date. Anesthesia codes are not reported with 20552/20553, and the note says none was given: both typed lines come off.',
  },
  {
    id: 'tpi-12',
    title: 'Fibromyalgia, injections and acupuncture',
    level: 'advanced',
    families: ['trigger-point'],
    ruleIds: ['TPI-CODE', 'TPI-ACUPUNCTURE', 'DX-RED-FLAG'],
    note: 'Patient with fibromyalgia and superimposed myofascial pain of the upper trapezius, after failed physical therapy from March to May 2026. Trigger points in the right and left upper trapezius were injected twice each with triamcinolone acetonide 20 mg in total, no imaging; relief was 50%. In the same visit I performed an acupuncture session for widespread pain, with needles at distal points. The assessment lists fibromyalgia and myalgia.',
    context: 'Office (POS 11), professional claim, Medicare. The acupuncture is entered as a second trigger point entry with the acupuncture technique. No prior sessions this year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-07-21', patientId: 'TR-2012', providerId: 'DR-C', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M79.7', 'M79.18'],
        procedures: [
          { type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
            { muscle: 'upper trapezius', side: 'bilateral', injections: 4 },
          ] },
          { type: 'trigger-point', technique: 'acupuncture', guidance: 'none', muscles: [
            { muscle: 'distal acupuncture points', side: 'bilateral', injections: 10 },
          ] },
        ],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 20, unit: 'mg', category: 'steroid' }],
        documentation: TPI_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '20552', modifiers: [], units: 1 }, { code: 'J3301', modifiers: [], units: 2 }],
      findings: [{ ruleId: 'TPI-ACUPUNCTURE', severity: 'warning' }, { ruleId: 'DX-RED-FLAG', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Acupuncture is outside the trigger point policy and never becomes 20552/20553; only the two trapezius muscles are coded. Fibromyalgia on the claim argues against coverage for many payers: the myalgia code must carry the trigger point line.',
  },
  {
    id: 'tpi-13',
    title: 'Upper back trigger points',
    level: 'intermediate',
    families: ['trigger-point'],
    ruleIds: ['TPI-NO-MUSCLES', 'DOC-TPI-MUSCLES', 'DOC-TPI-LATERALITY'],
    note: 'Patient with myofascial upper back pain after physical therapy from June to August 2026 without lasting relief. Multiple trigger points across the upper back were identified and injected with triamcinolone acetonide 20 mg in total, no imaging. Relief was 60% right after. The patient tolerated the injections well and will keep a pain diary until follow-up.',
    context: 'Office (POS 11), professional claim, Medicare. The worksheet has the trigger point entry with no muscle, as the note gives none. No prior sessions this year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-10-06', patientId: 'TR-2013', providerId: 'DR-B', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M79.18'],
        procedures: [{ type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [] }],
        drugs: [{ code: 'J3301', name: 'triamcinolone acetonide', dose: 20, unit: 'mg', category: 'steroid' }],
        documentation: { 'tpi-substance': true, 'tpi-relief': true, 'tpi-conservative': true },
      },
    },
    answerKey: {
      lines: [{ code: 'J3301', modifiers: [], units: 2 }],
      findings: [{ ruleId: 'TPI-NO-MUSCLES', severity: 'error' }, { ruleId: 'DOC-TPI-MUSCLES', severity: 'warning' }, { ruleId: 'DOC-TPI-LATERALITY', severity: 'warning' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'The trigger point code depends on the number of distinct muscles, so a note without them cannot be coded: send it back to the provider rather than guessing 20552 or 20553.',
  },
  {
    id: 'tpi-14',
    title: 'Trigger points with lidocaine only',
    level: 'new',
    families: ['trigger-point'],
    ruleIds: ['TPI-CODE', 'TPI-NO-INJECTANT'],
    note: 'Patient with myofascial pain of the right shoulder after failed physical therapy from April to June 2026. The right supraspinatus received 2 injections and the right infraspinatus 2 injections of 1% lidocaine, 4 mL in total, with no steroid. No imaging was used. Relief was 80% immediately after.',
    context: 'Office (POS 11), professional claim, Medicare. No drug was entered, since the lidocaine has no separately payable code here. No prior sessions this year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-08-04', patientId: 'TR-2014', providerId: 'DR-A', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M79.18'],
        procedures: [{ type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
          { muscle: 'supraspinatus', side: 'right', injections: 2 },
          { muscle: 'infraspinatus', side: 'right', injections: 2 },
        ] }],
        documentation: TPI_NOTE_COMPLETE,
      },
    },
    answerKey: {
      lines: [{ code: '20552', modifiers: [], units: 1 }],
      findings: [{ ruleId: 'TPI-NO-INJECTANT', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'The worksheet reminds you that an injected drug belongs on the same claim as 20552. Here the only drug is lidocaine given by the physician, which Medicare bundles into the procedure (J2001 is for IV infusion only), so 20552 alone is correct and the reminder is answered by the note.',
  },
  {
    id: 'tpi-15',
    title: 'A short procedure note',
    level: 'intermediate',
    families: ['trigger-point'],
    ruleIds: ['TPI-CODE', 'TPI-NO-INJECTANT', 'DOC-TPI-SUBSTANCE', 'DOC-TPI-RELIEF', 'DOC-TPI-CONSERVATIVE'],
    note: 'Follow-up for myofascial neck pain. Trigger points were injected in the right trapezius, the left trapezius and the right levator scapulae, two injections each, with the usual steroid mixture. No imaging was used. The patient tolerated the procedure well and will return in four weeks.',
    context: 'Office (POS 11), professional claim, Medicare. No drug was entered because the note names none. No prior trigger point sessions this year.',
    today: TODAY,
    input: {
      encounter: {
        dateOfService: '2026-10-20', patientId: 'TR-2015', providerId: 'DR-C', placeOfService: '11', claimType: 'professional',
        payerProfile: 'medicare', diagnoses: ['M79.18'],
        procedures: [{ type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [
          { muscle: 'trapezius', side: 'bilateral', injections: 4 },
          { muscle: 'levator scapulae', side: 'right', injections: 2 },
        ] }],
        documentation: { 'tpi-muscles': true, 'tpi-laterality': true },
      },
    },
    answerKey: {
      lines: [{ code: '20553', modifiers: [], units: 1 }],
      findings: [{ ruleId: 'TPI-NO-INJECTANT', severity: 'warning' }, { ruleId: 'DOC-TPI-SUBSTANCE', severity: 'warning' }, { ruleId: 'DOC-TPI-RELIEF', severity: 'warning' }, { ruleId: 'DOC-TPI-CONSERVATIVE', severity: 'warning' }, { ruleId: 'DX-LISTS-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }, { ruleId: 'NCCI-NOT-LOADED', severity: 'info' }],
    },
    teachingPoint: 'Three muscles code as 20553, but the note cannot support the claim yet: the drug, its dose and code are missing (so nothing can be billed for it), and so are the relief after the injections and the failed conservative treatment with dates. Ask the provider to complete the note before billing.',
  },
]
