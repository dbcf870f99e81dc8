import { Fragment, useId, useState } from 'react'
import { POINTER_LETTERS, type ClaimLine } from '../../../domain/index.ts'
import { claimLineColumns, type ClaimLineCellContext } from './claim-line-columns.tsx'
import { PointerEditor } from './pointer-editor.tsx'
import type { PointerEditing } from './pointer-lines.ts'

interface ClaimLinesTableProps {
  lines: readonly ClaimLine[]
  /** Box 21: the claim's diagnoses in order, shown with their letters. */
  diagnoses?: readonly string[]
  /** Lets the coder change a line's diagnosis pointers; without it the pointers are shown only. */
  pointerEditing?: PointerEditing
}

function Box21({ diagnoses }: { diagnoses: readonly string[] }) {
  const headingId = useId()
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
      <h4 id={headingId} className="font-semibold text-slate-900">Diagnoses (box 21)</h4>
      {diagnoses.length === 0 ? <p className="text-slate-700">None entered.</p> : (
        <ol aria-labelledby={headingId} data-testid="box-21" className="flex flex-wrap gap-x-3 gap-y-1">
          {diagnoses.map((dx, i) => (
            <li key={`${i}-${dx}`} className="font-mono"><span className="font-bold">{POINTER_LETTERS[i]}</span> {dx}</li>
          ))}
        </ol>
      )}
    </div>
  )
}

export function ClaimLinesTable({ lines, diagnoses, pointerEditing }: ClaimLinesTableProps) {
  const headingId = useId()
  const rowId = useId()
  const [open, setOpen] = useState<number | null>(null)
  const close = (index: number) => {
    setOpen(null)
    // The editor goes away with the state; focus returns to the button that opened it.
    requestAnimationFrame(() => document.getElementById(`${rowId}-button-${index}`)?.focus())
  }
  const contextFor = (index: number): ClaimLineCellContext => (pointerEditing ? {
    index,
    pointers: {
      editing: pointerEditing, open: open === index, editorId: `${rowId}-editor-${index}`, buttonId: `${rowId}-button-${index}`,
      onToggle: () => (open === index ? close(index) : setOpen(index)),
    },
  } : { index })
  return (
    <div className="flex flex-col gap-2">
      <h3 id={headingId} className="text-base font-semibold text-slate-900">Claim lines</h3>
      {diagnoses ? <Box21 diagnoses={diagnoses} /> : null}
      {lines.length === 0 ? (
        <p data-testid="claim-lines-empty" className="rounded border border-dashed border-slate-300 p-3 text-sm text-slate-700">
          No claim lines yet. Add a procedure, a drug or another line and the lines appear here.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table aria-labelledby={headingId} data-testid="claim-lines" className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left text-slate-700">
                {claimLineColumns.map((c) => (
                  <th key={c.id} scope="col" className={`px-1.5 py-1 font-semibold ${c.align === 'right' ? 'text-right' : 'text-left'}`}>{c.header}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => {
                const context = contextFor(i)
                return (
                  <Fragment key={`${i}-${line.code}`}>
                    <tr className="border-b border-slate-200 align-top">
                      {claimLineColumns.map((c) => (
                        <td key={c.id} className={`px-1.5 py-1.5 text-slate-900 ${c.className}`}>{c.cell(line, context)}</td>
                      ))}
                    </tr>
                    {pointerEditing && open === i ? (
                      <tr data-print="hide">
                        <td colSpan={claimLineColumns.length} className="px-1.5 pb-2">
                          <PointerEditor id={`${rowId}-editor-${i}`} line={line} editing={pointerEditing} onClose={() => close(i)} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
