import { describe, expect, it } from 'vitest'
import type { HistoryLine } from '../schema.ts'
import { facet, findings, interlaminar, rfa, run, tpi, transforaminal } from '../testing/builders.ts'

const line = (dateOfService: string, code: string, modifiers: string[] = ['RT'], providerId = 'DR-B'): HistoryLine => ({ dateOfService, code, modifiers, units: 1, providerId })
const lumbarTf = transforaminal([['L4-L5', 'right']])

describe('epidural frequency (Medicare: 4 per region per rolling 12 months)', () => {
  const fourPrior = [line('2026-01-10', '64483'), line('2026-03-02', '64483', ['50'], 'DR-C'), line('2026-05-05', '62323', []), line('2026-08-01', '64483')]

  it('errors on the fifth lumbar session in the rolling year, counting every provider of the group', () => {
    const r = run({ diagnoses: ['M54.16'], procedures: [lumbarTf] }, fourPrior)
    const [f] = findings(r, 'FREQ-LIMIT')
    expect(f?.severity).toBe('error')
    expect(f?.message).toMatch(/session 5/)
    const counter = r.counters.find((c) => c.limitId === 'medicare-esi-4-per-region-12m')
    expect(counter).toMatchObject({ region: 'lumbar-sacral', used: 5, limit: 4, exceeded: true, includesCurrent: true, nextAllowedDate: '2027-03-02' })
    expect(counter?.sessions.map((s) => s.providers.join())).toEqual(['DR-B', 'DR-C', 'DR-B', 'DR-B', 'DR-A'])
  })

  it('allows the fourth session and says it is the last one', () => {
    const r = run({ diagnoses: ['M54.16'], procedures: [lumbarTf] }, fourPrior.slice(1))
    expect(findings(r, 'FREQ-LIMIT')).toHaveLength(0)
    expect(findings(r, 'FREQ-LAST-SESSION').map((f) => f.message).join(' ')).toMatch(/session 4 of 4/)
  })

  it('does not count a session exactly 12 months before the date of service, but counts one a day later', () => {
    const history = [line('2025-10-14', '64483'), ...fourPrior.slice(1)]
    expect(findings(run({ procedures: [lumbarTf] }, history), 'FREQ-LIMIT')).toHaveLength(0)
    const later = [line('2025-10-15', '64483'), ...fourPrior.slice(1)]
    expect(findings(run({ procedures: [lumbarTf] }, later), 'FREQ-LIMIT')).toHaveLength(1)
  })

  it('counts one session per date however many lines and levels it has', () => {
    const sameDay = [line('2026-01-10', '64483'), line('2026-01-10', '64484'), line('2026-03-02', '64483'), line('2026-03-02', '64484'), line('2026-05-05', '64483')]
    const c = run({ procedures: [lumbarTf] }, sameDay).counters.find((x) => x.limitId === 'medicare-esi-4-per-region-12m')
    expect(c?.used).toBe(4)
  })

  it('does not count the encounter twice when its own lines are already in the history', () => {
    const c = run({ procedures: [lumbarTf] }, [line('2026-10-14', '64483')]).counters.find((x) => x.limitId === 'medicare-esi-4-per-region-12m')
    expect(c?.used).toBe(1)
  })

  it('counts per region by default: four cervical sessions do not block a lumbar one', () => {
    const cervical = ['2026-01-10', '2026-03-02', '2026-05-05', '2026-08-01'].map((d) => line(d, '64479'))
    const r = run({ procedures: [lumbarTf] }, cervical)
    expect(findings(r, 'FREQ-LIMIT')).toHaveLength(0)
  })

  it("reports the guide's all-regions reading as a warning that names the interpretation", () => {
    const cervical = ['2026-01-10', '2026-03-02', '2026-05-05', '2026-08-01'].map((d) => line(d, '62321', []))
    const [f] = findings(run({ procedures: [lumbarTf] }, cervical), 'FREQ-LIMIT-RISK')
    expect(f?.severity).toBe('warning')
    expect(f?.interpretation).toMatch(/Billing guide/)
    expect(f?.message).toMatch(/all regions/)
  })

  it('counts a later session already in the history (a late-coded encounter can break the limit)', () => {
    const around = [line('2026-06-01', '64483'), line('2026-08-01', '64483'), line('2026-12-01', '64483'), line('2027-02-01', '64483')]
    const r = run({ dateOfService: '2026-10-14', procedures: [lumbarTf] }, around)
    expect(findings(r, 'FREQ-LIMIT')).toHaveLength(1)
  })

  it('counts a diagnostic nerve root block (KX) toward the epidural limit under the Medicare profile', () => {
    const r = run({ procedures: [lumbarTf] }, [line('2026-01-10', '64483', ['RT', 'KX']), ...fourPrior.slice(1)])
    expect(findings(r, 'FREQ-LIMIT')).toHaveLength(1)
  })

  it('shows a counter for history alone, without a finding, when the encounter has no epidural', () => {
    const r = run({ procedures: [facet([['L4-L5', 'left']])] }, fourPrior)
    const c = r.counters.find((x) => x.limitId === 'medicare-esi-4-per-region-12m')
    expect(c).toMatchObject({ used: 4, includesCurrent: false, exceeded: false, nextAllowedDate: '2027-01-10' })
    expect(findings(r, 'FREQ-LIMIT')).toHaveLength(0)
  })
})

