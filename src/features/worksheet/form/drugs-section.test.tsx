// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { DrugsSection } from './drugs-section.tsx'
import { FormHarness } from './form-harness.tsx'
import { readValues } from './read-values.ts'

afterEach(cleanup)

async function addDrug(code: string, dose: string, dateOfService = '2025-03-10') {
  const user = userEvent.setup()
  render(<FormHarness values={{ dateOfService }}><DrugsSection /></FormHarness>)
  await user.click(screen.getByRole('button', { name: 'Add drug' }))
  await user.type(screen.getByLabelText('Drug 1 code'), code)
  if (dose !== '') await user.type(screen.getByLabelText('Drug 1 dose'), dose)
  return user
}

const units = () => screen.getByRole('status', { name: 'Drug 1 billing units' }).textContent

describe('DrugsSection', () => {
  it('bills J3301 40 mg as 4 units and prefills the name and category from the catalog', async () => {
    await addDrug('J3301', '40')
    expect(units()).toBe('4 units (10 mg per unit)')
    expect(readValues().drugs[0]).toMatchObject({ code: 'J3301', name: 'triamcinolone acetonide', dose: 40, unit: 'mg', category: 'steroid' })
    expect(screen.getByText('triamcinolone acetonide, 10 mg per unit')).toBeDefined()
  })

  it('offers the catalog as "code — name (unit)" suggestions', () => {
    render(<FormHarness><DrugsSection /></FormHarness>)
    const option = document.querySelector('datalist option[value="J3301"]')
    expect(option?.textContent).toBe('J3301 — triamcinolone acetonide (10 mg per unit)')
  })

  it('reads an NDC as on the package and shows the 11-digit form the claim carries', async () => {
    const user = await addDrug('J1100', '8')
    await user.type(screen.getByLabelText('Drug 1 NDC'), '1234-5678-90')
    expect(screen.getByText('On the claim: 01234-5678-90')).toBeDefined()
    await user.type(screen.getByLabelText('Drug 1 NDC quantity'), '2')
    await user.selectOptions(screen.getByLabelText('Drug 1 NDC unit'), 'ML')
    expect(readValues().drugs[0]).toMatchObject({ ndc: '1234-5678-90', ndcQuantity: 2, ndcUnit: 'ML' })
  })

  it('says why an NDC cannot be read', async () => {
    const user = await addDrug('J1100', '8')
    await user.type(screen.getByLabelText('Drug 1 NDC'), '1234567890')
    expect(screen.getByText(/10 digits and no hyphens/)).toBeDefined()
  })

  it('converts mcg to mg and rounds up', async () => {
    const user = await addDrug('J1100', '4500')
    await user.selectOptions(screen.getByLabelText('Drug 1 dose unit'), 'mcg')
    expect(units()).toBe('5 units (1 mg per unit)')
  })

  it('shows the Box 19 text of an unclassified J3490 live and asks for the name', async () => {
    const user = await addDrug('J3490', '2')
    expect(screen.getByText('Enter the drug name for Box 19')).toBeDefined()
    expect(screen.getByText('DRUG NAME MISSING, 2 mg')).toBeDefined()
    await user.type(screen.getByLabelText('Drug 1 name'), 'sodium bicarbonate 8.4%')
    await user.selectOptions(screen.getByLabelText('Drug 1 dose unit'), 'mL')
    expect(screen.getByText('sodium bicarbonate 8.4%, 2 mL')).toBeDefined()
    expect(units()).toBe('1 unit (unclassified code)')
    expect(screen.queryByText('Enter the drug name for Box 19')).toBeNull()
  })

  it('leaves J0702 units to the payer profile', async () => {
    await addDrug('J0702', '6')
    expect(units()).toBe('Units per payer profile')
  })

  it('warns that J1020 was deleted before the date of service', async () => {
    await addDrug('J1020', '40', '2025-03-10')
    expect(screen.getByText(/J1020 was deleted after 2024-03-31; use J1010/)).toBeDefined()
  })
})
