// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildIcd10Index, parseIcd10OrderFile, type Icd10CodeSet } from '../../../domain/icd10/index.ts'
import { CodeSetsContext } from './code-sets-context.ts'
import { DiagnosesList } from './diagnoses-list.tsx'
import { FormHarness } from './form-harness.tsx'

afterEach(cleanup)

function codeSet(): Icd10CodeSet {
  const parsed = parseIcd10OrderFile(readFileSync(join(process.cwd(), 'src/domain/icd10/fixtures/icd10cm-order-2023-excerpt.txt'), 'utf8'), { fiscalYear: 2025 })
  if (!parsed.ok) throw new Error('fixture')
  const r = parsed.release
  return { id: r.id, fiscalYear: r.fiscalYear, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, index: buildIcd10Index(r.codes) }
}

function renderList(sets: Icd10CodeSet[] | undefined) {
  render(
    <CodeSetsContext.Provider value={sets}>
      <FormHarness values={{ diagnoses: [{ code: '' }] }}><DiagnosesList issues={[]} /></FormHarness>
    </CodeSetsContext.Provider>,
  )
  return JSON.parse(screen.getByTestId('values').textContent ?? '{}') as unknown
}

const valuesOf = () => JSON.parse(screen.getByTestId('values').textContent ?? '{}') as { diagnoses: { code: string }[] }

describe('the diagnosis combobox', () => {
  it('finds a code by words, moves with the arrow keys and picks with Enter', async () => {
    const user = userEvent.setup()
    renderList([codeSet()])
    const box = screen.getByRole('combobox', { name: 'Diagnosis 1' })
    await user.type(box, 'radiculopathy lumbar')
    const list = screen.getByRole('listbox', { name: 'Matching ICD-10-CM codes' })
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toContain('M54.16 Radiculopathy, lumbar region')
    expect(box.getAttribute('aria-expanded')).toBe('true')
    await user.keyboard('{ArrowDown}')
    const first = within(list).getAllByRole('option')[0]
    expect(box.getAttribute('aria-activedescendant')).toBe(first?.id)
    expect(first?.getAttribute('aria-selected')).toBe('true')
    const code = first?.textContent?.split(' ')[0]
    await user.keyboard('{Enter}')
    expect(valuesOf().diagnoses[0]?.code).toBe(code)
    expect(box.getAttribute('aria-expanded')).toBe('false')
  })

  it('says a header code needs more characters and offers its billable codes', async () => {
    const user = userEvent.setup()
    renderList([codeSet()])
    const box = screen.getByRole('combobox', { name: 'Diagnosis 1' })
    await user.type(box, 'M54.1')
    expect(screen.getByText(/M54\.1 Radiculopathy: needs more characters/)).toBeDefined()
    const options = within(screen.getByRole('listbox')).getAllByRole('option').map((o) => o.textContent)
    expect(options).toEqual(['M54.16 Radiculopathy, lumbar region', 'M54.17 Radiculopathy, lumbosacral region'])
    await user.keyboard('{Escape}')
    expect(box.getAttribute('aria-expanded')).toBe('false')
  })

  it('stays a free-text field with format checks when no code set covers the date of service', async () => {
    const user = userEvent.setup()
    renderList(undefined)
    expect(screen.queryByRole('combobox')).toBeNull()
    await user.type(screen.getByLabelText('Diagnosis 1'), 'lumbar')
    expect(screen.getByText('Not an ICD-10-CM code')).toBeDefined()
  })
})