describe('facet, RFA and trigger point frequency', () => {
  it('counts diagnostic (KX) and therapeutic facet sessions separately', () => {
    const diag = ['2026-01-10', '2026-03-02', '2026-05-05', '2026-08-01'].map((d) => line(d, '64493', ['RT', 'KX']))
    const therapeutic = run({ procedures: [facet([['L4-L5', 'left']], 'therapeutic')] }, diag)
    expect(findings(therapeutic, 'FREQ-LIMIT')).toHaveLength(0)
    const diagnostic = run({ procedures: [facet([['L4-L5', 'left']], 'diagnostic')] }, diag)
    expect(findings(diagnostic, 'FREQ-LIMIT')[0]?.message).toMatch(/diagnostic sessions/)
  })

  it('errors on a third RFA session in a region within 12 months', () => {
    const history = [line('2026-02-01', '64635'), line('2026-06-01', '64635')]
    expect(findings(run({ procedures: [rfa([['L4-L5', 'left']])] }, history), 'FREQ-LIMIT')).toHaveLength(1)
    expect(findings(run({ procedures: [rfa([['L4-L5', 'left']])] }, history.slice(1)), 'FREQ-LIMIT')).toHaveLength(0)
  })

  it('warns on a fourth trigger point session in 12 months (Medicare L36859, MAC-dependent)', () => {
    const history = ['2026-01-10', '2026-04-02', '2026-07-05'].map((d) => line(d, '20552', []))
    const [f] = findings(run({ procedures: [tpi([['trapezius', 'left', 1]])] }, history), 'FREQ-LIMIT-RISK')
    expect(f?.severity).toBe('warning')
    expect(findings(run({ procedures: [tpi([['trapezius', 'left', 1]])] }, history.slice(1)), 'FREQ-LIMIT-RISK')).toHaveLength(0)
  })
})

describe('commercial example profile', () => {
  it('warns when an epidural comes sooner than 14 days after the last one', () => {
    const [f] = findings(run({ payerProfile: 'commercial-example', procedures: [lumbarTf] }, [line('2026-10-05', '64483')]), 'FREQ-INTERVAL')
    expect(f?.message).toMatch(/2026-10-19/)
    expect(findings(run({ payerProfile: 'commercial-example', procedures: [lumbarTf] }, [line('2026-09-30', '64483')]), 'FREQ-INTERVAL')).toHaveLength(0)
  })

  it('errors on a fourth epidural in a region within 6 months', () => {
    const history = [line('2026-05-01', '64483'), line('2026-07-01', '64483'), line('2026-09-01', '62323', [])]
    const r = run({ payerProfile: 'commercial-example', procedures: [interlaminar([['L4-L5', null]])] }, history)
    expect(findings(r, 'FREQ-LIMIT').some((f) => f.source.includes('EviCore'))).toBe(true)
  })

  it('has no interval finding under Medicare, which sets no minimum interval', () => {
    expect(findings(run({ procedures: [lumbarTf] }, [line('2026-10-05', '64483')]), 'FREQ-INTERVAL')).toHaveLength(0)
  })

  it('counts a later session on a month-end clamped date (DOS 2024-02-29, session 2025-02-28)', () => {
    const history = [line('2024-06-01', '64635'), line('2025-02-28', '64635')]
    const r = run({ dateOfService: '2024-02-29', procedures: [rfa([['L4-L5', 'right']])] }, history, { today: '2025-12-01' })
    expect(r.counters.find((c) => c.limitId === 'medicare-rfa-2-per-12m')?.used).toBe(3)
    expect(findings(r, 'FREQ-LIMIT')).toHaveLength(1)
  })

  it('lists providers and codes the same whatever the order of the history lines', () => {
    const a = [line('2026-05-01', '64483', ['RT'], 'DR-C'), line('2026-05-01', '64484', ['RT'], 'DR-A')]
    const one = run({ procedures: [lumbarTf] }, a).counters
    const two = run({ procedures: [lumbarTf] }, [...a].reverse()).counters
    expect(two).toEqual(one)
    expect(one[0]?.sessions[0]).toMatchObject({ providers: ['DR-A', 'DR-C'], codes: ['64483', '64484'] })
  })
})
