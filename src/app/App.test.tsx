// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from './App.tsx'

afterEach(cleanup)

describe('App shell', () => {
  it('names the product in the banner heading', () => {
    render(<App />)
    const banner = screen.getByRole('banner')
    expect(
      within(banner).getByRole('heading', { level: 1, name: 'Injection Coding Worksheet' }),
    ).toBeDefined()
  })

  it('has one main landmark with id "main" that the skip link targets', () => {
    render(<App />)
    const main = screen.getByRole('main')
    expect(main.id).toBe('main')
    const skip = screen.getByRole('link', { name: 'Skip to main content' })
    expect(skip.getAttribute('href')).toBe('#main')
  })

  it('describes what the worksheet does', () => {
    render(<App />)
    const main = screen.getByRole('main')
    expect(within(main).getByRole('heading', { level: 2 }).textContent).toMatch(/right the first time/)
    expect(main.textContent).toMatch(/denial risk/)
  })
})
