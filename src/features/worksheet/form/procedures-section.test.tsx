// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { newProcedureValues } from '../model/index.ts'
import { FormHarness } from './form-harness.tsx'
import { ProceduresSection, type AddProcedureRequest } from './procedures-section.tsx'
import { readValues } from './read-values.ts'

afterEach(cleanup)

function renderSection(addRequest: AddProcedureRequest | null = null) {
  const ui = (request: AddProcedureRequest | null) => <FormHarness><ProceduresSection addRequest={request} /></FormHarness>
  const view = render(ui(addRequest))
  return { ...view, request: (r: AddProcedureRequest | null) => view.rerender(ui(r)) }
}

describe('ProceduresSection', () => {
  it('codes three distinct muscles of one trigger point procedure as 20553', async () => {
    const user = userEvent.setup()
    renderSection()
    await user.click(screen.getByRole('button', { name: 'Add trigger point' }))
    await user.type(screen.getByLabelText('Muscle 1'), 'trapezius')
    expect(screen.getByText(/1 distinct muscle \(muscle \+ side\) → 20552/)).toBeDefined()
    await user.click(screen.getByRole('button', { name: 'Add muscle' }))
    await user.type(screen.getByLabelText('Muscle 2'), 'rhomboid major')
    await user.click(screen.getByRole('button', { name: 'Add muscle' }))
    await user.type(screen.getByLabelText('Muscle 3'), 'Infraspinatus ')
    expect(screen.getByText(/3 distinct muscles \(muscle \+ side\) → 20553/)).toBeDefined()
    expect(readValues().procedures[0]?.muscles.map((m) => m.muscle)).toEqual(['trapezius', 'rhomboid major', 'Infraspinatus '])
  })

  it('counts a bilateral muscle as the left and the right muscle', async () => {
    const user = userEvent.setup()
    renderSection()
    await user.click(screen.getByRole('button', { name: 'Add trigger point' }))
    await user.type(screen.getByLabelText('Muscle 1'), 'trapezius')
    await user.selectOptions(screen.getByLabelText('Side, muscle 1'), 'Bilateral')
    expect(screen.getByText(/2 distinct muscles \(muscle \+ side\) → 20552/)).toBeDefined()
    await user.click(screen.getByRole('button', { name: 'Add muscle' }))
    await user.type(screen.getByLabelText('Muscle 2'), 'TRAPEZIUS')
    await user.selectOptions(screen.getByLabelText('Side, muscle 2'), 'Left')
    expect(screen.getByText(/2 distinct muscles/)).toBeDefined()
    await user.click(screen.getByRole('button', { name: 'Add muscle' }))
    await user.type(screen.getByLabelText('Muscle 3'), 'levator scapulae')
    expect(screen.getByText(/3 distinct muscles \(muscle \+ side\) → 20553/)).toBeDefined()
  })

  it('says dry needling is not billed as 20552/20553', async () => {
    const user = userEvent.setup()
    renderSection()
    await user.click(screen.getByRole('button', { name: 'Add trigger point' }))
    await user.selectOptions(screen.getByLabelText('Technique'), 'Dry needling')
    await user.type(screen.getByLabelText('Muscle 1'), 'piriformis')
    expect(screen.getByText(/dry needling is not billed as 20552\/20553/)).toBeDefined()
  })

  it('hides the levels when the epidural approach becomes caudal and asks for the region', async () => {
    const user = userEvent.setup()
    renderSection()
    await user.click(screen.getByRole('button', { name: 'Add epidural' }))
    expect(screen.getByRole('group', { name: 'Levels' })).toBeDefined()
    await user.selectOptions(screen.getByLabelText('Approach'), 'Caudal')
    expect(screen.queryByRole('group', { name: 'Levels' })).toBeNull()
    expect(screen.getByLabelText('Region')).toBeDefined()
    await user.selectOptions(screen.getByLabelText('Approach'), 'Interlaminar')
    expect(screen.getByRole('group', { name: 'Level' })).toBeDefined()
  })

  it('keeps the levels when the type changes and back', async () => {
    const user = userEvent.setup()
    renderSection()
    await user.click(screen.getByRole('button', { name: 'Add facet injection' }))
    await user.click(screen.getByRole('radio', { name: 'L4-L5 Both' }))
    await user.selectOptions(screen.getByLabelText('Procedure type'), 'Trigger point injection')
    expect(screen.queryByRole('group', { name: 'Levels' })).toBeNull()
    expect(readValues().procedures[0]).toMatchObject({ type: 'trigger-point', levels: [{ level: 'L4-L5', side: 'bilateral' }] })
    await user.selectOptions(screen.getByLabelText('Procedure type'), 'Facet joint injection')
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'L4-L5 Both' }).checked).toBe(true)
  })

  it('moves and removes procedures', async () => {
    const user = userEvent.setup()
    renderSection()
    await user.click(screen.getByRole('button', { name: 'Add trigger point' }))
    await user.click(screen.getByRole('button', { name: 'Add RFA' }))
    await user.click(screen.getByRole('button', { name: 'Move procedure 2 up' }))
    expect(readValues().procedures.map((p) => p.type)).toEqual(['facet-rfa', 'trigger-point'])
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move procedure 1 down')
    expect(screen.getByRole('heading', { name: 'Procedure 1: Facet radiofrequency ablation' })).toBeDefined()
    await user.click(screen.getByRole('button', { name: 'Remove procedure 1' }))
    expect(readValues().procedures.map((p) => p.type)).toEqual(['trigger-point'])
  })

  it('appends once per new nonce of an add request', () => {
    const view = renderSection({ type: 'epidural', nonce: 1 })
    expect(readValues().procedures).toHaveLength(0)
    view.request({ type: 'epidural', nonce: 2 })
    view.request({ type: 'epidural', nonce: 2 })
    expect(readValues().procedures.map((p) => p.type)).toEqual(['epidural'])
    view.request({ type: 'facet-injection', nonce: 3 })
    expect(readValues().procedures.map((p) => p.type)).toEqual(['epidural', 'facet-injection'])
  })

  it('renders a card per procedure from the form values', () => {
    render(<FormHarness values={{ procedures: [newProcedureValues('facet-rfa'), newProcedureValues('epidural')] }}><ProceduresSection /></FormHarness>)
    const list = screen.getAllByRole('listitem').filter((li) => li.querySelector('h3'))
    expect(list.map((li) => within(li).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Procedure 1: Facet radiofrequency ablation',
      'Procedure 2: Epidural steroid injection',
    ])
  })
})
