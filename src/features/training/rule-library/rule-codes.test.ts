import { describe, expect, it } from 'vitest'
import { codesNamedIn, sortCodes } from './rule-codes.ts'

describe('codesNamedIn', () => {
  it.each([
    ['One of 20552/20553 per day', ['20552', '20553']],
    ['J1020/J1030/J1040 deleted, J1010 per 1 mg', ['J1020', 'J1030', 'J1040', 'J1010']],
    ['ultrasound codes 0213T and 0216T', ['0213T', '0216T']],
    ['S0020 is not valid for Medicare', ['S0020']],
  ])('finds the codes written in %j', (text, codes) => {
    expect(codesNamedIn(text)).toEqual(codes)
  })

  it('expands a written range to the catalog codes inside it, never to numbers the catalog does not hold', () => {
    expect(codesNamedIn('imaging is included in 64479-64484')).toEqual(['64479', '64480', '64483', '64484'])
    expect(codesNamedIn('0213T-0218T', ['0213T', '0214T', '0215T', '0216T', '0217T', '0218T', '64490'])).toEqual(['0213T', '0214T', '0215T', '0216T', '0217T', '0218T'])
  })

  it('leaves out diagnoses, article numbers, dates and plain numbers', () => {
    expect(codesNamedIn('M47.816 per LCD L33930 and article A57787, effective 2024-07-07, up to 100,000 mg')).toEqual([])
  })

  it('reads a range between codes of different shapes as two codes only', () => {
    expect(codesNamedIn('64493-J3301', ['64493', '64494', 'J3301'])).toEqual(['64493', 'J3301'])
  })
})

describe('sortCodes', () => {
  it('puts CPT and Category III codes before HCPCS Level II, without repeats', () => {
    expect(sortCodes(['J3301', '64494', '0213T', '64493', 'J3301', 'C9399'])).toEqual(['0213T', '64493', '64494', 'C9399', 'J3301'])
  })
})
