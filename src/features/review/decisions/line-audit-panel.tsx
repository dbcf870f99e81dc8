import { useId, useMemo } from 'react'
import { Button } from '../../../components/button.tsx'
import { downloadText } from '../../../lib/download.ts'
import { useCurrentUser } from '../../../lib/current-user.tsx'
import type { EncounterRecord } from '../../../storage/types.ts'
import { auditForLine } from '../model/audit.ts'
import { auditToCsv } from '../model/export.ts'
import { availableActions } from '../model/transitions.ts'
import { STATUS_LABELS, type AuditEntry, type DecisionAction, type QueueRow, type ReviewStatus } from '../model/types.ts'
import { AuditHistoryTable } from './audit-history-table.tsx'
import { ACTION_WORDS, auditTime } from './decision-labels.ts'
import { findingsForLine } from './line-findings.ts'
import { LineFindingsList } from './line-findings-list.tsx'
import { Dialog } from '../../../components/dialog.tsx'

export interface LineAuditPanelProps {
  row: QueueRow
  encounter: EncounterRecord | undefined
  /** The whole audit log, oldest first. */
  log: readonly AuditEntry[]
  onClose: () => void
  onDecide: (action: DecisionAction) => void
}

const STATUS_STYLES: Record<ReviewStatus, string> = {
  'no-findings': 'border-slate-300 bg-slate-100 text-slate-900',
  pending: 'border-amber-300 bg-amber-100 text-amber-950',
  approved: 'border-green-300 bg-green-100 text-green-950',
  returned: 'border-red-300 bg-red-50 text-red-900',
  overridden: 'border-violet-300 bg-violet-100 text-violet-950',
}

const NOTHING_TO_DECIDE: Partial<Record<ReviewStatus, string>> = {
  'no-findings': 'This line has no findings to review.',
  returned: 'This line is with the coder; it comes back to review when the encounter is finalized again.',
}

function fileNameOf(row: QueueRow): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '_')
  return `audit-${safe(row.patientId)}-${row.dateOfService}-line-${row.lineIndex + 1}.csv`
}

/** One claim line in full: its findings, who finalized it and why, and every audit entry about it. */
export function LineAuditPanel({ row, encounter, log, onClose, onDecide }: LineAuditPanelProps) {
  const { user } = useCurrentUser()
  const id = useId()
  const entries = useMemo(() => auditForLine(log, row.encounterId, row.lineIndex), [log, row.encounterId, row.lineIndex])
  const line = encounter?.lines[row.lineIndex]
  const findings = encounter ? findingsForLine(encounter.findings, encounter.lines, row.lineIndex) : []
  const actions = user ? availableActions(row.status, user, row) : []
  const ownWork = user !== null && row.coderId !== null && row.coderId === user.id
  const modifiers = line ? line.modifiers.join(' ') : row.modifiers
  return (
    <Dialog open title={`Line ${row.lineIndex + 1} of ${row.patientId} on ${row.dateOfService}`} onClose={onClose} wide>
      <section aria-labelledby={`${id}-claim`} className="flex flex-col gap-1">
        <h3 id={`${id}-claim`} className="font-semibold">Claim line</h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm sm:grid-cols-[auto_12rem_auto_1fr]">
          <dt className="font-medium">Code</dt><dd className="font-mono">{line?.code ?? row.code}</dd>
          <dt className="font-medium">Modifiers</dt><dd className="font-mono">{modifiers === '' ? 'None' : modifiers}</dd>
          <dt className="font-medium">Units</dt><dd>{(line?.units ?? row.units).toLocaleString('en-US')}</dd>
          <dt className="font-medium">Status</dt>
          <dd><span className={`inline-flex rounded border px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLES[row.status]}`}>{STATUS_LABELS[row.status]}</span></dd>
          <dt className="font-medium">Provider</dt><dd>{row.providerId}</dd>
          <dt className="font-medium">Payer</dt><dd>{row.payer}</dd>
        </dl>
        {encounter ? null : <p role="alert" className="text-sm text-red-800">This encounter is no longer stored; only its audit history is shown.</p>}
      </section>

      <section aria-labelledby={`${id}-findings`} className="flex flex-col gap-1">
        <h3 id={`${id}-findings`} className="font-semibold">Findings</h3>
        <LineFindingsList findings={findings} />
      </section>

      <section aria-labelledby={`${id}-finalized`} className="flex flex-col gap-1 text-sm">
        <h3 id={`${id}-finalized`} className="text-base font-semibold">Finalized</h3>
        <p>
          By {row.coderName === '' ? 'a coder not recorded (finalized before user profiles)' : row.coderName}
          {encounter ? <> on <time dateTime={encounter.finalizedAt}>{auditTime(encounter.finalizedAt)}</time></> : null}.
        </p>
        <p>Reason given: {encounter?.finalizeReason?.trim() ? <span className="whitespace-pre-wrap">{encounter.finalizeReason}</span> : 'none (only needed with an error finding).'}</p>
      </section>

      <section aria-labelledby={`${id}-history`} className="flex flex-col gap-1">
        <h3 id={`${id}-history`} className="font-semibold">Audit history</h3>
        <AuditHistoryTable entries={entries} />
        <Button size="sm" className="self-start" onClick={() => downloadText(fileNameOf(row), auditToCsv(entries), 'text/csv;charset=utf-8')}>
          Export this line&apos;s audit log (CSV)
        </Button>
      </section>

      <div className="flex flex-col gap-2 border-t border-slate-200 pt-3">
        {user?.role !== 'supervisor' ? (
          <p className="text-sm text-slate-700">Only a supervisor can approve, return, override or reopen a line.</p>
        ) : actions.length === 0 ? (
          <p className="text-sm text-slate-700">{NOTHING_TO_DECIDE[row.status] ?? 'No decision is open to you on this line.'}</p>
        ) : ownWork && row.status === 'pending' ? (
          <p className="text-sm text-slate-700">You finalized this encounter, so another supervisor has to approve or override it.</p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          {actions.map((action) => (
            <Button key={action} variant={action === 'approve' ? 'primary' : 'secondary'} onClick={() => onDecide(action)}>{ACTION_WORDS[action].button}</Button>
          ))}
          <Button onClick={onClose}>Close</Button>
        </div>
      </div>
    </Dialog>
  )
}
