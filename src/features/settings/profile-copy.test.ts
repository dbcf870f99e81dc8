import { describe, expect, it } from 'vitest'
import { builtInPayerProfiles, medicareProfile, payerProfileSchema } from '../../domain/index.ts'
import { copyProfile, limitChanges, markEditedSources, newCustomProfileId } from './profile-copy.ts'

const BUILT_IN_IDS = builtInPayerProfiles.map((p) => p.id)

describe('copying a payer profile', () => {
  it('names the copy "<name> (custom)" with a new id and keeps every value and source', () => {
    const record = copyProfile(medicareProfile, BUILT_IN_IDS, '2026-11-26T10:00:00.000Z')
    expect(record.profile.id).toBe('medicare-custom')
    expect(record.profile.name).toBe('Medicare (default) (custom)')
    expect(record.basedOn).toBe('medicare')
    expect(record.createdAt).toBe('2026-11-26T10:00:00.000Z')
    expect(record.profile.frequencyLimits).toEqual(medicareProfile.frequencyLimits)
    expect(record.profile.repeatedLines).toEqual(medicareProfile.repeatedLines)
    expect(record.profile.ndc).toEqual(medicareProfile.ndc)
    expect(payerProfileSchema.safeParse(record.profile).success).toBe(true)
  })

  it('gives a second copy an id no built-in or custom profile has', () => {
    expect(newCustomProfileId('medicare', [...BUILT_IN_IDS, 'medicare-custom'])).toBe('medicare-custom-2')
    expect(newCustomProfileId('medicare', [...BUILT_IN_IDS, 'medicare-custom', 'medicare-custom-2'])).toBe('medicare-custom-3')
    expect(newCustomProfileId('medicare-custom', ['medicare-custom'])).toBe('medicare-custom-2')
  })

  it('makes ids of lower-case letters, digits and dashes only', () => {
    const id = newCustomProfileId('Blue Cross / PPO  2027!', [])
    expect(id).toBe('blue-cross-ppo-2027-custom')
    expect(payerProfileSchema.shape.id.safeParse(newCustomProfileId('x'.repeat(90), [])).success).toBe(true)
  })
})

describe('edited values', () => {
  const esi = medicareProfile.frequencyLimits.find((l) => l.id === 'medicare-esi-4-per-region-12m')!

  it('lists the original values of what changed', () => {
    expect(limitChanges({ ...esi, limit: 2 }, esi)).toEqual(['Limit: 4 sessions'])
    expect(limitChanges(esi, esi)).toEqual([])
  })

  it('says in the source that a changed limit was edited by the practice, and leaves unchanged ones alone', () => {
    const edited = { ...medicareProfile, frequencyLimits: medicareProfile.frequencyLimits.map((l) => (l.id === esi.id ? { ...l, limit: 2 } : l)) }
    const marked = markEditedSources(edited, medicareProfile)
    const limit = marked.frequencyLimits.find((l) => l.id === esi.id)!
    expect(limit.source).toBe(`Edited by the practice; originally: ${esi.source}`)
    expect(marked.frequencyLimits.filter((l) => l.id !== esi.id)).toEqual(medicareProfile.frequencyLimits.filter((l) => l.id !== esi.id))
    expect(markEditedSources(marked, medicareProfile).frequencyLimits.find((l) => l.id === esi.id)!.source).toBe(limit.source)
  })

  it('marks a changed repeated-line rule or NDC rule whose source still reads as the original\'s, and leaves the same rule alone', () => {
    const edited = { ...medicareProfile, repeatedLines: { ...medicareProfile.repeatedLines, format: 'line-per-level' as const, modifier: 'XU' as const }, ndc: { ...medicareProfile.ndc, required: 'all-drugs' as const } }
    const marked = markEditedSources(edited, medicareProfile)
    expect(marked.repeatedLines).toEqual({ format: 'line-per-level', modifier: 'XU', source: `Edited by the practice; originally: ${medicareProfile.repeatedLines.source}` })
    expect(marked.ndc).toEqual({ required: 'all-drugs', source: `Edited by the practice; originally: ${medicareProfile.ndc.source}` })
    const same = markEditedSources({ ...medicareProfile }, medicareProfile)
    expect(same.repeatedLines).toBe(medicareProfile.repeatedLines)
    expect(same.ndc).toBe(medicareProfile.ndc)
    const own = markEditedSources({ ...edited, ndc: { required: 'all-drugs', source: 'Our Medicaid manual' } }, medicareProfile)
    expect(own.ndc.source).toBe('Our Medicaid manual')
  })

  it('keeps a source the practice wrote itself', () => {
    const edited = { ...medicareProfile, frequencyLimits: medicareProfile.frequencyLimits.map((l) => (l.id === esi.id ? { ...l, limit: 2, source: 'Our MAC letter 2026-10-01' } : l)) }
    expect(markEditedSources(edited, medicareProfile).frequencyLimits.find((l) => l.id === esi.id)!.source).toBe('Our MAC letter 2026-10-01')
  })
})
