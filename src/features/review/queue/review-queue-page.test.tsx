// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CurrentUserContext } from '../../../lib/current-user.tsx'
import { createIdbStore, deleteStore, StoreProvider, type DraftRecord, type EncounterRecord, type WorksheetStore } from '../../../storage/index.ts'
import { finding, line, record, users } from '../model/test-fixtures.ts'
import type { UserProfile } from '../model/types.ts'
import { ReviewQueuePage } from './review-queue-page.tsx'

// happy-dom lays nothing out: give elements a size so the virtualiser has a viewport to fill.
const sizes = { clientHeight: 600, clientWidth: 1200 } as const
const saved = Object.fromEntries(Object.keys(sizes).map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)]))
beforeAll(() => { for (const [k, v] of Object.entries(sizes)) Object.defineProperty(HTMLElement.prototype, k, { configurable: true, get: () => v }) })
afterAll(() => { for (const [k, d] of Object.entries(saved)) if (d) Object.defineProperty(HTMLElement.prototype, k, d); else Reflect.deleteProperty(HTMLElement.prototype, k) })

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `review-queue-${++n}`; store = createIdbStore(name) })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

const e1 = record({
  id: 'E1', patientId: 'PT-1001', dateOfService: '2026-10-14', payerProfile: 'medicare',
  lines: [line({ code: '64493', modifiers: ['50'] }), line({ code: '64494', modifiers: ['50'] }), line({ code: '77003' })],
  findings: [
    finding({ ruleId: 'FACET-KX', severity: 'error', category: 'modifier', message: 'Bilateral facet needs KX', lineIndexes: [0] }),
    finding({ ruleId: 'UNITS', severity: 'warning', category: 'units', message: 'Check the units', lineIndexes: [1] }),
  ],
})
const e2 = record({
  id: 'E2', patientId: 'PT-1002', dateOfService: '2026-10-02', payerProfile: 'aetna', providerId: 'DR-B',
  findings: [finding({ ruleId: 'DOC', severity: 'warning', category: 'documentation', message: 'Imaging report missing', lineIndexes: [0] })],
})

const toReturnedDraft = (rec: EncounterRecord, note: string, now: string): DraftRecord =>
  ({ id: rec.id, createdAt: now, updatedAt: now, patientId: rec.patientId, dateOfService: rec.dateOfService, values: {}, status: 'returned', returnNote: note })

async function seed(...encounters: EncounterRecord[]) {
  for (const u of Object.values(users)) await store.saveUser(u)
  for (const e of encounters) await store.finalize(e, null)
}

/** Renders the page with the query kept in state, as the app keeps it in the URL; `queries` records every change. */
function renderQueue(initial = '', user: UserProfile = users.supervisor) {
  const queries: string[] = []
  function Harness() {
    const [query, setQuery] = useState(initial)
    return <ReviewQueuePage query={query} onQueryChange={(next) => { queries.push(next); setQuery(next) }} toReturnedDraft={toReturnedDraft} />
  }
  render(
    <StoreProvider store={store}>
      <CurrentUserContext value={{ user, setUser: () => undefined }}><Harness /></CurrentUserContext>
    </StoreProvider>,
  )
  return queries
}

const scroller = () => screen.getByTestId('review-queue-scroller')
const table = () => within(scroller()).getByRole('table')
/** The body rows' first data cells (date, patient, code ...) as "patient code". */
function bodyRows(): string[] {
  return within(table()).getAllByRole('row').slice(1).filter((r) => r.getAttribute('aria-hidden') !== 'true').map((r) => {
    const cells = within(r).getAllByRole('cell').map((c) => c.textContent)
    return cells.join('|')
  })
}
const count = () => screen.getByText(/ of [\d,]+ lines$/).textContent

