import { useTable, type RowData } from '@tanstack/react-table'
import type { ReactNode } from 'react'
import { adminTableFeatures, type AdminColumns } from './table-features.ts'

interface DataTableProps<T extends RowData> {
  /** The table's accessible name. */
  caption: string
  columns: AdminColumns<T>
  /** Keep it stable (state or memo): a new array re-builds the rows. */
  data: T[]
  getRowId: (row: T) => string
  /** Shown in a single row when there is no data. */
  empty: ReactNode
  /** Row styling from the data (a deactivated member is greyed). */
  rowClassName?: (row: T) => string
}

/** A plain table frame for the admin pages: markup and styles here, columns from each page. */
export function DataTable<T extends RowData>({ caption, columns, data, getRowId, empty, rowClassName }: DataTableProps<T>) {
  const table = useTable({ features: adminTableFeatures, columns, data, getRowId })
  const rows = table.getRowModel().rows
  return (
    <div className="overflow-x-auto rounded border border-slate-300 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-slate-300 text-left">
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="whitespace-nowrap p-2 font-semibold text-slate-900">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr><td colSpan={columns.length} className="p-3 text-slate-700">{empty}</td></tr>
          ) : rows.map((row) => (
            <tr key={row.id} className={`border-b border-slate-200 align-top ${rowClassName?.(row.original) ?? ''}`}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="p-2 text-slate-900"><table.FlexRender cell={cell} /></td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
