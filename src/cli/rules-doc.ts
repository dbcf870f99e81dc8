/**
 * `npm run rules`: writes docs/rules.md, the rule library, from the rule module.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { rulesMarkdown } from './rules-markdown.ts'

const root = resolve(import.meta.dirname, '../..')
const target = resolve(root, 'docs/rules.md')

mkdirSync(dirname(target), { recursive: true })
writeFileSync(target, rulesMarkdown())
process.stdout.write(`${relative(process.cwd(), target) || target}\n`)
