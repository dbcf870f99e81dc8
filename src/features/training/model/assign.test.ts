import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assignMaxCredit } from './assign.ts'

/** The best total credit by trying every pairing (small matrices only). */
function bruteForceBest(credit: readonly (readonly number[])[], columns: number): number {
  const best = (row: number, used: readonly boolean[]): number => {
    if (row === credit.length) return 0
    let result = best(row + 1, used) // the row stays unpaired (only allowed when columns run out, checked below)
    for (let c = 0; c < columns; c++) {
      if (used[c]) continue
      const next = [...used]
      next[c] = true
      result = Math.max(result, credit[row][c] + best(row + 1, next))
    }
    return result
  }
  return best(0, new Array<boolean>(columns).fill(false))
}

const total = (credit: readonly (readonly number[])[], assigned: readonly (number | undefined)[]) =>
  assigned.reduce<number>((sum, c, r) => sum + (c === undefined ? 0 : credit[r][c]), 0)

describe('assignMaxCredit', () => {
  for (const { name, credit, columns, expected } of [
    { name: 'pairs nothing when one side is empty', credit: [[], []], columns: 0, expected: [undefined, undefined] },
    { name: 'pairs the only row with the only column', credit: [[0.5]], columns: 1, expected: [0] },
    { name: 'gives up a tie on the first row to win on the second', credit: [[0.5, 0.5], [0.8, 0.5]], columns: 2, expected: [1, 0] },
    { name: 'leaves the weakest row unpaired when rows outnumber columns', credit: [[0.5], [1], [0.7]], columns: 1, expected: [undefined, 0, undefined] },
    { name: 'uses the best columns when columns outnumber rows', credit: [[0.5, 0.7, 1]], columns: 3, expected: [2] },
  ]) {
    it(name, () => {
      expect(assignMaxCredit(credit.length, columns, (r, c) => credit[r][c])).toEqual(expected)
    })
  }

  it('finds a pairing as good as any other, pairing every row of the smaller side once', () => {
    const matrixArb = fc
      .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }))
      .chain(([rows, columns]) =>
        fc.tuple(
          fc.array(fc.array(fc.constantFrom(0.5, 0.7, 0.8, 1, 0.25), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
          fc.constant(columns),
        ),
      )
    fc.assert(
      fc.property(matrixArb, ([credit, columns]) => {
        const assigned = assignMaxCredit(credit.length, columns, (r, c) => credit[r][c])
        const paired = assigned.filter((c): c is number => c !== undefined)
        expect(paired).toHaveLength(Math.min(credit.length, columns))
        expect(new Set(paired).size).toBe(paired.length)
        expect(total(credit, assigned)).toBeCloseTo(bruteForceBest(credit, columns), 9)
      }),
      { numRuns: 400 },
    )
  })
})
