import { isIsoDate } from '../dates.ts'
import type { MueEntry, MueTable, PtpEdit, PtpTable } from './types.ts'

/**
 * Lookups by date of service. A table covers the dates from its effectiveFrom to its
 * effectiveTo, both inclusive (an open effectiveTo runs until superseded). When several
 * tables cover a date, the one that took effect last wins: that is the newer publication.
 */

interface DatedTable {
  quarter: string
  effectiveFrom: string
  effectiveTo: string | null
}

function requireIsoDate(fn: string, dateOfService: string): void {
  if (!isIsoDate(dateOfService)) {
    throw new RangeError(`${fn}: date of service '${dateOfService}' is not a date written YYYY-MM-DD`)
  }
}

/** The table in force on a date of service, or null when none covers it. */
export function selectTable<T extends DatedTable>(tables: readonly T[], dateOfService: string): T | null {
  let best: T | null = null
  for (const table of tables) {
    if (dateOfService < table.effectiveFrom) continue
    if (table.effectiveTo !== null && dateOfService > table.effectiveTo) continue
    if (
      best === null ||
      table.effectiveFrom > best.effectiveFrom ||
      (table.effectiveFrom === best.effectiveFrom && table.quarter >= best.quarter)
    ) {
      best = table
    }
  }
  return best
}

/**
 * The practitioner MUE for a code on a date of service: the covering table and its entry,
 * the covering table with entry null when that table has no MUE for the code, or null when
 * no table covers the date. Throws RangeError for a date that is not YYYY-MM-DD.
 */
export function findMue(
  tables: readonly MueTable[],
  code: string,
  dateOfService: string,
): { table: MueTable; entry: MueEntry } | { table: MueTable; entry: null } | null {
  requireIsoDate('findMue', dateOfService)
  const table = selectTable(tables, dateOfService)
  if (table === null) return null
  const entry = table.entries.get(code.trim().toUpperCase())
  return entry === undefined ? { table, entry: null } : { table, entry }
}

/**
 * True when a PTP edit applies to a date of service.
 *
 * The deletion date is read as the last day the edit applies (inclusive). CMS publishes
 * no definition in the file, but its data shows the convention: deletion dates fall on the
 * last day of a quarter (20231231, 20180930, 20260630) while quarterly updates take effect
 * on the first, so "first day no longer applied" would leave every deleted edit one day
 * short of its quarter. Edits deleted retroactively carry deletion date = effective date
 * and modifier indicator 9 ("not applicable"); CMS's guidance is to ignore those edits,
 * so an indicator-9 edit never applies, whatever its dates.
 */
export function isPtpEditActiveOn(edit: PtpEdit, dateOfService: string): boolean {
  if (edit.modifierIndicator === 9) return false
  if (dateOfService < edit.effectiveFrom) return false
  return edit.deletedOn === null || dateOfService <= edit.deletedOn
}

/**
 * The PTP edits with this column 1 and column 2 code that apply on a date of service, with
 * the table in force; edits is empty when that table has none. Null when no table covers
 * the date. Edits are directional: to test a pair in either order, call it both ways.
 * Throws RangeError for a date that is not YYYY-MM-DD.
 */
export function findPtpEdits(
  tables: readonly PtpTable[],
  column1: string,
  column2: string,
  dateOfService: string,
): { table: PtpTable; edits: PtpEdit[] } | null {
  requireIsoDate('findPtpEdits', dateOfService)
  const table = selectTable(tables, dateOfService)
  if (table === null) return null
  const second = column2.trim().toUpperCase()
  const candidates = table.edits.get(column1.trim().toUpperCase()) ?? []
  const edits = candidates.filter((edit) => edit.column2 === second && isPtpEditActiveOn(edit, dateOfService))
  return { table, edits }
}
