import { describe, expect, it } from 'vitest'
import { parseEvaluationInput } from '../schema.ts'
import { caudal, claim, findings, input, interlaminar, run, transforaminal } from '../testing/builders.ts'

describe('interlaminar and caudal epidural coding', () => {
  it.each([
    ['lumbar with fluoroscopy is 62323', [['L4-L5', null]] as const, 'fluoroscopy', '62323 x1'],
    ['lumbar with CT is 62323', [['L4-L5', null]] as const, 'ct', '62323 x1'],
    ['lumbar without imaging is 62322', [['L4-L5', null]] as const, 'none', '62322 x1'],
    ['cervical with fluoroscopy is 62321', [['C6-C7', null]] as const, 'fluoroscopy', '62321 x1'],
    ['cervical without imaging is 62320', [['C6-C7', null]] as const, 'none', '62320 x1'],
    ['thoracic with fluoroscopy is 62321', [['T5-T6', null]] as const, 'fluoroscopy', '62321 x1'],
  ] as const)('%s', (_name, levels, guidance, expected) => {
    expect(claim(run({ diagnoses: ['M54.16'], procedures: [interlaminar(levels, guidance)] }))).toEqual([expected])
  })

  it('codes caudal as 62323 with fluoroscopy and 62322 without', () => {
    expect(claim(run({ procedures: [caudal('fluoroscopy')] }))).toEqual(['62323 x1'])
    expect(claim(run({ procedures: [caudal('none')] }))).toEqual(['62322 x1'])
  })

  it('takes the region from the region field when no level is given', () => {
    expect(claim(run({ procedures: [{ type: 'epidural', approach: 'interlaminar', purpose: 'therapeutic', guidance: 'fluoroscopy', region: 'cervical-thoracic', levels: [] }] }))).toEqual(['62321 x1'])
  })

  it('bills an interlaminar epidural asked as bilateral once, without 50, and says why', () => {
    const r = run({ procedures: [interlaminar([['L4-L5', 'bilateral']])] })
    expect(claim(r)).toEqual(['62323 x1'])
    expect(findings(r, 'ESI-IL-BILATERAL')[0]?.message).toMatch(/no modifier 50/)
  })

  it('does not raise ESI-IL-BILATERAL for a unilateral interlaminar entry', () => {
    expect(findings(run({ procedures: [interlaminar([['L4-L5', 'left']])] }), 'ESI-IL-BILATERAL')).toHaveLength(0)
  })

  it('puts no RT/LT on an interlaminar line entered with a side', () => {
    expect(claim(run({ procedures: [interlaminar([['L4-L5', 'left']])] }))).toEqual(['62323 x1'])
  })

  it('warns on more than one interlaminar level and bills one unit', () => {
    const r = run({ procedures: [interlaminar([['L3-L4', null], ['L4-L5', null]])] })
    expect(claim(r)).toEqual(['62323 x1'])
    expect(findings(r, 'ESI-IL-LEVELS')).toHaveLength(1)
    expect(findings(run({ procedures: [interlaminar([['L4-L5', null]])] }), 'ESI-IL-LEVELS')).toHaveLength(0)
  })

  it('warns that Medicare does not cover an interlaminar epidural without fluoroscopy or CT', () => {
    expect(findings(run({ procedures: [interlaminar([['L4-L5', null]], 'none')] }), 'ESI-NO-IMAGING')[0]?.message).toMatch(/62322/)
    expect(findings(run({ procedures: [interlaminar([['L4-L5', null]], 'fluoroscopy')] }), 'ESI-NO-IMAGING')).toHaveLength(0)
  })

  it('warns about a caudal epidural entered in the cervical region', () => {
    expect(findings(run({ procedures: [caudal('fluoroscopy', 'cervical-thoracic')] }), 'ESI-CAUDAL-REGION')).toHaveLength(1)
    expect(findings(run({ procedures: [caudal('fluoroscopy', 'lumbar-sacral')] }), 'ESI-CAUDAL-REGION')).toHaveLength(0)
  })

  it('notes an interlaminar T12-L1 coded as thoracic (unverified)', () => {
    const r = run({ procedures: [interlaminar([['T12-L1', null]])] })
    expect(claim(r)).toEqual(['62321 x1'])
    expect(findings(r, 'ESI-IL-T12L1')).toHaveLength(1)
  })

  it('errors on an interlaminar epidural with neither level nor region', () => {
    expect(findings(run({ procedures: [interlaminar([])] }), 'ESI-LEVEL-MISSING')).toHaveLength(1)
  })
})

