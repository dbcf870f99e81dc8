import { describe, expect, it } from 'vitest'
import type { CoverageArticle, CoverageContext } from '../coverage/index.ts'
import { choiceFor, linePointerKey } from '../rules/pointers.ts'
import { parseEvaluationInput } from '../schema.ts'
import { facet, findings, input, run, transforaminal } from '../testing/builders.ts'

const rightL4L5 = facet([['L4-L5', 'right']], 'therapeutic')
const bilateralL4L5 = facet([['L4-L5', 'bilateral']], 'therapeutic')
const leftL5 = transforaminal([['L5-S1', 'left']])
const dex = { code: 'J1100', name: 'dexamethasone sodium phosphate', dose: 8, unit: 'mg' as const, category: 'steroid' as const }

const pointersOf = (r: ReturnType<typeof run>) => r.lines.map((l) => `${[l.code, ...l.modifiers].join('-')}:${(l.pointers ?? []).join('')}`)

describe('default diagnosis pointers (box 24E), per family', () => {
  it('points a facet line first to the spondylosis that supports it, then to the other diagnoses in box 21 order', () => {
    const r = run({ diagnoses: ['M54.50', 'M47.816'], procedures: [rightL4L5], drugs: [dex] })
    expect(pointersOf(r)).toEqual(['64493-RT:BA', 'J1100:AB'])
    // Pointers decide no code, modifier or unit: no coding rule is named for them (training grades by those).
    expect(r.lines[0]?.ruleIds).toEqual(['FAC-CODE'])
    expect(r.lines[0]?.trace).toContainEqual({ fact: 'pointers from', value: 'the diagnoses that support the code first, then box 21 order' })
    expect(r.lines[1]?.trace).toContainEqual({ fact: 'pointers from', value: 'box 21 order' })
  })

  it('points a facet line and an epidural line of one claim to their own family\'s diagnosis first', () => {
    const r = run({ diagnoses: ['M47.816', 'M54.16'], procedures: [rightL4L5, leftL5] })
    expect(pointersOf(r)).toEqual(['64493-RT:AB', '64483-LT:BA'])
  })

  it('puts the diagnoses the loaded billing article lists for the code first', () => {
    const article: CoverageArticle = {
      articleId: 'A99901', version: 1, title: null, hcpcsCodes: ['64483'],
      groups: [{ group: 1, paragraph: 'Stand-alone codes.', codes: ['M5117'] }],
    }
    const coverage: CoverageContext = { articles: [article], choices: { epidural: ['A99901'] }, settings: {} }
    // M54.16 is in the inferred epidural groups but not on this article; the article decides.
    const r = run({ diagnoses: ['M54.16', 'M51.17'], procedures: [leftL5] }, [], { coverage })
    expect(pointersOf(r)).toEqual(['64483-LT:BA'])
  })

  it('points to at most four diagnoses', () => {
    const r = run({ diagnoses: ['M54.50', 'M54.2', 'G89.29', 'M25.50', 'M47.816'], procedures: [rightL4L5] })
    expect(r.lines[0]?.pointers).toEqual(['E', 'A', 'B', 'C'])
  })

  it('gives no pointers when the claim has no diagnosis', () => {
    const r = run({ diagnoses: [], procedures: [rightL4L5] })
    expect(r.lines[0]?.pointers).toBeUndefined()
    expect(r.lines[0]?.trace.map((t) => t.fact)).not.toContain('diagnosis pointers')
  })
})

