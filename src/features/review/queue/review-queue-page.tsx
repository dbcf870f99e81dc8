import type { RowSelectionState, Updater } from '@tanstack/react-table'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { Button } from '../../../components/button.tsx'
import { useCurrentUser } from '../../../lib/current-user.tsx'
import { downloadText } from '../../../lib/download.ts'
import type { DraftRecord, EncounterRecord } from '../../../storage/types.ts'
import { DecisionDialog } from '../decisions/decision-dialog.tsx'
import { LineAuditPanel } from '../decisions/line-audit-panel.tsx'
import { auditToCsv, QUEUE_COLUMNS, queueToCsv } from '../model/export.ts'
import { queueView, type SortColumn } from '../model/filters.ts'
import { DEFAULT_QUEUE_QUERY, formatQueueQuery, hasActiveFilters, parseQueueQuery, type QueueQuery } from '../model/queue-query.ts'
import { availableActions } from '../model/transitions.ts'
import type { DecisionAction, QueueRow } from '../model/types.ts'
import { BulkBar } from './bulk-bar.tsx'
import { FiltersBar } from './filters-bar.tsx'
import { PrintTable } from './print-table.tsx'
import { QueueEmpty } from './queue-empty.tsx'
import { QueueTable } from './queue-table.tsx'
import { QueueToolbar } from './queue-toolbar.tsx'
import { DEFAULT_SORT, describeFilters, localToday, nextSorting, onlyRows } from './queue-view-state.ts'
import { BULK_ACTIONS, RowControlsContext, type RowControls } from './row-controls.ts'
import { usePrinting } from './use-printing.ts'
import { useQueueData } from './use-queue-data.ts'

export interface ReviewQueuePageProps {
  /** The queue's filters, sorting and shown columns as URL search parameters ('' for the defaults). */
  query: string
  /** Called with the new query when the user changes filters or sorting (the app keeps it in the URL). */
  onQueryChange: (query: string) => void
  /** The worksheet's draft for a returned encounter (the app passes the worksheet's toReturnedDraft). */
  toReturnedDraft: (record: EncounterRecord, note: string, now: string) => DraftRecord
}

const fmt = (n: number) => n.toLocaleString('en-US')

