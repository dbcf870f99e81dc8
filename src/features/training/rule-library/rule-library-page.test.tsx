// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { allRules, type EvaluationInput } from '../../../domain/index.ts'
import { RuleLibraryPage } from './rule-library-page.tsx'

vi.mock('../../../domain/training/examples/index.ts', async () => {
  const { testExamples, testWithoutExamples } = await import('./test-examples.ts')
  return { ruleExamples: testExamples, rulesWithoutExamples: testWithoutExamples }
})

afterEach(cleanup)

/** The page as the app holds it: the selected rule lives in the "URL" (here, state). */
function renderPage(initial: string | null = null) {
  const onOpenExample = vi.fn<(input: EvaluationInput, title: string) => void>()
  const selections: (string | null)[] = []
  function Host() {
    const [ruleId, setRuleId] = useState(initial)
    return <RuleLibraryPage ruleId={ruleId} onSelectRule={(id) => { selections.push(id); setRuleId(id) }} onOpenExample={onOpenExample} />
  }
  render(<Host />)
  return { onOpenExample, selections }
}

const status = () => screen.getByRole('status')
const search = () => screen.getByRole('searchbox', { name: 'Search rules' })
const ruleLinks = () => screen.queryAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('#/training/rules/'))
const detailHeading = (id: string) => screen.getByRole('heading', { level: 3, name: new RegExp(`^${id} — `) })

