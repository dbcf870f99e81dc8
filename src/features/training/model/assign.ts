/**
 * The pairing of rows with columns that has the largest total credit, every row of the smaller
 * side paired (any row may pair with any column). Kuhn–Munkres (Hungarian method), O(n²·m):
 * grading must not depend on the order the trainee typed lines in, which a greedy pick cannot
 * promise once two candidate lines tie for one key line but not for the next.
 *
 * Returns, for each row, the column it pairs with, or undefined when there are more rows than
 * columns and the row stays unpaired. Among equally good pairings the result is deterministic
 * for a given input order.
 */
export function assignMaxCredit(
  rows: number,
  columns: number,
  creditOf: (row: number, column: number) => number,
): (number | undefined)[] {
  const result = new Array<number | undefined>(rows).fill(undefined)
  if (rows === 0 || columns === 0) return result
  // The method below needs no more rows than columns: solve the transpose otherwise.
  const transposed = rows > columns
  const n = transposed ? columns : rows
  const m = transposed ? rows : columns
  const cost = (i: number, j: number) => -(transposed ? creditOf(j, i) : creditOf(i, j))

  // 1-based potentials; rowOf[j] is the 1-based row paired with column j (0: none).
  const u = new Array<number>(n + 1).fill(0)
  const v = new Array<number>(m + 1).fill(0)
  const rowOf = new Array<number>(m + 1).fill(0)
  const way = new Array<number>(m + 1).fill(0)
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i
    let j0 = 0
    const minv = new Array<number>(m + 1).fill(Infinity)
    const used = new Array<boolean>(m + 1).fill(false)
    do {
      used[j0] = true
      const i0 = rowOf[j0]
      let delta = Infinity
      let j1 = 0
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue
        const reduced = cost(i0 - 1, j - 1) - u[i0] - v[j]
        if (reduced < minv[j]) {
          minv[j] = reduced
          way[j] = j0
        }
        if (minv[j] < delta) {
          delta = minv[j]
          j1 = j
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[rowOf[j]] += delta
          v[j] -= delta
        } else {
          minv[j] -= delta
        }
      }
      j0 = j1
    } while (rowOf[j0] !== 0)
    do {
      const j1 = way[j0]
      rowOf[j0] = rowOf[j1]
      j0 = j1
    } while (j0 !== 0)
  }

  for (let j = 1; j <= m; j++) {
    if (rowOf[j] === 0) continue
    if (transposed) result[j - 1] = rowOf[j] - 1
    else result[rowOf[j] - 1] = j - 1
  }
  return result
}
