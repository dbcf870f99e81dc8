// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { builtInPayerProfiles, commercialExampleProfile, medicareProfile } from '../../../domain/index.ts'
import { facet, input, TODAY } from '../../../domain/testing/builders.ts'
import { inputToWorksheet, type WorksheetValues } from '../model/index.ts'
import { PayerComparison } from './payer-comparison.tsx'

afterEach(cleanup)

function bilateralFacet(encounter: Parameters<typeof input>[0] = {}): WorksheetValues {
  return inputToWorksheet(input({ procedures: [facet([['L4-L5', 'bilateral']], 'therapeutic')], ...encounter }))
}

function column(name: string): HTMLElement {
  return screen.getByRole('region', { name })
}

function linesOf(name: string): string[] {
  return within(within(column(name)).getByRole('list', { name: `Claim lines for ${name}` })).getAllByRole('listitem').map((li) => (li.textContent ?? '').trim())
}

describe('PayerComparison', () => {
  it('bills a bilateral L4-L5 facet as one 64493-50 line for Medicare and two RT/LT lines for the commercial example, marking the difference', () => {
    render(<PayerComparison values={bilateralFacet()} history={[]} today={TODAY} profiles={[...builtInPayerProfiles]} />)
    expect(screen.getByRole('heading', { level: 3, name: 'Payer comparison' })).toBeDefined()
    expect(linesOf(medicareProfile.name)).toEqual(['64493-50 ×1 Differs'])
    expect(linesOf(commercialExampleProfile.name)).toEqual(['64493-RT ×1 Differs', '64493-LT ×1 Differs'])
    expect(screen.getByText(/Lines marked “Differs” are not on every payer's claim/)).toBeDefined()
  })

  it('states each profile\'s bilateral format for the claim setting', () => {
    render(<PayerComparison values={bilateralFacet()} history={[]} today={TODAY} profiles={[...builtInPayerProfiles]} />)
    expect(within(column(medicareProfile.name)).getByText('On a professional claim, a bilateral procedure goes on as one line with modifier 50, one unit.')).toBeDefined()
    expect(within(column(commercialExampleProfile.name)).getByText('On a professional claim, a bilateral procedure goes on as two lines, RT and LT, one unit each (not verified for this payer).')).toBeDefined()
  })

  it('uses the ASC facility convention for a facility claim at POS 24', () => {
    render(<PayerComparison values={bilateralFacet({ claimType: 'facility', placeOfService: '24' })} history={[]} today={TODAY} profiles={[...builtInPayerProfiles]} />)
    expect(linesOf(medicareProfile.name)).toEqual(['64493-RT ×1', '64493-LT ×1'])
    expect(within(column(medicareProfile.name)).getByText(/^On an ASC facility claim, a bilateral procedure goes on as two lines, RT and LT, one unit each\.$/)).toBeDefined()
    expect(screen.getByText('The lines are the same for every payer.')).toBeDefined()
  })

  it('shows the error and warning counts of each profile in words', () => {
    render(<PayerComparison values={bilateralFacet()} history={[]} today={TODAY} profiles={[...builtInPayerProfiles]} />)
    const medicare = column(medicareProfile.name)
    expect(within(medicare).getByText(/^Error \d+$/)).toBeDefined()
    expect(within(medicare).getByText(/^Warning \d+$/)).toBeDefined()
  })
})
