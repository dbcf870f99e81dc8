import { useMemo } from 'react'
import { useStoreQuery } from '../../../storage/use-store-query.ts'
import type { EncounterRecord } from '../../../storage/types.ts'
import { lineStatuses } from '../model/audit.ts'
import { queueRows } from '../model/queue-rows.ts'
import type { AuditEntry, QueueRow, ReviewEncounter, ReviewStatus, UserProfile } from '../model/types.ts'
import { withStatuses } from '../model/with-statuses.ts'

export interface QueueData {
  /** Every claim line the queue can show (with findings only unless includeAllLines). */
  rows: readonly QueueRow[]
  encounters: ReadonlyMap<string, EncounterRecord>
  log: readonly AuditEntry[]
  users: readonly UserProfile[]
  /** How many finalized encounters are stored (0: nothing to review yet). */
  encounterCount: number
}

interface Built {
  users: readonly UserProfile[]
  includeAllLines: boolean
  rows: readonly QueueRow[]
  statuses: ReadonlyMap<string, ReviewStatus>
}

/** The rows last built from each encounters array (the store query's answer), to patch on an audit change. */
const built = new WeakMap<readonly ReviewEncounter[], Built>()

function changedStatuses(before: ReadonlyMap<string, ReviewStatus>, after: ReadonlyMap<string, ReviewStatus>): Map<string, ReviewStatus> {
  const changed = new Map<string, ReviewStatus>()
  for (const [rowId, status] of after) if (before.get(rowId) !== status) changed.set(rowId, status)
  return changed
}

/**
 * The queue's data, following the store live (a decision in another tab shows here). A new
 * audit entry only changes statuses, so the rows are patched with withStatuses, which keeps
 * the filter index, instead of being rebuilt: that keeps a decision cheap on 100,000 lines.
 */
export function useQueueData(includeAllLines: boolean): QueueData | undefined {
  const encounters = useStoreQuery((s) => s.listAllEncounters(), ['encounters'], [])
  const users = useStoreQuery((s) => s.listUsers(), ['users'], [])
  const log = useStoreQuery((s) => s.listAudit() as Promise<AuditEntry[]>, ['audit'], [])

  const rows = useMemo(() => {
    if (!encounters || !users || !log) return undefined
    const statuses = lineStatuses(log)
    const last = built.get(encounters)
    if (last && last.users === users && last.includeAllLines === includeAllLines) {
      const patched = withStatuses(last.rows, changedStatuses(last.statuses, statuses))
      built.set(encounters, { ...last, rows: patched, statuses })
      return patched
    }
    const fresh = queueRows(encounters, { users, statuses, includeAllLines })
    built.set(encounters, { users, includeAllLines, rows: fresh, statuses })
    return fresh
  }, [encounters, users, log, includeAllLines])

  const byId = useMemo(() => new Map((encounters ?? []).map((e) => [e.id, e])), [encounters])

  if (!rows || !encounters || !users || !log) return undefined
  return { rows, encounters: byId, log, users, encounterCount: encounters.length }
}
