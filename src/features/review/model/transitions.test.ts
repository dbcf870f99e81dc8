import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { users } from './test-fixtures.ts'
import {
  availableActions, decide, decideMany, finalizeEntry, MAX_NOTE_LENGTH, requirementsFor, type DecisionTarget,
} from './transitions.ts'
import {
  DECISION_ACTIONS, OVERRIDE_REASONS, REVIEW_STATUSES, USER_ROLES, type DecisionAction, type ReviewStatus, type UserRole,
} from './types.ts'

const someoneElses: DecisionTarget = { encounterId: 'E1', lineIndex: 2, coderId: 'u-coder', hasError: false }
const withError: DecisionTarget = { ...someoneElses, hasError: true }
const full = { reason: 'Other', note: 'Checked the operative note.' }
const userOf: Record<UserRole, (typeof users)[keyof typeof users]> = { coder: users.coder, supervisor: users.supervisor, trainee: users.trainee }

/** Where each action takes a line, for a supervisor deciding someone else's work; null: refused. */
const SUPERVISOR_TABLE: Record<ReviewStatus, Record<DecisionAction, ReviewStatus | null>> = {
  'no-findings': { approve: null, return: null, override: null, reopen: null },
  pending: { approve: 'approved', return: 'returned', override: 'overridden', reopen: null },
  approved: { approve: null, return: 'returned', override: null, reopen: 'pending' },
  returned: { approve: null, return: null, override: null, reopen: null },
  overridden: { approve: null, return: 'returned', override: null, reopen: 'pending' },
}

const everyCase = REVIEW_STATUSES.flatMap((status) =>
  DECISION_ACTIONS.flatMap((action) => USER_ROLES.map((role) => ({ status, action, role }))))

describe('decide: every status, action and role', () => {
  it('covers 5 statuses x 4 actions x 3 roles', () => {
    expect(everyCase).toHaveLength(60)
  })

  it.each(everyCase)('$role: $action on a $status line', ({ status, action, role }) => {
    const result = decide(status, action, { user: userOf[role], target: withError, ...full })
    const to = role === 'supervisor' ? SUPERVISOR_TABLE[status][action] : null
    if (to === null) {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe(role === 'supervisor' ? 'transition' : 'role')
    } else {
      expect(result).toEqual({
        ok: true, status: to,
        entry: {
          userId: 'u-sup', userName: 'Sam Supervisor', encounterId: 'E1', lineIndex: 2, action, from: status, to,
          reason: action === 'override' ? 'Other' : null, note: 'Checked the operative note.',
        },
      })
    }
  })

  it.each(everyCase.filter((c) => c.role === 'supervisor'))('own encounter: $action on a $status line', ({ status, action }) => {
    const result = decide(status, action, { user: users.supervisor, target: { ...withError, coderId: 'u-sup' }, ...full })
    if (action === 'approve' || action === 'override') {
      expect(result).toMatchObject({ ok: false, error: { code: 'own-work' } })
    } else {
      expect(result.ok ? result.status : null).toBe(SUPERVISOR_TABLE[status][action])
    }
  })

  it('says plainly why a coder or a trainee cannot act', () => {
    expect(decide('pending', 'approve', { user: users.coder, target: someoneElses })).toEqual({
      ok: false, error: { code: 'role', message: 'Only a supervisor can approve a line; you are signed in as a coder.' },
    })
    expect(decide('pending', 'return', { user: users.trainee, target: someoneElses, note: 'x' })).toMatchObject({
      ok: false, error: { message: 'Only a supervisor can return a line; you are signed in as a trainee.' },
    })
  })

  it('lets a coder not approve their own encounter, even when promoted to supervisor', () => {
    const promoted = { ...users.coder, role: 'supervisor' as const }
    expect(decide('pending', 'approve', { user: promoted, target: someoneElses })).toMatchObject({
      ok: false, error: { code: 'own-work', message: 'You finalized this encounter, so another supervisor has to approve it.' },
    })
  })

  it('lets a supervisor approve an encounter whose coder is not recorded', () => {
    expect(decide('pending', 'approve', { user: users.supervisor, target: { ...someoneElses, coderId: null } }).ok).toBe(true)
  })

  it('names the status that blocks a transition', () => {
    expect(decide('returned', 'approve', { user: users.supervisor, target: someoneElses })).toMatchObject({
      ok: false, error: { code: 'transition', message: 'Cannot approve this line: it was returned to the coder.' },
    })
  })
})

