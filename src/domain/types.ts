import type { PointerLetter } from './coverage/diagnosis-pointers.ts'
import type { CoverageContext } from './coverage/types.ts'
import type { Icd10CodeSet } from './icd10/types.ts'
import type { NdcListEntry, NdcUnit } from './ndc/ndc.ts'
import type { IsoDate } from './dates.ts'
import type { MueTable, PtpTable } from './ncci/types.ts'
import type { PayerProfile } from './payer-profile.ts'
import type { Family, SpinalRegion } from './vocabulary.ts'

/** Shapes of what evaluate() takes besides the input, and what it returns. */

export const SEVERITIES = ['error', 'warning', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

export const CATEGORIES = [
  'code-selection', 'modifier', 'units', 'imaging', 'documentation', 'frequency',
  'prior-authorization', 'injectant', 'coverage', 'drug', 'diagnosis',
] as const
export type Category = (typeof CATEGORIES)[number]

/** Plain words for each finding category (review queue, insights, rule library). */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  'code-selection': 'Code selection',
  modifier: 'Modifier',
  units: 'Units',
  imaging: 'Imaging guidance',
  documentation: 'Documentation',
  frequency: 'Frequency',
  'prior-authorization': 'Prior authorization',
  injectant: 'Injectant',
  coverage: 'Coverage',
  drug: 'Drug',
  diagnosis: 'Diagnosis',
}

/** A finding category in plain words; a value that is not a category (an unknown facet value) as it is. */
export function categoryLabel(category: string): string {
  return (CATEGORY_LABELS as Readonly<Record<string, string>>)[category] ?? category
}

/** One fact that made a line or a finding come out as it did. */
export interface TraceFact {
  fact: string
  value: string | number | boolean | null
}

export interface ClaimLine {
  code: string
  /** In billing order: pricing (50) first, then RT/LT, then NCCI and informational (KX, GA). */
  modifiers: string[]
  units: number
  /** Our own plain-language wording, never an AMA descriptor. */
  label: string
  /** Index into encounter.procedures, or null for drug and other lines. */
  procedureIndex: number | null
  /** CMS-1500 Box 19 narrative, for unclassified drugs. */
  box19?: string
  /** The drug's NDC as the claim carries it (11 digits), with quantity and unit when known. */
  ndc?: ClaimNdc
  /** Box 24E: letters of the diagnoses (box 21, A-L) this line points to, at most 4; absent: the first four. */
  pointers?: PointerLetter[]
  origin: 'procedure' | 'drug' | 'other'
  /** Index into encounter.drugs or encounter.otherLines for those origins. */
  originIndex?: number
  /** Coding rules that produced this line. */
  ruleIds: string[]
  trace: TraceFact[]
}

export interface ClaimNdc {
  ndc11: string
  quantity: number | null
  unit: NdcUnit | null
  /** Typed on the drug, or the practice's list for the code on the date of service. */
  from: 'entered' | 'practice-list'
}

export interface Finding {
  ruleId: string
  severity: Severity
  category: Category
  message: string
  fix: string
  source: string
  effectiveFrom: IsoDate | null
  effectiveTo: IsoDate | null
  trace: TraceFact[]
  procedureIndex?: number
  /** Indexes into the result's lines that the finding is about. */
  lineIndexes?: number[]
  /** Set when the finding comes from a named reading rather than the verified rule. */
  interpretation?: string
}

export interface CounterSession {
  dateOfService: IsoDate
  family: Family
  region: SpinalRegion | null
  /** Diagnostic, therapeutic or diagnostic nerve root block, as the codes and KX say. */
  purpose: string | null
  providers: string[]
  codes: string[]
  source: 'history' | 'current'
}

export interface FrequencyCounter {
  limitId: string
  family: Family
  region: SpinalRegion | null
  /** Purposes counted, joined (e.g. "diagnostic"), or null when every session counts. */
  purpose: string | null
  used: number
  limit: number
  window: { amount: number; unit: 'days' | 'months'; from: IsoDate; to: IsoDate }
  sessions: CounterSession[]
  includesCurrent: boolean
  exceeded: boolean
  /** The first date on which one more session would be within the limit and interval. */
  nextAllowedDate: IsoDate
  severity: 'error' | 'warning'
  interpretation: string | null
  note: string | null
  source: string
}

export interface NcciTables {
  mue?: readonly MueTable[]
  ptp?: readonly PtpTable[]
}

export interface EvaluationContext {
  /** The day the check runs, for checks such as a date of service in the future. */
  today: IsoDate
  payerProfiles: readonly PayerProfile[]
  ncci?: NcciTables
  /** Loaded ICD-10-CM releases (order files); the one in force on the date of service checks each diagnosis. */
  codeSets?: readonly Icd10CodeSet[]
  /** The practice's NDCs per J-code, with dates: the default NDC of a drug line. */
  ndcList?: readonly NdcListEntry[]
  /** Loaded Medicare billing articles and the practice's picks; without them the inferred groups (DX-SUPPORT) stay. */
  coverage?: CoverageContext
}

export interface EvaluationResult {
  lines: ClaimLine[]
  findings: Finding[]
  counters: FrequencyCounter[]
  /** The payer profile the encounter was evaluated under. */
  payerProfileId: string
}
