import type { Category } from '../../../domain/index.ts'
import type { DenialCategory } from '../../../domain/remittance/index.ts'

/** Plain words for the engine's finding categories. */
export const FINDING_CATEGORY_LABELS: Record<Category, string> = {
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

/** Plain words for the payer's denial categories (from the CARC/RARC codes). */
export const DENIAL_CATEGORY_LABELS: Record<DenialCategory, string> = {
  modifier: 'Modifier',
  documentation: 'Documentation',
  frequency: 'Frequency',
  'prior-authorization': 'Prior authorization',
  coverage: 'Coverage',
  coding: 'Coding',
  other: 'Other',
}

export const NO_RULE_LABEL = 'No rule flagged it'
export const UNMATCHED_LABEL = 'Not matched to an encounter'
export const UNKNOWN_PROVIDER_LABEL = 'Provider not recorded'
export const UNKNOWN_CODER_LABEL = 'Coder not recorded'
export const UNKNOWN_PAYER_LABEL = 'Payer not named'

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })
const integer = new Intl.NumberFormat('en-US')

/** "$1,234.50" of 123450 cents. */
export function formatCents(cents: number): string {
  return usd.format(cents / 100)
}

/** "1 flag", "1,204 flags". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${integer.format(count)} ${count === 1 ? one : many}`
}
