import { describe, expect, it } from 'vitest'
import { checkLineCoverage, checkPointers, defaultPointers, type CoverageArticle, type CoverageSettings } from './index.ts'

const ESI: CoverageArticle = {
  articleId: 'A99901', version: 2, title: 'Synthetic ESI article', hcpcsCodes: ['62321', '62323', '64483', '64484'],
  groups: [
    { group: 1, paragraph: 'Stand-alone codes.', codes: ['M48062', 'M5116', 'M5416', 'M5417'] },
    { group: 2, paragraph: 'Postoperative pain: 62321 or 62323 only.', codes: ['G8918'] },
    { group: 3, paragraph: 'Must be billed with a secondary code from Group 1.', codes: ['M961'] },
  ],
}
const NONE: CoverageSettings = {}
const SET: CoverageSettings = {
  A99901: {
    2: { requiresGroup: null, secondaryOnly: false, appliesTo: ['62321', '62323'] },
    3: { requiresGroup: 4, secondaryOnly: false, appliesTo: null },
  },
}

describe('coverage of a line by the article', () => {
  it('supports 64483 with a lumbar radiculopathy listed in group 1', () => {
    expect(checkLineCoverage(ESI, NONE, '64483', ['M54.16'])).toEqual({ applies: true, supported: true, group: 1, secondGroup: null, diagnoses: ['M5416'] })
  })

  it('does not support 64483 with axial low back pain only', () => {
    expect(checkLineCoverage(ESI, NONE, '64483', ['M54.50'])).toEqual({ applies: true, supported: false, needsGroup: null, listed: [] })
  })

  it('says nothing of a code the article does not list', () => {
    expect(checkLineCoverage(ESI, NONE, '64493', ['M54.50'])).toEqual({ applies: false })
  })

  it('applies a group only to the codes the practice set for it', () => {
    expect(checkLineCoverage(ESI, SET, '62323', ['G89.18'])).toMatchObject({ supported: true, group: 2 })
    expect(checkLineCoverage(ESI, SET, '64483', ['G89.18'])).toMatchObject({ supported: false, listed: [] })
  })

  it('needs the second diagnosis a two-group requirement names', () => {
    const twoGroups: CoverageSettings = { A99901: { 3: { requiresGroup: 2, secondaryOnly: false, appliesTo: null }, 2: { requiresGroup: null, secondaryOnly: true, appliesTo: null } } }
    expect(checkLineCoverage(ESI, twoGroups, '62323', ['M96.1'])).toEqual({ applies: true, supported: false, needsGroup: 2, listed: ['M961'] })
    expect(checkLineCoverage(ESI, twoGroups, '62323', ['G89.18'])).toMatchObject({ supported: false, needsGroup: null, listed: ['G8918'] })
    expect(checkLineCoverage(ESI, twoGroups, '62323', ['G89.18', 'M96.1'])).toEqual({ applies: true, supported: true, group: 3, secondGroup: 2, diagnoses: ['M961', 'G8918'] })
  })

  it('never lets a secondary-only group support a line alone', () => {
    const secondary: CoverageSettings = { A99901: { 3: { requiresGroup: null, secondaryOnly: true, appliesTo: null } } }
    expect(checkLineCoverage(ESI, secondary, '62323', ['M96.1'])).toMatchObject({ supported: false, listed: ['M961'] })
    expect(checkLineCoverage(ESI, NONE, '62323', ['M96.1'])).toMatchObject({ supported: true, group: 3 })
  })

  it('finds a supporting group whatever the diagnosis order', () => {
    expect(checkLineCoverage(ESI, SET, '62323', ['M54.50', 'M96.1', 'M51.16'])).toMatchObject({ supported: true, group: 1, diagnoses: ['M5116'] })
  })
})

describe('diagnosis pointers (boxes 21 and 24E)', () => {
  it('points to the first four diagnoses in box order without a coverage answer', () => {
    expect(defaultPointers(['M54.16', 'M51.16', 'M48.062', 'G89.18', 'M96.1'])).toEqual(['A', 'B', 'C', 'D'])
  })

  it('puts the supporting diagnoses first', () => {
    expect(defaultPointers(['M54.50', 'Z79.899', 'M54.16'], ['M5416'])).toEqual(['C', 'A', 'B'])
  })

  it('refuses a fifth pointer, a letter past the list, a repeat and a non-letter', () => {
    expect(checkPointers(['A', 'B', 'C', 'D', 'E'], 6)).toMatch(/at most 4/)
    expect(checkPointers(['A', 'C'], 2)).toMatch(/Pointer C has no diagnosis: the claim lists only A, B/)
    expect(checkPointers(['A', 'A'], 2)).toMatch(/given twice/)
    expect(checkPointers(['M'], 12)).toMatch(/not a diagnosis pointer/)
    expect(checkPointers(['A', 'B'], 2)).toBeNull()
  })
})
