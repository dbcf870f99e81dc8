import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

// Lints source text as if it lived in src/domain, with the project's own eslint.config.js.
// Type-aware rules are switched off for the probe: the file does not exist on disk, and the
// boundary rules need no type information.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
})

async function domainMessages(code: string, filePath = 'src/domain/__probe__.ts') {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`)
}

describe('src/domain boundary lint rule', () => {
  it.each([
    ["import React from 'react'", 'no-restricted-imports'],
    ["import { createRoot } from 'react-dom/client'", 'no-restricted-imports'],
    ["import { jsx } from 'react/jsx-runtime'", 'no-restricted-imports'],
    ["import { App } from '../app/App.tsx'", 'no-restricted-imports'],
    ["import { x } from '../features/worksheet/form.ts'", 'no-restricted-imports'],
    ["import { Button } from '../components/button.tsx'", 'no-restricted-imports'],
    ['export const t = Date.now()', 'no-restricted-properties'],
    ['export const t = new Date()', 'no-restricted-syntax'],
    ['export const t = Date()', 'no-restricted-syntax'],
    ["export const v = localStorage.getItem('k')", 'no-restricted-globals'],
    ['export const db = indexedDB', 'no-restricted-globals'],
    ['export const w = window.innerWidth', 'no-restricted-globals'],
    ['export const d = document.title', 'no-restricted-globals'],
  ])('rejects `%s` (%s)', async (code, ruleId) => {
    const messages = await domainMessages(`${code}\n`)
    expect(messages.some((m) => m.startsWith(`${ruleId}:`)), messages.join('\n')).toBe(true)
  })

  it('accepts pure code that takes the date as an argument and imports zod', async () => {
    const code = [
      "import { z } from 'zod/mini'",
      "import { facetCodes } from './facet-codes.ts'",
      'export const dateSchema = z.iso.date()',
      'export function daysBetween(from: string, to: string): number {',
      '  return (new Date(to).getTime() - new Date(from).getTime()) / 86_400_000',
      '}',
      'export const codes = facetCodes',
      '',
    ].join('\n')
    expect(await domainMessages(code)).toEqual([])
  })

  it('does not apply the boundary outside src/domain', async () => {
    const code = "import { useState } from 'react'\nexport const t = Date.now()\nexport const s = useState\n"
    expect(await domainMessages(code, 'src/features/__probe__.ts')).toEqual([])
  })
})
