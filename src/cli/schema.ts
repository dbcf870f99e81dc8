/**
 * `npm run schema`: writes docs/input.schema.json, the JSON Schema of the interchange input.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { buildInputJsonSchema } from './input-json-schema.ts'

const root = resolve(import.meta.dirname, '../..')
const target = resolve(root, 'docs/input.schema.json')

mkdirSync(dirname(target), { recursive: true })
writeFileSync(target, `${JSON.stringify(buildInputJsonSchema(), null, 2)}\n`)
process.stdout.write(`${relative(process.cwd(), target) || target}\n`)
