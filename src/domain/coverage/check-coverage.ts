import { STAND_ALONE, type CoverageArticle, type CoverageGroupSetting, type CoverageSettings } from './types.ts'

/** How one procedure code stands against one article and the claim's diagnoses. */
export type LineCoverage =
  /** The article does not list the code: it says nothing of this line. */
  | { applies: false }
  /** A diagnosis of `group` supports the code (with `secondGroup`'s when the group needs one). */
  | { applies: true; supported: true; group: number; secondGroup: number | null; diagnoses: string[] }
  /**
   * No diagnosis supports it: none is on the article's lists for this code (`needsGroup` null), or
   * the listed ones need a second diagnosis from `needsGroup` that the claim lacks.
   */
  | { applies: true; supported: false; needsGroup: number | null; listed: string[] }

const bare = (code: string) => code.trim().toUpperCase().replace('.', '')

/** A group's setting in the practice's settings, stand-alone when it has none. */
export function groupSetting(settings: CoverageSettings, articleId: string, group: number): CoverageGroupSetting {
  return settings[articleId]?.[group] ?? STAND_ALONE
}

/**
 * Checks a procedure code against an article: supported when a diagnosis of the claim is in a
 * group that applies to the code and, where the practice set that the group needs a second
 * diagnosis from another group, the claim has one from that group too.
 */
export function checkLineCoverage(article: CoverageArticle, settings: CoverageSettings, hcpcsCode: string, diagnoses: readonly string[]): LineCoverage {
  const code = hcpcsCode.trim().toUpperCase()
  if (!article.hcpcsCodes.includes(code)) return { applies: false }
  const claim = diagnoses.map(bare)
  const inGroup = new Map(article.groups.map((g) => [g.group, new Set(g.codes)]))
  const listed: string[] = []
  let needsGroup: number | null = null
  for (const g of article.groups) {
    const setting = groupSetting(settings, article.articleId, g.group)
    if (setting.appliesTo !== null && !setting.appliesTo.includes(code)) continue
    const hits = claim.filter((d) => inGroup.get(g.group)?.has(d))
    if (hits.length === 0) continue
    listed.push(...hits)
    if (setting.secondaryOnly) continue
    if (setting.requiresGroup === null) return { applies: true, supported: true, group: g.group, secondGroup: null, diagnoses: hits }
    const second = claim.filter((d) => inGroup.get(setting.requiresGroup ?? -1)?.has(d) && !hits.includes(d))
    if (second.length > 0) return { applies: true, supported: true, group: g.group, secondGroup: setting.requiresGroup, diagnoses: [...hits, ...second] }
    needsGroup ??= setting.requiresGroup
  }
  return { applies: true, supported: false, needsGroup, listed: [...new Set(listed)] }
}