describe("the coder's pointer choice", () => {
  it('applies to the line with its code and modifiers, in any order', () => {
    const r = run({ diagnoses: ['M47.816', 'M54.50'], procedures: [rightL4L5], drugs: [dex], linePointers: [{ code: '64493', modifiers: ['RT'], pointers: ['B'] }] })
    expect(pointersOf(r)).toEqual(['64493-RT:B', 'J1100:AB'])
    expect(r.lines[0]?.trace).toContainEqual({ fact: 'pointers from', value: "the coder's choice" })
    expect(choiceFor([{ code: '64493', modifiers: ['KX', '50'], pointers: ['A'] }], { code: '64493', modifiers: ['50', 'KX'] })).toBe(0)
    expect(linePointerKey(' 64493', ['kx', '50'])).toBe('64493 50 KX')
  })

  it('reports DX-POINTER-MISSING when a chosen pointer names a diagnosis the claim does not have, and keeps the others', () => {
    const r = run({ diagnoses: ['M47.816', 'M54.50'], procedures: [rightL4L5], linePointers: [{ code: '64493', modifiers: ['RT'], pointers: ['B', 'C'] }] })
    const [f] = findings(r, 'DX-POINTER-MISSING')
    expect(f?.severity).toBe('error')
    expect(f?.message).toBe('The pointers chosen for 64493 RT (BC) name C, but the claim lists only A, B (box 21): the line points to B only.')
    expect(f?.lineIndexes).toEqual([0])
    expect(f?.source).toMatch(/CMS-1500 instructions.*\[unverified\]/)
    expect(r.lines[0]?.pointers).toEqual(['B'])
  })

  it('reports nothing missing when every chosen pointer names a diagnosis (near miss)', () => {
    const r = run({ diagnoses: ['M47.816', 'M54.50', 'M54.2'], procedures: [rightL4L5], linePointers: [{ code: '64493', modifiers: ['RT'], pointers: ['B', 'C'] }] })
    expect(findings(r, 'DX-POINTER-MISSING')).toHaveLength(0)
    expect(r.lines[0]?.pointers).toEqual(['B', 'C'])
  })

  it('falls back to the default pointers when no chosen pointer names a diagnosis', () => {
    const r = run({ diagnoses: ['M47.816'], procedures: [rightL4L5], linePointers: [{ code: '64493', modifiers: ['RT'], pointers: ['C', 'D'] }] })
    expect(r.lines[0]?.pointers).toEqual(['A'])
    expect(findings(r, 'DX-POINTER-MISSING')[0]?.message).toMatch(/name C, D, but the claim lists only A \(box 21\): the line takes its default pointers\./)
  })

  it('reports DX-POINTER-UNMATCHED when the line was coded differently since the choice (right became bilateral)', () => {
    const r = run({ diagnoses: ['M47.816', 'M54.50'], procedures: [bilateralL4L5], linePointers: [{ code: '64493', modifiers: ['RT'], pointers: ['B'] }] })
    const [f] = findings(r, 'DX-POINTER-UNMATCHED')
    expect(f?.severity).toBe('warning')
    expect(f?.message).toBe('Pointers were chosen for 64493 RT (B), but no claim line is 64493 RT now: the choice is not used and the lines take their default pointers.')
    expect(r.lines[0]?.pointers).toEqual(['A', 'B'])
    expect(findings(r, 'DX-POINTER-MISSING')).toHaveLength(0)
  })

  it('reports no unmatched choice while the line is still coded the same (near miss)', () => {
    const r = run({ diagnoses: ['M47.816', 'M54.50'], procedures: [bilateralL4L5], linePointers: [{ code: '64493', modifiers: ['50'], pointers: ['B'] }] })
    expect(findings(r, 'DX-POINTER-UNMATCHED')).toHaveLength(0)
    expect(r.lines[0]?.pointers).toEqual(['B'])
  })
})

describe('pointer choices in the interchange input', () => {
  const base = input({ diagnoses: ['M47.816'], procedures: [rightL4L5] })
  const withChoice = (pointers: unknown) => ({ ...base, encounter: { ...base.encounter, linePointers: [{ code: '64493', modifiers: ['RT'], pointers }] } })

  it('reads files from before pointers could be chosen, and leaves the field out', () => {
    const parsed = parseEvaluationInput(base)
    expect(parsed.ok && parsed.input.encounter.linePointers).toBeUndefined()
  })

  it('reads one to four letters A to L and upper-cases the code and modifiers', () => {
    const parsed = parseEvaluationInput({ ...base, encounter: { ...base.encounter, linePointers: [{ code: ' 64493', modifiers: ['rt'], pointers: ['B', 'A', 'L', 'C'] }] } })
    expect(parsed.ok && parsed.input.encounter.linePointers).toEqual([{ code: '64493', modifiers: ['RT'], pointers: ['B', 'A', 'L', 'C'] }])
  })

  it.each([
    [[], 'Point to at least one diagnosis'],
    [['A', 'B', 'C', 'D', 'E'], 'A claim line points to at most 4 diagnoses (box 24E)'],
    [['A', 'A'], 'A diagnosis pointer is given twice'],
    [['M'], 'A diagnosis pointer is a letter from A to L (box 21)'],
    [['a'], 'A diagnosis pointer is a letter from A to L (box 21)'],
  ])('refuses pointers %j with "%s"', (pointers, message) => {
    const parsed = parseEvaluationInput(withChoice(pointers))
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.issues.map((i) => i.message)).toContain(message)
  })
})
