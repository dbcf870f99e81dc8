import {
  useTable, type ColumnVisibilityState, type RowSelectionState, type Updater,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react'
import type { QueueColumnId } from '../model/export.ts'
import type { SortColumn, SortRule } from '../model/filters.ts'
import type { QueueRow } from '../model/types.ts'
import { queueColumns, queueFeatures } from './queue-columns.ts'
import { COLUMN_WIDTHS, isSortColumn, READ_ONLY_ACTIONS_WIDTH, ROW_HEIGHT, type QueueTableColumnId } from './row-controls.ts'

interface QueueTableProps {
  rows: readonly QueueRow[]
  hidden: readonly QueueColumnId[]
  sorting: readonly SortRule[]
  onSort: (id: SortColumn, additive: boolean) => void
  canSelect: boolean
  rowSelection: RowSelectionState
  onRowSelectionChange: (updater: Updater<RowSelectionState>) => void
  /** How many shown lines are selected, for the header's select-all box. */
  selectedCount: number
  onSelectAll: (on: boolean) => void
}

const OVERSCAN = 10
/** The actions column stays in view while the wide table scrolls sideways. */
const STICKY_END = 'sticky right-0 border-l border-slate-300'

function SortButton({ label, rule, priority, onSort }: { label: string; rule: SortRule | undefined; priority: number; onSort: (additive: boolean) => void }) {
  return (
    <button type="button" onClick={(e) => onSort(e.shiftKey)}
      className="inline-flex w-full items-center gap-1 text-left font-semibold hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-focus">
      <span className="truncate">{label}</span>
      <span aria-hidden="true" className="text-xs text-slate-700">{rule ? (rule.desc ? '▼' : '▲') : '↕'}{priority > 0 ? priority : ''}</span>
      {priority > 0 ? <span className="sr-only">, sort key {priority}</span> : null}
    </button>
  )
}

/**
 * One line of the table. While scrolling, the window moves a row or two per frame: a line whose
 * data, position, selection and columns are unchanged is not rendered again (its cells read the
 * row controls from context, which re-renders them when those change).
 */
const QueueTableRow = memo(function QueueTableRow({ index, selected, children }: {
  line: QueueRow; index: number; selected: boolean; columnsKey: string; children: ReactNode
}) {
  return (
    <tr aria-rowindex={index + 2} style={{ height: ROW_HEIGHT }} className={`border-b border-slate-200 ${selected ? 'bg-brand-50' : 'hover:bg-slate-50'}`}>
      {children}
    </tr>
  )
}, (a, b) => a.line === b.line && a.index === b.index && a.selected === b.selected && a.columnsKey === b.columnsKey)

/**
 * The queue's lines in a virtualised table: only the rows in view (plus a margin) are in the
 * DOM, between two spacer rows; aria-rowcount and aria-rowindex tell assistive technology the
 * real size and position. TanStack gets the rows in view only: it renders columns, visibility
 * and selection, while the order and filtering come from queueView.
 */
export function QueueTable({ rows, hidden, sorting, onSort, canSelect, rowSelection, onRowSelectionChange, selectedCount, onSelectAll }: QueueTableProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const selectAll = useRef<HTMLInputElement>(null)
  // The virtualiser's API is mutable by design; React Compiler must not memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // Index keys (the default): with one fixed row height the positions do not depend on which
    // line is where, and a new order then does not make the virtualiser re-key 100,000 items.
    overscan: OVERSCAN,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? -1
  const windowRows = useMemo(() => rows.slice(first, last + 1), [rows, first, last])
  const columnVisibility = useMemo<ColumnVisibilityState>(() => {
    const state: ColumnVisibilityState = Object.fromEntries(hidden.map((id) => [id, false]))
    if (!canSelect) state.select = false
    return state
  }, [hidden, canSelect])

  const table = useTable({
    features: queueFeatures,
    columns: queueColumns,
    data: windowRows,
    getRowId: (row) => row.rowId,
    enableRowSelection: canSelect,
    state: { columnVisibility, rowSelection },
    onRowSelectionChange,
  })

  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selectedCount > 0 && selectedCount < rows.length
  }, [selectedCount, rows.length])

  const columns = table.getVisibleLeafColumns()
  const columnsKey = `${canSelect ? 'select,' : ''}${columns.map((c) => c.id).join(',')}`
  const widthOf = (id: string) => (id === 'actions' && !canSelect ? READ_ONLY_ACTIONS_WIDTH : COLUMN_WIDTHS[id as QueueTableColumnId])
  const width = columns.reduce((sum, c) => sum + widthOf(c.id), 0)
  const top = items[0]?.start ?? 0
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  const spacer = (height: number, key: string) => height > 0
    ? <tr key={key} aria-hidden="true"><td colSpan={columns.length} style={{ height, padding: 0, border: 0 }} /></tr>
    : null

  return (
    <div ref={scroller} role="region" aria-label="Review queue lines" tabIndex={0} data-testid="review-queue-scroller" data-print="hide"
      className="h-[min(70vh,42rem)] overflow-auto rounded border border-slate-300 bg-white focus-visible:outline focus-visible:outline-2 focus-visible:outline-focus">
      <table aria-rowcount={rows.length + 1} className="table-fixed border-collapse text-sm" style={{ width }}>
        <caption className="sr-only">Claim lines to review; column headers sort (Shift adds a sort key)</caption>
        <colgroup>{columns.map((c) => <col key={c.id} style={{ width: widthOf(c.id) }} />)}</colgroup>
        <thead className="sticky top-0 z-10 bg-slate-100">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1} className="border-b border-slate-300 text-left">
              {group.headers.map((header) => {
                const id = header.column.id
                if (id === 'select') {
                  return (
                    <th key={header.id} scope="col" className="p-2">
                      <input ref={selectAll} type="checkbox" className="size-4 accent-brand-700" aria-label={`Select all ${rows.length.toLocaleString('en-US')} shown lines`}
                        checked={rows.length > 0 && selectedCount === rows.length} onChange={(e) => onSelectAll(e.target.checked)} />
                    </th>
                  )
                }
                const index = sorting.findIndex((s) => s.id === id)
                const rule = index >= 0 ? sorting[index] : undefined
                const label = typeof header.column.columnDef.header === 'string' ? header.column.columnDef.header : id
                return (
                  <th key={header.id} scope="col" className={`p-2 align-middle text-slate-900 ${id === 'actions' ? STICKY_END : ''} bg-slate-100`}
                    aria-sort={rule ? (rule.desc ? 'descending' : 'ascending') : undefined}>
                    {isSortColumn(id)
                      ? <SortButton label={label} rule={rule} priority={sorting.length > 1 && rule ? index + 1 : 0} onSort={(additive) => onSort(id, additive)} />
                      : <span className="font-semibold">{label}</span>}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {spacer(top, 'top')}
          {table.getRowModel().rows.map((row, i) => {
            const selected = row.getIsSelected()
            return (
              <QueueTableRow key={row.id} line={row.original} index={first + i} selected={selected} columnsKey={columnsKey}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`overflow-hidden whitespace-nowrap px-2 py-1 text-slate-900 ${cell.column.id === 'actions' ? `${STICKY_END} ${selected ? 'bg-brand-50' : 'bg-white'}` : ''}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </QueueTableRow>
            )
          })}
          {spacer(bottom, 'bottom')}
        </tbody>
      </table>
    </div>
  )
}
