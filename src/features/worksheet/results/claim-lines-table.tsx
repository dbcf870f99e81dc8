import { useId } from 'react'
import type { ClaimLine } from '../../../domain/index.ts'
import { claimLineColumns } from './claim-line-columns.tsx'

export function ClaimLinesTable({ lines }: { lines: readonly ClaimLine[] }) {
  const headingId = useId()
  return (
    <div className="flex flex-col gap-2">
      <h3 id={headingId} className="text-base font-semibold text-slate-900">Claim lines</h3>
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
              {lines.map((line, i) => (
                <tr key={`${i}-${line.code}`} className="border-b border-slate-200 align-top">
                  {claimLineColumns.map((c) => (
                    <td key={c.id} className={`px-1.5 py-1.5 text-slate-900 ${c.className}`}>{c.cell(line)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
