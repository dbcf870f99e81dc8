import { describe, expect, it } from 'vitest'
import { medicareProfile, payerProfileSchema } from '../../domain/index.ts'
import { formPathOf, formValuesToProfile, newLimitValues, profileToFormValues, validateProfileForm, type LimitFormValues, type ProfileFormValues } from './profile-form-model.ts'

const ESI = medicareProfile.frequencyLimits.findIndex((l) => l.id === 'medicare-esi-4-per-region-12m')

function withLimit(change: Partial<LimitFormValues>): ProfileFormValues {
  const values = profileToFormValues(medicareProfile)
  values.frequencyLimits[ESI] = { ...values.frequencyLimits[ESI], ...change }
  return values
}

function messageAt(values: ProfileFormValues, path: string): string | undefined {
  const { errors } = validateProfileForm(values, medicareProfile)
  let node: unknown = errors
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key]
  return (node as { message?: string } | undefined)?.message
}

describe('profile form values', () => {
  it('round-trips the built-in Medicare profile unchanged', () => {
    expect(formValuesToProfile(profileToFormValues(medicareProfile), medicareProfile)).toEqual(medicareProfile)
    expect(validateProfileForm(profileToFormValues(medicareProfile), medicareProfile).profile).toEqual(payerProfileSchema.parse(medicareProfile))
  })

  it('maps schema paths to the form fields', () => {
    expect(formPathOf(['frequencyLimits', 2, 'window', 'amount'])).toBe('frequencyLimits.2.windowAmount')
    expect(formPathOf(['frequencyLimits', 0, 'minInterval', 'amount'])).toBe('frequencyLimits.0.minIntervalAmount')
    expect(formPathOf(['bilateral', 'ascFacility', 'format'])).toBe('bilateral.ascFacility.format')
  })

  it('shows repeated lines and the NDC rule with no modifier as an empty choice', () => {
    const values = profileToFormValues(medicareProfile)
    expect(values.repeatedLines).toEqual({ format: 'merge-units', modifier: '', source: medicareProfile.repeatedLines.source })
    expect(values.ndc).toEqual({ required: 'unclassified-drugs', source: medicareProfile.ndc.source })
  })

  it('keeps a line per level with the modifier the payer names, and drops the modifier when the lines are merged', () => {
    const values = profileToFormValues(medicareProfile)
    values.repeatedLines = { format: 'line-per-level', modifier: 'XS', source: ' Payer bulletin 2026-04 ' }
    values.ndc = { required: 'all-drugs', source: ' State Medicaid manual ' }
    const { profile } = validateProfileForm(values, medicareProfile)
    expect(profile?.repeatedLines).toEqual({ format: 'line-per-level', modifier: 'XS', source: 'Payer bulletin 2026-04' })
    expect(profile?.ndc).toEqual({ required: 'all-drugs', source: 'State Medicaid manual' })
    values.repeatedLines = { format: 'merge-units', modifier: 'XS', source: 'Payer bulletin 2026-04' }
    expect(validateProfileForm(values, medicareProfile).profile?.repeatedLines.modifier).toBeNull()
  })

  it('gives a new limit an id no other limit of the profile has', () => {
    const limits = [{ id: 'p-limit-2' }, { id: 'p-limit-3' }]
    expect(newLimitValues('p', limits).id).toBe('p-limit-4')
    expect(newLimitValues('p', [{ id: 'x' }]).id).toBe('p-limit-2')
  })
})

describe('profile form validation messages', () => {
  const L = `frequencyLimits.${ESI}`
  it.each([
    ['a limit of 0 sessions', { limit: 0 }, `${L}.limit`, 'The limit must be at least 1 session'],
    ['a limit of 53 sessions', { limit: 53 }, `${L}.limit`, 'At most 52 sessions'],
    ['an empty limit', { limit: Number.NaN }, `${L}.limit`, 'Enter a whole number'],
    ['a limit of 1.5 sessions', { limit: 1.5 }, `${L}.limit`, 'Use a whole number'],
    ['a window of 0', { windowAmount: 0 }, `${L}.windowAmount`, 'At least 1'],
    ['a window of 121 months', { windowAmount: 121 }, `${L}.windowAmount`, 'At most 120'],
    ['a minimum interval of 0 days', { minIntervalUnit: 'days', minIntervalAmount: 0 }, `${L}.minIntervalAmount`, 'At least 1'],
    ['an end date before the start date', { effectiveFrom: '2026-06-01', effectiveTo: '2026-01-01' }, `${L}.effectiveTo`, 'The end date must not be before the start date'],
    ['an empty source', { source: '   ' }, `${L}.source`, 'Say where this value comes from'],
    ['a too long interpretation', { interpretation: 'x'.repeat(201) }, `${L}.interpretation`, 'At most 200 characters'],
  ] as const)('rejects %s with a message at the field', (_name, change, path, message) => {
    expect(messageAt(withLimit(change), path)).toBe(message)
  })

  it('accepts no minimum interval whatever its amount field holds', () => {
    expect(messageAt(withLimit({ minIntervalUnit: 'none', minIntervalAmount: Number.NaN }), `${L}.minIntervalAmount`)).toBeUndefined()
  })

  it('asks for the modifier when each level keeps its own line, and for the sources of both claim-line rules', () => {
    const values = profileToFormValues(medicareProfile)
    values.repeatedLines = { format: 'line-per-level', modifier: '', source: '  ' }
    values.ndc = { required: 'never', source: '' }
    expect(messageAt(values, 'repeatedLines.modifier')).toBe('Name the modifier that tells the repeated lines apart')
    expect(messageAt(values, 'repeatedLines.source')).toBe('Say where this value comes from')
    expect(messageAt(values, 'ndc.source')).toBe('Say where this value comes from')
    values.repeatedLines = { format: 'line-per-level', modifier: '59', source: 'Payer policy' }
    expect(messageAt(values, 'repeatedLines.modifier')).toBeUndefined()
  })

  it('rejects an empty name and modifier 50 on an ASC facility claim', () => {
    const values = profileToFormValues(medicareProfile)
    values.name = '  '
    values.bilateral.ascFacility.format = 'modifier-50'
    values.bilateral.professional.source = ''
    expect(messageAt(values, 'name')).toBe('Enter a name for the profile')
    expect(messageAt(values, 'bilateral.ascFacility.format')).toBe('Modifier 50 is not recognised for ASC facility payment: pick two lines or two units')
    expect(messageAt(values, 'bilateral.professional.source')).toBe('Say where this value comes from')
  })
})