describe('decide: required reasons and notes', () => {
  const sup = users.supervisor

  it('approves without a note, and keeps one when given', () => {
    const bare = decide('pending', 'approve', { user: sup, target: withError })
    expect(bare.ok && bare.entry).toMatchObject({ reason: null, note: null })
    const noted = decide('pending', 'approve', { user: sup, target: someoneElses, note: '  Looks right.  ' })
    expect(noted.ok && noted.entry.note).toBe('Looks right.')
  })

  it('drops an override reason given to any other action', () => {
    const r = decide('pending', 'approve', { user: sup, target: someoneElses, reason: 'Other' })
    expect(r.ok && r.entry.reason).toBeNull()
  })

  it.each([
    ['pending', undefined], ['pending', null], ['pending', ''], ['pending', '   \n\t'], ['approved', ''], ['overridden', ' '],
  ] as const)('returns a %s line only with a note for the coder (note %j refused)', (status, note) => {
    expect(decide(status, 'return', { user: sup, target: someoneElses, note })).toEqual({
      ok: false, error: { code: 'note-required', message: 'Write a note for the coder saying what to correct.' },
    })
    expect(decide(status, 'return', { user: sup, target: someoneElses, note: 'Add the second level.' }).ok).toBe(true)
  })

  it.each(['approved', 'overridden'] as const)('reopens a %s line only with a note saying why', (status) => {
    expect(decide(status, 'reopen', { user: sup, target: someoneElses, note: ' ' })).toMatchObject({ ok: false, error: { code: 'note-required' } })
    expect(decide(status, 'reopen', { user: sup, target: someoneElses, note: 'Payer called back.' })).toMatchObject({ ok: true, status: 'pending' })
  })

  it.each([undefined, null, '', '  '])('refuses an override without a reason (%j)', (reason) => {
    expect(decide('pending', 'override', { user: sup, target: someoneElses, reason, note: 'x' })).toEqual({
      ok: false, error: { code: 'reason-required', message: 'Pick a reason for the override.' },
    })
  })

  it('refuses an override reason that is not on the list', () => {
    expect(decide('pending', 'override', { user: sup, target: someoneElses, reason: 'Because', note: 'x' })).toEqual({
      ok: false, error: { code: 'reason-unknown', message: '"Because" is not one of the override reasons.' },
    })
  })

  it.each(OVERRIDE_REASONS.filter((r) => r !== 'Other'))('overrides a warning for "%s" without free text', (reason) => {
    const r = decide('pending', 'override', { user: sup, target: someoneElses, reason })
    expect(r).toMatchObject({ ok: true, status: 'overridden', entry: { reason, note: null } })
  })

  it.each(OVERRIDE_REASONS)('overrides an error finding for "%s" only with free text', (reason) => {
    expect(decide('pending', 'override', { user: sup, target: withError, reason, note: '' })).toEqual({
      ok: false, error: { code: 'note-required', message: 'An error finding applies to this line: explain the override in the note.' },
    })
    expect(decide('pending', 'override', { user: sup, target: withError, reason, note: 'LCD allows it.' })).toMatchObject({
      ok: true, entry: { reason, note: 'LCD allows it.' },
    })
  })

  it('needs free text for the "Other" reason', () => {
    expect(decide('pending', 'override', { user: sup, target: someoneElses, reason: 'Other' })).toEqual({
      ok: false, error: { code: 'note-required', message: 'Explain the "Other" reason in the note.' },
    })
  })

  it(`refuses a note longer than ${MAX_NOTE_LENGTH} characters`, () => {
    expect(decide('pending', 'return', { user: sup, target: someoneElses, note: 'x'.repeat(MAX_NOTE_LENGTH) }).ok).toBe(true)
    expect(decide('pending', 'return', { user: sup, target: someoneElses, note: 'x'.repeat(MAX_NOTE_LENGTH + 1) })).toMatchObject({
      ok: false, error: { code: 'note-too-long' },
    })
  })

  it('tells the UI what each action asks for', () => {
    expect(requirementsFor('approve', withError)).toEqual({ reason: false, note: false })
    expect(requirementsFor('return', someoneElses)).toEqual({ reason: false, note: true })
    expect(requirementsFor('reopen', someoneElses)).toEqual({ reason: false, note: true })
    expect(requirementsFor('override', someoneElses)).toEqual({ reason: true, note: false })
    expect(requirementsFor('override', someoneElses, 'Other')).toEqual({ reason: true, note: true })
    expect(requirementsFor('override', withError, 'Rule does not apply to this case')).toEqual({ reason: true, note: true })
  })
})

