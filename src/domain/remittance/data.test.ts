import { describe, expect, it } from 'vitest'
import { z } from '../zod.ts'
import { CARC_KINDS, carcEntries } from './data/carc.ts'
import { rarcEntries } from './data/rarc.ts'
import { codeSources } from './data/sources.ts'
import { DENIAL_CATEGORIES } from './types.ts'

const sourceIds = Object.keys(codeSources) as [string, ...string[]]

const carcSchema = z.object({
  code: z.string().check(z.regex(/^(?:[1-9]\d{0,2}|[A-Z]\d{1,2})$/)),
  shortDescription: z.string().check(z.minLength(5), z.maxLength(120)),
  category: z.enum(DENIAL_CATEGORIES),
  kind: z.enum(CARC_KINDS),
  refinedByRemarks: z.boolean(),
  rationale: z.string().check(z.minLength(10)),
  source: z.enum(sourceIds),
  verified: z.boolean(),
})

const rarcSchema = z.object({
  code: z.string().check(z.regex(/^(?:M|N|MA)\d{1,3}$/)),
  shortDescription: z.string().check(z.minLength(5), z.maxLength(120)),
  category: z.nullable(z.enum(DENIAL_CATEGORIES)),
  rationale: z.string().check(z.minLength(10)),
  source: z.enum(sourceIds),
  verified: z.boolean(),
})

describe('CARC and RARC tables', () => {
  it('are well-formed data, each entry with a source, a rationale and a category', () => {
    for (const entry of carcEntries) expect(carcSchema.safeParse(entry).success, entry.code).toBe(true)
    for (const entry of rarcEntries) expect(rarcSchema.safeParse(entry).success, entry.code).toBe(true)
  })

  it('list each code once', () => {
    expect(new Set(carcEntries.map((e) => e.code)).size).toBe(carcEntries.length)
    expect(new Set(rarcEntries.map((e) => e.code)).size).toBe(rarcEntries.length)
  })

  it('hold only codes whose description was confirmed on a source', () => {
    expect(carcEntries.filter((e) => !e.verified)).toEqual([])
    expect(rarcEntries.filter((e) => !e.verified)).toEqual([])
  })

  it('cover every category of ours at least once among the denial CARCs', () => {
    const categories = new Set(carcEntries.filter((e) => e.kind === 'denial').map((e) => e.category))
    expect([...categories].sort()).toEqual([...DENIAL_CATEGORIES].sort())
  })

  it('mark only the contractual reductions and patient shares as not denials', () => {
    expect(carcEntries.filter((e) => e.kind !== 'denial').map((e) => e.code)).toEqual(['1', '2', '3', '45', '253'])
  })
})
