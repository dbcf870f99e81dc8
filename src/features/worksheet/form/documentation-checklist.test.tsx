// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { newProcedureValues, type ProcedureValues } from '../model/index.ts'
import { DocumentationChecklist } from './documentation-checklist.tsx'
import { FormHarness } from './form-harness.tsx'
import { readValues } from './read-values.ts'

afterEach(cleanup)

const facet = (purpose: ProcedureValues['facetPurpose']): ProcedureValues => ({ ...newProcedureValues('facet-injection'), facetPurpose: purpose })

describe('DocumentationChecklist', () => {
  it('shows only the items of the families present and writes documentation[id] = true', async () => {
    const user = userEvent.setup()
    render(<FormHarness values={{ procedures: [newProcedureValues('trigger-point')] }}><DocumentationChecklist /></FormHarness>)
    expect(screen.getByRole('heading', { name: 'Trigger point injection' })).toBeDefined()
    expect(screen.queryByRole('heading', { name: 'Facet joint injection' })).toBeNull()
    expect(screen.getAllByRole('checkbox')).toHaveLength(5)
    expect(screen.getByText('0 of 5 confirmed in the note')).toBeDefined()
    await user.click(screen.getByRole('checkbox', { name: 'Laterality where it applies' }))
    expect(readValues().documentation['tpi-laterality']).toBe(true)
    expect(screen.getByText('1 of 5 confirmed in the note')).toBeDefined()
  })

  it('shows the therapeutic-only facet item only for a therapeutic facet injection', () => {
    const { unmount } = render(<FormHarness values={{ procedures: [facet('diagnostic')] }}><DocumentationChecklist /></FormHarness>)
    expect(screen.queryByRole('checkbox', { name: /radiofrequency ablation is not yet indicated/ })).toBeNull()
    unmount()
    render(<FormHarness values={{ procedures: [facet('therapeutic'), newProcedureValues('epidural')] }}><DocumentationChecklist /></FormHarness>)
    expect(screen.getByRole('checkbox', { name: /radiofrequency ablation is not yet indicated/ })).toBeDefined()
    expect(screen.getByRole('heading', { name: 'Epidural steroid injection' })).toBeDefined()
  })

  it('has no checklist for dry needling alone', () => {
    render(<FormHarness values={{ procedures: [{ ...newProcedureValues('trigger-point'), technique: 'dry-needling' }] }}><DocumentationChecklist /></FormHarness>)
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0)
    expect(screen.getByText(/No checklist yet/)).toBeDefined()
  })
})