describe('transforaminal epidural coding', () => {
  it('codes lumbar levels 64483 then 64484 per additional level', () => {
    expect(claim(run({ procedures: [transforaminal([['L4-L5', 'right'], ['L5-S1', 'right']])] }))).toEqual(['64483-RT x1', '64484-RT x1'])
  })

  it('codes T12-L1 with 64479, the cervical/thoracic code (A58993)', () => {
    const r = run({ procedures: [transforaminal([['T12-L1', 'left']])] })
    expect(claim(r)).toEqual(['64479-LT x1'])
    expect(r.lines[0]?.ruleIds).toContain('ESI-TF-T12L1')
  })

  it('codes cervical levels 64479 + 64480', () => {
    expect(claim(run({ procedures: [transforaminal([['C5-C6', 'left'], ['C6-C7', 'left']])] }))).toEqual(['64479-LT x1', '64480-LT x1'])
  })

  it('bills bilateral transforaminal as one line with 50 for Medicare professional claims', () => {
    expect(claim(run({ procedures: [transforaminal([['L5-S1', 'bilateral']])] }))).toEqual(['64483-50 x1'])
  })

  it('bills bilateral transforaminal as RT and LT lines on an ASC facility claim', () => {
    expect(claim(run({ claimType: 'facility', placeOfService: '24', procedures: [transforaminal([['L5-S1', 'bilateral']])] }))).toEqual(['64483-RT x1', '64483-LT x1'])
  })

  it('adds KX for a diagnostic selective nerve root block', () => {
    expect(claim(run({ procedures: [transforaminal([['L5-S1', 'right']], 'diagnostic-nerve-root-block')] }))).toEqual(['64483-RT-KX x1'])
  })

  it('the same injection as an interlaminar approach codes 62323: changing the approach changes the code family (guide FAQ)', () => {
    expect(claim(run({ procedures: [interlaminar([['L5-S1', null]])] }))).toEqual(['62323 x1'])
    expect(claim(run({ procedures: [transforaminal([['L5-S1', 'right']])] }))).toEqual(['64483-RT x1'])
  })
})

