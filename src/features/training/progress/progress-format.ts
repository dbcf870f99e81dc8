import { rulesById } from '../../../domain/index.ts'
import { familyLabels, type Family } from '../../../domain/vocabulary.ts'


/** A 0..100 figure as a whole percent; null (nothing to average) as a dash. */
export const percentText = (value: number | null): string => (value === null ? '—' : `${Math.round(value)}%`)

/** A 0..1 accuracy as a whole percent. */
export const accuracyText = (accuracy: number | null): string => percentText(accuracy === null ? null : accuracy * 100)

export const countText = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/** The rule module's title of a rule; a rule it no longer has (or a practice case's own) by its id only. */
export const ruleTitle = (ruleId: string): string | null => rulesById.get(ruleId)?.title ?? null

export const familyLabel = (family: Family): string => familyLabels[family] ?? family
