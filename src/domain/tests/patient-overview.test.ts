import { describe, expect, it } from 'vitest'
import { commercialExampleProfile, medicareProfile } from '../data/payer-profiles.ts'
import { counterStanding, patientOverview, patientTimeline } from '../patient-overview.ts'
import type { HistoryLine } from '../schema.ts'

const line = (dateOfService: string, code: string, modifiers: string[] = ['RT'], providerId?: string): HistoryLine =>
  ({ dateOfService, code, modifiers, units: 1, ...(providerId ? { providerId } : {}) })

const AS_OF = '2026-11-26'
const counter = (history: HistoryLine[], limitId: string, region: string | null = 'lumbar-sacral', profile = medicareProfile, asOf = AS_OF) =>
  patientOverview(history, profile, asOf).counters.find((c) => c.limitId === limitId && c.region === region)

const threeLumbar = [line('2026-01-14', '64483', ['RT'], 'DR-A'), line('2026-04-08', '64483', ['LT'], 'DR-B'), line('2026-07-22', '64483', ['RT'], 'DR-A')]

describe('patient overview counters (no encounter: what a new session on the as-of date faces)', () => {
  it('counts 3 lumbar epidurals in the rolling year as 3 of 4 under Medicare, eligible on the as-of date', () => {
    const c = counter(threeLumbar, 'medicare-esi-4-per-region-12m')
    expect(c).toMatchObject({ used: 3, limit: 4, includesCurrent: false, exceeded: false, standing: 'open', nextAllowedDate: AS_OF })
    expect(c?.window).toMatchObject({ from: '2025-11-27', to: AS_OF })
    expect(c?.sessions.map((s) => `${s.dateOfService} ${s.providers.join()}`)).toEqual(['2026-01-14 DR-A', '2026-04-08 DR-B', '2026-07-22 DR-A'])
  })

  it('puts the patient at the limit with the 4th session, eligible again 12 months after the first', () => {
    const c = counter([...threeLumbar, line('2026-10-07', '64483')], 'medicare-esi-4-per-region-12m')
    expect(c).toMatchObject({ used: 4, limit: 4, exceeded: false, standing: 'at-limit', nextAllowedDate: '2027-01-14' })
  })

  it('reports history alone over the limit as exceeded', () => {
    const five = [line('2025-12-01', '64483'), ...threeLumbar, line('2026-10-07', '64483')]
    expect(counter(five, 'medicare-esi-4-per-region-12m')).toMatchObject({ used: 5, exceeded: true, standing: 'over' })
  })

  it('does not count a session 13 months before the as-of date', () => {
    const c = counter([line('2025-10-26', '64483'), ...threeLumbar], 'medicare-esi-4-per-region-12m')
    expect(c?.used).toBe(3)
    expect(c?.sessions.map((s) => s.dateOfService)).not.toContain('2025-10-26')
  })

  it('does not count a session exactly 12 months before, but counts one a day later', () => {
    expect(counter([line('2025-11-26', '64483'), ...threeLumbar], 'medicare-esi-4-per-region-12m')?.used).toBe(3)
    expect(counter([line('2025-11-27', '64483'), ...threeLumbar], 'medicare-esi-4-per-region-12m')?.used).toBe(4)
  })

  it('shows no counter for a family whose only sessions are outside every window reaching the as-of date', () => {
    const o = patientOverview([line('2025-06-01', '64483')], medicareProfile, AS_OF)
    expect(o.counters).toEqual([])
    expect(o.timeline).toHaveLength(1)
  })

  it('gives two regions two counters under per-region scope, and one across regions for the billing guide reading', () => {
    const history = [...threeLumbar, line('2026-09-16', '64479', ['LT'], 'DR-B')]
    const o = patientOverview(history, medicareProfile, AS_OF)
    const esi = o.counters.filter((c) => c.limitId === 'medicare-esi-4-per-region-12m')
    expect(esi.map((c) => `${c.region} ${c.used}/${c.limit}`)).toEqual(['cervical-thoracic 1/4', 'lumbar-sacral 3/4'])
    const guide = o.counters.find((c) => c.limitId === 'guide-esi-4-all-regions-12m')
    expect(guide).toMatchObject({ region: null, used: 4, severity: 'warning', standing: 'at-limit', nextAllowedDate: '2027-01-14' })
    expect(guide?.interpretation).toMatch(/all regions/)
  })

  it('applies the commercial example: 4 per region in 12 months and 3 per region in 6 months, no facet limit', () => {
    const history = [...threeLumbar, line('2026-10-07', '64493', ['50'], 'DR-A')]
    const o = patientOverview(history, commercialExampleProfile, AS_OF)
    expect(o.counters.map((c) => `${c.limitId} ${c.region} ${c.used}/${c.limit}`)).toEqual([
      'evicore-esi-4-per-region-12m lumbar-sacral 3/4',
      'evicore-esi-3-per-region-6m lumbar-sacral 1/3',
    ])
    expect(patientOverview(history, medicareProfile, AS_OF).counters.map((c) => c.limitId)).toContain('medicare-facet-therapeutic-4-per-12m')
  })

  it('is too soon under a minimum interval even below the limit (commercial epidurals 14 days apart)', () => {
    const c = counter([line('2026-11-20', '64483')], 'evicore-esi-3-per-region-6m', 'lumbar-sacral', commercialExampleProfile)
    expect(c).toMatchObject({ used: 1, limit: 3, standing: 'too-soon', nextAllowedDate: '2026-12-04' })
  })

  it('counts a session already on the as-of date and offers the next day', () => {
    const c = counter([...threeLumbar.slice(1), line(AS_OF, '64483')], 'medicare-esi-4-per-region-12m')
    expect(c).toMatchObject({ used: 3, standing: 'too-soon', nextAllowedDate: '2026-11-27' })
  })

  it('counts sessions after a past as-of date that share a window with it', () => {
    const c = counter(threeLumbar, 'medicare-esi-4-per-region-12m', 'lumbar-sacral', medicareProfile, '2026-02-01')
    expect(c?.used).toBe(3)
  })

  it('keeps diagnostic (KX) and therapeutic facet sessions in their own Medicare counters', () => {
    const o = patientOverview([line('2026-03-03', '64490', ['KX']), line('2026-06-03', '64490', [])], medicareProfile, AS_OF)
    expect(o.counters.map((c) => `${c.limitId} ${c.region} ${c.used}`)).toEqual([
      'medicare-facet-diagnostic-4-per-12m cervical-thoracic 1',
      'medicare-facet-therapeutic-4-per-12m cervical-thoracic 1',
    ])
  })
})