describe('transforaminal and shared epidural checks', () => {
  it('errors on a transforaminal level without a side', () => {
    expect(findings(run({ procedures: [transforaminal([['L4-L5', null]])] }), 'ESI-TF-SIDE-MISSING')[0]?.severity).toBe('error')
    expect(findings(run({ procedures: [transforaminal([['L4-L5', 'left']])] }), 'ESI-TF-SIDE-MISSING')).toHaveLength(0)
  })

  it.each(['none', 'ultrasound'] as const)('errors on a transforaminal epidural with %s guidance', (guidance) => {
    expect(findings(run({ procedures: [transforaminal([['L4-L5', 'left']], 'therapeutic', guidance)] }), 'ESI-TF-GUIDANCE')).toHaveLength(1)
  })

  it('warns on three transforaminal levels (two are covered) on the add-on line that carries the third', () => {
    const r = run({ procedures: [transforaminal([['L3-L4', 'left'], ['L4-L5', 'left'], ['L5-S1', 'left']])] })
    expect(claim(r)).toEqual(['64483-LT x1', '64484-LT x2'])
    expect(findings(r, 'ESI-TF-LEVELS')[0]?.lineIndexes).toEqual([1])
    expect(findings(run({ procedures: [transforaminal([['L4-L5', 'left'], ['L5-S1', 'left']])] }), 'ESI-TF-LEVELS')).toHaveLength(0)
  })

  it('warns on epidurals in two regions in one session', () => {
    expect(findings(run({ procedures: [transforaminal([['L4-L5', 'left']]), interlaminar([['C6-C7', null]])] }), 'ESI-MULTI-REGION')).toHaveLength(1)
    expect(findings(run({ procedures: [transforaminal([['L4-L5', 'left'], ['L5-S1', 'left']])] }), 'ESI-MULTI-REGION')).toHaveLength(0)
  })

  it('warns when a diagnostic nerve root block is entered with the interlaminar approach', () => {
    const r = run({ procedures: [interlaminar([['L4-L5', null]], 'fluoroscopy', 'diagnostic-nerve-root-block')] })
    expect(claim(r)).toEqual(['62323 x1'])
    expect(findings(r, 'ESI-DSNRB-APPROACH')).toHaveLength(1)
    expect(findings(run({ procedures: [transforaminal([['L4-L5', 'left']], 'diagnostic-nerve-root-block')] }), 'ESI-DSNRB-APPROACH')).toHaveLength(0)
  })

  it('errors on a transforaminal epidural with no level', () => {
    expect(findings(run({ procedures: [transforaminal([])] }), 'ESI-LEVEL-MISSING')).toHaveLength(1)
  })

  it.each([
    ['PRP by category', { code: 'J3590', name: 'platelet-rich plasma', dose: 3, unit: 'mL', category: 'biologic' }],
    ['amniotic tissue under J3490 by name', { code: 'J3490', name: 'amniotic membrane allograft', dose: 1, unit: 'mL', category: 'other' }],
    ['a vitamin by name', { code: 'J3490', name: 'vitamin B12', dose: 1, unit: 'mg', category: 'other' }],
  ] as const)('errors on a biologic injectant with an epidural: %s', (_name, drug) => {
    const [f] = findings(run({ procedures: [transforaminal([['L4-L5', 'left']])], drugs: [drug] }), 'BIOLOGIC-INJECTANT')
    expect(f?.severity).toBe('error')
    expect(f?.category).toBe('injectant')
  })

  it('does not flag a steroid injectant as biologic', () => {
    expect(findings(run({ procedures: [transforaminal([['L4-L5', 'left']])], drugs: [{ code: 'J1100', name: 'dexamethasone', dose: 10, unit: 'mg', category: 'steroid' }] }), 'BIOLOGIC-INJECTANT')).toHaveLength(0)
  })

  it('errors on 77003 billed with an image-guided epidural but not with 62322', () => {
    const other = [{ code: '77003', modifiers: [], units: 1 }]
    expect(findings(run({ procedures: [transforaminal([['L4-L5', 'left']])], otherLines: other }), 'IMG-BUNDLED')).toHaveLength(1)
    expect(findings(run({ procedures: [interlaminar([['L4-L5', null]], 'none')], otherLines: other }), 'IMG-BUNDLED')).toHaveLength(0)
  })

  it('merges a transforaminal level entered twice (left + right = bilateral) and warns', () => {
    const r = run({ procedures: [transforaminal([['L5-S1', 'left'], ['L5-S1', 'right']])] })
    expect(claim(r)).toEqual(['64483-50 x1'])
    expect(findings(r, 'ESI-TF-DUPLICATE-LEVEL')).toHaveLength(1)
    expect(findings(run({ procedures: [transforaminal([['L5-S1', 'bilateral']])] }), 'ESI-TF-DUPLICATE-LEVEL')).toHaveLength(0)
  })
})

describe('a caudal epidural\'s region in the words people write', () => {
  const caudalIn = (region: string) => ({ type: 'epidural', approach: 'caudal', purpose: 'therapeutic', guidance: 'fluoroscopy', region, levels: [] })
  it.each([['lumbar', 'lumbar-sacral'], ['Sacral', 'lumbar-sacral'], [' cervical ', 'cervical-thoracic'], ['thoracic', 'cervical-thoracic'], ['lumbar-sacral', 'lumbar-sacral']])('reads "%s" as %s', (word, region) => {
    const encounter = input({ procedures: [caudalIn(word) as never] }).encounter
    expect(encounter.procedures[0]).toMatchObject({ region })
  })

  it('refuses a region it cannot read, saying which words it takes', () => {
    const parsed = parseEvaluationInput({ encounter: { ...input({}).encounter, procedures: [caudalIn('neck')] }, history: [] })
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.issues.map((i) => i.message).join()).toMatch(/lumbar, sacral, cervical and thoracic are read too/)
  })
})
