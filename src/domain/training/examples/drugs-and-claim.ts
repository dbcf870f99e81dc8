import type { RuleExample, RuleWithoutExamples } from '../types.ts'
import { claimExamples } from './drugs-and-claim-claim.ts'
import { diagnosisAndFrequencyExamples } from './drugs-and-claim-diagnosis-frequency.ts'
import { drugExamples } from './drugs-and-claim-drugs.ts'
import { pointerExamples } from './drugs-and-claim-pointers.ts'

/** The examples of every rule whose scope is 'drug' or 'claim'. */
export const drugAndClaimExamples: readonly RuleExample[] = [...claimExamples, ...drugExamples, ...diagnosisAndFrequencyExamples, ...pointerExamples]

/**
 * The NCCI rules read the quarterly CMS tables loaded in settings. An example carries an
 * encounter and its history only, so it cannot bring a table with it.
 */
export const drugAndClaimWithoutExamples: readonly RuleWithoutExamples[] = [
  {
    ruleId: 'NCCI-MUE',
    reason: 'It compares units with the CMS practitioner MUE table loaded in settings; an example carries only an encounter and its history, not a table, so the outcome would depend on what each practice has loaded.',
  },
  {
    ruleId: 'NCCI-PTP',
    reason: 'It looks code pairs up in the CMS practitioner PTP table loaded in settings; an example carries only an encounter and its history, not a table, so the outcome would depend on what each practice has loaded.',
  },
  {
    ruleId: 'DX-CODE-SET',
    reason: 'It looks each diagnosis up in the ICD-10-CM order file loaded in settings for the fiscal year; an example carries only an encounter and its history, not a code set.',
  },
  {
    ruleId: 'DX-HEADER',
    reason: 'Whether a code is a heading or billable comes from the ICD-10-CM order file loaded in settings; an example carries only an encounter and its history, not a code set.',
  },
  {
    ruleId: 'DX-COVERAGE',
    reason: "It compares the diagnoses with the covered lists of the Medicare billing articles the practice loaded and picked in settings; an example carries no article, so the outcome would depend on each practice's MAC.",
  },
  {
    ruleId: 'DX-LISTS-NOT-LOADED',
    reason: 'It depends only on whether the code set and billing articles are loaded in settings, not on anything in the encounter, so no encounter can show the difference between firing and not firing.',
  },
  {
    ruleId: 'NCCI-NOT-LOADED',
    reason: 'It depends only on whether MUE and PTP tables covering the date of service are loaded in settings, not on anything in the encounter, so no encounter can show the difference between firing and not firing.',
  },
]
