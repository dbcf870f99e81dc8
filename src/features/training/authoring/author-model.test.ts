import { describe, expect, it } from 'vitest'
import { parseEvaluationInput } from '../../../domain/index.ts'
import { practiceCases } from '../../../domain/training/cases/index.ts'
import { casesToJson, parseCaseFile } from '../model/case-file.ts'
import {
  blankCaseInput, buildPracticeCase, caseIdProblem, computeKey, factsProblem, familiesOf, initialValuesOf, ruleIdsOf,
  ruleOptionsOf, slugOf, uniqueSlugOf, untickedOf, validateCaseForm, type CaseFormValues, type CaseIdContext,
} from './author-model.ts'
import { bilateralFacet, caseFacts } from './test-support.tsx'

const shipped = new Set(practiceCases.map((c) => c.id))
const ids = (own: string[] = [], editingId: string | null = null): CaseIdContext => ({ isShipped: (id) => shipped.has(id), ownIds: new Set(own), editingId })
const firstShipped = practiceCases[0]


const goodValues: CaseFormValues = {
  title: 'Bilateral L4-L5 facet', id: 'my-facet-01', level: 'intermediate',
  note: 'Under fluoroscopic guidance, bilateral L4-L5 facet joint injections were performed with a steroid and local anesthetic.',
  context: 'Office, Medicare, no prior facet procedures.', today: '2026-06-09', teachingPoint: 'A bilateral facet level is one line with modifier 50.',
}

