import { readFileSync } from 'node:fs'
import { parseRemittanceFile } from '../parse-835.ts'
import type { Remittance, RemittanceParseOptions } from '../types.ts'

/** Test helpers: read a fixture, parse it, fail loudly if it does not parse. */

export function readFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
}

export function parseOk(text: string, options?: RemittanceParseOptions): Remittance[] {
  const result = parseRemittanceFile(text, options)
  if (!result.ok) throw new Error(`expected the 835 to parse:\n${result.errors.map((e) => e.message).join('\n')}`)
  return result.remittances
}

export function parseFixture(name: string): Remittance[] {
  return parseOk(readFixture(name))
}
