import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildInputJsonSchema } from './input-json-schema.ts'
import { rulesMarkdown } from './rules-markdown.ts'

const root = resolve(import.meta.dirname, '../..')

describe('generated docs are current', () => {
  it('docs/rules.md matches the rule module (run `npm run rules` after changing a rule)', () => {
    expect(readFileSync(resolve(root, 'docs/rules.md'), 'utf8')).toBe(rulesMarkdown())
  })

  it('docs/input.schema.json matches the schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(resolve(root, 'docs/input.schema.json'), 'utf8')).toBe(`${JSON.stringify(buildInputJsonSchema(), null, 2)}\n`)
  })
})
