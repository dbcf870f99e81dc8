import { Button } from '../../../components/button.tsx'
import { ACTION_WORDS } from '../decisions/decision-labels.ts'
import type { DecisionAction } from '../model/types.ts'
import { BULK_ACTIONS } from './row-controls.ts'

interface BulkBarProps {
  selected: number
  shown: number
  /** Per action, how many selected lines can take it. */
  possible: Record<(typeof BULK_ACTIONS)[number], number>
  onSelectAll: () => void
  onClear: () => void
  onAction: (action: DecisionAction) => void
}

const fmt = (n: number) => n.toLocaleString('en-US')

/** What to do with the selected lines; a button is enabled while at least one of them can take its action. */
export function BulkBar({ selected, shown, possible, onSelectAll, onClear, onAction }: BulkBarProps) {
  return (
    <div role="group" aria-label="Selected lines" className="flex flex-wrap items-center gap-2 rounded border border-slate-300 bg-slate-50 p-2" data-print="hide">
      <span className="text-sm font-medium text-slate-900">{selected === 0 ? 'No line selected' : `${fmt(selected)} ${selected === 1 ? 'line' : 'lines'} selected`}</span>
      {shown > 0 && selected < shown ? <Button size="sm" onClick={onSelectAll}>Select all {fmt(shown)} shown lines</Button> : null}
      {selected > 0 ? <Button size="sm" onClick={onClear}>Clear selection</Button> : null}
      <span className="mx-1 h-6 w-px bg-slate-300" aria-hidden="true" />
      {BULK_ACTIONS.map((action) => (
        <Button key={action} size="sm" variant={action === 'approve' ? 'primary' : 'secondary'} disabled={possible[action] === 0}
          onClick={() => onAction(action)}>
          {ACTION_WORDS[action].button}{possible[action] > 0 ? ` (${fmt(possible[action])})` : ''}
        </Button>
      ))}
    </div>
  )
}