describe('availableActions', () => {
  it('offers exactly the actions decide() accepts with a reason and note given', () => {
    fc.assert(fc.property(
      fc.constantFrom(...REVIEW_STATUSES), fc.constantFrom(...USER_ROLES), fc.constantFrom('u-coder', 'u-sup', null), fc.boolean(),
      (status, role, coderId, hasError) => {
        const user = userOf[role]
        const target = { ...someoneElses, coderId, hasError }
        const accepted = DECISION_ACTIONS.filter((a) => decide(status, a, { user, target, ...full }).ok)
        expect(availableActions(status, user, target)).toEqual(accepted)
      },
    ))
  })

  it('offers nothing to coders and trainees', () => {
    expect(availableActions('pending', users.coder, someoneElses)).toEqual([])
    expect(availableActions('pending', users.trainee, someoneElses)).toEqual([])
  })

  it('offers a supervisor approve, return and override on a pending line', () => {
    expect(availableActions('pending', users.supervisor, someoneElses)).toEqual(['approve', 'return', 'override'])
  })
})

describe('decideMany', () => {
  it('applies one action to many lines and lists the refused ones with the reason', () => {
    const items = [
      { status: 'pending' as const, target: { ...someoneElses, lineIndex: 0 } },
      { status: 'approved' as const, target: { ...someoneElses, lineIndex: 1 } },
      { status: 'pending' as const, target: { ...someoneElses, lineIndex: 2, coderId: 'u-sup' } },
      { status: 'pending' as const, target: { ...someoneElses, lineIndex: 3 } },
    ]
    const { accepted, refused } = decideMany(items, 'approve', { user: users.supervisor })
    expect(accepted.map((a) => [a.target.lineIndex, a.status])).toEqual([[0, 'approved'], [3, 'approved']])
    expect(refused.map((r) => [r.target.lineIndex, r.error.code])).toEqual([[1, 'transition'], [2, 'own-work']])
  })
})

describe('finalizeEntry', () => {
  it('records who finalized the encounter and the status it starts in', () => {
    expect(finalizeEntry({ id: 'E1', review: 'pending', finalizeReason: ' Payer confirmed by phone. ' }, users.coder)).toEqual({
      userId: 'u-coder', userName: 'Casey Coder', encounterId: 'E1', lineIndex: null, action: 'finalize',
      from: null, to: 'pending', reason: null, note: 'Payer confirmed by phone.',
    })
    expect(finalizeEntry({ id: 'E2', review: 'not-needed', finalizeReason: null }, users.coder)).toMatchObject({ to: 'no-findings', note: null })
  })
})
