import { QUEUE_COLUMNS, type QueueColumnId } from '../model/export.ts'
import type { QueueRow } from '../model/types.ts'

/** Lines a printout holds at most: more would be hundreds of pages and stall the browser. */
export const PRINT_LIMIT = 2000

/**
 * The printed queue: the filtered, sorted lines (up to PRINT_LIMIT) in the visible columns, as a
 * plain table, because the screen's table only has the rows in view. Only in print.
 */
export function PrintTable({ rows, hidden, heading, filterSummary, printedOn }: {
  rows: readonly QueueRow[]; hidden: readonly QueueColumnId[]; heading: string; filterSummary: string; printedOn: string
}) {
  const columns = QUEUE_COLUMNS.filter((c) => !hidden.includes(c.id))
  const printed = rows.slice(0, PRINT_LIMIT)
  return (
    <div data-print="only">
      <p><strong>{heading}</strong>, printed {printedOn}. {filterSummary}</p>
      {rows.length > PRINT_LIMIT ? (
        <p>
          The first {PRINT_LIMIT.toLocaleString('en-US')} of {rows.length.toLocaleString('en-US')} lines are printed. Narrow the filters or
          export CSV for the rest.
        </p>
      ) : null}
      <table>
        <thead><tr>{columns.map((c) => <th key={c.id} scope="col">{c.header}</th>)}</tr></thead>
        <tbody>{printed.map((row) => <tr key={row.rowId}>{columns.map((c) => <td key={c.id}>{c.text(row)}</td>)}</tr>)}</tbody>
      </table>
    </div>
  )
}
