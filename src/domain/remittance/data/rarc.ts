import type { DenialCategory } from '../types.ts'
import type { CodeSourceId } from './sources.ts'

/**
 * Remittance advice remark codes (RARC) we recognise. A remark with a category refines a
 * generic CARC (16, 96, 252); a remark with category null only informs (e.g. N115 says an
 * LCD was applied, not what was wrong). Categories and rationales are our own judgment.
 */
export interface RarcEntry {
  code: string
  shortDescription: string
  category: DenialCategory | null
  rationale: string
  source: CodeSourceId
  verified: boolean
}

const rarc = (code: string, shortDescription: string, category: DenialCategory | null, source: CodeSourceId, rationale: string): RarcEntry =>
  ({ code, shortDescription, category, rationale, source, verified: true })

export const rarcEntries: readonly RarcEntry[] = [
  rarc('M51', 'Missing, incomplete or invalid procedure code(s)', 'coding', 'noridianJfDenials', 'The procedure code is named as the problem.'),
  rarc('N56', 'Procedure code billed is not correct or valid for the services billed or the date of service', 'coding', 'noridianJfDenials', 'The procedure code is named as the problem.'),
  rarc('M81', 'Code to the highest level of specificity', 'coding', 'noridianJfDenials', 'Diagnosis coding specificity.'),
  rarc('M77', 'Missing, incomplete, invalid or inappropriate place of service', 'coding', 'noridianDmeDenials', 'Place of service is part of how the claim is coded.'),
  rarc('N519', 'Invalid combination of HCPCS modifiers', 'modifier', 'noridianDmeDenials', 'The modifiers are named as the problem.'),
  rarc('N822', 'Missing procedure modifier(s)', 'modifier', 'rarcLists', 'A required modifier was absent.'),
  rarc('N823', 'Incomplete or invalid procedure modifier(s)', 'modifier', 'rarcLists', 'A modifier was wrong.'),
  rarc('M127', 'Missing patient medical record for this service', 'documentation', 'rarcLists', 'The payer needs the record.'),
  rarc('N706', 'Missing documentation', 'documentation', 'rarcLists', 'The payer needs documentation.'),
  rarc('N350', 'Missing, incomplete or invalid description of service for an unlisted or not-otherwise-classified code', 'documentation', 'noridianDmeDenials', 'The narrative that must go with an unlisted code is missing.'),
  rarc('N290', 'Missing, incomplete or invalid rendering provider primary identifier', 'documentation', 'noridianJfNpi', 'Missing claim information, which we count as documentation.'),
  rarc('N257', 'Missing, incomplete or invalid billing provider/supplier primary identifier', 'documentation', 'noridianJfNpi', 'Missing claim information, which we count as documentation.'),
  rarc('N362', 'Number of days or units of service exceeds the acceptable maximum', 'frequency', 'rarcLists', 'A quantity limit; we chart it with the frequency limits.'),
  rarc('M62', 'Missing, incomplete or invalid treatment authorization code', 'prior-authorization', 'rarcLists', 'The authorization on the claim is the problem.'),
  rarc('N115', 'Decision based on a Local Coverage Determination (LCD)', null, 'noridianDme151', 'Says which policy applied, not what was wrong: the CARC\'s category stands.'),
]

export const rarcByCode: ReadonlyMap<string, RarcEntry> = new Map(rarcEntries.map((e) => [e.code, e]))
