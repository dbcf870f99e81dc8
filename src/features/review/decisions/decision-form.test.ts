import { describe, expect, it } from 'vitest'
import { queueRows } from '../model/queue-rows.ts'
import { finding, record } from '../model/test-fixtures.ts'
import { noteRule, validateDecision } from './decision-form.ts'

const [clean] = queueRows([record({ id: 'W', findings: [finding({ severity: 'warning', lineIndexes: [0] })] })], { includeAllLines: false })
const [withError] = queueRows([record({ id: 'E', findings: [finding({ severity: 'error', lineIndexes: [0] })] })], { includeAllLines: false })

describe('noteRule', () => {
  it.each([
    ['approve', [clean], null, false, 'Optional. It is kept in the audit log.'],
    ['return', [clean], null, true, 'Required. The coder sees it with the returned encounter.'],
    ['reopen', [clean], null, true, 'Required. Say why the line goes back to review.'],
    ['override', [clean], 'Documentation supports the service', false, 'Optional, unless the reason is "Other".'],
    ['override', [clean], 'Other', true, 'Required for the reason "Other".'],
    ['override', [withError], 'Documentation supports the service', true, 'Required: an error finding applies to this line.'],
    ['override', [clean, withError, clean], null, true, 'Required: an error finding applies to 1 of the 3 lines to override.'],
  ] as const)('%s with %j and reason %j: required %j', (action, rows, reason, required, hint) => {
    expect(noteRule(action, rows, reason)).toEqual({ required, hint })
  })
})

describe('validateDecision', () => {
  it('accepts an approve without a note and an override of a warning with a listed reason alone', () => {
    expect(validateDecision('approve', [clean], null, '')).toEqual({})
    expect(validateDecision('override', [clean], 'Rule does not apply to this case', '')).toEqual({})
  })

  it('wants a reason for an override and an explanation when an error applies, blank text not counting', () => {
    expect(validateDecision('override', [withError], null, '   ')).toEqual({ reason: 'Pick a reason for the override.', note: 'Explain the override.' })
    expect(validateDecision('override', [withError], 'Rule does not apply to this case', 'Payer letter on file.')).toEqual({})
  })

  it('wants a note for a return and a reopen', () => {
    expect(validateDecision('return', [clean], null, '\n')).toEqual({ note: 'Write a note for the coder saying what to correct.' })
    expect(validateDecision('reopen', [clean], null, '')).toEqual({ note: 'Write a note saying why the line is reopened.' })
  })

  it('refuses a note one character over the limit and takes one at it', () => {
    expect(validateDecision('approve', [clean], null, 'x'.repeat(2000))).toEqual({})
    expect(validateDecision('approve', [clean], null, ` ${'x'.repeat(2001)} `)).toEqual({ note: 'The note is 2,001 characters; keep it to 2,000.' })
  })
})
