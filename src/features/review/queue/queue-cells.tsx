import { useContext } from 'react'
import { Button } from '../../../components/button.tsx'
import { SeverityBadge } from '../../../components/severity-badge.tsx'
import { ACTION_WORDS } from '../decisions/decision-labels.ts'
import { QUEUE_COLUMNS, type QueueColumnId } from '../model/export.ts'
import { categoryLabel } from '../../../domain/index.ts'
import { STATUS_LABELS, type QueueRow, type ReviewStatus } from '../model/types.ts'
import { rowName, RowControlsContext } from './row-controls.ts'

const STATUS_STYLES: Record<ReviewStatus, string> = {
  'no-findings': 'border-slate-300 bg-slate-100 text-slate-800',
  pending: 'border-amber-300 bg-amber-50 text-amber-900',
  approved: 'border-green-300 bg-green-50 text-green-900',
  returned: 'border-violet-300 bg-violet-50 text-violet-900',
  overridden: 'border-sky-300 bg-sky-50 text-sky-900',
}

export function StatusBadge({ status }: { status: ReviewStatus }) {
  return <span className={`inline-flex whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLES[status]}`}>{STATUS_LABELS[status]}</span>
}

function Text({ value }: { value: string }) {
  return <span className="block truncate" title={value}>{value}</span>
}

export function DataCell({ id, row }: { id: QueueColumnId; row: QueueRow }) {
  switch (id) {
    case 'severity': return row.severity ? <SeverityBadge severity={row.severity} /> : <span className="text-slate-700">None</span>
    case 'status': return <StatusBadge status={row.status} />
    case 'category': return <Text value={row.category ? categoryLabel(row.category) : ''} />
    case 'topFinding': return row.topFinding
      ? <Text value={`${row.topFinding.ruleId}: ${row.topFinding.message}`} />
      : <span className="text-slate-700">No findings</span>
    case 'ruleIds': return <Text value={row.ruleIds.join(', ')} />
    case 'coderName': return row.coderName === '' ? <span className="text-slate-700">Not recorded</span> : <Text value={row.coderName} />
    case 'units': return <span className="block text-right tabular-nums">{row.units.toLocaleString('en-US')}</span>
    default: return <Text value={QUEUE_COLUMNS.find((c) => c.id === id)?.text(row) ?? ''} />
  }
}

export function SelectBox({ row, checked, onChange }: { row: QueueRow; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <input type="checkbox" className="size-4 accent-brand-700" checked={checked} aria-label={`Select ${rowName(row)}`}
      onChange={(e) => onChange(e.target.checked)} />
  )
}

export function ActionsCell({ row }: { row: QueueRow }) {
  const { actionsFor, onDetails, onAction } = useContext(RowControlsContext)
  const name = rowName(row)
  return (
    <span className="flex items-center gap-1">
      <Button size="sm" onClick={() => onDetails(row)} aria-label={`Details, ${name}`}>Details</Button>
      {actionsFor(row).map((action) => (
        <Button key={action} size="sm" variant="ghost" className="whitespace-nowrap" onClick={() => onAction(action, [row])}
          aria-label={`${ACTION_WORDS[action].verb}, ${name}`}>
          {ACTION_WORDS[action].verb}
        </Button>
      ))}
    </span>
  )
}
