import { Button } from '../../../components/button.tsx'

interface QueueEmptyProps {
  /** Finalized encounters stored. */
  encounters: number
  /** Lines the queue holds before filtering. */
  lines: number
  filtered: boolean
  includeAllLines: boolean
  onClear: () => void
  onShowAll: () => void
}

/** Why the queue shows no line, and the way out. */
export function QueueEmpty({ encounters, lines, filtered, includeAllLines, onClear, onShowAll }: QueueEmptyProps) {
  const box = 'flex flex-wrap items-center gap-2 rounded border border-slate-300 bg-white p-3 text-sm text-slate-800'
  if (encounters === 0) {
    return (
      <div className={box}>
        <p>No encounter has been finalized yet. Lines come here for review when a coder finalizes a worksheet with errors or warnings.</p>
        <a href="#/drafts" className="font-medium text-brand-700 underline">Open drafts</a>
      </div>
    )
  }
  if (lines === 0 && !includeAllLines) {
    return (
      <div className={box}>
        <p>No line needs review: no finalized line has an error or a warning.</p>
        <Button size="sm" onClick={onShowAll}>Show all lines</Button>
      </div>
    )
  }
  return (
    <div className={box}>
      <p>No lines match the filters.</p>
      {filtered ? <Button size="sm" onClick={onClear}>Clear filters</Button> : null}
    </div>
  )
}