describe('RuleLibraryPage', () => {
  it('lists every rule, grouped by what it applies to, with the count', () => {
    renderPage()
    expect(screen.getByRole('heading', { level: 2, name: 'Rule library' })).toBeDefined()
    expect(status().textContent).toBe(`${allRules.length} rules`)
    expect(ruleLinks()).toHaveLength(allRules.length)
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)
    const count = (scope: string) => allRules.filter((r) => r.scope === scope).length
    expect(groups).toEqual([
      `Trigger point injection (${count('trigger-point')})`, `Facet joint injection (${count('facet-injection')})`,
      `Facet radiofrequency ablation (${count('facet-rfa')})`, `Epidural steroid injection (${count('epidural')})`,
      `Drugs (${count('drug')})`, `Whole claim (${count('claim')})`,
    ])
  })

  it('searches by id, words and code, and says how many match', () => {
    renderPage()
    fireEvent.change(search(), { target: { value: 'fac-kx' } })
    expect(status().textContent).toBe(`1 rule of ${allRules.length} match`)
    expect(ruleLinks().map((a) => a.getAttribute('href'))).toEqual(['#/training/rules/FAC-KX'])

    fireEvent.change(search(), { target: { value: '20553' } })
    const found = ruleLinks().map((a) => a.getAttribute('href'))
    expect(found).toContain('#/training/rules/TPI-CODE')
    expect(found).not.toContain('#/training/rules/FAC-CODE')

    fireEvent.change(search(), { target: { value: 'no such words at all' } })
    expect(status().textContent).toBe(`No rule matches, of ${allRules.length} rules.`)
    fireEvent.click(screen.getByRole('button', { name: 'clear the search and filters' }))
    expect(ruleLinks()).toHaveLength(allRules.length)
    expect((search() as HTMLInputElement).value).toBe('')
  })

  it('filters by family, category, severity and kind, and clears them in one step', () => {
    renderPage()
    fireEvent.change(screen.getByRole('combobox', { name: 'Applies to' }), { target: { value: 'epidural' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Category' }), { target: { value: 'modifier' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Severity' }), { target: { value: 'error' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'check' } })
    expect(ruleLinks().map((a) => a.getAttribute('href'))).toEqual(['#/training/rules/ESI-TF-SIDE-MISSING'])
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Epidural steroid injection (1)'])
    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }))
    expect(ruleLinks()).toHaveLength(allRules.length)
  })

  it('opens a rule on a plain click, moves focus to its heading, and returns focus to its link when closed', () => {
    const { selections } = renderPage()
    const link = screen.getByRole('link', { name: /^FAC-SIDE-MISSING/ })
    fireEvent.click(link, { ctrlKey: true })
    expect(selections).toEqual([])
    fireEvent.click(link)
    expect(selections).toEqual(['FAC-SIDE-MISSING'])
    const heading = detailHeading('FAC-SIDE-MISSING')
    expect(heading.textContent).toBe('FAC-SIDE-MISSING — Facet injection: level without a side')
    expect(document.activeElement).toBe(heading)
    expect(link.getAttribute('aria-current')).toBe('true')

    fireEvent.click(screen.getByRole('link', { name: 'All rules' }))
    expect(selections).toEqual(['FAC-SIDE-MISSING', null])
    expect(screen.queryByRole('heading', { level: 3, name: /^FAC-SIDE-MISSING — / })).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('link', { name: /^FAC-SIDE-MISSING/ }))
  })

  it('shows the rule\'s explanation, severity, sources with confidence, dates and codes', () => {
    renderPage('FAC-LEVEL-LIMIT')
    const detail = screen.getByRole('region', { name: /^FAC-LEVEL-LIMIT — / })
    const text = detail.textContent ?? ''
    expect(text).toContain('The claim will reject or deny as it is')
    expect(text).toContain('In effect since 2024-07-07; no end date.')
    expect(text).toContain('Checked in a primary source')
    expect(within(detail).getByRole('heading', { level: 4, name: 'Sources' })).toBeDefined()
    expect(text).toMatch(/Named in its explanation: 64492, 64495\./)
    expect(text).toContain('Codes come from the examples')
    expect(text).toContain('No example has been written for this rule yet.')
  })

  it('says where a run-time source comes from and why a rule has no examples', () => {
    renderPage('NCCI-PTP')
    const detail = screen.getByRole('region', { name: /^NCCI-PTP — / })
    expect(within(detail).getByRole('link', { name: 'See the loaded NCCI tables' }).getAttribute('href')).toBe('#/reference/ncci')
    expect(detail.textContent).toContain('It needs a CMS NCCI PTP table loaded')
  })

  it('shows both examples with their encounter and outcome, and opens one in the worksheet', () => {
    const { onOpenExample } = renderPage('FAC-SIDE-MISSING')
    const fires = screen.getByRole('article', { name: 'Where it fires: Lumbar facet level without a side' })
    expect(within(fires).getByText('Facet joint injection, diagnostic, fluoroscopy: L4-L5 no side')).toBeDefined()
    expect(within(within(fires).getByRole('list', { name: 'Claim lines' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['64493 KX ×1 (this rule)'])
    expect(fires.textContent).toContain('FAC-SIDE-MISSING fires:')
    const nearMiss = screen.getByRole('article', { name: 'Near miss: Both facet levels with their side' })
    expect(nearMiss.textContent).toContain('FAC-SIDE-MISSING does not fire.')

    fireEvent.click(within(fires).getByRole('button', { name: /^Open in worksheet\s?: Lumbar facet level without a side$/ }))
    expect(onOpenExample).toHaveBeenCalledTimes(1)
    const [input, title] = onOpenExample.mock.calls[0] ?? []
    expect(title).toBe('Lumbar facet level without a side (FAC-SIDE-MISSING)')
    expect(input?.encounter.procedures).toEqual([{ type: 'facet-injection', purpose: 'diagnostic', guidance: 'fluoroscopy', levels: [{ level: 'L4-L5', side: null }] }])
    expect(input?.encounter.drugs).toEqual([])
    expect(input?.history).toEqual([])
  })

  it('marks a coding rule\'s own lines and says it decides them', () => {
    renderPage('TPI-CODE')
    const fires = screen.getByRole('article', { name: 'Where it fires: Two muscles on one date' })
    expect(within(within(fires).getByRole('list', { name: 'Claim lines' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['20552 ×1 (this rule)', 'J3301 ×1'])
    expect(fires.textContent).toContain('TPI-CODE fires: it decides the marked line.')
    expect(screen.getByRole('region', { name: /^TPI-CODE — / }).textContent).toContain('Nominal: a coding rule reports no finding.')
  })

  it('shows why an example that does not parse cannot open, without a button to open it', () => {
    const { onOpenExample } = renderPage('DX-FORMAT')
    const bad = screen.getByRole('article', { name: 'Where it fires: An example written with a bad date' })
    expect(bad.textContent).toContain('This example cannot open')
    expect(bad.textContent).toContain('encounter.dateOfService')
    expect(within(bad).queryByRole('button')).toBeNull()
    expect(onOpenExample).not.toHaveBeenCalled()
  })

  it('returns focus to the page heading when the closed rule is not in the filtered list', () => {
    renderPage('NCCI-PTP')
    fireEvent.change(search(), { target: { value: 'fac-kx' } })
    fireEvent.click(screen.getByRole('link', { name: 'All rules' }))
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Rule library' }))
  })

  it('says so when the URL names a rule that does not exist', () => {
    const { selections } = renderPage('NO-SUCH-RULE')
    const heading = screen.getByRole('heading', { level: 3, name: 'No rule “NO-SUCH-RULE”' })
    expect(document.activeElement).toBe(heading)
    fireEvent.click(screen.getByRole('link', { name: 'All rules' }))
    expect(selections).toEqual([null])
  })
})
