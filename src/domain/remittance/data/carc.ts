import type { DenialCategory } from '../types.ts'
import type { CodeSourceId } from './sources.ts'

/**
 * Claim adjustment reason codes (CARC) we map to our denial categories. The description
 * is a short form of the X12 text, confirmed on the cited source; the category and the
 * kind are our own product judgment, explained in `rationale` so the UI can show it.
 * Codes not listed here are categorised 'other' (see categorizeAdjustment).
 */

/**
 * denial: the payer refused (part of) the line; contractual-reduction: the agreed or
 * legislated price cut, not a denial; patient-share: deductible, coinsurance, copay.
 */
export const CARC_KINDS = ['denial', 'contractual-reduction', 'patient-share'] as const
export type CarcKind = (typeof CARC_KINDS)[number]

export interface CarcEntry {
  code: string
  shortDescription: string
  category: DenialCategory
  kind: CarcKind
  /** When true, a remark code with a category of its own says more than this generic CARC. */
  refinedByRemarks: boolean
  rationale: string
  source: CodeSourceId
  /** The description was read on the source; entries we could not confirm are left out. */
  verified: boolean
}

const denial = (
  code: string,
  shortDescription: string,
  category: DenialCategory,
  source: CodeSourceId,
  rationale: string,
  refinedByRemarks = false,
): CarcEntry => ({ code, shortDescription, category, kind: 'denial', refinedByRemarks, rationale, source, verified: true })

export const carcEntries: readonly CarcEntry[] = [
  { code: '1', shortDescription: 'Deductible amount', category: 'other', kind: 'patient-share', refinedByRemarks: false, rationale: 'The patient owes it under the plan; not a denial.', source: 'cmsCodesIni', verified: true },
  { code: '2', shortDescription: 'Coinsurance amount', category: 'other', kind: 'patient-share', refinedByRemarks: false, rationale: 'The patient owes it under the plan; not a denial.', source: 'cmsCodesIni', verified: true },
  { code: '3', shortDescription: 'Co-payment amount', category: 'other', kind: 'patient-share', refinedByRemarks: false, rationale: 'The patient owes it under the plan; not a denial.', source: 'cmsCodesIni', verified: true },
  denial('4', 'Procedure code inconsistent with the modifier used, or a required modifier is missing', 'modifier', 'cmsCodesIni',
    'The payer names the modifier as the problem: the worksheet\'s modifier rules (50, RT/LT, KX, 59/X) are where it is prevented.'),
  denial('5', 'Procedure code or bill type inconsistent with the place of service', 'coding', 'cmsCodesIni',
    'Place of service is part of how the claim is coded; the fix is a corrected code or place of service.'),
  denial('11', 'Diagnosis inconsistent with the procedure', 'coding', 'denialLists',
    'A diagnosis-to-procedure mismatch is fixed in the claim\'s coding (diagnosis pointers, ICD-10 choice).'),
  denial('15', 'Authorization number missing, invalid, or not for the billed service or provider', 'prior-authorization', 'denialLists',
    'The authorization on the claim is the problem, whether absent or wrong.'),
  denial('16', 'Claim or service lacks information or has submission/billing errors', 'documentation', 'noridianJfDenials',
    'We count missing claim information as documentation; the remark code that comes with 16 names what is missing, so a remark with a category of its own (e.g. M51 coding, N822 modifier) takes precedence.', true),
  denial('18', 'Exact duplicate claim or service', 'other', 'denialLists',
    'A duplicate is a submission problem, none of our coding categories.'),
  denial('22', 'May be covered by another payer per coordination of benefits', 'other', 'denialLists',
    'Coordination of benefits is a billing-order problem, none of our coding categories.'),
  denial('27', 'Expenses incurred after coverage terminated', 'coverage', 'denialLists',
    'The patient had no coverage on the date of service.'),
  denial('29', 'Time limit for filing has expired', 'other', 'denialLists',
    'Timely filing is a submission problem, none of our coding categories.'),
  { code: '45', shortDescription: 'Charge exceeds the fee schedule, maximum allowable or contracted/legislated fee', category: 'other', kind: 'contractual-reduction', refinedByRemarks: false, rationale: 'The contracted price cut on every paid line; not a denial.', source: 'denialLists', verified: true },
  denial('50', 'Non-covered: not deemed a medical necessity by the payer', 'coverage', 'denialLists',
    'The payer\'s coverage criteria (LCD or medical policy) were not met; the fix is often documentation, but the payer\'s statement is about coverage.'),
  denial('96', 'Non-covered charge(s)', 'coverage', 'denialLists',
    'Generic non-coverage; a remark code with a category of its own says more.', true),
  denial('97', 'Benefit included in the payment for another service or procedure already adjudicated', 'coding', 'denialLists',
    'Bundling: the code should not have been billed separately, or needed a distinct-service modifier the edit allows.'),
  denial('109', 'Not covered by this payer or contractor; send to the correct payer', 'coverage', 'denialLists',
    'The coverage on file was the wrong payer for this service.'),
  denial('119', 'Benefit maximum for this time period or occurrence has been reached', 'frequency', 'denialLists',
    'A count per period: what the worksheet\'s frequency counters track.'),
  denial('151', 'Information submitted does not support this many or this frequency of services', 'frequency', 'noridianDme151',
    'The payer objects to how many or how often: what the frequency counters track.'),
  denial('167', 'Diagnosis(es) not covered', 'coverage', 'denialLists',
    'The payer\'s coverage policy excludes the diagnosis billed.'),
  denial('181', 'Procedure code invalid on the date of service', 'coding', 'palmetto181',
    'The code itself was not valid for the date: a coding error.'),
  denial('182', 'Procedure modifier invalid on the date of service', 'modifier', 'denialLists',
    'The modifier is named as the problem.'),
  denial('197', 'Precertification, authorization, notification or pre-treatment absent', 'prior-authorization', 'denialLists',
    'No authorization was on file for a service that needed one.'),
  denial('198', 'Precertification, authorization, notification or pre-treatment exceeded', 'prior-authorization', 'denialLists',
    'The service went beyond what was authorized.'),
  denial('204', 'Service, equipment or drug not covered under the patient\'s current benefit plan', 'coverage', 'denialLists',
    'The plan excludes the service.'),
  denial('234', 'This procedure is not paid separately', 'coding', 'denialLists',
    'Packaging: the code is paid within another, so billing it alone is a coding question.'),
  denial('236', 'Procedure or procedure/modifier combination not compatible with another on the same day (NCCI)', 'coding', 'fcso236',
    'An NCCI procedure-to-procedure edit, which the worksheet checks as a coding rule; a modifier helps only where the edit allows one.'),
  denial('252', 'An attachment or other documentation is required to adjudicate the claim', 'documentation', 'denialLists',
    'The payer wants records; a remark code with a category of its own says more.', true),
  { code: '253', shortDescription: 'Sequestration: reduction in federal payment', category: 'other', kind: 'contractual-reduction', refinedByRemarks: false, rationale: 'The legislated Medicare reduction on every paid line; not a denial.', source: 'cmsSequestration', verified: true },
  denial('B7', 'Provider not certified or eligible to be paid for this service on this date', 'other', 'denialLists',
    'Provider enrollment, none of our coding categories.'),
  denial('B15', 'Requires a qualifying service or procedure that has not been received or adjudicated', 'coding', 'denialLists',
    'Typically an add-on code (64484, 64494, 64495) paid only with its primary code: a coding question.'),
]

export const carcByCode: ReadonlyMap<string, CarcEntry> = new Map(carcEntries.map((e) => [e.code, e]))
