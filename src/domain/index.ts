/**
 * The rule module: pure TypeScript under the UI. It codes an encounter (lines,
 * modifiers, units) and reports every denial risk with its fix, source and trace.
 */
export { evaluate } from './evaluate.ts'
export * from './schema.ts'
export * from './types.ts'
export * from './vocabulary.ts'
export { payerProfileSchema, frequencyLimitSchema, BILATERAL_FORMATS, bilateralFormatLabels } from './payer-profile.ts'
export type { PayerProfile, FrequencyLimit, BilateralFormat } from './payer-profile.ts'
export { builtInPayerProfiles, medicareProfile, commercialExampleProfile, DEFAULT_PAYER_PROFILE_ID } from './data/payer-profiles.ts'
export { codeCatalog, lookupCode } from './data/codes.ts'
export type { CodeInfo } from './data/codes.ts'
export { drugCatalog, lookupDrug } from './data/drugs.ts'
export type { DrugInfo } from './data/drugs.ts'
export { documentationChecklist } from './data/documentation.ts'
export type { ChecklistItem } from './data/documentation.ts'
export { sources, citeSources } from './data/sources.ts'
export { allRules, checkRules, rulesById } from './rules/registry.ts'
export type { RuleDefinition } from './rules/rule.ts'
export { createContext } from './context.ts'
export * as ncci from './ncci/index.ts'
export { isIsoDate as isIsoDateText, addDays, addMonths } from './dates.ts'
export type { IsoDate } from './dates.ts'
