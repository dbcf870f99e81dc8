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
    ['#/training', { name: 'training', path: '' }],
    ['#/training/rules', { name: 'training', path: '/rules' }],
    ['#/training/rules/FAC-KX', { name: 'training', path: '/rules/FAC-KX' }],
    ['#/training/cases/tpi-01', { name: 'training', path: '/cases/tpi-01' }],
    ['#/setup/tok_abcdefghijklmnopqrstuvwxyz', { name: 'setup', token: 'tok_abcdefghijklmnopqrstuvwxyz' }],
    ['#/invite/Ab-9_xyzXYZ0123456789abcd', { name: 'invite', token: 'Ab-9_xyzXYZ0123456789abcd' }],
    ['#/account', { name: 'account' }],
    ['#/admin', { name: 'admin', path: '' }],
    ['#/admin/access-log', { name: 'admin', path: '/access-log' }],
    ['#/sync', { name: 'sync' }],
  ] as const)('reads %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route)
    if (hash.startsWith('#/') && hash !== '#/') expect(hrefFor(route)).toBe(hash)
  })

  it('opens a new worksheet for a setup or invitation link without its token', () => {
    expect(parseRoute('#/setup')).toEqual({ name: 'new' })
    expect(parseRoute('#/invite/')).toEqual({ name: 'new' })
  })

  it('keeps the current route for the skip link hash', () => {
    expect(parseRoute('#main', { name: 'drafts' })).toEqual({ name: 'drafts' })
  })
})
