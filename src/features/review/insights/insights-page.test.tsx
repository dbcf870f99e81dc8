// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { StoreProvider } from '../../../storage/index.ts'
import { InsightsPage } from './insights-page.tsx'
import { memoryStore, type MemoryData } from './memory-store.ts'
import { denied, finding, line, override, record, remittance, users } from './test-fixtures.ts'

afterEach(cleanup)

/** E1 (DR-A, Casey): a modifier warning on line 1. E2 (DR-B, Tia): a frequency error, overridden by Sam. */
function fixture(): Partial<MemoryData> {
  return {
    users: Object.values(users),
    providers: [{ id: 'DR-A', name: 'Dr. Avery' }],
    encounters: [
      record({
        id: 'E1', patientId: 'PT-1001', providerId: 'DR-A', dateOfService: '2026-10-14', lines: [line({ code: '64493', modifiers: ['RT'] }), line({ code: '64494', procedureIndex: 1 })],
        findings: [finding({ ruleId: 'MOD-KX', severity: 'warning', category: 'modifier', lineIndexes: [0] })],
      }),
      record({
        id: 'E2', patientId: 'PT-2002', providerId: 'DR-B', dateOfService: '2026-06-02', finalizedBy: users.trainee.id, lines: [line({ code: '64483' })],
        findings: [finding({ ruleId: 'FREQ-ESI', severity: 'error', category: 'frequency', lineIndexes: [0] })],
      }),
    ],
    audit: [override('E2', 0, '2026-06-05T10:00:00.000Z')],
  }
}

const denials = () => [remittance('R1', [
  denied({ encounterId: 'E2', lineIndex: 0, code: '64483', providerId: 'DR-B', dateOfService: '2026-06-02', category: 'frequency', carcCodes: ['119'], rarcCodes: ['N362'], amount: 50000, paymentDate: '2026-07-01' }),
  denied({ encounterId: 'E1', lineIndex: 1, code: '64494', category: 'coverage', carcCodes: ['50'], amount: 12000 }),
])]

function renderPage(data: Partial<MemoryData>) {
  const memory = memoryStore(data)
  const onOpenQueue = vi.fn<(query: string) => void>()
  render(<StoreProvider store={memory.store}><InsightsPage onOpenQueue={onOpenQueue} /></StoreProvider>)
  return { ...memory, onOpenQueue }
}

const figure = (name: string) => screen.getByRole('figure', { name })
/** The accessible names of a chart's bars, in order. */
const barNames = (name: string) => within(within(figure(name)).getByRole('list')).getAllByRole('button').map((b) => b.getAttribute('aria-label'))
const tile = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent

