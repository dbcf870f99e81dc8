// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { FormHarness } from './form-harness.tsx'
import { OtherLinesSection } from './other-lines-section.tsx'
import { readValues } from './read-values.ts'

afterEach(cleanup)

describe('OtherLinesSection', () => {
  it('adds an E/M line with modifiers and units, shows its issue and removes it', async () => {
    const user = userEvent.setup()
    const { rerender } = render(<FormHarness><OtherLinesSection /></FormHarness>)
    await user.click(screen.getByRole('button', { name: 'Add line' }))
    await user.type(screen.getByLabelText('Line 1 code'), '99213')
    await user.type(screen.getByLabelText('Line 1 modifiers'), '25 59')
    await user.clear(screen.getByLabelText('Line 1 units'))
    await user.type(screen.getByLabelText('Line 1 units'), '2')
    expect(readValues().otherLines).toEqual([{ code: '99213', modifiers: '25 59', units: 2 }])
    rerender(<FormHarness><OtherLinesSection issues={[{ path: 'otherLines.0.modifiers.1', message: 'A modifier is 2 letters or digits, e.g. RT or 50' }]} /></FormHarness>)
    expect(screen.getByLabelText('Line 1 modifiers').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('A modifier is 2 letters or digits, e.g. RT or 50')).toBeDefined()
    await user.click(screen.getByRole('button', { name: 'Remove line 1' }))
    expect(readValues().otherLines).toEqual([])
  })
})
