import { describe, expect, it } from 'vitest'
import { hrefFor, parseRoute } from './use-hash-route.ts'

describe('hash routes', () => {
  it.each([
    ['', { name: 'new' }],
    ['#/', { name: 'new' }],
    ['#/drafts', { name: 'drafts' }],
    ['#/history/import', { name: 'history-import' }],
    ['#/reference/ncci', { name: 'ncci-tables' }],
    ['#/worksheet/abc-123', { name: 'worksheet', draftId: 'abc-123' }],
    ['#/patients', { name: 'patients' }],
    ['#/patients/PT%2F7001', { name: 'patient', patientId: 'PT/7001' }],
    ['#/settings', { name: 'settings' }],
    ['#/data', { name: 'data' }],
    ['#/review', { name: 'review', query: '' }],
    ['#/review?status=pending&rule=FACET-LAT', { name: 'review', query: 'status=pending&rule=FACET-LAT' }],
    ['#/review/insights', { name: 'insights' }],
    ['#/review/remittances', { name: 'remittances' }],
    ['#/training/rules', { name: 'rule-library', ruleId: null }],
    ['#/training/rules/FAC-KX', { name: 'rule-library', ruleId: 'FAC-KX' }],
  ] as const)('reads %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route)
    if (hash.startsWith('#/') && hash !== '#/') expect(hrefFor(route)).toBe(hash)
  })

  it('keeps the current route for the skip link hash', () => {
    expect(parseRoute('#main', { name: 'drafts' })).toEqual({ name: 'drafts' })
  })
})
