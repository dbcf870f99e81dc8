import { describe, expect, it } from 'vitest'
import { categorizeAdjustment } from './categorize.ts'
import type { AdjustmentGroup, DenialCategory } from './types.ts'

describe('categorizeAdjustment maps CARC/RARC to our denial categories', () => {
  const cases: [group: AdjustmentGroup, carc: string, rarcs: string[], category: DenialCategory, denial: boolean][] = [
    ['CO', '4', ['N822'], 'modifier', true],
    ['CO', '182', [], 'modifier', true],
    ['CO', '16', ['M127'], 'documentation', true],
    ['CO', '16', [], 'documentation', true],
    ['CO', '252', ['N706'], 'documentation', true],
    ['CO', '119', [], 'frequency', true],
    ['CO', '151', ['N115'], 'frequency', true],
    ['CO', '197', [], 'prior-authorization', true],
    ['CO', '15', ['M62'], 'prior-authorization', true],
    ['CO', '198', [], 'prior-authorization', true],
    ['CO', '50', ['N115'], 'coverage', true],
    ['CO', '96', [], 'coverage', true],
    ['CO', '204', [], 'coverage', true],
    ['CO', '167', [], 'coverage', true],
    ['CO', '97', [], 'coding', true],
    ['CO', '236', [], 'coding', true],
    ['CO', '234', [], 'coding', true],
    ['CO', '11', [], 'coding', true],
    ['CO', 'B15', [], 'coding', true],
    ['OA', '18', [], 'other', true],
    ['PI', '29', [], 'other', true],
  ]

  it.each(cases)('%s-%s %j is %s (denial: %s)', (group, carc, rarcs, category, denial) => {
    expect(categorizeAdjustment(group, carc, rarcs)).toMatchObject({ category, denial, known: true })
  })

  it('does not count the contractual reduction CO-45 or sequestration CO-253 as denials', () => {
    expect(categorizeAdjustment('CO', '45')).toMatchObject({ category: 'other', denial: false, known: true })
    expect(categorizeAdjustment('CO', '253')).toMatchObject({ category: 'other', denial: false, known: true })
  })

  it('does not count patient responsibility (PR-1, PR-2, PR-3) as denials', () => {
    for (const carc of ['1', '2', '3']) expect(categorizeAdjustment('PR', carc)).toMatchObject({ category: 'other', denial: false })
  })

  it('never counts a PR adjustment as a denial, even with a denial reason: the patient owes it', () => {
    expect(categorizeAdjustment('PR', '204')).toMatchObject({ category: 'coverage', denial: false })
  })

  it('never counts a CR (correction/reversal) adjustment as a denial', () => {
    expect(categorizeAdjustment('CR', '4')).toMatchObject({ category: 'modifier', denial: false })
  })

  it('counts an unknown CARC under CO as a denial in "other", so it still shows on the charts', () => {
    expect(categorizeAdjustment('CO', '999', ['N999'])).toEqual({
      category: 'other',
      denial: true,
      reason: 'CO-999: reason code not in our table',
      carc: '999',
      rarcs: ['N999'],
      known: false,
    })
  })

  it('lets a remark code name the real problem behind the generic CO-16: M51 makes it coding, N822 modifier', () => {
    expect(categorizeAdjustment('CO', '16', ['M51'])).toMatchObject({ category: 'coding', refinedBy: 'M51' })
    expect(categorizeAdjustment('CO', '16', ['N115', 'N822'])).toMatchObject({ category: 'modifier', refinedBy: 'N822' })
  })

  it('keeps the category of a specific CARC whatever the remark: CO-4 with M127 stays modifier', () => {
    const result = categorizeAdjustment('CO', '4', ['M127'])
    expect(result.category).toBe('modifier')
    expect(result.refinedBy).toBeUndefined()
  })

  it('writes the reason with the CARC and every known remark code', () => {
    expect(categorizeAdjustment('CO', '16', ['M51', 'X99']).reason).toBe(
      'CO-16: Claim or service lacks information or has submission/billing errors; M51: Missing, incomplete or invalid procedure code(s)',
    )
  })
})
