import { carryIndex, positionsOf, queueIndexOf } from './queue-index.ts'
import type { QueueRow, ReviewStatus } from './types.ts'

/**
 * The rows after decisions: a new array in which each row whose id is in `statuses` with
 * another status is a copy with that status (a 'no-findings' line never changes). Use it after
 * a decision instead of rebuilding every row with queueRows: the filter index of `rows` is
 * carried over and patched, so the work is in the changed rows only. Returns `rows` itself
 * when nothing changed.
 */
export function withStatuses(rows: readonly QueueRow[], statuses: ReadonlyMap<string, ReviewStatus>): readonly QueueRow[] {
  if (statuses.size === 0) return rows
  const index = queueIndexOf(rows)
  const positions = positionsOf(index)
  const changed: number[] = []
  let next: QueueRow[] | null = null
  for (const [rowId, status] of statuses) {
    const i = positions.get(rowId)
    if (i === undefined) continue
    const row = rows[i]
    if (status === row.status || row.status === 'no-findings') continue
    next ??= [...rows]
    next[i] = { ...row, status }
    changed.push(i)
  }
  if (next === null) return rows
  carryIndex(index, next, changed)
  return next
}
