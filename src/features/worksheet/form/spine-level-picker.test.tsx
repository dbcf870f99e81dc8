// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { LevelValues } from '../model/index.ts'
import { SpineLevelPicker } from './spine-level-picker.tsx'

afterEach(cleanup)

function Host({ initial = [], single = false, allowNoSide = false }: { initial?: LevelValues[]; single?: boolean; allowNoSide?: boolean }) {
  const [levels, setLevels] = useState<LevelValues[]>(initial)
  return (
    <>
      <button type="button">before</button>
      <SpineLevelPicker legend="Levels" value={levels} onChange={setLevels} single={single} allowNoSide={allowNoSide} />
      <output data-testid="levels">{JSON.stringify(levels)}</output>
    </>
  )
}

const levels = () => JSON.parse(screen.getByTestId('levels').textContent ?? '[]') as LevelValues[]
const radio = (name: string) => screen.getByLabelText<HTMLInputElement>(name, { selector: 'input[type=radio]' })

describe('SpineLevelPicker', () => {
  it('sets L4-L5 on both sides with a click and lists it under the picker', async () => {
    const user = userEvent.setup()
    render(<Host />)
    await user.click(radio('L4-L5 Both'))
    expect(levels()).toEqual([{ level: 'L4-L5', side: 'bilateral' }])
    expect(screen.getByText('Selected: L4-L5 both sides')).toBeDefined()
    expect(screen.getByRole('radiogroup', { name: 'L4-L5' })).toBeDefined()
  })

  it('keeps levels in head-to-tail order and clears one with None', async () => {
    const user = userEvent.setup()
    render(<Host />)
    await user.click(radio('L5-S1 Right'))
    await user.click(radio('C5-C6 Left'))
    await user.click(radio('L4-L5 Both'))
    expect(levels().map((l) => l.level)).toEqual(['C5-C6', 'L4-L5', 'L5-S1'])
    await user.click(radio('C5-C6 None'))
    expect(levels()).toEqual([{ level: 'L4-L5', side: 'bilateral' }, { level: 'L5-S1', side: 'right' }])
  })

  it('sets L4-L5 Both with the keyboard only: Tab to the row, arrows through Left and Right, Space', async () => {
    const user = userEvent.setup()
    render(<Host />)
    screen.getByRole('button', { name: 'before' }).focus()
    for (let i = 0; i < 60 && !(document.activeElement?.getAttribute('name') ?? '').includes('L4-L5'); i++) await user.tab()
    expect(document.activeElement).toBe(radio('L4-L5 None'))
    await user.keyboard('{ArrowRight}')
    expect(levels()).toEqual([{ level: 'L4-L5', side: 'left' }])
    await user.keyboard('{ArrowRight}{ArrowRight}[Space]')
    expect(document.activeElement).toBe(radio('L4-L5 Both'))
    expect(levels()).toEqual([{ level: 'L4-L5', side: 'bilateral' }])
    await user.tab({ shift: true })
    expect(document.activeElement).toBe(radio('L3-L4 None'))
  })

  it('reads typed levels like "L4-L5 B, L5-S1 R" on Enter', async () => {
    const user = userEvent.setup()
    render(<Host />)
    await user.type(screen.getByLabelText('Levels: type instead'), 'l4-5 b, L5-S1 R{Enter}')
    expect(levels()).toEqual([{ level: 'L4-L5', side: 'bilateral' }, { level: 'L5-S1', side: 'right' }])
    expect(radio('L5-S1 Right').checked).toBe(true)
    await user.clear(screen.getByLabelText('Levels: type instead'))
    await user.type(screen.getByLabelText('Levels: type instead'), 'L9-L10 R{Enter}')
    expect(screen.getByText(/Could not read "L9-L10 R"/)).toBeDefined()
    expect(levels()).toHaveLength(2)
  })

  it('keeps one level in single mode and offers "No side"', async () => {
    const user = userEvent.setup()
    render(<Host single allowNoSide />)
    await user.click(radio('L4-L5 No side'))
    await user.click(radio('L5-S1 No side'))
    expect(levels()).toEqual([{ level: 'L5-S1', side: '' }])
    expect(screen.getByText('Selected: L5-S1 side not documented')).toBeDefined()
  })

  it('shows a level without a documented side even where "No side" is not offered', () => {
    render(<Host initial={[{ level: 'T12-L1', side: '' }]} />)
    expect(radio('T12-L1 No side').checked).toBe(true)
    expect(screen.queryByLabelText('L4-L5 No side')).toBeNull()
  })
})
