// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { createContext, evaluate } from '../../../domain/index.ts'
import { getDefaultWorksheetValues, newProcedureValues, worksheetToInput, type WorksheetValues } from '../model/index.ts'
import { ClaimLinesTable } from './claim-lines-table.tsx'
import { ResultsPanel } from './results-panel.tsx'

afterEach(cleanup)

const context = createContext('2026-11-26')
const start: WorksheetValues = {
  ...getDefaultWorksheetValues('2026-10-14'), patientId: 'PT-1', providerId: 'DR-A',
  diagnoses: [{ code: 'M54.50' }, { code: 'M47.816' }],
  procedures: [{ ...newProcedureValues('facet-injection'), facetPurpose: 'therapeutic', levels: [{ level: 'L4-L5', side: 'right' }] }],
  drugs: [{ code: 'J1100', name: 'dexamethasone', dose: 8, unit: 'mg', category: 'steroid' }],
}

/** The results panel over live form values, as the worksheet page wires it. */
function Harness() {
  const [values, setValues] = useState(start)
  const { input, issues } = worksheetToInput(values, [], '2026-11-26')
  const result = evaluate(input, context)
  return (
    <>
      <ResultsPanel result={result} issues={issues} values={values} onApplyFix={setValues} onPointersChange={(linePointers) => setValues((v) => ({ ...v, linePointers }))} />
      <output data-testid="choices">{JSON.stringify(values.linePointers ?? [])}</output>
    </>
  )
}

const pointerCell = (row: number) => screen.getByTestId(`line-pointers-${row}`).textContent

describe('diagnosis pointers in the claim lines table', () => {
  it('shows box 21 lettered and each line\'s default pointers in a "Dx pointer" column', () => {
    render(<Harness />)
    const box21 = screen.getByRole('list', { name: 'Diagnoses (box 21)' })
    expect(within(box21).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['A M54.50', 'B M47.816'])
    expect(screen.getByRole('columnheader', { name: 'Dx pointer' })).toBeDefined()
    // The facet line points first to the spondylosis (B) that supports it; the drug in box 21 order.
    expect([pointerCell(0), pointerCell(1)]).toEqual(['BA', 'AB'])
  })

  it('changes a line\'s pointers with labelled checkboxes, in the order ticked, and gives back the default', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    const change = screen.getByRole('button', { name: 'Change the diagnosis pointers of line 1, 64493 RT' })
    expect(change.getAttribute('aria-expanded')).toBe('false')
    await user.click(change)
    expect(change.getAttribute('aria-expanded')).toBe('true')
    const group = screen.getByRole('group', { name: 'Diagnosis pointers for 64493 RT' })
    expect(change.getAttribute('aria-controls')).toBe(group.id)
    const a = within(group).getByRole('checkbox', { name: /^A M54\.50/ })
    const b = within(group).getByRole('checkbox', { name: /^B M47\.816/ })
    expect(document.activeElement).toBe(a)
    expect([(a as HTMLInputElement).checked, (b as HTMLInputElement).checked]).toEqual([true, true])

    await user.click(b)
    expect(pointerCell(0)).toBe('A')
    expect(screen.getByText('(chosen)')).toBeDefined()
    expect(screen.getByTestId('choices').textContent).toBe('[{"code":"64493","modifiers":["RT"],"diagnoses":["M54.50"]}]')
    // The last pointer cannot be taken away: a line points to at least one diagnosis.
    expect((a as HTMLInputElement).disabled).toBe(true)

    await user.click(b)
    expect(pointerCell(0)).toBe('AB')
    expect(pointerCell(1)).toBe('AB')

    await user.click(within(group).getByRole('button', { name: 'Use the default pointers' }))
    expect(pointerCell(0)).toBe('BA')
    expect(screen.getByTestId('choices').textContent).toBe('[]')
    expect(screen.queryByRole('group', { name: 'Diagnosis pointers for 64493 RT' })).toBeNull()
  })

  it('is keyboard-operable: Space ticks, Escape closes and gives focus back to the button', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    const change = screen.getByRole('button', { name: 'Change the diagnosis pointers of line 2, J1100' })
    change.focus()
    await user.keyboard('{Enter}')
    const group = screen.getByRole('group', { name: 'Diagnosis pointers for J1100' })
    await user.keyboard(' ')
    expect(pointerCell(1)).toBe('B')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('group', { name: 'Diagnosis pointers for J1100' })).toBeNull()
    expect(group.isConnected).toBe(false)
    await new Promise((r) => requestAnimationFrame(r))
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change the diagnosis pointers of line 2, J1100' }))
  })

  it('allows at most four pointers', async () => {
    const user = userEvent.setup()
    const diagnoses = ['M54.50', 'M47.816', 'M54.2', 'G89.29', 'M25.50']
    const line = { code: '64493', modifiers: ['RT'], units: 1, label: 'x', procedureIndex: 0, origin: 'procedure' as const, ruleIds: [], trace: [], pointers: ['A' as const, 'B' as const, 'C' as const, 'D' as const] }
    render(<ClaimLinesTable lines={[line]} diagnoses={diagnoses} pointerEditing={{ diagnoses, onChange: () => undefined }} />)
    await user.click(screen.getByRole('button', { name: /Change the diagnosis pointers of line 1/ }))
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /^E M25\.50/ }).disabled).toBe(true)
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /^D G89\.29/ }).disabled).toBe(false)
  })

  it('shows the pointers without a change button when the table is read-only', () => {
    const line = { code: '64493', modifiers: ['RT'], units: 1, label: 'x', procedureIndex: 0, origin: 'procedure' as const, ruleIds: [], trace: [], pointers: ['B' as const] }
    render(<ClaimLinesTable lines={[line]} diagnoses={['M54.50', 'M47.816']} />)
    expect(pointerCell(0)).toBe('B')
    expect(screen.queryByRole('button')).toBeNull()
  })
})
