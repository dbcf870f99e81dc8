import { CATEGORIES, PROCEDURE_TYPES, familyLabels, type Category, type RuleDefinition, type Severity } from '../../../domain/index.ts'

/** Plain words for the rule library. Features do not share UI text, so these are the library's own. */

export type RuleScope = RuleDefinition['scope']
export type RuleKind = RuleDefinition['kind']

/** Procedure families first (in the order the worksheet adds them), then drugs, then the whole claim. */
export const SCOPE_ORDER: readonly RuleScope[] = [...PROCEDURE_TYPES, 'drug', 'claim']

export const scopeLabels: Readonly<Record<RuleScope, string>> = { ...familyLabels, drug: 'Drugs', claim: 'Whole claim' }

export const CATEGORY_ORDER: readonly Category[] = CATEGORIES

export const severityLabels: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Info' }

/** What a finding of each severity means for the claim. */
export const severityMeanings: Readonly<Record<Severity, string>> = {
  error: 'The claim will reject or deny as it is: fix it before it goes out.',
  warning: 'A denial or audit risk: check the note and the payer before sending.',
  info: 'For your information: no change is required, but read it before the claim goes out.',
}

export const kindLabels: Readonly<Record<RuleKind, string>> = { coding: 'Coding rule', check: 'Check' }

export const kindMeanings: Readonly<Record<RuleKind, string>> = {
  coding: 'decides the claim lines (code, modifiers, units); a line names it under "why". It reports no finding, so its severity is nominal.',
  check: 'reads the encounter and its lines and reports a finding with a fix when something is wrong or at risk.',
}
