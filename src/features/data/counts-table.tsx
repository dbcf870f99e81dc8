import type { BackupTable } from '../../storage/index.ts'
import { TABLE_LABELS, totalOf } from './tables.ts'

interface CountsTableProps {
  caption: string
  columns: readonly { label: string; counts: Record<BackupTable, number> | undefined }[]
}

/** Records per table, one column per source (what is stored, what a file holds). */
export function CountsTable({ caption, columns }: CountsTableProps) {
  const cell = (counts: Record<BackupTable, number> | undefined, table: BackupTable | null) =>
    counts === undefined ? '…' : (table === null ? totalOf(counts) : counts[table]).toLocaleString('en-US')
  return (
    <div className="overflow-x-auto">
      <table className="border-collapse bg-white text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="p-2">What</th>
            {columns.map((c) => <th key={c.label} scope="col" className="p-2 text-right">{c.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {TABLE_LABELS.map(([table, label]) => (
            <tr key={table} className="border-b border-slate-200">
              <th scope="row" className="p-2 text-left font-normal">{label}</th>
              {columns.map((c) => <td key={c.label} className="p-2 text-right tabular-nums">{cell(c.counts, table)}</td>)}
            </tr>
          ))}
          <tr>
            <th scope="row" className="p-2 text-left">All records</th>
            {columns.map((c) => <td key={c.label} className="p-2 text-right font-semibold tabular-nums">{cell(c.counts, null)}</td>)}
          </tr>
        </tbody>
      </table>
    </div>
  )
}
