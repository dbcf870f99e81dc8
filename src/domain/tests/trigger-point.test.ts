import { describe, expect, it } from 'vitest'
import { claim, findings, run, tpi, facet } from '../testing/builders.ts'

describe('trigger point coding', () => {
  it.each([
    { name: 'one muscle is one unit of 20552', muscles: [['trapezius', 'left', 3]] as const, expected: ['20552 x1'] },
    { name: '4 + 2 injections in two muscles (guide example) is one unit of 20552, not six', muscles: [['gastrocnemius', 'left', 4], ['soleus', 'left', 2]] as const, expected: ['20552 x1'] },
    { name: 'three distinct muscles is one unit of 20553', muscles: [['trapezius', 'left', 1], ['rhomboid', 'left', 1], ['levator scapulae', 'left', 2]] as const, expected: ['20553 x1'] },
    { name: 'a bilateral muscle counts as two muscles', muscles: [['trapezius', 'bilateral', 4]] as const, expected: ['20552 x1'] },
    { name: 'a bilateral muscle plus another muscle is three muscles: 20553', muscles: [['trapezius', 'bilateral', 4], ['rhomboid', 'left', 1]] as const, expected: ['20553 x1'] },
    { name: 'the same muscle and side entered twice counts once', muscles: [['Trapezius', 'left', 2], ['trapezius ', 'left', 2]] as const, expected: ['20552 x1'] },
  ])('$name', ({ muscles, expected }) => {
    expect(claim(run({ procedures: [tpi(muscles)], drugs: [] }))).toEqual(expected)
  })

  it('counts muscles across two trigger point entries of the date: 2 + 2 muscles is one 20553 line', () => {
    const r = run({ procedures: [tpi([['trapezius', 'left', 2], ['rhomboid', 'left', 1]]), tpi([['gluteus medius', 'right', 3], ['piriformis', 'right', 1]])] })
    expect(claim(r)).toEqual(['20553 x1'])
    expect(r.lines[0]?.modifiers).toEqual([])
  })

  it('never adds a side modifier or 50 to a trigger point line', () => {
    const r = run({ procedures: [tpi([['trapezius', 'bilateral', 2]])] })
    expect(r.lines[0]?.modifiers).toEqual([])
  })

  it('reports a trigger point entry with no muscle, and codes nothing', () => {
    const r = run({ procedures: [tpi([])] })
    expect(claim(r)).toEqual([])
    expect(findings(r, 'TPI-NO-MUSCLES')).toHaveLength(1)
  })

  it('does not report TPI-NO-MUSCLES when a muscle is entered', () => {
    expect(findings(run({ procedures: [tpi([['trapezius', 'left', 1]])] }), 'TPI-NO-MUSCLES')).toHaveLength(0)
  })
})

describe('trigger point checks', () => {
  it('dry needling gets no 2055x line and names 20560/20561 with coverage unverified', () => {
    const r = run({ procedures: [tpi([['trapezius', 'left', 3]], 'dry-needling')] })
    expect(claim(r)).toEqual([])
    const [f] = findings(r, 'TPI-DRY-NEEDLING')
    expect(f?.message).toMatch(/20560\/20561/)
    expect(f?.message).toMatch(/unverified/)
  })

  it('acupuncture gets no 2055x line and a finding', () => {
    const r = run({ procedures: [tpi([['trapezius', 'left', 3]], 'acupuncture')] })
    expect(claim(r)).toEqual([])
    expect(findings(r, 'TPI-ACUPUNCTURE')).toHaveLength(1)
  })

  it('an injection entry next to a dry needling entry codes only the injected muscles', () => {
    const r = run({ procedures: [tpi([['trapezius', 'left', 1]]), tpi([['rhomboid', 'left', 1], ['levator scapulae', 'left', 1]], 'dry-needling')] })
    expect(claim(r)).toEqual(['20552 x1'])
    expect(findings(r, 'TPI-DRY-NEEDLING')).toHaveLength(1)
  })

  it('flags image-guided trigger points for Medicare', () => {
    expect(findings(run({ procedures: [tpi([['trapezius', 'left', 1]], 'injection', 'ultrasound')] }), 'TPI-IMAGE-GUIDED')).toHaveLength(1)
  })

  it('does not flag trigger points without guidance', () => {
    expect(findings(run({ procedures: [tpi([['trapezius', 'left', 1]])] }), 'TPI-IMAGE-GUIDED')).toHaveLength(0)
  })

  it('flags trigger points with another block the same day', () => {
    const r = run({ procedures: [tpi([['trapezius', 'left', 1]]), facet([['L4-L5', 'left']])] })
    expect(findings(r, 'TPI-WITH-OTHER-BLOCK')[0]?.message).toMatch(/facet joint injection/)
  })

  it('does not flag trigger points alone', () => {
    expect(findings(run({ procedures: [tpi([['trapezius', 'left', 1]])] }), 'TPI-WITH-OTHER-BLOCK')).toHaveLength(0)
  })

  it('warns when no injectant is recorded, not when one is', () => {
    expect(findings(run({ procedures: [tpi([['trapezius', 'left', 1]])] }), 'TPI-NO-INJECTANT')).toHaveLength(1)
    const withDrug = run({ procedures: [tpi([['trapezius', 'left', 1]])], drugs: [{ code: 'J3301', name: 'triamcinolone', dose: 20, unit: 'mg', category: 'steroid' }] })
    expect(findings(withDrug, 'TPI-NO-INJECTANT')).toHaveLength(0)
  })

  it('warns when a muscle has no side, not when all have one', () => {
    expect(findings(run({ procedures: [tpi([['trapezius', null, 1]])] }), 'TPI-SIDE-MISSING')).toHaveLength(1)
    expect(findings(run({ procedures: [tpi([['trapezius', 'right', 1]])] }), 'TPI-SIDE-MISSING')).toHaveLength(0)
  })

  it('errors when 20553 is typed under other lines next to the coded 20552 (never both codes)', () => {
    const r = run({ procedures: [tpi([['trapezius', 'left', 1]])], otherLines: [{ code: '20553', modifiers: [], units: 1 }] })
    expect(findings(r, 'TPI-ONE-LINE')).toHaveLength(1)
    expect(findings(r, 'PROCEDURE-IN-OTHER-LINES')).toHaveLength(1)
  })

  it('errors on a trigger point line typed with two units', () => {
    expect(findings(run({ otherLines: [{ code: '20552', modifiers: [], units: 2 }] }), 'TPI-ONE-LINE')).toHaveLength(1)
  })

  it('does not report TPI-ONE-LINE for the single coded line', () => {
    expect(findings(run({ procedures: [tpi([['a', 'left', 1], ['b', 'left', 1], ['c', 'left', 1]])] }), 'TPI-ONE-LINE')).toHaveLength(0)
  })

  it('flags an anesthesia code billed with trigger points, not an E/M', () => {
    expect(findings(run({ procedures: [tpi([['trapezius', 'left', 1]])], otherLines: [{ code: '00300', modifiers: [], units: 1 }] }), 'TPI-ANESTHESIA')).toHaveLength(1)
    expect(findings(run({ procedures: [tpi([['trapezius', 'left', 1]])], otherLines: [{ code: '99213', modifiers: ['25'], units: 1 }] }), 'TPI-ANESTHESIA')).toHaveLength(0)
  })
})
