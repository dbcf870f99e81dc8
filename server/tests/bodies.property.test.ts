import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROUTES, type RouteName, type RouteSpec } from '../../src/group-api/routes.ts'
import { errorSchema } from '../../src/group-api/schemas.ts'
import { verifyChains } from '../services/audit.ts'
import { createTestServer, ORIGIN, PASSWORD, type SeededUser, type TestServer } from '../testing/harness.ts'
import { historyCsv, ISO_FORMAT, ISO_MAPPING } from '../testing/history.ts'
import { providerValue } from '../testing/records.ts'
import { mueUpload } from '../testing/reference.ts'
import { remittanceUpload } from '../testing/remittances.ts'
import { addInvite, addMember, asOwner, closeServer, finalizeBodyFor, rawRequest, tableCounts } from '../testing/security.ts'

/**
 * Every route that writes (POST, PATCH, DELETE), fed arbitrary bodies as a signed-in admin:
 * random JSON, valid bodies with a field of the wrong type, an extra or a missing key, odd
 * characters inside a string, huge strings, deep nesting, text that is not JSON, and the wrong
 * content type. Whatever the body: never a 500 (a 2xx or a 4xx), an error is
 * `{ error, message, path? }`, and a refused request writes nothing (every table's row count,
 * as the owner, is unchanged; only a failed sign-in may add its own sign-in event), and the
 * access logs' hash chains still verify. A NUL and a lone surrogate inside each string of each
 * valid body are tried deterministically, in tests of their own.
 *
 * On failure fast-check prints the seed and the request; replay with `{ seed, path }`.
 */

const NUM_RUNS = 30
/** What a refused request may still write: the failed attempt itself, for the lockout count. */
const FAILURE_EVENTS = new Set(['sign-in-failed', 'two-factor-failed', 'locked-out'])
const ODD_CHARACTERS = ['\u0001', '\u0007', '\u001b', '\ud800', '\udfff', '\u202e', '\ufeff', '\u{1f489}', '\\', '"', '%00', "'; drop table users; --"]

let server: TestServer
let admin: SeededUser
let practiceId: string
let desk: { cookie: string | null }
const targets = { coderId: '', encounterId: '', inviteId: '', inviteToken: '', importId: '' }

type Path = (string | number)[]
interface Probe { label: string; text?: string; contentType: string }

const WRITE_ROUTES = (Object.entries(ROUTES) as [RouteName, RouteSpec][]).filter(([, spec]) => spec.method !== 'GET')

/** A body each route accepts (the fuzzer starts from it); routes without a body have none. */
function validBody(name: RouteName): Record<string, unknown> | undefined {
  const bodies: Partial<Record<RouteName, () => Record<string, unknown>>> = {
    setup: () => ({ token: 'A'.repeat(43), practiceName: 'Charlie Clinic', name: 'Charlie Founder', email: 'founder@charlie.test', password: PASSWORD }),
    signIn: () => ({ email: 'decoy@fuzz.test', password: PASSWORD }),
    acceptInvite: () => ({ token: targets.inviteToken, name: 'Newcomer Person', password: PASSWORD }),
    verifyTwoFactor: () => ({ code: '123456' }),
    twoFactorEnable: () => ({ code: '123456' }),
    changePassword: () => ({ currentPassword: admin.password, newPassword: 'copper lantern meadow quartz' }),
    backupCodes: () => ({ code: '123456' }),
    twoFactorDisable: () => ({ password: admin.password }),
    switchPractice: () => ({ practiceId }),
    changeRole: () => ({ role: 'coder' }),
    createInvite: () => ({ email: 'invitee@fuzz.test', role: 'coder', expiresInDays: 7 }),
    updateSettings: () => ({ name: 'Fuzz Pain Clinic', idleTimeoutMinutes: 15 }),
    finalize: () => finalizeBodyFor('PT-FUZZ-1'),
    decide: () => ({ action: 'override', lineIndex: 0, reason: 'Documented in the note.' }),
    addAttempt: () => ({ caseId: 'tpi-1', scorePercent: 75, lines: [{ code: '20552', modifiers: ['RT'], units: 1 }] }),
    startHistoryImport: () => ({ fileName: 'fuzz.csv', mapping: ISO_MAPPING, dateFormat: ISO_FORMAT, head: historyCsv([{ patient: 'PT-FUZZ-H1', date: '2026-01-05' }]), lines: 1000 }),
    saveRecord: () => ({ value: providerValue('provider-fuzz'), expectedVersion: null }),
    deleteRecord: () => ({ expectedVersion: 1 }),
    uploadReference: () => mueUpload(),
    importRemittance: () => remittanceUpload(),
    recordChargeExports: () => ({ encounterIds: [targets.encounterId], format: 'hl7', fileName: 'charges-fuzz.hl7' }),
    startMoveIn: () => ({ fileName: 'fuzz-desk.json', size: 4096, fingerprint: 'a'.repeat(64) }),
    addMoveInPart: () => ({ index: 0, text: '{"format": "injection-coding-worksheet-backup"' }),
    addHistoryPart: () => ({ firstRow: 3, text: 'PT-FUZZ-H2,2026-02-09,64483,RT,1,NPI1000\nPT-FUZZ-H3,2026-03-09,64493,,1,\n' }),
  }
  const make = bodies[name]
  const spec: RouteSpec = ROUTES[name]
  if (spec.body && !make) throw new Error(`No valid body for ${name}: add one to validBody() in bodies.property.test.ts`)
  return make?.()
}

