/**
 * Medicare billing articles (the Medicare Coverage Database's article download) reduced to what
 * a claim line needs: which procedure codes an article covers, and its covered ICD-10-CM codes by
 * group with each group's paragraph. Codes are kept without the dot ("M5416").
 */

export interface CoverageGroup {
  /** The article's group number ("Group 1"). */
  group: number
  /** The group's paragraph as plain text (the download holds HTML). */
  paragraph: string
  codes: string[]
}

export interface CoverageArticle {
  /** As the MCD shows it: "A58993". */
  articleId: string
  version: number
  title: string | null
  /** The HCPCS/CPT codes the article lists (codes only: descriptors are not kept). */
  hcpcsCodes: string[]
  groups: CoverageGroup[]
}

/**
 * What a group's paragraph says in prose and the practice sets by hand. By default a group
 * stands alone: one of its codes supports every code of the article.
 */
export interface CoverageGroupSetting {
  /** A code of this group supports a line only with a second diagnosis from that group. */
  requiresGroup: number | null
  /** The group's codes count only as that second diagnosis, never alone. */
  secondaryOnly: boolean
  /** The procedure codes the group applies to; null: every code of the article. */
  appliesTo: string[] | null
}

/** Per article, per group number. A group with no entry stands alone. */
export type CoverageSettings = Readonly<Record<string, Readonly<Record<number, CoverageGroupSetting>>>>

export const STAND_ALONE: CoverageGroupSetting = Object.freeze({ requiresGroup: null, secondaryOnly: false, appliesTo: null })

/** The families a practice picks articles for: facet injections and RFA share their articles. */
export const COVERAGE_FAMILIES = ['facet', 'epidural', 'trigger-point'] as const
export type CoverageFamily = (typeof COVERAGE_FAMILIES)[number]

/** What the rule module reads of the loaded articles: the articles, the practice's picks and group settings. */
export interface CoverageContext {
  articles: readonly CoverageArticle[]
  /** Article ids the practice follows, per family (its MAC's articles). */
  choices: Readonly<Partial<Record<CoverageFamily, readonly string[]>>>
  settings: CoverageSettings
}
