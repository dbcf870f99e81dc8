import type { PayerProfile, BilateralFormat } from '../payer-profile.ts'
import type { ClaimType, PlaceOfService, Side } from '../vocabulary.ts'

/**
 * Modifier order on a claim line: pricing modifiers first (50), then anatomic (RT/LT),
 * then NCCI-bypass, then informational (KX, GA...). Unknown ones keep their order last.
 */
const modifierRank: ReadonlyMap<string, number> = new Map([
  ['50', 0], ['22', 0], ['26', 0], ['TC', 0], ['52', 0], ['53', 0],
  ['RT', 1], ['LT', 1],
  ['25', 2], ['59', 2], ['XE', 2], ['XS', 2], ['XP', 2], ['XU', 2],
  ['KX', 3], ['GA', 3], ['GZ', 3], ['GY', 3], ['JW', 3], ['JZ', 3],
])

/** Puts modifiers in billing order and drops duplicates. */
export function orderModifiers(modifiers: readonly string[]): string[] {
  if (modifiers.length < 2) return [...modifiers]
  const unique = [...new Set(modifiers)]
  return unique
    .map((m, i) => ({ m, i, r: modifierRank.get(m) ?? 4 }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.m)
}

export type BilateralSetting = 'professional' | 'hospitalOutpatientFacility' | 'ascFacility'

/** Which of the profile's bilateral conventions applies to this claim. */
export function bilateralSettingOf(claimType: ClaimType, placeOfService: PlaceOfService): BilateralSetting {
  if (claimType === 'professional') return 'professional'
  return placeOfService === '24' ? 'ascFacility' : 'hospitalOutpatientFacility'
}

export function bilateralFormatOf(profile: PayerProfile, setting: BilateralSetting): BilateralFormat {
  return profile.bilateral[setting].format
}

export interface SideLine {
  modifiers: string[]
  units: number
}

/**
 * The line(s) one level or joint becomes for its side: RT or LT when unilateral,
 * the payer's bilateral format when bilateral, no side modifier when undocumented
 * (a rule reports that the line will reject).
 */
export function linesForSide(side: Side | null, format: BilateralFormat, extra: readonly string[]): SideLine[] {
  switch (side) {
    case 'left':
      return [{ modifiers: orderModifiers(['LT', ...extra]), units: 1 }]
    case 'right':
      return [{ modifiers: orderModifiers(['RT', ...extra]), units: 1 }]
    case null:
      return [{ modifiers: orderModifiers(extra), units: 1 }]
    case 'bilateral':
      if (format === 'modifier-50') return [{ modifiers: orderModifiers(['50', ...extra]), units: 1 }]
      if (format === 'one-line-two-units') return [{ modifiers: orderModifiers(['RT', 'LT', ...extra]), units: 2 }]
      return [
        { modifiers: orderModifiers(['RT', ...extra]), units: 1 },
        { modifiers: orderModifiers(['LT', ...extra]), units: 1 },
      ]
  }
}

/**
 * Combines the sides of entries that share one line: left and right make bilateral.
 * An undocumented side anywhere leaves the line undocumented, whatever the entry order.
 */
export function combineSides(sides: readonly (Side | null)[]): Side | null {
  if (sides.includes(null)) return null
  if (sides.includes('bilateral')) return 'bilateral'
  const left = sides.includes('left')
  const right = sides.includes('right')
  if (left && right) return 'bilateral'
  return left ? 'left' : right ? 'right' : null
}