function pathFor(spec: RouteSpec): string {
  const values: Record<string, string> = {
    token: targets.inviteToken,
    userId: targets.coderId,
    id: spec.path.includes('/invites/') ? targets.inviteId : spec.path.includes('/encounters/') ? targets.encounterId
      : spec.path.includes('/history/imports/') ? targets.importId : crypto.randomUUID(),
  }
  if (spec.path.startsWith('/api/records/')) return spec.path.replace(':kind', 'provider').replace(':key', 'provider-fuzz')
  return spec.path.replace(/:(\w+)/g, (_, key: string) => values[key])
}

/** Every leaf of a JSON value, as a path. */
function leafPaths(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leafPaths(v, [...at, i])) : [at]
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
    return entries.length ? entries.flatMap(([k, v]) => leafPaths(v, [...at, k])) : [at]
  }
  return [at]
}

function setAt(value: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf
  const copy = structuredClone(value) as Record<string | number, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  node[path[path.length - 1]] = leaf
  return copy
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value)
}

const json = (label: string, value: unknown): Probe => ({ label, text: JSON.stringify(value), contentType: 'application/json' })
const isJson = (text: string) => { try { JSON.parse(text); return true } catch { return false } }
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

/**
 * A NUL and an unpaired surrogate inside each string of the valid body, one at a time
 * (PostgreSQL text and jsonb cannot hold U+0000; jsonb refuses a lone \uD800 escape).
 */
function oddStringProbes(valid: Record<string, unknown> | undefined): Probe[] {
  const texts = valid ? leafPaths(valid).filter((p) => p.length > 0 && typeof getAt(valid, p) === 'string') : []
  return texts.flatMap((p) => ['\u0000', '\ud800'].map((ch) => {
    const text = getAt(valid, p) as string
    const i = Math.floor(text.length / 2)
    return json(`${JSON.stringify(ch)} inside ${p.join('.')}`, setAt(valid, p, `${text.slice(0, i)}${ch}${text.slice(i)}`))
  }))
}

/**
 * The random runs leave U+0000 and unpaired surrogates (JSON.stringify writes them as \uD8xx
 * escapes) to the test above, which tries them in every string: found there, they would stop
 * the random runs at the first one and hide whatever else those runs might find.
 */
const withoutKnownBadText = (probe: Probe): Probe => {
  if (probe.text === undefined || !/\\u(0000|d[89a-f][0-9a-f]{2})/i.test(probe.text)) return probe
  return { ...probe, text: probe.text.replace(/\\u0000/gi, '\\u0001').replace(/\\ud[89a-f][0-9a-f]{2}/gi, '\\ufffd') }
}

