// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import issueExample from '../../../domain/fixtures/issue-example.json'
import { createContext, evaluate, parseEvaluationInput, type EvaluationInput, type EvaluationResult } from '../../../domain/index.ts'
import { inputToWorksheet, worksheetToInput, type WorksheetValues } from '../model/index.ts'
import { ResultsPanel } from './results-panel.tsx'

afterEach(cleanup)

const context = createContext('2026-11-26')

function exampleInput(): EvaluationInput {
  const parsed = parseEvaluationInput(issueExample)
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '))
  return parsed.input
}

function renderExample(change: (input: EvaluationInput) => EvaluationInput = (i) => i) {
  const input = change(exampleInput())
  const result = evaluate(input, context)
  const values = inputToWorksheet(input)
  const onApplyFix = vi.fn<(next: WorksheetValues, label: string) => void>()
  render(<ResultsPanel result={result} issues={[]} values={values} onApplyFix={onApplyFix} />)
  return { input, result, values, onApplyFix }
}

const count = (result: EvaluationResult, severity: string) => result.findings.filter((f) => f.severity === severity).length

/** The list item of the first finding whose message matches. */
function findingItem(message: RegExp): HTMLElement {
  const item = screen.getAllByText(message)[0]?.closest('li')
  if (!item) throw new Error(`no finding matching ${message}`)
  return item
}

