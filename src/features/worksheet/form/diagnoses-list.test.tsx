// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { DiagnosesList } from './diagnoses-list.tsx'
import { FormHarness } from './form-harness.tsx'

afterEach(cleanup)

const letter = (i: number) => screen.getByTestId(`diagnosis-letter-${i}`).textContent

describe('the diagnosis list shows box 21 letters', () => {
  it('letters each diagnosis filled in, A first, and tells screen readers the letter', () => {
    render(<FormHarness values={{ diagnoses: [{ code: 'M54.50' }, { code: '' }, { code: 'M47.816' }] }}><DiagnosesList issues={[]} /></FormHarness>)
    expect([letter(0), letter(1), letter(2)]).toEqual(['A', '·', 'B'])
    expect(screen.getByLabelText('Diagnosis 3').getAttribute('aria-describedby')).toBeTruthy()
    expect(screen.getByText(/Box 21 letter B: lines point to it as B/)).toBeDefined()
  })

  it('moves the letters up when a diagnosis is removed', async () => {
    const user = userEvent.setup()
    render(<FormHarness values={{ diagnoses: [{ code: 'M54.50' }, { code: 'M47.816' }] }}><DiagnosesList issues={[]} /></FormHarness>)
    await user.click(screen.getByRole('button', { name: 'Remove diagnosis 1' }))
    expect(letter(0)).toBe('A')
    expect(screen.getByLabelText<HTMLInputElement>('Diagnosis 1').value).toBe('M47.816')
  })
})