/** The requests thrown at a route, around its valid body. */
function probes(valid: Record<string, unknown> | undefined): fc.Arbitrary<Probe> {
  const base = valid ?? {}
  const arbitraries: fc.Arbitrary<Probe>[] = [
    fc.constant(valid === undefined ? { label: 'no body', contentType: 'application/json' } : json('the valid body', valid)),
    fc.anything().map((v) => json('anything', v)),
    fc.object().map((v) => json('an object', v)),
    fc.jsonValue().map((v) => json('a JSON value', v)),
    fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue()).filter(([k]) => !(k in base))
      .map(([k, v]) => json(`an extra key ${JSON.stringify(k)}`, { ...base, [k]: v })),
    fc.string({ maxLength: 60 }).filter((t) => t.length > 0 && !isJson(t)).map((text) => ({ label: 'text that is not JSON', text, contentType: 'application/json' })),
    fc.nat({ max: 40 }).map((cut) => {
      const text = JSON.stringify({ ...base, more: 1 })
      return { label: 'JSON cut short', text: text.slice(0, Math.min(cut, text.length - 1)) || '{', contentType: 'application/json' }
    }),
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'json')
      .map((contentType) => ({ label: `content type ${contentType}`, text: JSON.stringify(base), contentType })),
    fc.constantFrom(100, 5_000, 50_000).map((depth) => ({ label: `arrays nested ${depth} deep`, text: nested(depth), contentType: 'application/json' })),
    fc.constantFrom(300_000, 1_000_000).map((n) => json(`a ${n}-character string`, { ...base, padding: 'x'.repeat(n) })),
  ]
  const leaves = valid ? leafPaths(valid).filter((p) => p.length > 0) : []
  if (leaves.length > 0) {
    const leaf = fc.constantFrom(...leaves)
    const label = (p: Path) => p.join('.')
    arbitraries.push(
      fc.tuple(leaf, fc.anything()).map(([p, v]) => json(`wrong type at ${label(p)}`, setAt(valid, p, v))),
      fc.tuple(leaf, fc.constantFrom<unknown>(null, true, 0, -1, 1.5, 1e308, '', [], {}, '0', 'null'))
        .map(([p, v]) => json(`${JSON.stringify(v)} at ${label(p)}`, setAt(valid, p, v))),
      fc.constantFrom(...Object.keys(valid!)).map((k) => json(`without ${k}`, Object.fromEntries(Object.entries(valid!).filter(([key]) => key !== k)))),
      fc.tuple(leaf, fc.constantFrom(10_000, 200_000)).map(([p, n]) => json(`a ${n}-character string at ${label(p)}`, setAt(valid, p, 'x'.repeat(n)))),
      fc.tuple(leaf, fc.constantFrom(20, 2_000)).map(([p, depth]) => {
        const marker = '"__nested__"'
        const text = JSON.stringify(setAt(valid, p, '__nested__')).replace(marker, nested(depth))
        return { label: `arrays nested ${depth} deep at ${label(p)}`, text, contentType: 'application/json' }
      }),
      fc.tuple(leaf, fc.string({ unit: 'binary', maxLength: 30 })).map(([p, v]) => json(`any text at ${label(p)}`, setAt(valid, p, v))),
    )
    const texts = leaves.filter((p) => typeof getAt(valid, p) === 'string')
    if (texts.length > 0) {
      // A character slipped into a string the schema otherwise accepts (NUL, a lone surrogate, BOM, ...).
      arbitraries.push(fc.tuple(fc.constantFrom(...texts), fc.constantFrom(...ODD_CHARACTERS), fc.nat()).map(([p, ch, at]) => {
        const text = getAt(valid, p) as string
        const i = at % (text.length + 1)
        return json(`${JSON.stringify(ch)} inside ${label(p)}`, setAt(valid, p, `${text.slice(0, i)}${ch}${text.slice(i)}`))
      }))
    }
  }
  return fc.oneof(...arbitraries).map(withoutKnownBadText)
}

async function signInAdmin(): Promise<void> {
  const client = server.client('10.9.0.1')
  const answer = await client.signIn(admin, server)
  expect(answer.status, answer.text).toBe(200)
  desk.cookie = client.cookie
}

/** The admin's session is alive before each request (an earlier one may have ended it). */
async function ensureSession(): Promise<void> {
  if (desk.cookie) {
    const answer = await rawRequest(server.app, 'GET', '/api/auth/session', { headers: { cookie: `icw_session=${desk.cookie}`, 'x-forwarded-for': '10.9.0.1' } })
    if (answer.status === 200 && answer.body.state === 'active' && answer.body.role === 'admin') return
  }
  await signInAdmin()
}

async function snapshot() {
  const counts = await tableCounts(server)
  const [{ seq }] = await asOwner(server, (q) => q.query<{ seq: number }>('select coalesce(max(seq), 0)::bigint as seq from auth_events'))
  return { counts, seq: Number(seq) }
}

function checkErrorShape(body: unknown, shown: string): void {
  expect(body, shown).toBeTypeOf('object')
  const keys = ['error', 'message', 'path', ...((body as { error?: string }).error === 'stale' ? ['current'] : [])]
  expect(Object.keys(body as object).filter((k) => !keys.includes(k)), shown).toEqual([])
  expect(errorSchema.safeParse(body).success, shown).toBe(true)
}