describe('InsightsPage', () => {
  it('says what is missing when nothing is finalized or imported, and links to the remittances', async () => {
    renderPage({})
    expect(await screen.findByText(/No encounter has been finalized yet/)).toBeDefined()
    expect(screen.getByText(/No remittance file has been imported yet/)).toBeDefined()
    expect(screen.getAllByRole('link', { name: 'Go to Remittances' })[0].getAttribute('href')).toBe('#/review/remittances')
    expect(screen.queryByRole('figure')).toBeNull()
  })

  it('shows the totals and a bar per category, provider and rule with its count', async () => {
    renderPage(fixture())
    await screen.findByRole('figure', { name: 'Flags by category' })
    expect(barNames('Flags by category')).toEqual(['Frequency: 1 flag', 'Modifier: 1 flag'])
    expect(within(figure('Flags by category')).getByRole('button', { name: 'Modifier: 1 flag' }).textContent).toBe('Modifier1 flag')
    expect(barNames('Flags by provider')).toEqual(['DR-B: 1 flag', 'Dr. Avery: 1 flag'])
    expect(barNames('Flags by month of service'))
      .toEqual(['2026-06: 1 flag', '2026-07: 0 flags', '2026-08: 0 flags', '2026-09: 0 flags', '2026-10: 1 flag'])
    expect(tile('Lines flagged')).toBe('2')
    expect(tile('Overridden')).toBe('1')
    expect(tile('Denied lines')).toBe('0')
    expect(screen.getByText(/No remittance file has been imported yet/)).toBeDefined()
  })

  it('lists a bar\'s lines when it is pressed, and opens them in the review queue', async () => {
    const { onOpenQueue } = renderPage(fixture())
    const bar = await screen.findByRole('button', { name: 'Modifier: 1 flag' })
    fireEvent.click(bar)
    expect(bar.getAttribute('aria-pressed')).toBe('true')
    const lines = screen.getByRole('table', { name: 'Lines of Flags by category: Modifier: 1 flag' })
    const rows = within(lines).getAllByRole('row').slice(1)
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['2026-10-14', 'DR-A', users.coder.name, 'medicare', '64493 RTLine 1', 'MOD-KX', 'Pending review'],
    ])
    expect(within(rows[0]).getByRole('rowheader').textContent).toBe('PT-1001')
    fireEvent.click(within(figure('Flags by category')).getByRole('button', { name: 'Open these lines in the review queue' }))
    expect(onOpenQueue).toHaveBeenCalledWith('all=1&rows=E1%3A0')
    fireEvent.click(screen.getByRole('button', { name: 'Close the lines' }))
    expect(screen.queryByRole('table')).toBeNull()
    expect(document.activeElement).toBe(bar)
    expect(bar.getAttribute('aria-pressed')).toBe('false')
  })

  it('works from the keyboard: a bar is a button, pressed again it closes its lines', async () => {
    const user = userEvent.setup()
    renderPage(fixture())
    const bar = await screen.findByRole('button', { name: 'Frequency: 1 flag' })
    bar.focus()
    await user.keyboard('{Enter}')
    expect(screen.getByRole('table', { name: 'Lines of Flags by category: Frequency: 1 flag' })).toBeDefined()
    await user.keyboard(' ')
    expect(screen.queryByRole('table', { name: 'Lines of Flags by category: Frequency: 1 flag' })).toBeNull()
  })

  it('shows a chart\'s numbers as a table', async () => {
    renderPage(fixture())
    const byRule = await screen.findByRole('figure', { name: 'Flags by rule' })
    fireEvent.click(within(byRule).getByRole('button', { name: 'Show as table' }))
    const table = within(byRule).getByRole('table', { name: 'Flags by rule' })
    expect(within(table).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Rule', 'Flags', 'Errors', 'Warnings'], ['FREQ-ESI', '1', '1', '0'], ['MOD-KX', '1', '0', '1'],
    ])
  })

  it('narrows every chart to a preset or custom range of dates of service', async () => {
    renderPage(fixture())
    await screen.findByRole('figure', { name: 'Flags by category' })
    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'custom' } })
    fireEvent.change(screen.getByLabelText('From date'), { target: { value: '2026-10-01' } })
    expect(await screen.findByText('Dates of service from 2026-10-01 on.')).toBeDefined()
    expect(tile('Lines flagged')).toBe('1')
    expect(within(figure('Flags by category')).queryByRole('button', { name: 'Frequency: 1 flag' })).toBeNull()
    fireEvent.change(screen.getByLabelText('To date'), { target: { value: '2026-09-01' } })
    expect(screen.getByText('The start date is after the end date.')).toBeDefined()
    expect(tile('Lines flagged')).toBe('1')
  })

  it('counts the last 3 months back from today', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 10, 27, 9, 0))
    try {
      renderPage(fixture())
      await screen.findByRole('figure', { name: 'Flags by category' })
      fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'last-3' } })
      expect(await screen.findByText('Dates of service 2026-08-28 to 2026-11-27.')).toBeDefined()
      expect(barNames('Flags by category')).toEqual(['Modifier: 1 flag'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows the twelve largest bars of a long chart until asked for all', async () => {
    const rules = Array.from({ length: 14 }, (_, i) => finding({ ruleId: `R-${String(i).padStart(2, '0')}`, lineIndexes: [0] }))
    renderPage({ users: Object.values(users), encounters: [record({ id: 'E1', findings: rules })] })
    await screen.findByRole('figure', { name: 'Flags by rule' })
    expect(barNames('Flags by rule')).toHaveLength(12)
    fireEvent.click(within(figure('Flags by rule')).getByRole('button', { name: 'Show all 14 bars' }))
    expect(barNames('Flags by rule')).toHaveLength(14)
    expect(barNames('Flags by rule').at(-1)).toBe('R-13: 1 flag')
  })

  it('lists the first 100 lines of a large bar and still opens all of them in the queue', async () => {
    const encounters = Array.from({ length: 120 }, (_, i) => record({ id: `E${i}`, findings: [finding({ lineIndexes: [0] })] }))
    const { onOpenQueue } = renderPage({ users: Object.values(users), encounters })
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier: 120 flags' }))
    expect(screen.getByText('Showing the first 100 of 120 lines.')).toBeDefined()
    expect(within(screen.getByRole('table', { name: /^Lines of/ })).getAllByRole('row')).toHaveLength(101)
    fireEvent.click(screen.getByRole('button', { name: 'Open these lines in the review queue' }))
    expect(onOpenQueue.mock.calls[0][0].split('%2C')).toHaveLength(120)
  })

  it('shows the denials of imported remittances, the unflagged ones called out, and picks them up without a reload', async () => {
    const { write } = renderPage(fixture())
    await screen.findByText(/No remittance file has been imported yet/)
    write({ remittances: denials() })
    await screen.findByRole('figure', { name: 'Denials by the rule that flagged the line' })
    expect(barNames('Denials by the rule that flagged the line')).toEqual(['No rule flagged it: 1 denial', 'FREQ-ESI: 1 denial'])
    expect(barNames('Denials by category')).toEqual(['Frequency limit: 1 denial', 'Coverage or medical necessity: 1 denial'])
    expect(tile('Denied lines')).toBe('2')
    expect(tile('Denied amount')).toBe('$620.00')
  })

  it('drills into the overridden-then-denied lines with the override reason and the payer\'s codes', async () => {
    const { onOpenQueue } = renderPage({ ...fixture(), remittances: denials() })
    const byCoder = await screen.findByRole('figure', { name: 'Overridden then denied, by coder' })
    fireEvent.click(within(byCoder).getByRole('button', { name: `${users.trainee.name}: 1 denial` }))
    const table = within(byCoder).getByRole('table')
    const cells = within(within(table).getAllByRole('row')[1]).getAllByRole('cell').map((c) => c.textContent)
    expect(cells).toContain('Frequency limit')
    expect(cells).toContain('CARC 119, RARC N362')
    expect(cells).toContain('$500.00')
    expect(cells).toContain(`Documentation supports the service: Op note documents both levels.by ${users.supervisor.name} on 2026-06-05`)
    expect(tile('Overridden then denied')).toBe('1')
    fireEvent.click(within(byCoder).getByRole('button', { name: 'Open these lines in the review queue' }))
    expect(onOpenQueue).toHaveBeenCalledWith('all=1&rows=E2%3A0')
  })
})
