import { Button } from '../../../components/button.tsx'
import type { QueueColumnId } from '../model/export.ts'
import { ColumnMenu } from './column-menu.tsx'
import { PRINT_LIMIT } from './print-table.tsx'

interface QueueToolbarProps {
  shown: number
  hidden: readonly QueueColumnId[]
  auditEntries: number
  onHidden: (hidden: QueueColumnId[]) => void
  onExportCsv: () => void
  onExportAudit: () => void
}

/** Columns, exports and print. */
export function QueueToolbar({ shown, hidden, auditEntries, onHidden, onExportCsv, onExportAudit }: QueueToolbarProps) {
  return (
    <div className="flex flex-col gap-1" data-print="hide">
      <div className="flex flex-wrap items-center gap-2">
        <ColumnMenu hidden={hidden} onChange={onHidden} />
        <Button onClick={onExportCsv} disabled={shown === 0}>Export CSV</Button>
        <Button onClick={() => window.print()} disabled={shown === 0}>Print</Button>
        <Button onClick={onExportAudit} disabled={auditEntries === 0}>Export audit log (CSV)</Button>
      </div>
      {shown > PRINT_LIMIT ? (
        <p className="text-xs text-slate-700">
          Print includes the first {PRINT_LIMIT.toLocaleString('en-US')} of the {shown.toLocaleString('en-US')} lines shown; Export CSV has them all.
        </p>
      ) : null}
    </div>
  )
}
