import { checkLineCoverage } from '../coverage/check-coverage.ts'
import type { CoverageArticle } from '../coverage/types.ts'
import { articlesFor, coverageLoadedFor } from './coverage-lists.ts'
import { formatIcd10 } from '../icd10/code-index.ts'
import { familyLabels, type Family } from '../vocabulary.ts'
import { isIcd10CmFormat } from './diagnosis.ts'
import { checkRule, type Facts, type RuleDefinition, type RuleHit } from './rule.ts'

function familiesBilled(facts: Facts): Family[] {
  return [...new Set(facts.coding.lines.flatMap((l) => {
    const p = l.procedureIndex === null ? undefined : facts.encounter.procedures[l.procedureIndex]
    return p ? [p.type] : []
  }))]
}

const releaseName = (facts: Facts) => facts.codeSet ? `the FY${facts.codeSet.fiscalYear} ICD-10-CM code set${facts.codeSet.id.endsWith('april') ? ' (April update)' : ''}` : ''

function codeSetHits(facts: Facts, want: 'unknown' | 'header'): RuleHit[] {
  const set = facts.codeSet
  if (!set) return []
  return facts.diagnoses.flatMap((dx): RuleHit[] => {
    if (!isIcd10CmFormat(dx)) return []
    const status = set.index.status(dx)
    if (status.status !== want) return []
    if (status.status === 'header') {
      const children = status.children.slice(0, 6).map((c) => `${formatIcd10(c.code)} ${c.short}`)
      return [{
        message: `${dx} (${status.code.long}) is a heading in ${releaseName(facts)}, not a billable code: it needs more characters.`,
        fix: children.length > 0 ? `Pick the code the note supports: ${children.join('; ')}${status.children.length > 6 ? '; …' : ''}.` : 'Pick a billable code under this heading.',
        trace: [{ fact: 'diagnosis', value: dx }, { fact: 'code set', value: set.id }, { fact: 'billable', value: 'no (header)' }],
      }]
    }
    return [{
      message: `${dx} is not a code of ${releaseName(facts)}, in force on ${facts.dos}: the claim will reject.`,
      fix: 'Check the code against the chart and pick it from the list; codes are added and deleted every October 1 (and some April 1).',
      trace: [{ fact: 'diagnosis', value: dx }, { fact: 'code set', value: set.id }, { fact: 'date of service', value: facts.dos }],
    }]
  })
}

function coverageHits(facts: Facts): RuleHit[] {
  if (facts.profile.kind !== 'medicare' || facts.diagnoses.length === 0) return []
  const settings = facts.coverage?.settings ?? {}
  const hits: RuleHit[] = []
  const seen = new Set<string>()
  facts.coding.lines.forEach((line, i) => {
    const p = line.procedureIndex === null ? undefined : facts.encounter.procedures[line.procedureIndex]
    if (!p) return
    for (const article of articlesFor(facts, p.type)) {
      const result = checkLineCoverage(article, settings, line.code, facts.diagnoses)
      if (!result.applies || result.supported) continue
      const key = `${article.articleId}|${line.code}`
      if (seen.has(key)) continue
      seen.add(key)
      const needs = result.needsGroup
      hits.push({
        message: needs === null
          ? `None of the diagnoses (${facts.diagnoses.join(', ')}) is on article ${article.articleId}'s covered list for ${line.code}: the line will deny as not medically necessary.`
          : `${result.listed.map(formatIcd10).join(', ')} supports ${line.code} under article ${article.articleId} only with a second diagnosis from group ${needs}, and the claim has none.`,
        fix: needs === null
          ? `Check the chart for a diagnosis on the article's list for ${line.code} (${familyLabels[p.type].toLowerCase()}); if none applies, the service is not covered: get an ABN (GA) before the service.`
          : `Add the second diagnosis the note supports from group ${needs} of article ${article.articleId}.`,
        trace: [{ fact: 'code', value: line.code }, { fact: 'article', value: `${article.articleId} v${article.version}` }, { fact: 'diagnoses', value: facts.diagnoses.join(', ') }, ...(needs === null ? [] : [{ fact: 'needs group', value: needs }])],
        source: `Medicare billing article ${article.articleId} version ${article.version}${article.title ? ` (${article.title})` : ''}, ${needs === null
          ? `covered groups ${article.groups.map((g) => g.group).join(', ')}`
          : `group ${groupOf(article, result.listed[0] ?? '')} with group ${needs}`}, as loaded`,
        lineIndexes: [i],
      })
    }
  })
  return hits
}

function groupOf(article: CoverageArticle, code: string): number | string {
  return article.groups.find((g) => g.codes.includes(code))?.group ?? '?'
}

export const coverageRules: readonly RuleDefinition[] = [
  checkRule({
    id: 'DX-CODE-SET', title: 'Diagnosis not in the code set for the date of service', scope: 'claim',
    severity: 'error', category: 'diagnosis', sources: ['ICD10-CODE-SET'],
    check: (facts) => codeSetHits(facts, 'unknown'),
  }),
  checkRule({
    id: 'DX-HEADER', title: 'Diagnosis heading that needs more characters', scope: 'claim',
    severity: 'error', category: 'diagnosis', sources: ['ICD10-CODE-SET'],
    check: (facts) => codeSetHits(facts, 'header'),
  }),
  checkRule({
    id: 'DX-COVERAGE', title: "Diagnoses not on the billing article's list for the code", scope: 'claim',
    severity: 'error', category: 'diagnosis', sources: ['MCD-ARTICLE'],
    check: coverageHits,
  }),
  checkRule({
    id: 'DX-LISTS-NOT-LOADED', title: 'Diagnosis lists not loaded', scope: 'claim',
    severity: 'info', category: 'diagnosis', sources: ['ICD10-CODE-SET', 'MCD-ARTICLE'],
    check: (facts) => {
      const families = familiesBilled(facts)
      if (families.length === 0) return []
      const missing: string[] = []
      if (!facts.codeSet) {
        missing.push(facts.codeSetsLoaded === 0 ? 'no ICD-10-CM code set is loaded, so diagnoses were checked for their format only'
          : `no loaded ICD-10-CM code set covers ${facts.dos}, so diagnoses were checked for their format only`)
      }
      const uncovered = families.filter((f) => !coverageLoadedFor(facts, f))
      if (uncovered.length > 0) {
        missing.push(`the coverage lists (Medicare billing articles) were not loaded for ${uncovered.map((f) => familyLabels[f].toLowerCase()).join(' and ')}, so diagnoses were compared with inferred groups only`)
      }
      if (missing.length === 0) return []
      const text = missing.join('; and ')
      return [{
        message: `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}.`,
        fix: 'Load the ICD-10-CM order file for the fiscal year and your MAC\'s billing articles (MCD download) in settings, and pick the articles for each family.',
        trace: [{ fact: 'code set for the date', value: facts.codeSet?.id ?? 'none' }, { fact: 'families without articles', value: uncovered.join(', ') || 'none' }],
      }]
    },
  }),
]
