import type { ReactNode } from 'react'
import { formatNdc11, type ClaimLine, type ClaimNdc } from '../../../domain/index.ts'
import { PointerCell } from './pointer-cell.tsx'
import type { PointerEditing } from './pointer-lines.ts'

/** What a cell may need besides its line: its place, and the pointer editing when the table offers it. */
export interface ClaimLineCellContext {
  index: number
  pointers?: {
    editing: PointerEditing
    open: boolean
    editorId: string
    buttonId: string
    onToggle: () => void
  }
}

export interface ClaimLineColumn {
  id: string
  header: string
  /** Classes for the cells; the header takes only the alignment. */
  className: string
  align: 'left' | 'right'
  cell: (line: ClaimLine, context: ClaimLineCellContext) => ReactNode
}

const none = (
  <>
    <span aria-hidden="true">—</span>
    <span className="sr-only">none</span>
  </>
)

/** A drug line's NDC as the claim carries it, with its quantity and where it came from. */
function ndcText(ndc: ClaimNdc): string {
  const quantity = ndc.quantity === null ? '' : ` · ${ndc.unit ?? ''} ${Number(ndc.quantity.toFixed(3))}`.replace('  ', ' ')
  return `${formatNdc11(ndc.ndc11)}${quantity} · ${ndc.from === 'practice-list' ? 'from the practice\'s NDC list' : 'as entered'}`
}

/** The claim line table's columns: code, our own wording (with Box 19 and the NDC), modifiers in billing order, units, diagnosis pointers (box 24E). */
export const claimLineColumns: readonly ClaimLineColumn[] = [
  {
    id: 'code',
    header: 'Code',
    className: 'whitespace-nowrap font-mono font-semibold',
    align: 'left',
    cell: (line) => line.code,
  },
  {
    id: 'description',
    header: 'Description',
    className: 'break-words',
    align: 'left',
    cell: (line) => (
      <>
        {line.label}
        {line.box19 ? (
          <span className="mt-1 block text-xs text-slate-700">
            <span className="font-semibold">Box 19:</span> {line.box19}
          </span>
        ) : null}
        {line.ndc ? (
          <span className="mt-1 block text-xs text-slate-700" data-testid="line-ndc">
            <span className="font-semibold">NDC:</span> {ndcText(line.ndc)}
          </span>
        ) : null}
      </>
    ),
  },
  {
    id: 'modifiers',
    header: 'Modifiers',
    className: 'font-mono',
    align: 'left',
    cell: (line) => (line.modifiers.length > 0 ? line.modifiers.join(' ') : none),
  },
  {
    id: 'units',
    header: 'Units',
    className: 'text-right tabular-nums',
    align: 'right',
    cell: (line) => line.units,
  },
  {
    id: 'pointers',
    header: 'Dx pointer',
    className: 'whitespace-nowrap',
    align: 'left',
    cell: (line, context) => <PointerCell line={line} context={context} />,
  },
]
