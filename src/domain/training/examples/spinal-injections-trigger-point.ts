import type { Side } from '../../vocabulary.ts'
import type { RuleExample } from '../types.ts'
import { MYALGIA, LUMBAR_SPONDYLOSIS, officeVisit, ticked, TODAY, triamcinolone20, triggerPointChecklist, type ProcedureDraft } from './spinal-injections-visit.ts'

type Muscle = readonly [muscle: string, side: Side | null, injections: number]

function triggerPoints(muscles: readonly Muscle[], technique: 'injection' | 'dry-needling' | 'acupuncture' = 'injection', guidance: 'none' | 'ultrasound' = 'none'): ProcedureDraft {
  return { type: 'trigger-point', technique, guidance, muscles: muscles.map(([muscle, side, injections]) => ({ muscle, side, injections })) }
}

const upperBack: readonly Muscle[] = [['trapezius', 'left', 2], ['rhomboid', 'left', 1], ['levator scapulae', 'left', 2]]

/** A documentation example: one injected muscle, the steroid recorded, every checklist item ticked but `open`. */
function documented(patientId: string, open?: string) {
  return officeVisit({
    patientId, dateOfService: '2026-11-16', diagnoses: [MYALGIA],
    procedures: [triggerPoints([['trapezius', 'right', 3]])], drugs: [triamcinolone20],
    documentation: ticked(triggerPointChecklist, open),
  })
}

