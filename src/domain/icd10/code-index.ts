import type { Icd10Code, Icd10Status } from './types.ts'

/** "M54.16" or "m5416 " → "M5416": how codes are compared. */
export function normalizeIcd10(code: string): string {
  return code.trim().toUpperCase().replace('.', '')
}

/** "M5416" → "M54.16": the dot after the third character, as claims and people write it. */
export function formatIcd10(code: string): string {
  const bare = normalizeIcd10(code)
  return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare
}

/** Something that looks like the start of a code: a letter, a digit, then letters, digits, a dot. */
const CODE_QUERY = /^[A-Z][0-9][0-9A-Z]?\.?[0-9A-Z]{0,4}$/

export interface Icd10Match {
  code: Icd10Code
  /** The code with its dot, for display. */
  display: string
}

/**
 * A release's codes, indexed for the diagnosis field: look a code up, list a header's billable
 * codes, and search by code or by words. Built once per release (about 75,000 codes).
 */
export interface Icd10Index {
  readonly size: number
  get(code: string): Icd10Code | undefined
  status(code: string): Icd10Status
  /** The billable codes under a header, in code order. */
  childrenOf(code: string, limit?: number): Icd10Code[]
  /**
   * Codes for what was typed: a code prefix (with or without the dot) gives the codes starting
   * with it; words give the codes whose description has a word starting with each of them.
   * Billable codes first, then in code order.
   */
  search(query: string, limit?: number): Icd10Match[]
}

export function buildIcd10Index(codes: readonly Icd10Code[]): Icd10Index {
  const byCode = new Map<string, Icd10Code>()
  for (const c of codes) byCode.set(c.code, c)
  const sorted = [...codes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  const sortedCodes = sorted.map((c) => c.code)
  // One lower-cased text per code, each word preceded by a space, so "starts a word" is one indexOf.
  const haystacks = sorted.map((c) => ` ${`${c.long} ${c.short}`.toLowerCase().replace(/[^a-z0-9]+/g, ' ')}`)

  const firstAtOrAfter = (prefix: string): number => {
    let lo = 0
    let hi = sortedCodes.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((sortedCodes[mid] ?? '') < prefix) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const withPrefix = (prefix: string, keep: (c: Icd10Code) => boolean, limit: number): Icd10Code[] => {
    const out: Icd10Code[] = []
    for (let i = firstAtOrAfter(prefix); i < sorted.length && out.length < limit; i++) {
      const c = sorted[i]
      if (!c || !c.code.startsWith(prefix)) break
      if (keep(c)) out.push(c)
    }
    return out
  }
  const billableFirst = (list: Icd10Code[], limit: number): Icd10Match[] =>
    [...list.filter((c) => c.billable), ...list.filter((c) => !c.billable)].slice(0, limit).map((c) => ({ code: c, display: formatIcd10(c.code) }))

  return {
    size: byCode.size,
    get: (code) => byCode.get(normalizeIcd10(code)),
    status(code) {
      const found = byCode.get(normalizeIcd10(code))
      if (!found) return { status: 'unknown' }
      if (found.billable) return { status: 'billable', code: found }
      return { status: 'header', code: found, children: withPrefix(found.code, (c) => c.billable && c.code !== found.code, 200) }
    },
    childrenOf: (code, limit = 200) => {
      const bare = normalizeIcd10(code)
      return withPrefix(bare, (c) => c.billable && c.code !== bare, limit)
    },
    search(query, limit = 20) {
      const upper = query.trim().toUpperCase()
      if (upper === '') return []
      if (CODE_QUERY.test(upper)) {
        const prefix = upper.replace('.', '')
        const exact = byCode.get(prefix)
        const rest = withPrefix(prefix, (c) => c.code !== prefix, limit * 4)
        const ranked = billableFirst(rest, limit)
        return exact ? [{ code: exact, display: formatIcd10(exact.code) }, ...ranked].slice(0, limit) : ranked
      }
      const words = query.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '')
      if (words.length === 0) return []
      const needles = words.map((w) => ` ${w}`)
      const billable: Icd10Code[] = []
      const headers: Icd10Code[] = []
      for (let i = 0; i < sorted.length && billable.length < limit; i++) {
        const hay = haystacks[i] ?? ''
        if (!needles.every((n) => hay.includes(n))) continue
        const c = sorted[i]
        if (!c) continue
        if (c.billable) billable.push(c)
        else if (headers.length < limit) headers.push(c)
      }
      return [...billable, ...headers].slice(0, limit).map((c) => ({ code: c, display: formatIcd10(c.code) }))
    },
  }
}