beforeAll(async () => {
  server = await createTestServer()
  const seeded = await server.seedPractice('Fuzz Pain Clinic', [
    { email: 'admin@fuzz.test', name: 'Fuzz Admin', role: 'admin', twoFactor: true },
    { email: 'coder@fuzz.test', name: 'Fuzz Coder', role: 'coder' },
    { email: 'decoy@fuzz.test', name: 'Fuzz Decoy', role: 'coder' },
  ])
  practiceId = seeded.practiceId
  admin = { ...seeded.users['admin@fuzz.test'] }
  targets.coderId = seeded.users['coder@fuzz.test'].id
  const coder = server.client()
  await coder.signIn(seeded.users['coder@fuzz.test'], server)
  const finalized = await coder.post('/api/encounters', finalizeBodyFor('PT-FUZZ-0'))
  expect(finalized.status, finalized.text).toBe(200)
  targets.encounterId = finalized.body.id as string
  const invite = await addInvite(server, practiceId, { email: 'joiner@fuzz.test', role: 'trainee', createdBy: admin.id })
  targets.inviteId = invite.id
  targets.inviteToken = invite.token
  // A second member to switch practices with and to target: the fuzzer may change their role.
  await addMember(server, practiceId, { email: 'spare@fuzz.test', role: 'supervisor', twoFactor: true })
  desk = { cookie: null }
  await signInAdmin()
  // An import the admin started: parts, commit and abort aim at it (only its starter may).
  const started = await rawRequest(server.app, 'POST', '/api/history/imports', {
    headers: { origin: ORIGIN, 'x-forwarded-for': '10.9.0.1', cookie: `icw_session=${desk.cookie}`, 'content-type': 'application/json' },
    body: JSON.stringify(validBody('startHistoryImport')),
  })
  expect(started.status, started.text).toBe(200)
  targets.importId = started.body.id as string
})
afterAll(async () => { await closeServer(server) })

/** Sends one request as the admin and checks the rules; returns the status. */
async function send(name: RouteName, spec: RouteSpec, probe: Probe): Promise<number> {
  await ensureSession()
  const before = await snapshot()
  const headers: Record<string, string> = { origin: ORIGIN, 'x-forwarded-for': '10.9.0.1', cookie: `icw_session=${desk.cookie}` }
  if (probe.contentType) headers['content-type'] = probe.contentType
  const answer = await rawRequest(server.app, spec.method, pathFor(spec), { headers, ...(probe.text !== undefined ? { body: probe.text } : {}) })
  const shown = `${probe.label}: ${spec.method} ${spec.path} answered ${answer.status} ${answer.text.slice(0, 200)}`
  expect(answer.status, shown).not.toBe(500)
  expect((answer.status >= 200 && answer.status < 300) || (answer.status >= 400 && answer.status < 500), shown).toBe(true)
  if (answer.status >= 400) {
    checkErrorShape(answer.body, shown)
    const after = await snapshot()
    const events = await asOwner(server, (q) => q.query<{ event: string }>('select event from auth_events where seq > $1', [before.seq]))
    expect(events.map((e) => e.event).filter((e) => !FAILURE_EVENTS.has(e)), `${shown}: sign-in events written`).toEqual([])
    expect({ ...after.counts, auth_events: 0 }, `${shown}: rows written`).toEqual({ ...before.counts, auth_events: 0 })
  } else {
    if (spec.response && answer.body !== null) expect(spec.response.safeParse(answer.body).success, shown).toBe(true)
    if (name === 'changePassword') admin.password = (JSON.parse(probe.text!) as { newPassword: string }).newPassword
  }
  return answer.status
}

describe('the fuzzer', () => {
  it('covers every writing route, each with a valid body when it takes one', () => {
    expect(WRITE_ROUTES.length).toBeGreaterThan(10)
    for (const [name] of WRITE_ROUTES) expect(() => validBody(name), name).not.toThrow()
  })
})

const NO_STRING_BODIES: ReadonlySet<RouteName> = new Set(['deleteRecord'])

describe('a NUL or a lone surrogate inside any string of a valid body, as an admin', () => {
  for (const [name, spec] of WRITE_ROUTES) {
    // A body without a string (a record's deletion: its expected version only) has nothing to try here.
    if (!spec.body || NO_STRING_BODIES.has(name)) continue
    it(`${spec.method} ${spec.path} (${name}): refused or taken, never a 500, and a refusal writes nothing`, async () => {
      const odd = oddStringProbes(validBody(name))
      expect(odd.length).toBeGreaterThan(0)
      const failures: string[] = []
      for (const probe of odd) {
        try {
          await send(name, spec, probe)
        } catch (err) {
          failures.push((err as Error).message.split('\n')[0])
        }
      }
      expect(failures).toEqual([])
    })
  }
})

describe('arbitrary bodies on every route that writes, as an admin', () => {
  for (const [name, spec] of WRITE_ROUTES) {
    it(`${spec.method} ${spec.path} (${name}): never a 500, errors are { error, message, path? }, a refusal writes nothing`, async () => {
      const statuses: number[] = []
      await fc.assert(
        fc.asyncProperty(probes(validBody(name)), async (probe) => { statuses.push(await send(name, spec, probe)) }),
        { numRuns: NUM_RUNS, endOnFailure: true },
      )
      // Mostly refusals, as arbitrary input should be.
      expect(statuses.some((s) => s >= 400), JSON.stringify(statuses)).toBe(true)
      const { breaks } = await asOwner(server, (q) => verifyChains(q))
      expect(breaks).toEqual([])
    })
  }
})
