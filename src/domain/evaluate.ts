import { codeEncounter } from './coding/code-encounter.ts'
import { bilateralFormatOf, bilateralSettingOf } from './coding/modifiers.ts'
import { DEFAULT_PAYER_PROFILE_ID, medicareProfile } from './data/payer-profiles.ts'
import { citeSources } from './data/sources.ts'
import { isWithin } from './dates.ts'
import { selectRelease } from './icd10/fiscal-year.ts'
import { computeCounters } from './frequency.ts'
import { deriveSessions } from './history.ts'
import type { PayerProfile } from './payer-profile.ts'
import { normalizeDiagnosis } from './rules/diagnosis.ts'
import { pointLines } from './rules/pointers.ts'
import { checkRules } from './rules/registry.ts'
import type { CheckRule, Facts } from './rules/rule.ts'
import type { EvaluationInput } from './schema.ts'
import type { EvaluationContext, EvaluationResult, Finding, Severity } from './types.ts'

function sourceOf(rule: CheckRule, profile: PayerProfile): string {
  if (rule.sources === 'payer-profile') return `Payer profile "${profile.name}"`
  if (rule.sources === 'ncci-table') return 'CMS NCCI practitioner MUE/PTP tables (loaded quarter)'
  return citeSources(rule.sources)
}

function resolveProfile(id: string, profiles: readonly PayerProfile[]): { profile: PayerProfile; found: boolean } {
  const found = profiles.find((p) => p.id === id)
  if (found) return { profile: found, found: true }
  return { profile: profiles.find((p) => p.id === DEFAULT_PAYER_PROFILE_ID) ?? medicareProfile, found: false }
}

/**
 * Codes one encounter and checks it: the claim lines in claim order, every finding with
 * its rule, message, fix, source and trace, and the frequency counters that apply. Pure:
 * "today", payer profiles and reference tables come in through the context.
 */
export function evaluate(input: EvaluationInput, context: EvaluationContext): EvaluationResult {
  const encounter = input.encounter
  const dos = encounter.dateOfService
  const { profile, found } = resolveProfile(encounter.payerProfile, context.payerProfiles)
  const setting = bilateralSettingOf(encounter.claimType, encounter.placeOfService)
  const coding = codeEncounter(encounter, profile, context.ndcList)
  const sessions = deriveSessions(input.history, { dateOfService: dos, providerId: encounter.providerId, lines: coding.lines })
  const counters = computeCounters(sessions, profile, dos)
  const facts: Facts = {
    encounter, history: input.history, dos, today: context.today, profile, profileFound: found,
    bilateralSetting: setting, bilateralFormat: bilateralFormatOf(profile, setting),
    coding, sessions, counters, ncci: context.ncci ?? {},
    codeSet: selectRelease(context.codeSets ?? [], dos), codeSetsLoaded: context.codeSets?.length ?? 0,
    coverage: context.coverage ?? null,
    diagnoses: encounter.diagnoses.map(normalizeDiagnosis),
  }
  // Pointers read the coverage lists through the facts; the checks then see the pointed lines.
  facts.coding = { ...coding, lines: pointLines(facts) }

  // Findings come out by severity, and within a severity in rule order.
  const bySeverity: Record<Severity, Finding[]> = { error: [], warning: [], info: [] }
  for (const rule of checkRules) {
    if (!isWithin(dos, rule.effectiveFrom ?? '0000-01-01', rule.effectiveTo)) continue
    for (const hit of rule.check(facts)) {
      const finding: Finding = {
        ruleId: rule.id, severity: rule.severity, category: rule.category,
        message: hit.message, fix: hit.fix, source: hit.source ?? sourceOf(rule, profile),
        effectiveFrom: rule.effectiveFrom, effectiveTo: rule.effectiveTo, trace: hit.trace,
      }
      if (hit.procedureIndex !== undefined) finding.procedureIndex = hit.procedureIndex
      if (hit.lineIndexes) finding.lineIndexes = hit.lineIndexes
      if (hit.interpretation) finding.interpretation = hit.interpretation
      bySeverity[rule.severity].push(finding)
    }
  }
  const findings = bySeverity.error.concat(bySeverity.warning, bySeverity.info)
  return { lines: facts.coding.lines, findings, counters, payerProfileId: profile.id }
}
