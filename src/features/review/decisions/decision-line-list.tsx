import { useId, useState } from 'react'
import { SeverityBadge } from '../../../components/severity-badge.tsx'
import type { QueueRow } from '../model/types.ts'
import { plural } from './decision-labels.ts'

/** Lines shown before "Show all": enough to check a small selection at a glance. */
const COLLAPSED = 10

interface DecisionLineListProps {
  rows: readonly QueueRow[]
  /** Why a line will be skipped, by row id. */
  blockers: ReadonlyMap<string, string>
  /** Lines already written by an earlier, partly failed attempt, by row id, with what was done. */
  done: ReadonlyMap<string, string>
}

/** The lines a decision is about, skipped and done ones first, so that a long selection shows them up front. */
export function DecisionLineList({ rows, blockers, done }: DecisionLineListProps) {
  const [expanded, setExpanded] = useState(false)
  const listId = useId()
  const rank = (r: QueueRow) => (blockers.has(r.rowId) ? 0 : done.has(r.rowId) ? 1 : 2)
  const ordered = [...rows].sort((a, b) => rank(a) - rank(b))
  const shown = expanded ? ordered : ordered.slice(0, COLLAPSED)
  return (
    <div className="flex flex-col gap-1">
      {/* Focusable so that a keyboard user can scroll a long selection. */}
      <div role="region" aria-label="Lines in this decision" tabIndex={0} className="max-h-[40vh] overflow-y-auto rounded border border-slate-300 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus">
        <ul id={listId} className="divide-y divide-slate-200 text-sm">
          {shown.map((row) => {
            const blocker = blockers.get(row.rowId)
            const written = done.get(row.rowId)
            return (
              <li key={row.rowId} className="flex flex-col gap-0.5 px-2 py-1.5">
                <span>
                  <span className="font-medium">{row.patientId}</span> · {row.dateOfService} · line {row.lineIndex + 1} ·{' '}
                  <span className="font-mono">{row.code}{row.modifiers ? ` ${row.modifiers}` : ''}</span>
                </span>
                {row.topFinding ? (
                  <span className="flex min-w-0 items-center gap-1 text-slate-700">
                    {row.severity ? <SeverityBadge severity={row.severity} /> : null}
                    <span className="shrink-0 whitespace-nowrap font-mono text-xs">{row.topFinding.ruleId}</span>
                    <span className="truncate" title={row.topFinding.message}>{row.topFinding.message}</span>
                  </span>
                ) : null}
                {blocker ? <span className="font-medium text-amber-900">Will be skipped: {blocker}</span> : null}
                {written ? <span className="font-medium text-green-800">{written}</span> : null}
              </li>
            )
          })}
        </ul>
      </div>
      {rows.length > COLLAPSED ? (
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((e) => !e)}
          className="self-start rounded text-sm font-medium text-brand-700 underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
        >
          {expanded ? `Show the first ${COLLAPSED} lines only` : `Show all ${plural(rows.length, 'line')}`}
        </button>
      ) : null}
    </div>
  )
}
