import { AUDIT_ACTION_LABELS, STATUS_LABELS, type AuditEntry } from '../model/types.ts'
import { auditTime } from './decision-labels.ts'

/** A line's audit entries, oldest first, as the log recorded them. */
export function AuditHistoryTable({ entries }: { entries: readonly AuditEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-700">Nothing is recorded for this line yet.</p>
  return (
    // Focusable so that keyboard users can scroll a table wider than a phone's screen.
    <div role="region" aria-label="Audit entries" tabIndex={0} className="overflow-x-auto rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Audit history of this line, oldest first</caption>
        <thead>
          <tr className="border-b border-slate-300 bg-slate-50">
            <th scope="col" className="p-2">Time</th>
            <th scope="col" className="p-2">User</th>
            <th scope="col" className="p-2">Action</th>
            <th scope="col" className="p-2">From → to</th>
            <th scope="col" className="p-2">Reason</th>
            <th scope="col" className="p-2">Note</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-slate-200 align-top">
              <td className="whitespace-nowrap p-2"><time dateTime={e.at}>{auditTime(e.at)}</time></td>
              <td className="p-2">{e.userName}</td>
              <td className="p-2">{AUDIT_ACTION_LABELS[e.action]}{e.lineIndex === null ? ' (encounter)' : ''}</td>
              <td className="p-2">{e.from === null ? '' : `${STATUS_LABELS[e.from]} → `}{STATUS_LABELS[e.to]}</td>
              <td className="p-2">{e.reason ?? ''}</td>
              <td className="whitespace-pre-wrap p-2">{e.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
