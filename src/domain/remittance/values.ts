import { isIsoDate, type IsoDate } from '../dates.ts'
import type { Cents } from './types.ts'

/**
 * X12 data element values: decimal numbers (type R), dates (CCYYMMDD). Amounts become
 * integer cents by string arithmetic, so 0.1 + 0.2 never shows up on a chart.
 */

const DECIMAL = /^(-)?(\d*)(?:\.(\d*))?$/

export type ValueResult<T> = { ok: true; value: T } | { ok: false; problem: string }

/** "-12.5" → -1250. At most 2 decimal places, as X12 monetary amounts are written. */
export function parseAmount(text: string): ValueResult<Cents> {
  const m = DECIMAL.exec(text)
  const whole = m?.[2] ?? ''
  const fraction = m?.[3] ?? ''
  if (!m || (whole === '' && fraction === '')) return { ok: false, problem: 'is not a number' }
  if (fraction.length > 2) return { ok: false, problem: 'has more than 2 decimal places' }
  if (whole.length > 13) return { ok: false, problem: 'is too large for an amount' }
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'))
  return { ok: true, value: m[1] && cents !== 0 ? -cents : cents }
}

/** A quantity (units), e.g. "1", "2.5". Negative quantities appear on reversals. */
export function parseQuantity(text: string): ValueResult<number> {
  const m = DECIMAL.exec(text)
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return { ok: false, problem: 'is not a number' }
  if ((m[2] ?? '').length > 15) return { ok: false, problem: 'is too large for a quantity' }
  return { ok: true, value: Number(text) }
}

/** CCYYMMDD → YYYY-MM-DD, for a real calendar date only. */
export function parseDate(text: string): ValueResult<IsoDate> {
  if (!/^\d{8}$/.test(text)) return { ok: false, problem: 'is not a date written CCYYMMDD' }
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`
  return isIsoDate(iso) ? { ok: true, value: iso } : { ok: false, problem: 'is not a real calendar date' }
}

/** Writes cents as an 835 amount with two decimals: -1250 → "-12.50". */
export function formatAmount(cents: Cents): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