describe('case ids', () => {
  it.each([
    ['Bilateral L4-L5 facet', 'bilateral-l4-l5-facet'],
    ['  Trigger points: trapezius & rhomboid!  ', 'trigger-points-trapezius-rhomboid'],
    ['Épidural — caudal', 'epidural-caudal'],
    ['***', ''],
    ['a'.repeat(39) + ' bcd', 'a'.repeat(39)],
  ])('makes the slug of "%s" %s', (title, slug) => {
    expect(slugOf(title)).toBe(slug)
  })

  it('numbers a slug already in use, staying within 40 characters', () => {
    expect(uniqueSlugOf('TPI one', new Set(['tpi-one', 'tpi-one-2']))).toBe('tpi-one-3')
    const long = 'x'.repeat(45)
    const made = uniqueSlugOf(long, new Set(['x'.repeat(40)]))
    expect(made).toBe(`${'x'.repeat(38)}-2`)
    expect(made.length).toBeLessThanOrEqual(40)
  })

  it('refuses an empty id, capitals or spaces, a shipped id and another own case\'s id; the edited case keeps its own', () => {
    expect(caseIdProblem('', ids())).toMatch(/^Enter an id/)
    expect(caseIdProblem('My Case', ids())).toMatch(/lower-case letters, digits and hyphens/)
    expect(caseIdProblem('-lead', ids())).toMatch(/lower-case letters/)
    expect(caseIdProblem('x'.repeat(41), ids())).toMatch(/at most 40/)
    expect(caseIdProblem(firstShipped.id, ids())).toMatch(/ships with the app/)
    expect(caseIdProblem('mine', ids(['mine']))).toMatch(/already the id of one of the practice's cases/)
    expect(caseIdProblem('mine', ids(['mine'], 'mine'))).toBeNull()
    expect(caseIdProblem('fresh-case-2', ids(['mine']))).toBeNull()
  })
})

describe('the facts and their key', () => {
  it('starts a blank case from valid facts on the given date, with a built-in payer and no procedure', () => {
    const blank = blankCaseInput('2026-11-27')
    expect(blank.encounter).toMatchObject({ dateOfService: '2026-11-27', patientId: 'TRAINING', payerProfile: 'medicare', procedures: [] })
    const computed = computeKey(blank, '2026-11-27')
    expect(computed.key.lines).toEqual([])
    expect(computed.key.findings.map((f) => f.ruleId)).toContain('NO-PROCEDURES')
    expect(computed.unknownProfile).toBeNull()
  })

  it('computes every shipped case\'s stored key from its facts and date', () => {
    for (const c of practiceCases.slice(0, 10)) {
      const parsed = parseEvaluationInput(c.input)
      if (!parsed.ok) throw new Error(c.id)
      expect(computeKey(parsed.input, c.today).key, c.id).toEqual(c.answerKey)
    }
  })

  it('names the rules of the findings and of the lines\' coding, each once', () => {
    const computed = computeKey(bilateralFacet, '2026-06-09')
    const lineRules = computed.result.lines.flatMap((l) => l.ruleIds)
    expect(lineRules.length).toBeGreaterThan(0)
    expect(ruleIdsOf(computed.result)).toEqual([...new Set([...computed.result.findings.map((f) => f.ruleId), ...lineRules])])
  })

  it('says when the payer profile is not built in (the key then falls back to the default profile)', () => {
    const other = caseFacts((input) => { input.encounter.payerProfile = 'acme-health' })
    const computed = computeKey(other, '2026-06-09')
    expect(computed.unknownProfile).toBe('acme-health')
    expect(computed.result.payerProfileId).toBe('medicare')
    expect(computed.key.findings.map((f) => f.ruleId)).toContain('PAYER-PROFILE-UNKNOWN')
    expect(factsProblem(other, computed)).toMatch(/built-in payer profiles/)
  })

  it('derives the families from the procedures, in the vocabulary order', () => {
    const two = caseFacts((input) => {
      input.encounter.procedures = [
        { type: 'epidural', approach: 'caudal', purpose: 'therapeutic', guidance: 'fluoroscopy', levels: [] },
        { type: 'trigger-point', technique: 'injection', guidance: 'none', muscles: [{ muscle: 'trapezius', side: 'left', injections: 1 }] },
      ]
    })
    expect(familiesOf(two)).toEqual(['trigger-point', 'epidural'])
    expect(familiesOf(blankCaseInput('2026-06-09'))).toEqual([])
    expect(factsProblem(blankCaseInput('2026-06-09'), computeKey(blankCaseInput('2026-06-09'), '2026-06-09'))).toMatch(/at least one procedure/)
    expect(factsProblem(bilateralFacet, computeKey(bilateralFacet, '2026-06-09'))).toBeNull()
  })

  it('offers the key\'s rules and the source case\'s others, and unticks the key rules a source case is not about', () => {
    expect(ruleOptionsOf(['A', 'B'], ['B', 'C'])).toEqual(['A', 'B', 'C'])
    expect(untickedOf(['A', 'B', 'C'], ['B'])).toEqual(['A', 'C'])
  })
})

describe('the form', () => {
  it('accepts complete values and names every missing or wrong field', () => {
    expect(validateCaseForm(goodValues, ids())).toEqual({})
    const errors = validateCaseForm({ title: ' ', id: firstShipped.id, level: 'new', note: 'Too short.', context: '', today: '2026-02-30', teachingPoint: '' }, ids())
    expect(Object.keys(errors).sort()).toEqual(['context', 'id', 'note', 'teachingPoint', 'title', 'today'])
    expect(errors.note).toBe('Write the procedure note in at least 80 characters (now 10).')
  })

  it('builds a case the case file reads back unchanged, with a current key', () => {
    const computed = computeKey(bilateralFacet, goodValues.today)
    const built = buildPracticeCase({ ...goodValues, title: `  ${goodValues.title} ` }, bilateralFacet, computed, computed.ruleIds.slice(0, 1))
    expect(built).toMatchObject({ id: 'my-facet-01', title: 'Bilateral L4-L5 facet', families: ['facet-injection'], ruleIds: computed.ruleIds.slice(0, 1), answerKey: computed.key })
    const read = parseCaseFile(casesToJson([built], '2026-11-27T00:00:00.000Z'))
    expect(read).toEqual({ ok: true, cases: [built], staleKeys: [] })
  })

  it('starts a copy with a new title and a free id, and an edit with the case\'s own values', () => {
    const copy = initialValuesOf(firstShipped, 'copy', '2026-11-27', shipped)
    expect(copy.title).toBe(`${firstShipped.title} (copy)`)
    expect(shipped.has(copy.id)).toBe(false)
    expect(copy.id).toBe(slugOf(copy.title))
    expect(copy).toMatchObject({ note: firstShipped.note, today: firstShipped.today, level: firstShipped.level })
    expect(initialValuesOf(firstShipped, 'edit', '2026-11-27', shipped)).toMatchObject({ id: firstShipped.id, title: firstShipped.title })
    expect(initialValuesOf(null, 'new', '2026-11-27', shipped)).toMatchObject({ id: '', title: '', today: '2026-11-27' })
  })
})
