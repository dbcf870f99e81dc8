import { carcByCode } from './data/carc.ts'
import { rarcByCode } from './data/rarc.ts'
import type { AdjustmentGroup, DenialCategory } from './types.ts'

/** What one adjustment means for the denial charts. */
export interface AdjustmentCategory {
  category: DenialCategory
  denial: boolean
  /** e.g. "CO-16: Claim or service lacks information ...; M51: Missing, incomplete or invalid procedure code(s)". */
  reason: string
  carc: string
  rarcs: string[]
  /** The remark code that set the category, when one did. */
  refinedBy?: string
  /** False when the CARC is not in our table. */
  known: boolean
}

/**
 * Which adjustments count as denials, in words the UI can show. Our rule, not X12's: the
 * group code says who bears the amount, the CARC says why.
 */
export const DENIAL_RULE =
  'An adjustment counts as a denial when its group is CO (contractual obligation), OA (other) or PI (payer initiated) ' +
  'and its reason is not a contractual reduction (CARC 45, 253) or a patient share (CARC 1, 2, 3). A reason code not ' +
  'in our table counts as a denial in "other", so nothing the payer refused goes unseen. PR (patient responsibility) ' +
  'and CR (corrections and reversals) adjustments are never denials. A line is denied in full when its payment is 0, ' +
  'in part when it was paid but carries a denial adjustment.'

const DENIAL_GROUPS: ReadonlySet<AdjustmentGroup> = new Set(['CO', 'OA', 'PI'])

/**
 * Categorises one CAS adjustment (group code and CARC) with the line's remark codes (RARC),
 * and says whether it is a denial under DENIAL_RULE.
 */
export function categorizeAdjustment(group: AdjustmentGroup, carc: string, rarcs: readonly string[] = []): AdjustmentCategory {
  const entry = carcByCode.get(carc)
  const remarks = rarcs.map((code) => ({ code, entry: rarcByCode.get(code) }))
  const parts = [`${group}-${carc}: ${entry?.shortDescription ?? 'reason code not in our table'}`]
  for (const r of remarks) if (r.entry) parts.push(`${r.code}: ${r.entry.shortDescription}`)
  const result: AdjustmentCategory = {
    category: entry?.category ?? 'other',
    denial: DENIAL_GROUPS.has(group) && (entry === undefined || entry.kind === 'denial'),
    reason: parts.join('; '),
    carc,
    rarcs: [...rarcs],
    known: entry !== undefined,
  }
  if (entry?.refinedByRemarks) {
    const refining = remarks.find((r) => r.entry?.category)
    if (refining?.entry?.category) {
      result.category = refining.entry.category
      result.refinedBy = refining.code
    }
  }
  return result
}