/** The supervisor's review queue: every finalized line with findings, filtered, sorted and decided in bulk or one by one. */
export function ReviewQueuePage({ query, onQueryChange, toReturnedDraft }: ReviewQueuePageProps) {
  const id = useId()
  const { user } = useCurrentUser()
  const q = useMemo(() => parseQueueQuery(query), [query])
  const data = useQueueData(q.includeAllLines)
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({})
  const [decision, setDecision] = useState<{ action: DecisionAction; rows: readonly QueueRow[] } | null>(null)
  const [detailsId, setDetailsId] = useState<string | null>(null)
  const [summary, setSummary] = useState({ text: '', n: 0 })
  const summaryRef = useRef<HTMLParagraphElement>(null)
  /** The rows shown when the last decision ended, while focus may still need a place to land. */
  const focusAfter = useRef<readonly QueueRow[] | null>(null)

  const update = useCallback((patch: Partial<QueueQuery>) => onQueryChange(formatQueueQuery({ ...q, ...patch })), [q, onQueryChange])
  // Not deferred: a new view of 100,000 lines takes a few tens of milliseconds, and rendering it in
  // one go shows it sooner than a deferred render sliced over several frames (bench:review-ui).
  const deferred = q
  const scoped = useMemo(() => (data ? onlyRows(data.rows, deferred.rowIds) : []), [data, deferred.rowIds])
  const sorting = deferred.sorting.length > 0 ? deferred.sorting : DEFAULT_SORT
  const view = useMemo(() => queueView(scoped, deferred.filters, sorting), [scoped, deferred.filters, sorting])

  // After a decision the button that opened it may go with the line's new status (an approved line
  // offers no "Approve"): focus then lands on the outcome rather than at the top of the page.
  useEffect(() => {
    if (focusAfter.current === null) return
    if (document.activeElement === document.body || document.activeElement === null) {
      summaryRef.current?.focus()
      focusAfter.current = null
    } else if (focusAfter.current !== view.rows) {
      focusAfter.current = null
    }
  }, [summary, view.rows])

  const printing = usePrinting()
  const isSupervisor = user?.role === 'supervisor'
  const selectedRows = useMemo(() => {
    const ids = new Set(Object.keys(rowSelection).filter((rowId) => rowSelection[rowId]))
    return ids.size === 0 ? [] : view.rows.filter((r) => ids.has(r.rowId))
  }, [view.rows, rowSelection])
  const possible = useMemo(() => {
    const counts = { approve: 0, return: 0, override: 0 }
    if (!user) return counts
    for (const row of selectedRows) {
      const actions = availableActions(row.status, user, row)
      for (const action of BULK_ACTIONS) if (actions.includes(action)) counts[action]++
    }
    return counts
  }, [selectedRows, user])

  const controls = useMemo<RowControls>(() => ({
    actionsFor: (row) => (user ? availableActions(row.status, user, row) : []),
    onDetails: (row) => setDetailsId(row.rowId),
    onAction: (action, rows) => setDecision({ action, rows }),
  }), [user])

  const onSelection = useCallback((updater: Updater<RowSelectionState>) => setRowSelection((old) => (typeof updater === 'function' ? updater(old) : updater)), [])
  const selectAll = (on: boolean) => setRowSelection(on ? Object.fromEntries(view.rows.map((r) => [r.rowId, true])) : {})
  const visibleColumns = QUEUE_COLUMNS.map((c) => c.id).filter((c) => !q.hidden.includes(c))
  const detailsRow = detailsId && data ? data.rows.find((r) => r.rowId === detailsId) : undefined

  if (!data) return <p role="status">Loading the review queue…</p>

  return (
    <section aria-labelledby={`${id}-heading`} className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id={`${id}-heading`} className="text-lg font-semibold text-brand-800">Review queue</h2>
          <p className="max-w-prose text-sm text-slate-700">
            Finalized claim lines with errors or warnings, for a supervisor to approve, override with a reason, or return to the coder with a note.
          </p>
        </div>
        <QueueToolbar shown={view.rows.length} hidden={q.hidden} auditEntries={data.log.length} onHidden={(hidden) => update({ hidden })}
          onExportCsv={() => downloadText(`review-queue-${localToday()}.csv`, queueToCsv(view.rows, visibleColumns), 'text/csv')}
          onExportAudit={() => downloadText(`review-audit-log-${localToday()}.csv`, auditToCsv(data.log), 'text/csv')} />
      </div>

      {isSupervisor ? null : (
        <p className="rounded border border-slate-300 bg-slate-50 p-2 text-sm text-slate-800" data-print="hide">
          You are signed in as a {user?.role ?? 'guest'}, so the queue is read-only for you: only a supervisor can approve, override or return lines.
        </p>
      )}

      <FiltersBar filters={q.filters} facets={view.facets} users={data.users} includeAllLines={q.includeAllLines}
        canClear={hasActiveFilters(q.filters)} onFilters={(filters) => update({ filters })}
        onIncludeAllLines={(includeAllLines) => update({ includeAllLines })} onClear={() => update({ filters: DEFAULT_QUEUE_QUERY.filters })} />

      <div className="flex flex-wrap items-center gap-3" data-print="hide">
        <p role="status" className="text-sm font-medium text-slate-900">{fmt(view.rows.length)} of {fmt(view.total)} lines</p>
        {q.rowIds !== null ? (
          <span className="inline-flex items-center gap-2 rounded-full border border-brand-700 bg-brand-50 px-3 py-0.5 text-sm text-brand-800">
            Showing {fmt(scoped.length)} selected {scoped.length === 1 ? 'line' : 'lines'} from Insights
            <Button size="sm" variant="ghost" onClick={() => update({ rowIds: null })} aria-label="Remove the Insights selection and show every line">✕</Button>
          </span>
        ) : null}
      </div>
      <p ref={summaryRef} tabIndex={-1} role="status" aria-live="polite" data-print="hide"
        className="text-sm font-medium text-green-900 empty:hidden focus-visible:outline focus-visible:outline-2 focus-visible:outline-focus">{summary.text}</p>

      {isSupervisor && view.rows.length > 0 ? (
        <BulkBar selected={selectedRows.length} shown={view.rows.length} possible={possible} onSelectAll={() => selectAll(true)}
          onClear={() => selectAll(false)} onAction={(action) => setDecision({ action, rows: selectedRows })} />
      ) : null}

      {view.rows.length === 0 ? (
        <QueueEmpty encounters={data.encounterCount} lines={data.rows.length} filtered={hasActiveFilters(q.filters) || q.rowIds !== null}
          includeAllLines={q.includeAllLines} onClear={() => update({ filters: DEFAULT_QUEUE_QUERY.filters, rowIds: null })}
          onShowAll={() => update({ includeAllLines: true })} />
      ) : (
        <RowControlsContext value={controls}>
          <QueueTable rows={view.rows} hidden={q.hidden} sorting={sorting} canSelect={isSupervisor}
            onSort={(col: SortColumn, additive) => update({ sorting: nextSorting(q.sorting, col, additive) })}
            rowSelection={rowSelection} onRowSelectionChange={onSelection} selectedCount={selectedRows.length} onSelectAll={selectAll} />
        </RowControlsContext>
      )}

      {printing ? <PrintTable rows={view.rows} hidden={q.hidden} heading="Review queue" filterSummary={describeFilters(q.filters)} printedOn={localToday()} /> : null}

      {detailsRow ? (
        <LineAuditPanel row={detailsRow} encounter={data.encounters.get(detailsRow.encounterId)} log={data.log}
          onClose={() => setDetailsId(null)} onDecide={(action) => { setDetailsId(null); setDecision({ action, rows: [detailsRow] }) }} />
      ) : null}
      {decision ? (
        <DecisionDialog action={decision.action} rows={decision.rows} encounters={data.encounters} toReturnedDraft={toReturnedDraft}
          onCancel={() => setDecision(null)}
          onDone={(text) => { setDecision(null); focusAfter.current = view.rows; setSummary((old) => ({ text, n: old.n + 1 })); if (decision.rows.length > 1) setRowSelection({}) }} />
      ) : null}
    </section>
  )
}
