import type { Confidence } from './sources.ts'

/**
 * How sure we are of a source, in plain words (the rule library screen). A module of its own so
 * that the worksheet, which loads sources.ts, does not carry the screen's words.
 */
export const confidenceLabels: Readonly<Record<Confidence, string>> = {
  'V-primary': 'Checked in a primary source',
  'V-secondary': 'Checked in a secondary source',
  'billing-guide': "The practice's billing guide",
  unverified: 'Unverified',
  'input-check': 'A check of the input itself, no payer fact',
}
