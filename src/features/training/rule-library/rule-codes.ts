import { codeCatalog } from '../../../domain/index.ts'

/**
 * CPT (five digits), Category III (four digits and a letter, e.g. 0213T) and HCPCS Level II
 * (a letter and four digits, e.g. J3301) codes. ICD-10-CM codes in rule text carry their decimal
 * point (M47.816), so they do not match.
 */
const CODE = String.raw`(?:\d{5}|\d{4}[A-Z]|[A-Z]\d{4})`
const CODE_OR_RANGE = new RegExp(String.raw`\b(${CODE})(?:\s*[-–]\s*(${CODE}))?\b`, 'g')

/**
 * The codes a rule's title or explanation names. A written range ("64490-64495") stands for the
 * catalog codes inside it, so deleted or unassigned numbers inside a range are never invented.
 */
export function codesNamedIn(text: string, catalog: Iterable<string> = codeCatalog.keys()): string[] {
  const known = [...catalog]
  const found: string[] = []
  for (const match of text.matchAll(CODE_OR_RANGE)) {
    const [, from = '', to] = match
    found.push(from)
    if (to === undefined) continue
    if (sameShape(from, to) && from < to) found.push(...known.filter((c) => sameShape(c, from) && c > from && c < to).sort())
    found.push(to)
  }
  return [...new Set(found)]
}

function sameShape(a: string, b: string): boolean {
  return a.length === b.length && a.replace(/\d/g, '9') === b.replace(/\d/g, '9')
}

/** Codes in claim order: CPT and Category III by number, then HCPCS Level II by letter and number. */
export function sortCodes(codes: Iterable<string>): string[] {
  const rank = (c: string) => (/^\d/.test(c) ? 0 : 1)
  return [...new Set(codes)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}