describe('ReviewQueuePage', () => {
  it('shows the lines with findings, most severe first, with the table size told to assistive technology', async () => {
    await seed(e1, e2)
    renderQueue()
    await waitFor(() => expect(count()).toBe('3 of 3 lines'))
    expect(table().getAttribute('aria-rowcount')).toBe('4')
    const rows = within(table()).getAllByRole('row')
    expect(rows[1].getAttribute('aria-rowindex')).toBe('2')
    expect(bodyRows()[0]).toContain('PT-1001')
    expect(bodyRows()[0]).toContain('FACET-KX: Bilateral facet needs KX')
    // warnings after the error, oldest service first
    expect(bodyRows()[1]).toContain('PT-1002')
    expect(bodyRows()[2]).toContain('64494')
    expect(within(table()).getByRole('columnheader', { name: /Severity/ }).getAttribute('aria-sort')).toBe('descending')
  })

  it('shows lines without findings too when asked, and keeps it in the query', async () => {
    await seed(e1, e2)
    const queries = renderQueue()
    await waitFor(() => expect(count()).toBe('3 of 3 lines'))
    fireEvent.click(screen.getByRole('checkbox', { name: /Show all lines/ }))
    await waitFor(() => expect(count()).toBe('4 of 4 lines'))
    expect(queries.at(-1)).toBe('all=1')
    expect(bodyRows().some((r) => r.includes('77003') && r.includes('No findings'))).toBe(true)
  })

  it('filters by a facet with counts, then clears the filters', async () => {
    await seed(e1, e2)
    const queries = renderQueue()
    await waitFor(() => expect(count()).toBe('3 of 3 lines'))
    const severity = within(screen.getByRole('search', { name: 'Filter the review queue' })).getByRole('button', { name: /^Severity/ })
    expect(severity.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(severity)
    const group = screen.getByRole('group', { name: 'Filter by severity' })
    expect(within(group).getByRole('checkbox', { name: /Warning\s*2 lines/ })).toBeDefined()
    fireEvent.click(within(group).getByRole('checkbox', { name: /Error\s*1 lines?/ }))
    await waitFor(() => expect(count()).toBe('1 of 3 lines'))
    expect(queries.at(-1)).toBe('severity=error')
    expect(bodyRows()).toHaveLength(1)
    fireEvent.keyDown(group, { key: 'Escape' })
    expect(severity.getAttribute('aria-expanded')).toBe('false')

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(count()).toBe('3 of 3 lines'))
    expect(queries.at(-1)).toBe('')
  })

  it('searches after a short pause', async () => {
    await seed(e1, e2)
    const queries = renderQueue()
    await waitFor(() => expect(count()).toBe('3 of 3 lines'))
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search lines' }), { target: { value: 'imaging report' } })
    await waitFor(() => expect(count()).toBe('1 of 3 lines'))
    expect(queries.at(-1)).toBe('q=imaging+report')
    expect(bodyRows()[0]).toContain('PT-1002')

    // Cleared from outside, the box empties; the same words typed again search again.
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(count()).toBe('3 of 3 lines'))
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search lines' }).value).toBe('')
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search lines' }), { target: { value: 'imaging report' } })
    await waitFor(() => expect(count()).toBe('1 of 3 lines'))
  })

  it('sorts by a header click, flips on a second click and adds a key with Shift', async () => {
    await seed(e1, e2)
    const queries = renderQueue()
    await waitFor(() => expect(count()).toBe('3 of 3 lines'))
    fireEvent.click(within(table()).getByRole('button', { name: /^Code(,|$)/ }))
    await waitFor(() => expect(queries.at(-1)).toBe('sort=code.asc'))
    expect(within(table()).getByRole('columnheader', { name: /^Code(,|$)/ }).getAttribute('aria-sort')).toBe('ascending')
    expect(within(table()).getByRole('columnheader', { name: /Severity/ }).hasAttribute('aria-sort')).toBe(false)
    expect(bodyRows().map((r) => r.match(/644\d\d/)?.[0])).toEqual(['64493', '64493', '64494'])
    fireEvent.click(within(table()).getByRole('button', { name: /^Code(,|$)/ }))
    await waitFor(() => expect(queries.at(-1)).toBe('sort=code.desc'))
    expect(bodyRows()[0]).toContain('64494')
    fireEvent.click(within(table()).getByRole('button', { name: /^Patient account/ }), { shiftKey: true })
    await waitFor(() => expect(queries.at(-1)).toBe('sort=code.desc%2CpatientId.asc'))
    expect(within(table()).getByRole('button', { name: /^Patient account.*sort key 2/ })).toBeDefined()
  })

  it('opens as the query says: filters, order, hidden columns', async () => {
    await seed(e1, e2)
    renderQueue('payer=medicare&sort=code.desc&hide=units,ruleIds')
    await waitFor(() => expect(count()).toBe('2 of 3 lines'))
    expect(within(table()).queryByRole('columnheader', { name: 'Units' })).toBeNull()
    expect(within(table()).queryByRole('columnheader', { name: 'Rules' })).toBeNull()
    expect(within(screen.getByRole('search', { name: 'Filter the review queue' })).getByRole('button', { name: /^Payer\s*1 selected/ })).toBeDefined()
    expect(bodyRows()[0]).toContain('64494')
    fireEvent.click(screen.getByRole('button', { name: /^Columns/ }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Units' }))
    await waitFor(() => expect(within(table()).getByRole('columnheader', { name: 'Units' })).toBeDefined())
  })

  it('shows the drill-down from Insights as a removable chip', async () => {
    await seed(e1, e2)
    const queries = renderQueue('rows=E2:0')
    await waitFor(() => expect(count()).toBe('1 of 1 lines'))
    expect(screen.getByText(/Showing 1 selected line from Insights/)).toBeDefined()
    fireEvent.click(screen.getByRole('button', { name: 'Remove the Insights selection and show every line' }))
    await waitFor(() => expect(count()).toBe('3 of 3 lines'))
    expect(queries.at(-1)).toBe('')
  })

  it('selects all shown lines and opens the bulk decision for them', async () => {
    await seed(e1, e2)
    renderQueue()
    await waitFor(() => expect(count()).toBe('3 of 3 lines'))
    const bar = screen.getByRole('group', { name: 'Selected lines' })
    expect(within(bar).getByRole('button', { name: 'Approve' }).hasAttribute('disabled')).toBe(true)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select 64493 50 on 2026-10-14, PT-1001, line 1' }))
    expect(within(bar).getByText('1 line selected')).toBeDefined()
    fireEvent.click(within(bar).getByRole('button', { name: 'Select all 3 shown lines' }))
    expect(within(bar).getByText('3 lines selected')).toBeDefined()
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all 3 shown lines' }).checked).toBe(true)
    fireEvent.click(within(bar).getByRole('button', { name: 'Return to coder (3)' }))
    expect(await screen.findByRole('dialog', { name: /Return 3 lines/ })).toBeDefined()
  })

  it('follows decisions stored elsewhere and shows the line in its details', async () => {
    await seed(e1, e2)
    renderQueue()
    await waitFor(() => expect(count()).toBe('3 of 3 lines'))
    await act(() => store.appendAudit([{
      id: 'a1', at: '2026-11-26T12:00:00.000Z', userId: users.supervisor2.id, userName: users.supervisor2.name, encounterId: 'E2', lineIndex: 0,
      action: 'approve', from: 'pending', to: 'approved', reason: null, note: 'Report found in the chart',
    }]))
    await waitFor(() => expect(bodyRows().find((r) => r.includes('PT-1002'))).toContain('Approved'))
    fireEvent.click(screen.getByRole('button', { name: /^Details\s*, 64493 on 2026-10-02, PT-1002, line 1$/ }))
    const panel = await screen.findByRole('dialog', { name: /Line 1 of PT-1002/ })
    expect(within(panel).getByText('Report found in the chart')).toBeDefined()
  })

  it('is read-only for a coder, saying why', async () => {
    await seed(e1, e2)
    renderQueue('', users.coder)
    await waitFor(() => expect(count()).toBe('3 of 3 lines'))
    expect(screen.getByText(/queue is read-only for you/)).toBeDefined()
    expect(screen.queryByRole('group', { name: 'Selected lines' })).toBeNull()
    expect(within(table()).queryAllByRole('checkbox')).toHaveLength(0)
    expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull()
    expect(screen.getAllByRole('button', { name: /^Details/ })).toHaveLength(3)
  })

  it('says when nothing is finalized yet, and when no line matches', async () => {
    renderQueue()
    expect(await screen.findByText(/No encounter has been finalized yet/)).toBeDefined()
    cleanup()
    await seed(e1)
    renderQueue('payer=nobody')
    expect(await screen.findByText('No lines match the filters.')).toBeDefined()
  })
})
