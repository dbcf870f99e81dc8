import { useEffect, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import { AUDIT_EXPORT_MAX, type AuditEntry } from '../../group-api/index.ts'
import { downloadBlob } from '../../lib/download.ts'
import { describeError, useGroupClient } from '../../storage/group/index.ts'
import { dayRangeProblem, dayRangeQuery, describeDetail, LOG_LIMIT_MAX, LOG_PAGE_SIZE, type DayRange } from './admin-model.ts'
import { AdminSection, ErrorText } from './admin-section.tsx'
import { DataTable } from './data-table.tsx'
import { LogFilters, PersonSelect } from './log-filters.tsx'
import { DateCell } from './member-cells.tsx'
import { adminColumnHelper } from './table-features.ts'
import { usePeople } from './use-people.ts'

interface Filters { action: string; userId: string; patientId: string; range: DayRange }
const NO_FILTERS: Filters = { action: '', userId: '', patientId: '', range: { from: '', to: '' } }

const helper = adminColumnHelper<AuditEntry>()
const columns = helper.columns([
  helper.display({ id: 'at', header: 'Time', cell: ({ row }) => <DateCell iso={row.original.at} /> }),
  helper.display({ id: 'person', header: 'Person', cell: ({ row }) => row.original.userName ?? '—' }),
  helper.accessor('action', { header: 'Action' }),
  helper.display({ id: 'patient', header: 'Patient', cell: ({ row }) => row.original.patientId ?? '—' }),
  helper.display({ id: 'target', header: 'Target', cell: ({ row }) => row.original.target ?? '—' }),
  helper.display({ id: 'detail', header: 'Details', cell: ({ row }) => <span className="break-words">{describeDetail(row.original.detail)}</span> }),
  helper.display({ id: 'ip', header: 'IP address', cell: ({ row }) => row.original.ip ?? '—' }),
])

/** The query of the applied filters: the table and the CSV export use the same one. */
function auditQuery(filters: Filters, limit: number) {
  return {
    ...(filters.action.trim() ? { action: filters.action.trim() } : {}),
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(filters.patientId.trim() ? { patientId: filters.patientId.trim() } : {}),
    ...dayRangeQuery(filters.range),
    limit,
  }
}

const today = () => new Date().toISOString().slice(0, 10)

/** Who read or changed what, and whose patient data: the practice's audit trail, newest first. */
export function AccessLogPage() {
  const client = useGroupClient()
  const people = usePeople()
  const [draft, setDraft] = useState<Filters>(NO_FILTERS)
  const [applied, setApplied] = useState<Filters>(NO_FILTERS)
  const [limit, setLimit] = useState(LOG_PAGE_SIZE)
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const [exportStatus, setExportStatus] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    client.request('audit', { query: auditQuery(applied, limit) }).then(
      (answer) => { if (current) { setEntries(answer.entries); setError(null) } },
      (e: unknown) => { if (current) setError(describeError(e)) },
    )
    return () => { current = false }
  }, [client, applied, limit])

  const show = () => {
    const range = dayRangeProblem(draft.range)
    setProblem(range)
    if (range) return
    setEntries(null)
    setLimit(LOG_PAGE_SIZE)
    setApplied(draft)
  }

  const exportCsv = async () => {
    setExporting(true)
    setExportStatus(null)
    try {
      const file = await client.request('auditCsv', { query: auditQuery(applied, AUDIT_EXPORT_MAX) })
      downloadBlob(file.filename ?? `access-log-${today()}.csv`, file.blob)
      setExportStatus('The access log was exported as CSV.')
    } catch (e) {
      setExportStatus(`The export failed: ${describeError(e)}`)
    } finally {
      setExporting(false)
    }
  }

  return (
    <AdminSection title="Access log">
      <LogFilters range={draft.range} onRange={(range) => setDraft({ ...draft, range })} onSubmit={show} problem={problem}>
        <Field label="Action" hint="The exact name, e.g. role-changed">
          <input type="text" maxLength={60} className={inputClass} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} />
        </Field>
        <PersonSelect people={people} value={draft.userId} onChange={(userId) => setDraft({ ...draft, userId })} />
        <Field label="Patient ID">
          <input type="text" maxLength={64} className={inputClass} value={draft.patientId} onChange={(e) => setDraft({ ...draft, patientId: e.target.value })} />
        </Field>
      </LogFilters>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => void exportCsv()} disabled={exporting}>{exporting ? 'Exporting…' : 'Export CSV'}</Button>
        <span className="text-sm text-slate-700">The shown filters, up to the newest {AUDIT_EXPORT_MAX.toLocaleString('en-US')} entries.</span>
        <p role="status" className="text-sm">{exportStatus}</p>
      </div>
      <ErrorText message={error} />
      {entries === null && !error ? <p role="status">Loading the access log…</p> : null}
      {entries ? (
        <>
          <p role="status" className="text-sm text-slate-800">
            {entries.length === 0 ? 'No entries match.' : `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, newest first${entries.length >= limit ? ` (the newest ${limit})` : ''}.`}
          </p>
          <DataTable caption="Access log" columns={columns} data={entries} getRowId={(e) => String(e.seq)} empty="No entries match these filters." />
          {entries.length >= limit ? (limit < LOG_LIMIT_MAX
            ? <div><Button onClick={() => setLimit(Math.min(LOG_LIMIT_MAX, limit + LOG_PAGE_SIZE))}>Show more</Button></div>
            : <p className="text-sm text-slate-800">Narrow the filters to see older entries.</p>) : null}
        </>
      ) : null}
    </AdminSection>
  )
}