describe('ResultsPanel', () => {
  it('is a section named by its "Claim and checks" heading, with h3 subsections', () => {
    renderExample()
    const region = screen.getByRole('region', { name: 'Claim and checks' })
    expect(within(region).getByRole('heading', { level: 2, name: 'Claim and checks' })).toBeDefined()
    const h3 = within(region).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)
    expect(h3).toEqual(expect.arrayContaining(['Claim lines', 'Frequency limits']))
  })

  it('lists the issue example\'s claim lines in a table named "Claim lines", modifiers in billing order', () => {
    renderExample()
    const table = screen.getByRole('table', { name: 'Claim lines' })
    expect(table.dataset.testid).toBe('claim-lines')
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Code', 'Description', 'Modifiers', 'Units', 'Dx pointer'])
    for (const th of within(table).getAllByRole('columnheader')) expect(th.getAttribute('scope')).toBe('col')
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))
    expect(rows.map((r) => r[0])).toEqual(['20552', '64493', '64635', '64483', 'J3301', '77003'])
    expect(rows[1]).toEqual(['64493', 'Facet joint / medial branch injection, low back, first level, fluoro/CT', '50 KX', '1', 'A'])
    expect(rows[4]?.[3]).toBe('4')
    expect(rows[0]?.[2]).toBe('—none')
  })

  it('shows the Box 19 narrative of an unclassified drug', () => {
    renderExample((i) => ({ ...i, encounter: { ...i.encounter, drugs: [{ code: 'J3490', name: 'ropivacaine', dose: 20, unit: 'mg', category: 'local-anesthetic' }] } }))
    const table = screen.getByRole('table', { name: 'Claim lines' })
    expect(within(table).getByText('Box 19:').parentElement?.textContent).toMatch(/Box 19: .*ropivacaine/)
  })

  it('shows an empty state when there are no lines', () => {
    renderExample((i) => ({ ...i, encounter: { ...i.encounter, procedures: [], drugs: [], otherLines: [] } }))
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.getByText(/No claim lines yet/)).toBeDefined()
    expect(screen.getByText('0 lines · 0 errors · 0 warnings')).toBeDefined()
  })

  it('announces a short summary politely', () => {
    const { result } = renderExample()
    const summary = screen.getByText(`6 lines · 1 error · ${count(result, 'warning')} warnings`)
    expect(summary.getAttribute('aria-live')).toBe('polite')
  })

  it('groups findings by severity with the counts in the headings, documentation items in their own sub-list', () => {
    const { result } = renderExample()
    const docs = result.findings.filter((f) => f.ruleId.startsWith('DOC-')).length
    expect(docs).toBeGreaterThan(0)
    expect(screen.getByRole('heading', { level: 3, name: 'Errors (1)' })).toBeDefined()
    expect(screen.getByRole('heading', { level: 3, name: `Warnings (${count(result, 'warning')})` })).toBeDefined()
    expect(screen.getByRole('heading', { level: 3, name: `Info (${count(result, 'info')})` })).toBeDefined()
    expect(screen.getByRole('heading', { level: 4, name: `Documentation to confirm (${docs})` })).toBeDefined()
    const item = findingItem(/77003 \(imaging guidance\)/)
    expect(within(item).getByText('Error')).toBeDefined()
    expect(within(item).getByText(/^Remove the 77003 line\.$/)).toBeDefined()
    expect(within(item).getByText('IMG-BUNDLED')).toBeDefined()
    expect(within(item).getByText(/^Source: /)).toBeDefined()
  })

  it('keeps info notes and documentation items collapsed until asked', () => {
    const { result } = renderExample()
    const info = count(result, 'info')
    expect(screen.queryByText(/No NCCI MUE table is loaded/)).toBeNull()
    const showInfo = screen.getByRole('button', { name: `Show ${info} info notes` })
    expect(showInfo.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(showInfo)
    expect(screen.getByRole('button', { name: 'Hide info notes' }).getAttribute('aria-expanded')).toBe('true')
    expect(screen.getByText(/No NCCI MUE table is loaded/)).toBeDefined()

    expect(screen.queryByText(/Not yet confirmed in the note/)).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: /^Show the \d+ documentation items$/ }))
    expect(screen.getAllByText(/Not yet confirmed in the note/).length).toBe(result.findings.filter((f) => f.ruleId.startsWith('DOC-')).length)
  })

  it('reveals the trace facts and the lines concerned under "Why?"', () => {
    renderExample()
    const item = findingItem(/77003 \(imaging guidance\)/)
    const why = within(item).getByRole('button', { name: 'Why? (IMG-BUNDLED)' })
    expect(why.getAttribute('aria-expanded')).toBe('false')
    expect(within(item).queryByText('imaging line:')).toBeNull()
    fireEvent.click(why)
    expect(why.getAttribute('aria-expanded')).toBe('true')
    expect(within(item).getByText('imaging line:').nextElementSibling?.textContent).toBe('77003')
    expect(within(item).getByText('codes including imaging:').nextElementSibling?.textContent).toBe('64493, 64635, 64483')
    expect(within(item).getByText(/77003 ×1, 64493-50-KX ×1, 64635-RT ×1, 64483-RT ×1/)).toBeDefined()
  })

  it('applies a one-click fix with the changed values and the action\'s label', () => {
    const { values, onApplyFix } = renderExample()
    const button = screen.getByRole('button', { name: 'Remove the 77003 line' })
    fireEvent.click(button)
    expect(onApplyFix).toHaveBeenCalledTimes(1)
    const call = onApplyFix.mock.calls[0]
    if (!call) throw new Error('onApplyFix was not called')
    const [next, label] = call
    expect(label).toBe('Remove the 77003 line')
    expect(next.otherLines).toEqual([])
    expect(values.otherLines).toHaveLength(1)
    const { input } = worksheetToInput(next, exampleInput().history, '2026-11-26')
    expect(evaluate(input, context).findings.map((f) => f.ruleId)).not.toContain('IMG-BUNDLED')
  })

  it('lists the form issues still to fill in above the findings', () => {
    const input = exampleInput()
    const values = inputToWorksheet(input)
    render(<ResultsPanel result={evaluate(input, context)} issues={[{ path: 'providerId', message: 'Pick the rendering provider' }]} values={values} onApplyFix={() => undefined} />)
    const heading = screen.getByRole('heading', { level: 3, name: 'Still to fill in (1)' })
    expect(screen.getByText('Pick the rendering provider')).toBeDefined()
    const errors = screen.getByRole('heading', { level: 3, name: 'Errors (1)' })
    expect(heading.compareDocumentPosition(errors) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it('shows each frequency counter with its use, the sessions counted, and the next allowed date', () => {
    renderExample()
    const heading = screen.getByRole('heading', { level: 4, name: 'Epidural steroid injection · lumbar/sacral' })
    const item = heading.closest('li') as HTMLElement
    expect(within(item).getByText('2 / 4 in a rolling 12 months')).toBeDefined()
    expect(within(item).getByText('Within the limit')).toBeDefined()
    const sessions = within(within(item).getByRole('list')).getAllByRole('listitem').map((li) => li.textContent)
    expect(sessions).toEqual(['2026-03-02 64483 by DR-B', '2026-10-14 64483 by DR-A (this encounter)'])
    expect(within(item).getByText('2026-10-15')).toBeDefined()
    const reading = screen.getByRole('heading', { level: 4, name: 'Epidural steroid injection · all regions' }).closest('li') as HTMLElement
    expect(within(reading).getByText('Interpretation')).toBeDefined()
    expect(within(reading).getByText(/Billing guide's reading/)).toBeDefined()
  })

  it('marks an exceeded counter in words', () => {
    renderExample((i) => ({
      ...i,
      history: ['2026-01-05', '2026-03-02', '2026-05-04', '2026-07-06'].map((dateOfService) => ({ dateOfService, code: '64483', modifiers: ['RT'], units: 1, providerId: 'DR-B' })),
    }))
    const item = screen.getByRole('heading', { level: 4, name: 'Epidural steroid injection · lumbar/sacral' }).closest('li') as HTMLElement
    expect(within(item).getByText('5 / 4 in a rolling 12 months')).toBeDefined()
    expect(within(item).getByText('Over the limit')).toBeDefined()
  })
})
