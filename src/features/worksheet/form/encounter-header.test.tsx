// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { builtInPayerProfiles } from '../../../domain/index.ts'
import { newProcedureValues, type FormIssue, type WorksheetValues } from '../model/index.ts'
import { EncounterHeader, type EncounterHeaderProps } from './encounter-header.tsx'
import { FormHarness } from './form-harness.tsx'
import { readValues } from './read-values.ts'

afterEach(cleanup)

const profiles = builtInPayerProfiles.map((p) => ({ id: p.id, name: p.name }))

function renderHeader(props: Partial<EncounterHeaderProps> = {}, values: Partial<WorksheetValues> = {}) {
  const onManageProviders = vi.fn()
  render(
    <FormHarness values={values}>
      <EncounterHeader providers={[{ id: 'dr-a', name: 'Dr. A' }]} payerProfiles={profiles} issues={[]} needsPriorAuth={false} onManageProviders={onManageProviders} {...props} />
    </FormHarness>,
  )
  return { onManageProviders }
}

describe('EncounterHeader', () => {
  it('says "Not an ICD-10-CM code" for XYZ and not for m54.16', async () => {
    const user = userEvent.setup()
    renderHeader()
    await user.type(screen.getByLabelText('Diagnosis 1'), 'XYZ')
    expect(screen.getByText('Not an ICD-10-CM code')).toBeDefined()
    expect(screen.getByLabelText('Diagnosis 1').getAttribute('aria-invalid')).toBe('true')
    await user.clear(screen.getByLabelText('Diagnosis 1'))
    await user.type(screen.getByLabelText('Diagnosis 1'), ' m54.16')
    expect(screen.queryByText('Not an ICD-10-CM code')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Add diagnosis' }))
    await user.type(screen.getByLabelText('Diagnosis 2'), 'M47816')
    expect(readValues().diagnoses).toEqual([{ code: ' m54.16' }, { code: 'M47816' }])
    expect(screen.queryByText('Not an ICD-10-CM code')).toBeNull()
  })

  it('names the diagnosis groups that support the families present', () => {
    renderHeader({}, { procedures: [newProcedureValues('facet-injection'), newProcedureValues('facet-rfa')] })
    expect(screen.getByText('Facet joint injection, Facet radiofrequency ablation:')).toBeDefined()
    expect(screen.getByText(/Spondylosis without myelopathy or radiculopathy \(M47\.81-\)/)).toBeDefined()
    expect(screen.queryByText(/Myalgia/)).toBeNull()
  })

  it('shows the issue of a field under it', () => {
    const issues: FormIssue[] = [{ path: 'patientId', message: 'Use the patient account number, never the patient\'s name' }]
    renderHeader({ issues })
    const input = screen.getByLabelText('Patient account')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.getAttribute('aria-describedby')?.split(' ')).toHaveLength(2)
    expect(screen.getByText(/never the patient's name$/)).toBeDefined()
  })

  it('lists places of service with code and label, and says when no provider is saved', async () => {
    const user = userEvent.setup()
    const { onManageProviders } = renderHeader({ providers: [] })
    expect(screen.getByRole('option', { name: '11 — Office' })).toBeDefined()
    expect(screen.getByText(/No provider saved yet/)).toBeDefined()
    await user.click(screen.getByRole('button', { name: 'Manage providers…' }))
    expect(onManageProviders).toHaveBeenCalledOnce()
  })

  it('shows prior authorization only when needed or already entered', () => {
    renderHeader()
    expect(screen.queryByLabelText('Prior authorization / UTN')).toBeNull()
    cleanup()
    renderHeader({ needsPriorAuth: true })
    expect(screen.getByLabelText('Prior authorization / UTN')).toBeDefined()
    expect(screen.getByText(/requires prior authorization/)).toBeDefined()
    cleanup()
    renderHeader({}, { priorAuthorization: 'A1' })
    expect(screen.getByText('Use 4 to 30 letters, digits or hyphens')).toBeDefined()
  })
})
