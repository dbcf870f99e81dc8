/**
 * Where the CARC/RARC descriptions of our tables were read. X12 publishes the lists
 * (x12.org/codes/claim-adjustment-reason-codes and /remittance-advice-remark-codes); these
 * are the pages each description was confirmed on. V-primary: a CMS or Medicare contractor
 * page; V-secondary: a third-party page quoting the X12 text.
 */

export type CodeConfidence = 'V-primary' | 'V-secondary'

export interface CodeSource {
  citation: string
  confidence: CodeConfidence
}

export const codeSources = {
  cmsCodesIni: {
    citation: 'CMS codes.ini CARC list (cms.gov, remittance software code file, 2016): codes 1-10',
    confidence: 'V-primary',
  },
  resdac: {
    citation: 'ResDAC "Revenue Center 1st ANSI Code" FFS code table (resdac.org), maintained from x12.org/codes',
    confidence: 'V-secondary',
  },
  noridianJfDenials: {
    citation: 'Noridian JF Part B "Denial Code Resolution" (med.noridianmedicare.com/web/jfb/topics/claim-submission/denial-resolution)',
    confidence: 'V-primary',
  },
  noridianJfNpi: {
    citation: 'Noridian JF Part B "Missing/Incorrect Required NPI Information" (CO-16 with N290, N257)',
    confidence: 'V-primary',
  },
  noridianDmeDenials: {
    citation: 'Noridian JA DME "Denial Code Resolution" (4 with N519, 5 with M77, 16 with M51/N350)',
    confidence: 'V-primary',
  },
  noridianDme151: {
    citation: 'Noridian JA/JD DME "Reason Code 151 | Remark Code N115"',
    confidence: 'V-primary',
  },
  fcso236: {
    citation: 'First Coast (FCSO) "Tips to prevent CARC CO 236" (medicare.fcso.com/claims/denials-tips/co-236)',
    confidence: 'V-primary',
  },
  palmetto181: {
    citation: 'Palmetto GBA JJ Part B denial resolution, CARC 181',
    confidence: 'V-primary',
  },
  cmsSequestration: {
    citation: 'MLN Matters on CR 8378 (new CARC 253, sequestration), as republished by NYSCA and O&P Edge 2013',
    confidence: 'V-secondary',
  },
  denialLists: {
    citation: 'Third-party CARC pages quoting the X12 text: apexflowrcm.com denial code library, approvalhelp.com, kupuhealth.com, medicalbillingcertify.com',
    confidence: 'V-secondary',
  },
  rarcLists: {
    citation: 'Third-party RARC pages quoting the X12 text: approvalhelp.com RARC index, denialcodeguide.com, immedicaresolutions.com, medprecisionbilling.com, medicalbillingconnect.com (M62)',
    confidence: 'V-secondary',
  },
} as const satisfies Record<string, CodeSource>

export type CodeSourceId = keyof typeof codeSources
