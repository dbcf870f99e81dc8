import type { ColumnMapping, DateFormat } from '../../src/domain/history-import/index.ts'
// The browser's own group client, end to end against the server (tests only; the server never imports it).
// eslint-disable-next-line no-restricted-imports
import { createFetchGroupClient, type GroupClient } from '../../src/storage/group/client.ts'
import { ORIGIN, type TestClient, type TestServer } from './harness.ts'

/** The minimal ISO export's columns: patient_id, dos, cpt, modifiers, units, provider_npi. */
export const ISO_MAPPING: ColumnMapping = { patient: 0, dateOfService: 1, code: 2, modifiers: [3], units: 4, provider: 5 }
export const ISO_FORMAT: DateFormat = 'YYYY-MM-DD'
export const ISO_HEADER = 'patient_id,dos,cpt,modifiers,units,provider_npi'

export interface HistoryRowSpec {
  patient: string
  date: string
  code?: string
  modifiers?: string
  units?: number
  provider?: string
}

/** A claim-history CSV in the minimal ISO layout. */
export function historyCsv(rows: readonly HistoryRowSpec[], header = ISO_HEADER): string {
  return `${header}\n${rows.map((r) => [r.patient, r.date, r.code ?? '64483', r.modifiers ?? '', r.units ?? 1, r.provider ?? ''].join(',')).join('\n')}\n`
}

/** `count` distinct lines over `patients` patients (dates walk back from 2026-06-30). */
export function manyRows(count: number, patients: number, prefix = 'PT-H'): HistoryRowSpec[] {
  const codes = ['64483', '64493', '64635', '20552', '62323']
  const base = Date.UTC(2026, 5, 30)
  return Array.from({ length: count }, (_, i) => ({
    patient: `${prefix}-${i % patients}`,
    date: new Date(base - Math.floor(i / patients) * 86_400_000).toISOString().slice(0, 10),
    code: codes[i % codes.length],
    modifiers: i % 3 === 0 ? 'RT' : '',
    units: 1,
    provider: `NPI${1000 + (i % 7)}`,
  }))
}

/**
 * The browser's GroupClient (the same code as in the app) talking to the test server in
 * process, with this test client's session, address and the page's Origin.
 */
export function groupClientFor(server: Pick<TestServer, 'app'>, client: TestClient): GroupClient {
  return createFetchGroupClient(async (input, init) => {
    const headers = new Headers(init?.headers)
    headers.set('x-forwarded-for', client.ip)
    headers.set('user-agent', 'icw-test')
    if ((init?.method ?? 'GET') !== 'GET') headers.set('origin', ORIGIN)
    if (client.cookie) headers.set('cookie', `icw_session=${client.cookie}`)
    const { method, body, signal } = init ?? {}
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    return server.app.request(url, { method, body, signal, headers })
  })
}