describe('patient timeline', () => {
  it('groups sessions by family then region, each row in date order, one session per date with its codes and providers', () => {
    const rows = patientTimeline([
      line('2026-07-22', '64484', ['RT'], 'DR-B'), line('2026-07-22', '64483', ['RT'], 'DR-A'),
      line('2026-01-14', '64483'), line('2026-09-16', '64479'), line('2026-10-07', '64493', ['KX']), line('2026-02-02', '20552', []),
      line('2026-02-02', '99213', ['25']),
    ])
    expect(rows.map((r) => `${r.family} ${r.region ?? '-'}`)).toEqual([
      'trigger-point -', 'facet-injection lumbar-sacral', 'epidural cervical-thoracic', 'epidural lumbar-sacral',
    ])
    const lumbar = rows[3]?.sessions ?? []
    expect(lumbar.map((s) => s.dateOfService)).toEqual(['2026-01-14', '2026-07-22'])
    expect(lumbar[1]).toMatchObject({ codes: ['64483', '64484'], providers: ['DR-A', 'DR-B'], purpose: 'therapeutic' })
    expect(rows[1]?.sessions[0]?.purpose).toBe('diagnostic')
  })

  it('is empty for a history without procedure lines', () => {
    expect(patientTimeline([line('2026-02-02', '99213', [])])).toEqual([])
  })
})

describe('counterStanding', () => {
  it.each([
    [{ used: 5, limit: 4, nextAllowedDate: '2027-01-01' }, 'over'],
    [{ used: 4, limit: 4, nextAllowedDate: '2027-01-01' }, 'at-limit'],
    [{ used: 1, limit: 4, nextAllowedDate: '2026-12-01' }, 'too-soon'],
    [{ used: 1, limit: 4, nextAllowedDate: AS_OF }, 'open'],
  ] as const)('reads %o as %s', (c, standing) => {
    expect(counterStanding(c, AS_OF)).toBe(standing)
  })
})
