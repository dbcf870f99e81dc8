import type { CaseLevel } from '../../domain/training/types.ts'

export const levelLabels: Readonly<Record<CaseLevel, string>> = { new: 'New', intermediate: 'Intermediate', advanced: 'Advanced' }

/** What each level asks of the trainee, shown on the case list. */
export const levelMeanings: Readonly<Record<CaseLevel, string>> = {
  new: 'One procedure, one payer, the common rules.',
  intermediate: 'Several procedures or lines, modifiers and payer differences.',
  advanced: 'History across providers, frequency limits, facility claims and the rules that catch experienced coders.',
}
