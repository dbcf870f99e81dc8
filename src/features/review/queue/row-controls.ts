import { createContext } from 'react'
import type { QueueColumnId } from '../model/export.ts'
import { SORT_COLUMNS, type SortColumn } from '../model/filters.ts'
import type { DecisionAction, QueueRow } from '../model/types.ts'

export interface RowControls {
  actionsFor: (row: QueueRow) => DecisionAction[]
  onDetails: (row: QueueRow) => void
  onAction: (action: DecisionAction, rows: readonly QueueRow[]) => void
}

/** The page's row handlers, read by the actions cell so that the column definitions stay stable. */
export const RowControlsContext = createContext<RowControls>({ actionsFor: () => [], onDetails: () => undefined, onAction: () => undefined })

/** The bulk decisions; reopen is a single-line action from the row or its details. */
export const BULK_ACTIONS = ['approve', 'return', 'override'] as const satisfies readonly DecisionAction[]

export type QueueTableColumnId = QueueColumnId | 'select' | 'actions'

/** Column widths in px: the body is virtualised, so widths are fixed rather than measured from the rows shown. */
export const COLUMN_WIDTHS: Record<QueueTableColumnId, number> = {
  select: 44, dateOfService: 140, patientId: 144, providerId: 100, coderName: 130, payer: 130, code: 80, modifiers: 104,
  units: 72, topFinding: 300, severity: 104, category: 160, ruleIds: 170, status: 168, actions: 300,
}

/** The actions column when only "Details" (and at most one decision) shows: a coder's or trainee's queue. */
export const READ_ONLY_ACTIONS_WIDTH = 96

/** Fixed height of a body row in px (the virtualiser's item size). */
export const ROW_HEIGHT = 44

/** How a line is named to a screen reader beside its controls: "64493 50 on 2026-10-14, PT-1001, line 2". */
export function rowName(row: QueueRow): string {
  return `${row.code}${row.modifiers ? ` ${row.modifiers}` : ''} on ${row.dateOfService}, ${row.patientId}, line ${row.lineIndex + 1}`
}


export function isSortColumn(id: string): id is SortColumn {
  return (SORT_COLUMNS as readonly string[]).includes(id)
}