export const triggerPointExamples: readonly RuleExample[] = [
  {
    ruleId: 'TPI-CODE', kind: 'fires', title: 'Three muscles injected: one line of 20553', today: TODAY,
    explanation: 'Trapezius, rhomboid and levator scapulae on the left are three distinct muscles, so the worksheet codes one line of 20553 with one unit. The five needle sticks do not change the code or the units.',
    input: officeVisit({ patientId: 'PT-2001', dateOfService: '2026-11-12', diagnoses: [MYALGIA], procedures: [triggerPoints(upperBack)], drugs: [triamcinolone20] }),
  },
  {
    ruleId: 'TPI-CODE', kind: 'near-miss', title: 'Same three muscles, dry needled', today: TODAY,
    explanation: 'The same muscles were needled without injecting anything. Dry needling never becomes a 20552 or 20553 line, so the trigger point coding rule codes nothing here.',
    input: officeVisit({ patientId: 'PT-2001', dateOfService: '2026-11-12', diagnoses: [MYALGIA], procedures: [triggerPoints(upperBack, 'dry-needling')] }),
  },
  {
    ruleId: 'TPI-NO-MUSCLES', kind: 'fires', title: 'Trigger point entry with no muscle', today: TODAY,
    explanation: 'The trigger point injection was added but no muscle was entered. The code depends on how many muscles were injected, so no line can be coded until they are entered.',
    input: officeVisit({ patientId: 'PT-2002', dateOfService: '2026-11-13', diagnoses: [MYALGIA], procedures: [triggerPoints([])], drugs: [triamcinolone20] }),
  },
  {
    ruleId: 'TPI-NO-MUSCLES', kind: 'near-miss', title: 'Trigger point entry with its muscle', today: TODAY,
    explanation: 'The left gluteus medius is entered with its two injections, so the worksheet can count the muscles and code 20552.',
    input: officeVisit({ patientId: 'PT-2002', dateOfService: '2026-11-13', diagnoses: [MYALGIA], procedures: [triggerPoints([['gluteus medius', 'left', 2]])], drugs: [triamcinolone20] }),
  },
  {
    ruleId: 'TPI-SIDE-MISSING', kind: 'fires', title: 'Trapezius injected, side not recorded', today: TODAY,
    explanation: 'Left and right trapezius count as two muscles, so a muscle without a side can hide the difference between 20552 and 20553. Record the side from the note.',
    input: officeVisit({ patientId: 'PT-2003', dateOfService: '2026-11-09', diagnoses: [MYALGIA], procedures: [triggerPoints([['trapezius', null, 3], ['rhomboid', 'right', 1]])], drugs: [triamcinolone20] }),
  },
  {
    ruleId: 'TPI-SIDE-MISSING', kind: 'near-miss', title: 'Trapezius injected on the right', today: TODAY,
    explanation: 'Every muscle now has its side, so the count of two muscles (right trapezius, right rhomboid) and the 20552 line are certain.',
    input: officeVisit({ patientId: 'PT-2003', dateOfService: '2026-11-09', diagnoses: [MYALGIA], procedures: [triggerPoints([['trapezius', 'right', 3], ['rhomboid', 'right', 1]])], drugs: [triamcinolone20] }),
  },
  {
    ruleId: 'TPI-ONE-LINE', kind: 'fires', title: '20553 typed in next to the coded 20552', today: TODAY,
    explanation: 'The worksheet already codes 20552 from the two muscles entered, and 20553 was also typed under other lines. Only one trigger point code, with one unit, is paid per date.',
    input: officeVisit({
      patientId: 'PT-2004', dateOfService: '2026-11-10', diagnoses: [MYALGIA],
      procedures: [triggerPoints([['quadratus lumborum', 'left', 3], ['gluteus medius', 'left', 2]])], drugs: [triamcinolone20],
      otherLines: [{ code: '20553', modifiers: [], units: 1 }],
    }),
  },
  {
    ruleId: 'TPI-ONE-LINE', kind: 'near-miss', title: 'Only the coded 20552 line', today: TODAY,
    explanation: 'With nothing typed under other lines, the claim carries the single 20552 line the worksheet coded from the muscles, with one unit.',
    input: officeVisit({
      patientId: 'PT-2004', dateOfService: '2026-11-10', diagnoses: [MYALGIA],
      procedures: [triggerPoints([['quadratus lumborum', 'left', 3], ['gluteus medius', 'left', 2]])], drugs: [triamcinolone20],
    }),
  },
  {
    ruleId: 'TPI-DRY-NEEDLING', kind: 'fires', title: 'Dry needling entered as a trigger point procedure', today: TODAY,
    explanation: 'Nothing was injected: the muscles were only needled. Dry needling is not billable as 20552 or 20553; it has its own codes, and Medicare coverage of them must be checked first.',
    input: officeVisit({ patientId: 'PT-2005', dateOfService: '2026-11-17', diagnoses: [MYALGIA], procedures: [triggerPoints([['trapezius', 'left', 4], ['levator scapulae', 'left', 2]], 'dry-needling')] }),
  },
  {
    ruleId: 'TPI-DRY-NEEDLING', kind: 'near-miss', title: 'Same muscles injected with a steroid', today: TODAY,
    explanation: 'Here the trigger points were injected (the steroid is recorded), so it is a real trigger point injection and 20552 is coded for the two muscles.',
    input: officeVisit({ patientId: 'PT-2005', dateOfService: '2026-11-17', diagnoses: [MYALGIA], procedures: [triggerPoints([['trapezius', 'left', 4], ['levator scapulae', 'left', 2]])], drugs: [triamcinolone20] }),
  },
  {
    ruleId: 'TPI-ACUPUNCTURE', kind: 'fires', title: 'Acupuncture entered as a trigger point procedure', today: TODAY,
    explanation: 'The technique is acupuncture, which the trigger point policy does not cover. It must not go out as 20552 or 20553, so no line is coded.',
    input: officeVisit({ patientId: 'PT-2006', dateOfService: '2026-11-04', diagnoses: [MYALGIA], procedures: [triggerPoints([['gluteus maximus', 'right', 5]], 'acupuncture')] }),
  },
  {
    ruleId: 'TPI-ACUPUNCTURE', kind: 'near-miss', title: 'Gluteus maximus injected', today: TODAY,
    explanation: 'The technique is injection and the drug is recorded, so the gluteus maximus is coded as a trigger point injection, 20552.',
    input: officeVisit({ patientId: 'PT-2006', dateOfService: '2026-11-04', diagnoses: [MYALGIA], procedures: [triggerPoints([['gluteus maximus', 'right', 5]])], drugs: [triamcinolone20] }),
  },
  {
    ruleId: 'TPI-IMAGE-GUIDED', kind: 'fires', title: 'Trigger points under ultrasound for Medicare', today: TODAY,
    explanation: 'The guidance is recorded as ultrasound. Medicare\'s trigger point policy excludes imaging guidance, so no guidance code is payable and the session may be reviewed.',
    input: officeVisit({ patientId: 'PT-2007', dateOfService: '2026-11-05', diagnoses: [MYALGIA], procedures: [triggerPoints([['infraspinatus', 'right', 2]], 'injection', 'ultrasound')], drugs: [triamcinolone20] }),
  },
  {
    ruleId: 'TPI-IMAGE-GUIDED', kind: 'near-miss', title: 'Trigger points without imaging', today: TODAY,
    explanation: 'The same injection with guidance set to none: no imaging was used, so there is nothing about guidance to flag.',
    input: officeVisit({ patientId: 'PT-2007', dateOfService: '2026-11-05', diagnoses: [MYALGIA], procedures: [triggerPoints([['infraspinatus', 'right', 2]])], drugs: [triamcinolone20] }),
  },
  {
    ruleId: 'TPI-WITH-OTHER-BLOCK', kind: 'fires', title: 'Trigger points and a facet injection the same day', today: TODAY,
    explanation: 'A lumbar facet injection was given in the same session as the trigger points. Payers treat several blocks in one session as a limitation, so the note must show why both were needed that day.',
    input: officeVisit({
      patientId: 'PT-2008', dateOfService: '2026-11-11', diagnoses: [MYALGIA, LUMBAR_SPONDYLOSIS],
      procedures: [
        triggerPoints([['quadratus lumborum', 'right', 3]]),
        { type: 'facet-injection', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: 'right' }] },
      ],
      drugs: [triamcinolone20],
    }),
  },
  {
    ruleId: 'TPI-WITH-OTHER-BLOCK', kind: 'near-miss', title: 'Trigger points alone', today: TODAY,
    explanation: 'Only the trigger point injection was done that day, so there is no second block in the session to question.',
    input: officeVisit({ patientId: 'PT-2008', dateOfService: '2026-11-11', diagnoses: [MYALGIA], procedures: [triggerPoints([['quadratus lumborum', 'right', 3]])], drugs: [triamcinolone20] }),
  },
  {
    ruleId: 'TPI-NO-INJECTANT', kind: 'fires', title: 'Trigger point injection, no drug entered', today: TODAY,
    explanation: 'The injection is coded but no drug is recorded. If a drug was injected, it must be billed on this same claim, so check the note and add it.',
    input: officeVisit({ patientId: 'PT-2009', dateOfService: '2026-11-19', diagnoses: [MYALGIA], procedures: [triggerPoints([['trapezius', 'bilateral', 4]])] }),
  },
  {
    ruleId: 'TPI-NO-INJECTANT', kind: 'near-miss', title: 'Trigger point injection with its steroid', today: TODAY,
    explanation: 'The triamcinolone given is entered (J3301, 20 mg, two units), so the drug goes out on the same claim as the 20552 line.',
    input: officeVisit({ patientId: 'PT-2009', dateOfService: '2026-11-19', diagnoses: [MYALGIA], procedures: [triggerPoints([['trapezius', 'bilateral', 4]])], drugs: [triamcinolone20] }),
  },
  {
    ruleId: 'TPI-ANESTHESIA', kind: 'fires', title: 'Anesthesia code 00300 billed with trigger points', today: TODAY,
    explanation: 'An anesthesia code was typed under other lines next to the trigger point injection. Anesthesia is not reported with 20552 or 20553, so the line should be removed.',
    input: officeVisit({
      patientId: 'PT-2010', dateOfService: '2026-11-06', diagnoses: [MYALGIA],
      procedures: [triggerPoints([['trapezius', 'left', 2], ['splenius capitis', 'left', 1]])], drugs: [triamcinolone20],
      otherLines: [{ code: '00300', modifiers: [], units: 1 }],
    }),
  },
  {
    ruleId: 'TPI-ANESTHESIA', kind: 'near-miss', title: 'Trigger points without an anesthesia line', today: TODAY,
    explanation: 'The same visit with no anesthesia code: the claim carries the 20552 line and the drug only.',
    input: officeVisit({
      patientId: 'PT-2010', dateOfService: '2026-11-06', diagnoses: [MYALGIA],
      procedures: [triggerPoints([['trapezius', 'left', 2], ['splenius capitis', 'left', 1]])], drugs: [triamcinolone20],
    }),
  },
  {
    ruleId: 'DOC-TPI-MUSCLES', kind: 'fires', title: 'Muscles and trigger point counts not confirmed', today: TODAY,
    explanation: 'Every checklist item is ticked except the one for the muscles and the number of trigger points in each. The code rests on that count, so confirm it in the note before billing.',
    input: documented('PT-2011', 'tpi-muscles'),
  },
  {
    ruleId: 'DOC-TPI-MUSCLES', kind: 'near-miss', title: 'Muscles and counts confirmed in the note', today: TODAY,
    explanation: 'The item for the muscle names and trigger point counts is ticked, as are all the others, so nothing is open on the checklist.',
    input: documented('PT-2011'),
  },
  {
    ruleId: 'DOC-TPI-SUBSTANCE', kind: 'fires', title: 'Drug name, code and volume not confirmed', today: TODAY,
    explanation: 'The note has not been checked for the substance injected, its J-code and the volume. The drug line on the claim depends on it.',
    input: documented('PT-2012', 'tpi-substance'),
  },
  {
    ruleId: 'DOC-TPI-SUBSTANCE', kind: 'near-miss', title: 'Drug name, code and volume confirmed', today: TODAY,
    explanation: 'The substance item is ticked: the note names the triamcinolone, its code and the volume, and every other item is ticked too.',
    input: documented('PT-2012'),
  },
  {
    ruleId: 'DOC-TPI-LATERALITY', kind: 'fires', title: 'Side of the injected muscle not confirmed', today: TODAY,
    explanation: 'The right trapezius is entered, but the note has not been checked for the side. The side decides how many muscles count.',
    input: documented('PT-2013', 'tpi-laterality'),
  },
  {
    ruleId: 'DOC-TPI-LATERALITY', kind: 'near-miss', title: 'Side of the injected muscle confirmed', today: TODAY,
    explanation: 'The laterality item is ticked because the note states the right side, and the rest of the checklist is complete.',
    input: documented('PT-2013'),
  },
  {
    ruleId: 'DOC-TPI-RELIEF', kind: 'fires', title: 'Pain relief after the injection not confirmed', today: TODAY,
    explanation: 'The note has not been checked for the percent of pain relief right after the injection, which supports the need for the procedure and any repeat.',
    input: documented('PT-2014', 'tpi-relief'),
  },
  {
    ruleId: 'DOC-TPI-RELIEF', kind: 'near-miss', title: 'Pain relief after the injection confirmed', today: TODAY,
    explanation: 'The relief item is ticked (the note records the percent relief after the injection), along with every other item.',
    input: documented('PT-2014'),
  },
  {
    ruleId: 'DOC-TPI-CONSERVATIVE', kind: 'fires', title: 'Failed conservative treatment not confirmed', today: TODAY,
    explanation: 'The note has not been checked for the physical therapy or medication tried first, with dates. Payers expect it before trigger point injections.',
    input: documented('PT-2015', 'tpi-conservative'),
  },
  {
    ruleId: 'DOC-TPI-CONSERVATIVE', kind: 'near-miss', title: 'Failed conservative treatment confirmed', today: TODAY,
    explanation: 'The conservative treatment item is ticked: the note lists the therapy and medication tried, with dates, and the checklist is complete.',
    input: documented('PT-2015'),
  },
]
