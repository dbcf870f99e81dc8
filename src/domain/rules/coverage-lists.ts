import type { CoverageArticle, CoverageFamily } from '../coverage/types.ts'
import type { Family } from '../vocabulary.ts'
import type { Facts } from './rule.ts'

const COVERAGE_FAMILY: Readonly<Record<Family, CoverageFamily>> = {
  'trigger-point': 'trigger-point', 'facet-injection': 'facet', 'facet-rfa': 'facet', epidural: 'epidural',
}

/** The articles the practice follows for a family, as loaded. */
export function articlesFor(facts: Facts, family: Family): CoverageArticle[] {
  const coverage = facts.coverage
  if (!coverage) return []
  const ids = new Set(coverage.choices[COVERAGE_FAMILY[family]] ?? [])
  return coverage.articles.filter((a) => ids.has(a.articleId))
}

/** Whether diagnoses are checked against loaded article lists for this family (the inferred groups step aside then). */
export function coverageLoadedFor(facts: Facts, family: Family): boolean {
  return articlesFor(facts, family).length > 0
}
