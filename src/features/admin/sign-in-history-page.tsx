import { useEffect, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { Field, inputClass } from '../../components/field.tsx'
import { SIGN_IN_EVENTS, type SignInEvent } from '../../group-api/index.ts'
import { describeDevice } from '../../lib/user-agent.ts'
import { describeError, useGroupClient } from '../../storage/group/index.ts'
import {
  dayRangeProblem, dayRangeQuery, LOG_LIMIT_MAX, LOG_PAGE_SIZE, SIGN_IN_EVENT_LABELS, signInEventLabel, type DayRange, type SignInEventName,
} from './admin-model.ts'
import { AdminSection, ErrorText } from './admin-section.tsx'
import { DataTable } from './data-table.tsx'
import { LogFilters, PersonSelect } from './log-filters.tsx'
import { DateCell } from './member-cells.tsx'
import { adminColumnHelper } from './table-features.ts'
import { usePeople } from './use-people.ts'

interface Filters { userId: string; event: '' | SignInEventName; range: DayRange }
const NO_FILTERS: Filters = { userId: '', event: '', range: { from: '', to: '' } }

const helper = adminColumnHelper<SignInEvent>()
const columns = helper.columns([
  helper.display({ id: 'at', header: 'Time', cell: ({ row }) => <DateCell iso={row.original.at} /> }),
  helper.display({ id: 'event', header: 'Event', cell: ({ row }) => signInEventLabel(row.original.event) }),
  helper.display({ id: 'person', header: 'Person', cell: ({ row }) => row.original.userName ?? '—' }),
  helper.accessor('email', { header: 'Email' }),
  helper.display({ id: 'ip', header: 'IP address', cell: ({ row }) => row.original.ip ?? '—' }),
  helper.display({ id: 'device', header: 'Device', cell: ({ row }) => describeDevice(row.original.userAgent) }),
])

/** Sign-ins, failures, lockouts and account changes of the practice's members, newest first. */
export function SignInHistoryPage() {
  const client = useGroupClient()
  const people = usePeople()
  const [draft, setDraft] = useState<Filters>(NO_FILTERS)
  const [applied, setApplied] = useState<Filters>(NO_FILTERS)
  const [limit, setLimit] = useState(LOG_PAGE_SIZE)
  const [events, setEvents] = useState<SignInEvent[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    const query = {
      ...(applied.userId ? { userId: applied.userId } : {}),
      ...(applied.event ? { event: applied.event } : {}),
      ...dayRangeQuery(applied.range),
      limit,
    }
    client.request('signIns', { query }).then(
      (answer) => { if (current) { setEvents(answer.events); setError(null) } },
      (e: unknown) => { if (current) setError(describeError(e)) },
    )
    return () => { current = false }
  }, [client, applied, limit])

  const show = () => {
    const range = dayRangeProblem(draft.range)
    setProblem(range)
    if (range) return
    setEvents(null)
    setLimit(LOG_PAGE_SIZE)
    setApplied(draft)
  }

  return (
    <AdminSection title="Sign-in history">
      <LogFilters range={draft.range} onRange={(range) => setDraft({ ...draft, range })} onSubmit={show} problem={problem}>
        <PersonSelect people={people} value={draft.userId} onChange={(userId) => setDraft({ ...draft, userId })} />
        <Field label="Event">
          <select className={inputClass} value={draft.event} onChange={(e) => setDraft({ ...draft, event: e.target.value as Filters['event'] })}>
            <option value="">Any event</option>
            {SIGN_IN_EVENTS.map((ev) => <option key={ev} value={ev}>{SIGN_IN_EVENT_LABELS[ev]}</option>)}
          </select>
        </Field>
      </LogFilters>
      <ErrorText message={error} />
      {events === null && !error ? <p role="status">Loading the sign-in history…</p> : null}
      {events ? (
        <>
          <p role="status" className="text-sm text-slate-800">
            {events.length === 0 ? 'No events match.' : `${events.length} ${events.length === 1 ? 'event' : 'events'}, newest first${events.length >= limit ? ` (the newest ${limit})` : ''}.`}
          </p>
          <DataTable caption="Sign-in history" columns={columns} data={events} getRowId={(e) => String(e.seq)} empty="No events match these filters." />
          {events.length >= limit ? (limit < LOG_LIMIT_MAX
            ? <div><Button onClick={() => setLimit(Math.min(LOG_LIMIT_MAX, limit + LOG_PAGE_SIZE))}>Show more</Button></div>
            : <p className="text-sm text-slate-800">Narrow the filters to see older events.</p>) : null}
        </>
      ) : null}
    </AdminSection>
  )
}
