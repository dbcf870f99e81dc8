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
