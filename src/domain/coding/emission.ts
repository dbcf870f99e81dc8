import type { LineDraft } from './coded.ts'

/**
 * A block of claim lines that belongs together (a procedure group, a drug). Blocks are
 * placed in claim order, then `attach` hands each block the final indexes of its lines
 * so the coded facts can point at them.
 */
export interface Emission {
  order: number
  drafts: LineDraft[]
  attach: (lineIndexes: number[]) => void
}

/** Places blocks in claim order and returns the lines with their indexes settled. */
export function placeEmissions(emissions: Emission[]): LineDraft[] {
  const lines: LineDraft[] = []
  const sorted = emissions.map((e, i) => ({ e, i })).sort((a, b) => a.e.order - b.e.order || a.i - b.i)
  for (const { e } of sorted) {
    const indexes = e.drafts.map((d) => lines.push(d) - 1)
    e.attach(indexes)
  }
  return lines
}

/** Claim-order keys: procedures by index, then drugs, then other lines. */
export const DRUG_ORDER_BASE = 1_000
export const OTHER_ORDER_BASE = 2_000
