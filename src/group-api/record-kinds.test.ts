import { describe, expect, it } from 'vitest'
import { mayReadKind, mayWriteKind, recordValueProblem } from './record-kinds.ts'

const chargeSettings = {
  id: 'practice', sendingApplication: 'ICW', sendingFacility: 'Spine Clinic', receivingApplication: 'PMS', receivingFacility: '',
  columns: [{ header: 'Acct', field: 'patientAccount' }], updatedAt: '2026-11-20T09:30:00.000Z',
}

describe('the charge file settings as a shared record', () => {
  it('are kept by supervisors and admins, as the coverage choices are: a coder or a trainee may not change them', () => {
    expect((['admin', 'supervisor', 'coder', 'trainee'] as const).map((role) => mayWriteKind('charge-settings', role))).toEqual([true, true, false, false])
    expect((['admin', 'supervisor', 'coder', 'trainee'] as const).map((role) => mayWriteKind('coverage-settings', role))).toEqual([true, true, false, false])
  })

  it('are read by every staff role, not by a trainee', () => {
    expect((['admin', 'supervisor', 'coder', 'trainee'] as const).map((role) => mayReadKind('charge-settings', role))).toEqual([true, true, true, false])
  })

  it("are one record under the key 'practice', with columns of the fields a charge file can hold", () => {
    expect(recordValueProblem('charge-settings', 'practice', chargeSettings)).toBeNull()
    expect(recordValueProblem('charge-settings', 'desk-2', { ...chargeSettings, id: 'desk-2' })).toMatchObject({ path: 'value.id' })
    expect(recordValueProblem('charge-settings', 'practice', { ...chargeSettings, columns: [{ header: 'Fee', field: 'price' }] })).toMatchObject({ path: 'value.columns.0.field' })
  })
})
