/**
 * Where each billing fact comes from, as checked in the domain reference
 * (shared/domain/reference.md). Rules and profile values cite these by id so the UI
 * and docs can show the citation and how sure we are of it.
 */

export type Confidence = 'V-primary' | 'V-secondary' | 'unverified' | 'billing-guide' | 'input-check'


export interface Source {
  id: string
  citation: string
  confidence: Confidence
}

const list = [
  { id: 'A57787', citation: 'CMS article A57787 (facet joint interventions, LCD L33930)', confidence: 'V-primary' },
  { id: 'FACET-LCD-2024', citation: 'Facet LCD revisions 2024: CGS L38773 Limitation #7, CGS news 2024-08-15; Palmetto L38765 (eff. 2024-07-07); Novitas L34892 (eff. 2024-08-11)', confidence: 'V-primary' },
  { id: 'NORIDIAN-FACET-QA', citation: 'Noridian JF facet joint interventions Q&A (LCD L38803)', confidence: 'V-primary' },
  { id: 'PALMETTO-FACET-CHECKLIST', citation: 'Palmetto GBA facet PA checklist 2023-05-10 (LCD L38765)', confidence: 'V-primary' },
  { id: 'CGS-FACET-PA', citation: 'CGS OPD prior authorization facet criteria; CGS "Pathway to an RFA Request" 2023-12-19', confidence: 'V-primary' },
  { id: 'OPD-PA', citation: 'CMS OPD prior authorization program: Noridian JE PA for facet joint intervention; NGS article 9005755; First Coast OPD PA tips', confidence: 'V-primary' },
  { id: 'OPD-PA-64492', citation: 'CGS news 2024-08-15: 64492/64495 removed from the OPD PA list (non-covered)', confidence: 'V-primary' },
  { id: 'OPD-PA-RELATED', citation: 'CGS 2020-08-06 (OPD PA, associated physician claims); NGS OPD facility/physician communication', confidence: 'V-primary' },
  { id: 'AAPC-FACET-US', citation: 'AAPC "You Be the Coder: bilateral intra-articular facet nerve blocks" (0213T-0218T)', confidence: 'V-secondary' },
  { id: 'A57826', citation: 'Novitas article A57826 summary (ultrasound guidance not covered; 1-2 levels per region)', confidence: 'V-secondary' },
  { id: 'RFA-PER-JOINT', citation: 'RFA per-joint counting (shuhub interventional-spine trainer; CPT 64772 research note); reference D5', confidence: 'V-secondary' },
  { id: 'FACET-RFA-SAME-LEVEL', citation: 'Carrier guidance (LCD-derived): facet block then destruction of the same nerve, bill only the destruction', confidence: 'V-secondary' },
  { id: 'A58993', citation: 'CMS article A58993 (epidural steroid injections, LCD L39240)', confidence: 'V-primary' },
  { id: 'ESI-ARTICLES', citation: 'ESI articles A58745, A56651, A58731, A58777 and LCD L33906 (summaries)', confidence: 'V-secondary' },
  { id: 'ESI-BILATERAL', citation: 'AAPC "Figure Out Your Bilateral Fee"; AAPC transforaminal bilateral indicator correction (64479-64484 = 1; interlaminar = 0, inferred from 62310/62311)', confidence: 'V-secondary' },
  { id: 'L36859', citation: 'LCD L36859 Trigger point injections (summary)', confidence: 'V-secondary' },
  { id: 'A59553', citation: 'Article A59553 for LCD L37913 (trigger points, summary)', confidence: 'V-secondary' },
  { id: 'TPI-ONE-CODE', citation: 'Harvard Pilgrim policy consistent with CMS LCD; A59553 summary (one of 20552/20553 per day, one unit)', confidence: 'V-secondary' },
  { id: 'DRY-NEEDLING', citation: 'Dry needling codes 20560/20561 since 2020 (Gawenda Seminars; MediCorp); Medicare coverage conflicting (MPFS vs NCD 30.3.3 / MM11691)', confidence: 'V-secondary' },
  { id: 'BILATERAL-50', citation: 'AAPC Neurosurgery Coding Alert on bilateral procedures; Vitalware "CPT 64494 bilateral reporting" (one line, 50, one unit)', confidence: 'V-secondary' },
  { id: 'ASC-BILATERAL', citation: 'CMS revised ASC payment system FAQ (quoted by ascbillingcode.com, 2010): two lines x 1 unit, 50 not recognised', confidence: 'V-secondary' },
  { id: 'COMMERCIAL-BILATERAL', citation: 'AAPC articles on payer bilateral conventions (commercial payers vary)', confidence: 'V-secondary' },
  { id: 'KX-WPS', citation: 'WPS modifier KX fact sheet', confidence: 'V-primary' },
  { id: 'J1010', citation: 'HCPCS 2024-04-01 update: J1020/J1030/J1040 deleted, J1010 per 1 mg (The Rheumatologist 2024-04-22)', confidence: 'V-secondary' },
  { id: 'J-UNITS', citation: 'HCPCS unit sizes (immedicaresolutions J3301; pabau J1100, J0665; genhealth J3303, J3304; AAPC J3300, J3302)', confidence: 'V-secondary' },
  { id: 'J0702-UNITS', citation: 'CMS HCPCS answer quoted on AAPC forum "Celestone Billing" (1 mL = 1 unit)', confidence: 'V-secondary' },
  { id: 'LOCAL-ANESTHETIC', citation: 'AAPC coding alerts: local anesthesia by the operating physician is part of the procedure; J2001 is IV infusion only', confidence: 'V-secondary' },
  { id: 'S-CODES', citation: 'AAPC: S0020 and other S-codes are not valid for Medicare; some commercial payers accept them', confidence: 'V-secondary' },
  { id: 'UNCLASSIFIED-DRUG', citation: 'A59553 summary; CMS-1500 Box 19 / loop 2400 NTE narrative for unclassified drugs', confidence: 'V-secondary' },
  { id: 'BIOLOGICS', citation: 'A59553, A56651, A58745 summaries: non-FDA-approved injectants (amniotic, placental, PRP, stem cells, vitamins) not covered', confidence: 'V-secondary' },
  { id: 'DRUG-SETTING', citation: 'Reference section 3 drug notes: OPPS/ASC packaging (status indicators not verified)', confidence: 'unverified' },
  { id: 'DX-GROUPS', citation: 'Diagnosis groups inferred from LCD indications (reference section 4); exact article code lists not loaded', confidence: 'V-secondary' },
  { id: 'ICD10-FORMAT', citation: 'ICD-10-CM code structure (CMS/NCHS): letter, two characters, optional decimal and up to 4 more', confidence: 'V-primary' },
  { id: 'ICD10-CODE-SET', citation: 'CMS/CDC ICD-10-CM order file for the fiscal year (October 1 to September 30, with April updates), as loaded', confidence: 'V-primary' },
  { id: 'MCD-ARTICLE', citation: "Medicare Coverage Database billing article of the practice's MAC (covered ICD-10-CM codes by group), as loaded", confidence: 'V-primary' },
  { id: 'DUPLICATE-LINES', citation: 'CARC 18 (exact duplicate claim/service): two lines with the same code and modifiers on one date deny as duplicates; add-on codes 64634/64636 and 64480/64484 take one unit per additional joint or level (reference, section 1)', confidence: 'V-secondary' },
  { id: 'NDC-FORMAT', citation: 'NDC on claim lines in the 11-digit 5-4-2 form with a quantity and unit qualifier (UN, ML, GR, F2, ME), as the electronic claim carries it; not in the domain reference: which payers require it is set per payer profile', confidence: 'unverified' },
  { id: 'CMS-1500-POINTERS', citation: 'CMS-1500 instructions: box 21 lists up to 12 diagnoses lettered A to L; box 24E points each line to up to 4 of them by letter (not in the domain reference)', confidence: 'unverified' },
  { id: 'CLAIM-BASICS', citation: 'CMS-1500 / 837P: at least one diagnosis pointer per line', confidence: 'V-primary' },
  { id: 'NCCI-IMAGING', citation: 'A57787 (imaging included in 64490-64495); reference 1D: imaging included in 62321/62323, 64479-64484, 64633-64636, 0213T-0218T', confidence: 'V-primary' },
  { id: 'EM-25', citation: 'NCCI general policy: same-day E/M needs modifier 25 and a separately identifiable service', confidence: 'V-secondary' },
  { id: 'NCCI-TABLES', citation: 'CMS NCCI quarterly practitioner MUE and PTP files (as loaded)', confidence: 'V-primary' },
  { id: 'NCCI-BYPASS', citation: 'MLN SE1418 (modifier 59 and X{EPSU}); PTP modifier indicator 0/1/9', confidence: 'V-secondary' },
  { id: 'BILLING-GUIDE', citation: 'Billing guide (shared/domain/billing-guide.txt)', confidence: 'billing-guide' },
  { id: 'EVICORE', citation: 'EviCore CMM-200 (ESI), CMM-202 (TPI) and RFA guideline summaries (verity)', confidence: 'V-secondary' },
  { id: 'ENGINE', citation: 'Rule module input check (no payer fact)', confidence: 'input-check' },
] as const satisfies readonly Source[]

export type SourceId = (typeof list)[number]['id']

export const sources: Readonly<Record<SourceId, Source>> = Object.fromEntries(
  list.map((s) => [s.id, s]),
) as Record<SourceId, Source>

/** One citation line for a finding: sources joined, each with its confidence. */
export function citeSources(ids: readonly SourceId[]): string {
  return ids.map((id) => `${sources[id].citation} [${sources[id].confidence}]`).join('; ')
}
