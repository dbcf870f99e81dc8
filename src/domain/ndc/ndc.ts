/**
 * National Drug Codes on claim lines. The FDA writes a 10-digit NDC in one of three segment
 * layouts (labeler-product-package): 4-4-2, 5-3-2 or 5-4-1. Claims carry the 11-digit 5-4-2 form,
 * made by a leading zero in the short segment: 1234-5678-90 → 01234-5678-90,
 * 12345-678-90 → 12345-0678-90, 12345-6789-0 → 12345-6789-00.
 */

export const NDC_UNITS = ['UN', 'ML', 'GR', 'F2', 'ME'] as const
export type NdcUnit = (typeof NDC_UNITS)[number]

export const ndcUnitLabels: Readonly<Record<NdcUnit, string>> = {
  UN: 'UN: unit (vials, tablets)',
  ML: 'ML: milliliter',
  GR: 'GR: gram',
  F2: 'F2: international unit',
  ME: 'ME: milligram',
}

export type NdcLayout = '4-4-2' | '5-3-2' | '5-4-1' | '5-4-2'

export type NdcReading =
  | { ok: true; ndc11: string; layout: NdcLayout }
  | { ok: false; message: string }

const PAD: Readonly<Record<Exclude<NdcLayout, '5-4-2'>, (a: string, b: string, c: string) => string>> = {
  '4-4-2': (a, b, c) => `0${a}${b}${c}`,
  '5-3-2': (a, b, c) => `${a}0${b}${c}`,
  '5-4-1': (a, b, c) => `${a}${b}0${c}`,
}

/**
 * Reads an NDC as written on a package or in a list: the 11-digit form with or without hyphens,
 * or a 10-digit one with its hyphens (without them the layout, and so where the zero goes, is
 * unknown). Returns the 11-digit form, digits only.
 */
export function readNdc(raw: string): NdcReading {
  const text = raw.trim().replace(/\s+/g, '')
  if (text === '') return { ok: false, message: 'The NDC is empty.' }
  if (/^[0-9]{11}$/.test(text)) return { ok: true, ndc11: text, layout: '5-4-2' }
  if (/^[0-9]{10}$/.test(text)) {
    return { ok: false, message: `${text} has 10 digits and no hyphens: write it as on the package (4-4-2, 5-3-2 or 5-4-1) so the zero goes in the right place.` }
  }
  const parts = /^([0-9]+)-([0-9]+)-([0-9]+)$/.exec(text)
  if (!parts) return { ok: false, message: `${raw.trim()} is not an NDC: 10 or 11 digits in three hyphenated parts, as 12345-6789-01.` }
  const [, a = '', b = '', c = ''] = parts
  const layout = `${a.length}-${b.length}-${c.length}`
  if (layout === '5-4-2') return { ok: true, ndc11: `${a}${b}${c}`, layout }
  if (layout === '4-4-2' || layout === '5-3-2' || layout === '5-4-1') return { ok: true, ndc11: PAD[layout](a, b, c), layout }
  return { ok: false, message: `${raw.trim()} has parts of ${layout} digits: an NDC is 4-4-2, 5-3-2, 5-4-1 or 5-4-2.` }
}

/** 12345678901 → 12345-6789-01. */
export function formatNdc11(ndc11: string): string {
  return `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`
}

/** An NDC quantity as claims take it: more than 0, at most 3 decimals, under 10 million. */
export function checkNdcQuantity(quantity: number): string | null {
  if (!Number.isFinite(quantity) || quantity <= 0) return 'The NDC quantity must be more than 0.'
  if (quantity >= 10_000_000) return 'The NDC quantity is too large.'
  if (Math.abs(quantity * 1000 - Math.round(quantity * 1000)) > 1e-6) return 'The NDC quantity takes at most 3 decimals.'
  return null
}

/** One NDC the practice keeps for a J-code, with the dates it is used on. */
export interface NdcListEntry {
  hcpcs: string
  ndc11: string
  /** The drug and package, in the practice's words (shown when picking). */
  description: string
  unit: NdcUnit
  effectiveFrom: string | null
  effectiveTo: string | null
}

/**
 * The order a practice's NDC list is kept in: by code, then the entry used from the latest date
 * first (no start date last), then by NDC. Where two entries of a code are in force on one date,
 * defaultNdc (the first in force) then takes the newer one.
 */
export function compareNdcListEntries(a: NdcListEntry, b: NdcListEntry): number {
  if (a.hcpcs !== b.hcpcs) return a.hcpcs < b.hcpcs ? -1 : 1
  const from = (e: NdcListEntry) => e.effectiveFrom ?? ''
  if (from(a) !== from(b)) return from(a) > from(b) ? -1 : 1
  return a.ndc11 < b.ndc11 ? -1 : a.ndc11 > b.ndc11 ? 1 : 0
}

/** The practice's default NDC for a code on a date of service: the first entry in force. */
export function defaultNdc(list: readonly NdcListEntry[], hcpcs: string, dateOfService: string): NdcListEntry | null {
  return list.find((e) => e.hcpcs === hcpcs && (e.effectiveFrom ?? '0000-01-01') <= dateOfService && (e.effectiveTo === null || e.effectiveTo >= dateOfService)) ?? null
}

const BOX19_MAX = 80

/**
 * The unclassified-drug narrative (CMS-1500 box 19, loop 2400 NTE): drug name, dose and NDC, in
 * at most 80 characters. The name is shortened first, so the dose and NDC always fit.
 */
export function unclassifiedDrugNarrative(name: string, dose: string, ndc11: string | null): string {
  const tail = `${dose}${ndc11 ? `, NDC ${formatNdc11(ndc11)}` : ''}`
  const drug = name.trim().replace(/\s+/g, ' ') || 'DRUG NAME MISSING'
  const room = BOX19_MAX - tail.length - 2
  const shown = drug.length <= room ? drug : `${drug.slice(0, Math.max(1, room - 1)).trimEnd()}…`
  return `${shown}, ${tail}`.slice(0, BOX19_MAX)
}
