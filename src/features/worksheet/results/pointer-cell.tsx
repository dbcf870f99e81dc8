import { Button } from '../../../components/button.tsx'
import { lineName, type ClaimLine } from '../../../domain/index.ts'
import type { ClaimLineCellContext } from './claim-line-columns.tsx'
import { isChosen } from './pointer-lines.ts'

const none = (
  <>
    <span aria-hidden="true">—</span>
    <span className="sr-only">none</span>
  </>
)

/** A line's box 24E letters, "(chosen)" when the coder chose them, and the button that opens the editor. */
export function PointerCell({ line, context }: { line: ClaimLine; context: ClaimLineCellContext }) {
  const letters = line.pointers ?? []
  const p = context.pointers
  return (
    <div className="flex flex-wrap items-center gap-1">
      <span className="font-mono font-semibold" data-testid={`line-pointers-${context.index}`}>{letters.length > 0 ? letters.join('') : none}</span>
      {letters.length > 0 && isChosen(line) ? <span className="text-xs text-slate-700">(chosen)</span> : null}
      {p ? (
        <Button id={p.buttonId} size="sm" variant="ghost" className="min-h-8" data-print="hide" onClick={p.onToggle}
          aria-expanded={p.open} aria-controls={p.open ? p.editorId : undefined}
          aria-label={`Change the diagnosis pointers of line ${context.index + 1}, ${lineName(line.code, line.modifiers)}`}>
          {p.open ? 'Close' : 'Change'}
        </Button>
      ) : null}
    </div>
  )
}
