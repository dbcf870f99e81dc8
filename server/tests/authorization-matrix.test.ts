import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROUTES, type RouteName, type RouteSpec } from '../../src/group-api/routes.ts'
import type { Role } from '../../src/group-api/schemas.ts'
import { createTestServer, PASSWORD, type CallResult, type SeededUser, type TestClient, type TestServer } from '../testing/harness.ts'
import { historyCsv, ISO_FORMAT, ISO_MAPPING } from '../testing/history.ts'
import { draftValue, providerValue } from '../testing/records.ts'
import { backupText, emptyBackupData, fingerprintOf, stageMoveIn } from '../testing/move-in.ts'
import { mueUpload } from '../testing/reference.ts'
import { remittanceUpload } from '../testing/remittances.ts'
import { addInvite, addMember, asOwner, closeServer, finalizeBodyFor, leaked, practiceFingerprint, practiceSecrets, sessionIdOf } from '../testing/security.ts'

/**
 * The authorization matrix: every route of ROUTES (iterated, so a new route is covered or the
 * suite fails) called by every kind of caller. Each call signs in afresh, and a call that
 * changes or ends its caller's account gets a user of its own, so no case depends on another.
 *
 * Practice B's members aim at practice A's ids: they get 404 (or 403 for their role), practice
 * A's rows stay exactly as they were (checked as the owner), and no answer they get names
 * anything of practice A (ids, emails, names, patient ids: serialized and searched).
 */

const IDLE_TIMEOUT_MS = 15 * 60_000
const TWO_FACTOR_ROLES: readonly Role[] = ['admin', 'supervisor']

interface PracticeEnv {
  key: 'A' | 'B'
  id: string
  name: string
  word: 'alpha' | 'bravo'
  users: Record<Role, SeededUser>
  patientId: string
  encounterId: string
  inviteId: string
  importId: string
}

type Caller =
  | { kind: 'none' }
  | { kind: 'expired' }
  | { kind: 'waiting' }
  | { kind: 'member'; practice: 'A' | 'B'; role: Role }

interface BuildContext {
  /** The caller's own practice (A for callers without a practice). */
  own: PracticeEnv
  /** Whose ids the request names: always practice A. */
  target: PracticeEnv
  /** Who is signed in on `client`, or null. */
  caller: SeededUser | null
  client: TestClient
}

interface RequestParts {
  params?: Record<string, string>
  query?: Record<string, string>
  body?: unknown
}

/** '2xx' is any success; an error status may name the expected error code. */
interface Expectation {
  status: number | '2xx'
  error?: string
}

interface Case {
  build(c: BuildContext): Promise<RequestParts> | RequestParts
  /** The call changes or ends the caller's account: a new user for each call (two-factor as given, else as the role's). */
  freshCaller?: { twoFactor?: boolean }
  /** Sign in with the password only: the call is the two-factor step. */
  passwordOnly?: boolean
  /** Public routes: what every caller gets (default 2xx). */
  publicAnswer?: Expectation
  /** What a member whose role may call it gets (default 2xx). */
  allowed?(role: Role, twoFactor: boolean, practice: 'A' | 'B'): Expectation
  /** A 'pending' route called by a session still waiting for its code (default 2xx). */
  waiting?: Expectation
  /** The request names one of practice A's ids: practice B's members get 404. */
  namesA?: boolean
}

const OK: Expectation = { status: '2xx' }

let server: TestServer
let A: PracticeEnv
let B: PracticeEnv
let serial = 0
const next = () => ++serial
/** Every answer practice B's members got, searched again at the end against all of A's data. */
const answersToB: { route: string; text: string }[] = []

async function freshMember(practice: PracticeEnv, role: Role, twoFactor: boolean, active = true): Promise<SeededUser> {
  const n = next()
  return addMember(server, practice.id, {
    email: `${practice.word}-fresh-${n}@${practice.word}.test`, name: `${practice.word === 'alpha' ? 'Alpha' : 'Bravo'} Fresh ${n}`, role, twoFactor, active,
  })
}

async function signedIn(user: SeededUser): Promise<TestClient> {
  const client = server.client()
  const answer = await client.signIn(user, server)
  expect(answer.status, `sign-in of ${user.email}: ${answer.text}`).toBe(200)
  return client
}

/** An encounter finalized by the practice's coder: reviewers may decide it. */
async function finalizedEncounter(practice: PracticeEnv): Promise<string> {
  const coder = await signedIn(practice.users.coder)
  const answer = await coder.post('/api/encounters', finalizeBodyFor(`PT-${practice.word.toUpperCase()}-${next()}`))
  expect(answer.status, answer.text).toBe(200)
  return answer.body.id as string
}

/** An encounter ready for a charge file: finalized by the coder and, when it needs review, approved by the supervisor. */
async function readyEncounter(practice: PracticeEnv): Promise<string> {
  const id = await finalizedEncounter(practice)
  const supervisor = await signedIn(practice.users.supervisor)
  const decided = await supervisor.post(`/api/encounters/${id}/decisions`, { action: 'approve' })
  expect(decided.status, decided.text).toBe(200)
  return id
}

/** A session of someone else in the practice (an id practice B must not end). */
async function otherSession(practice: PracticeEnv): Promise<string> {
  const client = await signedIn(practice.users.coder)
  return (await sessionIdOf(server, client))!
}

const newInviteFor = (practice: PracticeEnv) =>
  addInvite(server, practice.id, { email: `${practice.word}-invitee-${next()}@${practice.word}.test`, role: 'coder', createdBy: practice.users.admin.id })

const STAFF_ROLES: readonly Role[] = ['admin', 'supervisor', 'coder']

/** A start body with one unique line among its first rows, and `extra` more lines to come in parts. */
const historyStart = (practice: PracticeEnv, extra = 0) => ({
  fileName: `${practice.word}-history-${next()}.csv`, mapping: ISO_MAPPING, dateFormat: ISO_FORMAT,
  head: historyCsv([{ patient: `PT-${practice.word.toUpperCase()}-H${next()}`, date: '2026-02-09' }]), lines: 2 + extra,
})

/**
 * An import not yet committed, for the part, commit and abort routes: started by the caller
 * when it may (only its starter may go on with it), else by the target practice's coder (so
 * callers of another practice aim at practice A's import).
 */
async function stagedImport(c: BuildContext, extra = 0): Promise<string> {
  if (c.caller && c.own === c.target && STAFF_ROLES.includes(c.caller.role)) {
    const mine = await c.client.post('/api/history/imports', historyStart(c.own, extra))
    if (mine.status === 200) return mine.body.id as string
  }
  const coder = await signedIn(c.target.users.coder)
  const theirs = await coder.post('/api/history/imports', historyStart(c.target, extra))
  expect(theirs.status, theirs.text).toBe(200)
  return theirs.body.id as string
}

/** A provider the practice's coder saved (version 1): practice B's members aim at practice A's. */
async function sharedProvider(practice: PracticeEnv): Promise<string> {
  const key = `provider-${practice.word}-${next()}`
  const coder = await signedIn(practice.users.coder)
  const saved = await coder.post(`/api/records/provider/${key}`, { value: providerValue(key), expectedVersion: null })
  expect(saved.status, saved.text).toBe(200)
  return key
}

/** An 835 file the practice's coder imported: practice B's members aim at practice A's. */
async function storedRemittance(practice: PracticeEnv): Promise<string> {
  const coder = await signedIn(practice.users.coder)
  const answer = await coder.post('/api/remittances', remittanceUpload())
  expect(answer.status, answer.text).toBe(200)
  return answer.body.id as string
}

/** A small workstation backup no other call sends (a provider of its own). */
function uniqueBackup(practice: PracticeEnv): string {
  const data = emptyBackupData()
  data.providers = [providerValue(`moved-${practice.word}-${next()}`)]
  return backupText(data)
}

/**
 * A move-in not yet committed, whole and valid: started by the caller when it may (only its
 * starter may go on with it), else by the target practice's admin.
 */
async function stagedMoveIn(c: BuildContext): Promise<string> {
  const text = uniqueBackup(c.target)
  if (c.caller && c.own === c.target && c.caller.role === 'admin') {
    const mine = await stageMoveIn(c.client, text).catch(() => null)
    if (mine) return mine
  }
  return stageMoveIn(await signedIn(c.target.users.admin), text)
}

/** A reference file uploaded by the practice's admin (public: every practice reads it). */
async function referenceUpload(practice: PracticeEnv): Promise<string> {
  const admin = await signedIn(practice.users.admin)
  const answer = await admin.post('/api/reference/files', mueUpload(`${2100 + (next() % 800)}Q${1 + (next() % 4)}`))
  expect(answer.status, answer.text).toBe(200)
  return answer.body.file.id as string
}

/** How to call each route with valid input. Typed against the route names; completeness is a test. */
const CASES = {
  health: { build: () => ({}) },
  openapi: { build: () => ({}) },
  setupStatus: { build: () => ({}) },
  setup: {
    build: () => ({ body: { token: 'A'.repeat(43), practiceName: 'Charlie Clinic', name: 'Charlie Founder', email: `founder-${next()}@charlie.test`, password: PASSWORD } }),
    publicAnswer: { status: 409, error: 'already-set-up' },
  },
  signIn: { build: (c) => ({ body: { email: c.own.users.coder.email, password: PASSWORD } }) },
  invitePreview: { build: async (c) => ({ params: { token: (await newInviteFor(c.own)).token } }) },
  acceptInvite: {
    build: async (c) => ({ body: { token: (await newInviteFor(c.own)).token, name: `${c.own.word === 'alpha' ? 'Alpha' : 'Bravo'} Newcomer ${next()}`, password: PASSWORD } }),
  },

  session: { build: () => ({}) },
  verifyTwoFactor: {
    passwordOnly: true,
    build: (c) => {
      server.clock.advance(30_000)
      return { body: { code: c.caller?.totpSecret ? server.code(c.caller) : '123456' } }
    },
    allowed: (_role, twoFactor) => (twoFactor ? OK : { status: 409, error: 'no-code-expected' }),
  },
  twoFactorSetup: {
    build: () => ({}),
    allowed: (_role, twoFactor) => (twoFactor ? { status: 409, error: 'two-factor-on' } : OK),
    waiting: { status: 403, error: 'two-factor-required' },
  },
  twoFactorEnable: {
    freshCaller: { twoFactor: false },
    build: async (c) => {
      if (!c.caller) return { body: { code: '000000' } }
      const setup = await c.client.post('/api/auth/two-factor/setup')
      if (setup.status !== 200) return { body: { code: '000000' } }
      const { totpCode } = await import('../auth/totp.ts')
      return { body: { code: totpCode(setup.body.secret as string, server.clock.now) } }
    },
    waiting: { status: 403, error: 'two-factor-required' },
  },
  signOut: { build: () => ({}) },

  refresh: { build: () => ({}) },
  signOutEverywhere: { build: () => ({}) },
  sessions: { build: () => ({}) },
  endSession: {
    namesA: true,
    build: async (c) => ({ params: { id: c.caller && c.own === c.target ? (await sessionIdOf(server, c.client))! : await otherSession(c.target) } }),
  },
  changePassword: {
    freshCaller: {},
    build: () => ({ body: { currentPassword: PASSWORD, newPassword: 'copper lantern meadow quartz' } }),
  },
  backupCodes: {
    build: (c) => {
      server.clock.advance(30_000)
      return { body: { code: c.caller?.totpSecret ? server.code(c.caller) : '123456' } }
    },
    allowed: (_role, twoFactor) => (twoFactor ? OK : { status: 409, error: 'two-factor-off' }),
  },
  twoFactorDisable: {
    build: () => ({ body: { password: PASSWORD } }),
    allowed: (role) => (TWO_FACTOR_ROLES.includes(role) ? { status: 403, error: 'two-factor-required-by-practice' } : OK),
  },
  switchPractice: { namesA: true, build: (c) => ({ body: { practiceId: c.target.id } }) },

  members: { build: () => ({}) },
  changeRole: { namesA: true, build: async (c) => ({ params: { userId: (await freshMember(c.target, 'coder', false)).id }, body: { role: 'trainee' } }) },
  deactivate: { namesA: true, build: async (c) => ({ params: { userId: (await freshMember(c.target, 'coder', false)).id } }) },
  reactivate: { namesA: true, build: async (c) => ({ params: { userId: (await freshMember(c.target, 'coder', false, false)).id } }) },
  resetTwoFactor: { namesA: true, build: async (c) => ({ params: { userId: (await freshMember(c.target, 'supervisor', true)).id } }) },
  invites: { build: () => ({}) },
  createInvite: { build: (c) => ({ body: { email: `${c.own.word}-invitee-${next()}@${c.own.word}.test`, role: 'coder' } }) },
  revokeInvite: { namesA: true, build: async (c) => ({ params: { id: (await newInviteFor(c.target)).id } }) },
  settings: { build: () => ({}) },
  updateSettings: { build: () => ({ body: { idleTimeoutMinutes: 15 } }) },
  signIns: { build: (c) => ({ query: { userId: c.target.users.coder.id } }) },
  audit: { build: (c) => ({ query: { patientId: c.target.patientId } }) },
  auditCsv: { build: (c) => ({ query: { patientId: c.target.patientId } }) },

  startMoveIn: { build: (c) => ({ body: { fileName: `${c.own.word}-desk.json`, size: 4096, fingerprint: fingerprintOf(`move-in ${next()}`) } }) },
  addMoveInPart: { namesA: true, build: async (c) => ({ params: { id: await stagedMoveIn(c) }, body: { index: 0, text: '{' } }) },
  previewMoveIn: { namesA: true, build: async (c) => ({ params: { id: await stagedMoveIn(c) } }) },
  commitMoveIn: { namesA: true, build: async (c) => ({ params: { id: await stagedMoveIn(c) } }) },
  abandonMoveIn: { namesA: true, build: async (c) => ({ params: { id: await stagedMoveIn(c) } }) },

  finalize: { build: (c) => ({ body: finalizeBodyFor(`PT-${c.own.word.toUpperCase()}-${next()}`) }) },
  encounters: { build: (c) => ({ query: { patientId: c.target.patientId } }) },
  encounter: { namesA: true, build: (c) => ({ params: { id: c.target.encounterId } }) },
  decide: { namesA: true, build: async (c) => ({ params: { id: await finalizedEncounter(c.target) }, body: { action: 'approve' } }) },
  attempts: { build: () => ({}) },
  addAttempt: { build: () => ({ body: { caseId: 'tpi-gastrocnemius', scorePercent: 80, lines: [{ code: '20552', modifiers: [], units: 1 }] } }) },
  historyImports: { build: () => ({}) },
  historyLines: { namesA: true, build: (c) => ({ query: { importId: c.target.importId, limit: '100' } }) },
  startHistoryImport: { build: (c) => ({ body: historyStart(c.own) }) },
  addHistoryPart: {
    namesA: true,
    build: async (c) => ({ params: { id: await stagedImport(c, 1) }, body: { firstRow: 3, text: `PT-${c.own.word.toUpperCase()}-H${next()},2026-03-09,64483,RT,1,NPI1000\n` } }),
  },
  commitHistoryImport: { namesA: true, build: async (c) => ({ params: { id: await stagedImport(c) } }) },
  abortHistoryImport: { namesA: true, build: async (c) => ({ params: { id: await stagedImport(c) } }) },
  saveRecord: {
    build: () => {
      const key = `provider-${next()}`
      return { params: { kind: 'provider', key }, body: { value: providerValue(key), expectedVersion: null } }
    },
  },
  deleteRecord: { namesA: true, build: async (c) => ({ params: { kind: 'provider', key: await sharedProvider(c.target) }, body: { expectedVersion: 1 } }) },
  importRemittance: { build: () => ({ body: remittanceUpload() }) },
  deleteRemittance: { namesA: true, build: async (c) => ({ params: { id: await storedRemittance(c.target) } }) },
  recordChargeExports: { namesA: true, build: async (c) => ({ body: { encounterIds: [await readyEncounter(c.target)], format: 'hl7', fileName: `charges-${next()}.hl7` } }) },
  referenceFiles: { build: () => ({}) },
  referenceContent: { build: async (c) => ({ params: { id: await referenceUpload(c.target) } }) },
  uploadReference: { build: () => ({ body: mueUpload(`${2030 + (next() % 60)}Q${1 + (next() % 4)}`) }) },
  // Public files: another practice sees them, but only an admin of the uploading practice removes one.
  deleteReference: {
    build: async (c) => ({ params: { id: await referenceUpload(c.target) } }),
    allowed: (_role, _twoFactor, practice) => (practice === 'A' ? OK : { status: 403, error: 'not-your-upload' }),
  },
  changes: { build: () => ({ query: { after: '0', limit: '5000' } }) },
  events: { build: () => ({}) },
} satisfies Partial<Record<RouteName, Case>>

const CASE_OF: Partial<Record<string, Case>> = CASES
const ROUTE_LIST = Object.entries(ROUTES) as [RouteName, RouteSpec][]
const ROLE_LIST: readonly Role[] = ['admin', 'supervisor', 'coder', 'trainee']

const CALLERS: { label: string; caller: Caller }[] = [
  { label: 'no session', caller: { kind: 'none' } },
  { label: 'an expired session (idle past 15 minutes)', caller: { kind: 'expired' } },
  { label: 'a session waiting for its two-factor code', caller: { kind: 'waiting' } },
  ...ROLE_LIST.map((role) => ({ label: `${role === 'admin' ? 'an' : 'a'} ${role} of practice A`, caller: { kind: 'member', practice: 'A', role } as const })),
  ...ROLE_LIST.map((role) => ({ label: `${role === 'admin' ? 'an' : 'a'} ${role} of practice B`, caller: { kind: 'member', practice: 'B', role } as const })),
]

const twoFactorOf = (kase: Case, role: Role) => kase.freshCaller?.twoFactor ?? TWO_FACTOR_ROLES.includes(role)

/** What the rule says this caller gets from this route. */
function expectationFor(spec: RouteSpec, kase: Case, caller: Caller): Expectation {
  if (spec.access === 'public') return kase.publicAnswer ?? OK
  if (caller.kind === 'none') return { status: 401, error: 'unauthenticated' }
  if (caller.kind === 'expired') return { status: 401, error: 'session-expired' }
  if (caller.kind === 'waiting') return spec.access === 'pending' ? (kase.waiting ?? OK) : { status: 403, error: 'two-factor-required' }
  if (Array.isArray(spec.access) && !(spec.access as readonly Role[]).includes(caller.role)) return { status: 403, error: 'forbidden' }
  if (caller.practice === 'B' && kase.namesA) return { status: 404 }
  return kase.allowed?.(caller.role, twoFactorOf(kase, caller.role), caller.practice) ?? OK
}

function describeExpectation(e: Expectation, caller: Caller, kase: Case): string {
  if (e.status === '2xx') return 'is answered (2xx)'
  if (e.status === 404 && caller.kind === 'member' && caller.practice === 'B' && kase.namesA) return 'gets 404 for practice A\'s ids'
  return `gets ${e.status}${e.error ? ` ${e.error}` : ''}`
}

function pathOf(spec: RouteSpec, parts: RequestParts): string {
  const path = spec.path.replace(/:(\w+)/g, (_, key: string) => {
    const value = parts.params?.[key]
    if (value === undefined) throw new Error(`the case for ${spec.path} gives no ${key}`)
    return encodeURIComponent(value)
  })
  const query = parts.query ? new URLSearchParams(parts.query).toString() : ''
  return query ? `${path}?${query}` : path
}

interface Outcome { answer: CallResult; expectation: Expectation; callerUser: SeededUser | null }

/** Signs the caller in as the case needs, builds the request, and calls the route. */
async function callAs(name: RouteName, caller: Caller): Promise<Outcome> {
  const spec: RouteSpec = ROUTES[name]
  const kase = CASE_OF[name]
  if (!kase) throw new Error(`No case for route ${name}: add one to CASES in authorization-matrix.test.ts`)
  const expectation = expectationFor(spec, kase, caller)
  const own = caller.kind === 'member' && caller.practice === 'B' ? B : A

  let user: SeededUser | null = null
  if (caller.kind === 'expired') user = kase.freshCaller ? await freshMember(A, 'admin', twoFactorOf(kase, 'admin')) : A.users.admin
  if (caller.kind === 'waiting') user = kase.freshCaller ? await freshMember(A, 'admin', true) : A.users.admin
  if (caller.kind === 'member') user = kase.freshCaller ? await freshMember(own, caller.role, twoFactorOf(kase, caller.role)) : own.users[caller.role]

  const client = server.client()
  if (user) {
    if ((caller.kind === 'waiting' || kase.passwordOnly) && user.totpSecret) {
      const first = await client.post('/api/auth/sign-in', { email: user.email, password: user.password })
      expect(first.status, first.text).toBe(200)
      expect(first.body.state).toBe('two-factor')
    } else {
      const answer = await client.signIn(user, server)
      expect(answer.status, `sign-in of ${user.email}: ${answer.text}`).toBe(200)
    }
  }

  const parts = await kase.build({ own, target: A, caller: user, client })
  if (caller.kind === 'expired') server.clock.advance(IDLE_TIMEOUT_MS + 1000)

  const crossPractice = caller.kind === 'member' && caller.practice === 'B'
  const refusedBeforeWork = expectation.status === 403 && (expectation.error === 'forbidden' || expectation.error === 'two-factor-required')
  const watchA = crossPractice || (caller.kind === 'none' && expectation.status === 401) || refusedBeforeWork
  const before = watchA ? await practiceFingerprint(server, A.id) : null

  const answer = await client.call(spec.method, pathOf(spec, parts), parts.body)

  if (before) expect(await practiceFingerprint(server, A.id), 'practice A\'s rows changed').toEqual(before)
  if (crossPractice) {
    answersToB.push({ route: name, text: answer.text })
    expect(leaked(answer.text, await practiceSecrets(server, A.id)), 'practice A\'s data in an answer to practice B').toEqual([])
  }
  return { answer, expectation, callerUser: user }
}

function check(name: RouteName, { answer, expectation }: Outcome): void {
  const spec: RouteSpec = ROUTES[name]
  const shown = `${spec.method} ${spec.path} answered ${answer.status}: ${answer.text.slice(0, 300)}`
  if (expectation.status === '2xx') {
    expect(answer.status, shown).toBeGreaterThanOrEqual(200)
    expect(answer.status, shown).toBeLessThan(300)
    if (spec.response) {
      const parsed = spec.response.safeParse(answer.body)
      expect(parsed.success, `${shown}\n${parsed.success ? '' : JSON.stringify(parsed.error.issues[0])}`).toBe(true)
    }
    if (spec.produces) expect(answer.headers.get('content-type') ?? '').toContain(spec.produces)
  } else {
    expect(answer.status, shown).toBe(expectation.status)
    expect(answer.body, shown).toMatchObject({ error: expectation.error ?? expect.any(String), message: expect.any(String) })
  }
}

async function seed(name: string, word: 'alpha' | 'bravo', key: 'A' | 'B'): Promise<PracticeEnv> {
  const title = word === 'alpha' ? 'Alpha' : 'Bravo'
  const { practiceId, users } = await server.seedPractice(name, ROLE_LIST.map((role) => ({
    email: `${word}-${role}@${word}.test`, name: `${title} ${role[0].toUpperCase()}${role.slice(1)}`, role, twoFactor: TWO_FACTOR_ROLES.includes(role),
  })))
  const byRole = Object.fromEntries(ROLE_LIST.map((role) => [role, users[`${word}-${role}@${word}.test`]])) as Record<Role, SeededUser>
  const env: PracticeEnv = { key, id: practiceId, name, word, users: byRole, patientId: `PT-${word.toUpperCase()}-0`, encounterId: '', inviteId: '', importId: '' }
  const coder = await signedIn(byRole.coder)
  const finalized = await coder.post('/api/encounters', finalizeBodyFor(env.patientId))
  expect(finalized.status, finalized.text).toBe(200)
  env.encounterId = finalized.body.id as string
  env.inviteId = (await newInviteFor(env)).id
  // Imported history, committed: its lines are practice A's patient data too.
  const started = await coder.post('/api/history/imports', historyStart(env))
  expect(started.status, started.text).toBe(200)
  const committed = await coder.post(`/api/history/imports/${started.body.id as string}/commit`)
  expect(committed.status, committed.text).toBe(200)
  env.importId = started.body.id as string
  // Shared records and a coder's draft: practice B must never see them.
  const provider = `provider-${word}-seed`
  expect((await coder.post(`/api/records/provider/${provider}`, { value: providerValue(provider, `Dr ${title}`), expectedVersion: null })).status).toBe(200)
  expect((await coder.post(`/api/records/draft/draft-${word}`, { value: draftValue(`draft-${word}`, `PT-${word.toUpperCase()}-DRAFT`), expectedVersion: null })).status).toBe(200)
  // Some history for the logs practice B must never see.
  const trainee = await signedIn(byRole.trainee)
  expect((await trainee.post('/api/training/attempts', CASES.addAttempt.build().body).then((r) => r.status))).toBe(200)
  return env
}

beforeAll(async () => {
  server = await createTestServer()
  A = await seed('Alpha Pain Clinic', 'alpha', 'A')
  B = await seed('Bravo Spine Center', 'bravo', 'B')
})
afterAll(async () => { await closeServer(server) })

describe('the matrix covers the API', () => {
  it('every route of ROUTES has a case, and every case is a route', () => {
    const routes = Object.keys(ROUTES).sort()
    expect(routes.filter((r) => !CASE_OF[r]), 'routes without a case').toEqual([])
    expect(Object.keys(CASES).filter((c) => !(c in ROUTES)), 'cases without a route').toEqual([])
  })
})

for (const [name, spec] of ROUTE_LIST) {
  const kase = CASE_OF[name]
  const access = typeof spec.access === 'string' ? spec.access : spec.access.join(', ')
  describe(`${spec.method} ${spec.path} (${name}; ${access})`, () => {
    for (const { label, caller } of CALLERS) {
      const title = kase ? `${label} ${describeExpectation(expectationFor(spec, kase, caller), caller, kase)}` : `${label} (no case)`
      it(title, async () => {
        check(name, await callAs(name, caller))
      })
    }
  })
}

describe('four eyes, roles and ownership', () => {
  async function decideAs(user: SeededUser, encounterId: string, body: unknown) {
    return (await signedIn(user)).post(`/api/encounters/${encounterId}/decisions`, body)
  }
  const decisionsOf = (encounterId: string) => asOwner(server, (q) => q.query('select * from review_decisions where encounter_id = $1', [encounterId]))
  const reviewOf = async (encounterId: string) =>
    (await asOwner(server, (q) => q.query<{ review: string }>('select review from encounters where id = $1', [encounterId])))[0].review

  it('a supervisor who finalized an encounter can neither approve, return nor override it (403 own-work)', async () => {
    const supervisor = await signedIn(A.users.supervisor)
    const finalized = await supervisor.post('/api/encounters', finalizeBodyFor(`PT-ALPHA-${next()}`))
    expect(finalized.status, finalized.text).toBe(200)
    const id = finalized.body.id as string
    const reviewBefore = await reviewOf(id)
    for (const body of [{ action: 'approve' }, { action: 'override', lineIndex: 0, reason: 'Documented in the note.' }, { action: 'return', reason: 'Recheck.' }]) {
      const answer = await supervisor.post(`/api/encounters/${id}/decisions`, body)
      expect(answer.status, answer.text).toBe(403)
      expect(answer.body.error).toBe('own-work')
    }
    expect(await decisionsOf(id)).toEqual([])
    expect(await reviewOf(id)).toBe(reviewBefore)
  })

  it('an admin who finalized an encounter cannot override it either (403 own-work)', async () => {
    const admin = await signedIn(A.users.admin)
    const finalized = await admin.post('/api/encounters', finalizeBodyFor(`PT-ALPHA-${next()}`))
    expect(finalized.status, finalized.text).toBe(200)
    const answer = await admin.post(`/api/encounters/${finalized.body.id}/decisions`, { action: 'override', lineIndex: 0, reason: 'My own call.' })
    expect(answer.status, answer.text).toBe(403)
    expect(answer.body.error).toBe('own-work')
    expect(await decisionsOf(finalized.body.id as string)).toEqual([])
  })

  it('another supervisor may approve what a supervisor finalized', async () => {
    const author = await signedIn(A.users.supervisor)
    const finalized = await author.post('/api/encounters', finalizeBodyFor(`PT-ALPHA-${next()}`))
    const second = await freshMember(A, 'supervisor', true)
    const answer = await decideAs(second, finalized.body.id as string, { action: 'approve' })
    expect(answer.status, answer.text).toBe(200)
    expect(answer.body.review).toBe('approved')
    expect(await decisionsOf(finalized.body.id as string)).toHaveLength(1)
  })

  it('a coder cannot decide a review line (403), and nothing is recorded', async () => {
    const id = await finalizedEncounter(A)
    const otherCoder = await freshMember(A, 'coder', false)
    for (const body of [{ action: 'approve', lineIndex: 0 }, { action: 'override', lineIndex: 0, reason: 'Looks fine to me.' }, { action: 'return', reason: 'x' }]) {
      const answer = await decideAs(otherCoder, id, body)
      expect(answer.status, answer.text).toBe(403)
      expect(answer.body.error).toBe('forbidden')
    }
    expect(await decisionsOf(id)).toEqual([])
    expect(await reviewOf(id)).toBe('pending')
  })

  it('a trainee gets 403 on encounters and admin routes, and 2xx on training attempts', async () => {
    const refused: RouteName[] = []
    const answered: RouteName[] = []
    for (const [name, spec] of ROUTE_LIST) {
      if (!Array.isArray(spec.access)) continue
      const outcome = await callAs(name, { kind: 'member', practice: 'A', role: 'trainee' })
      check(name, outcome)
      ;((spec.access as readonly Role[]).includes('trainee') ? answered : refused).push(name)
      if (spec.path.startsWith('/api/encounters') || spec.path.startsWith('/api/admin')) expect(outcome.answer.status, name).toBe(403)
      if (spec.path.startsWith('/api/training') || spec.path.startsWith('/api/sync')) expect(outcome.answer.status, name).toBeLessThan(300)
    }
    expect(refused).toEqual(expect.arrayContaining(['finalize', 'encounters', 'encounter', 'decide', 'members', 'audit', 'importRemittance', 'deleteRemittance', 'recordChargeExports']))
    expect(answered.sort()).toEqual(['addAttempt', 'attempts', 'changes', 'events', 'referenceContent', 'referenceFiles'])
  })

  it('a member cannot end another member\'s session in the same practice (404), and that session keeps working', async () => {
    const adminDesk = await signedIn(A.users.admin)
    const adminSession = (await sessionIdOf(server, adminDesk))!
    const coder = await signedIn(A.users.coder)
    const answer = await coder.delete(`/api/auth/sessions/${adminSession}`)
    expect(answer.status, answer.text).toBe(404)
    expect((await adminDesk.get('/api/auth/session')).status).toBe(200)
  })

  it('an admin cannot change the role of, deactivate or reset two-factor for themselves (403 not-yourself)', async () => {
    const admin = await signedIn(A.users.admin)
    const me = A.users.admin.id
    for (const [method, path, body] of [['PATCH', `/api/admin/members/${me}`, { role: 'coder' }], ['POST', `/api/admin/members/${me}/deactivate`, undefined],
      ['POST', `/api/admin/members/${me}/reset-two-factor`, undefined]] as const) {
      const answer = await admin.call(method, path, body)
      expect(answer.status, `${path}: ${answer.text}`).toBe(403)
      expect(answer.body.error).toBe('not-yourself')
    }
    expect((await admin.get('/api/auth/session')).body).toMatchObject({ role: 'admin', twoFactorEnabled: true })
  })

  it('a deactivated member\'s open session is refused at once (401), and they cannot sign in again', async () => {
    const member = await freshMember(A, 'coder', false)
    const desk = await signedIn(member)
    const admin = await signedIn(A.users.admin)
    expect((await admin.post(`/api/admin/members/${member.id}/deactivate`)).status).toBe(200)
    expect((await desk.get('/api/encounters')).status).toBe(401)
    expect((await server.client().post('/api/auth/sign-in', { email: member.email, password: member.password })).status).toBe(401)
  })

  it('a coder sees only their own training attempts; a supervisor sees every trainee\'s', async () => {
    const coder = await signedIn(A.users.coder)
    expect((await coder.post('/api/training/attempts', CASES.addAttempt.build().body)).status).toBe(200)
    const mine = await coder.get('/api/training/attempts')
    expect(mine.body.attempts.length).toBeGreaterThan(0)
    expect(mine.body.attempts.every((a: { userId: string }) => a.userId === A.users.coder.id)).toBe(true)
    const supervisor = await signedIn(A.users.supervisor)
    const all = await supervisor.get('/api/training/attempts')
    expect(all.body.attempts.some((a: { userId: string }) => a.userId === A.users.trainee.id)).toBe(true)
  })
})

describe('practice B never sees practice A', () => {
  it('no answer to a member of practice B named any of practice A\'s ids, emails, names or patients', async () => {
    const secrets = await practiceSecrets(server, A.id)
    expect(secrets.length).toBeGreaterThan(10)
    expect(answersToB.length).toBeGreaterThanOrEqual(ROUTE_LIST.length * ROLE_LIST.length)
    const found = answersToB.flatMap(({ route, text }) => leaked(text, secrets).map((s) => `${route}: ${s}`))
    expect(found).toEqual([])
  })

  it('practice A\'s history does not count in practice B\'s check of the same patient', async () => {
    const shared = `PT-SHARED-${next()}`
    const later = (patientId: string) => {
      const body = finalizeBodyFor(patientId)
      return { ...body, encounter: { ...body.encounter, dateOfService: '2026-11-16' } }
    }
    const alpha = await signedIn(A.users.coder)
    expect((await alpha.post('/api/encounters', finalizeBodyFor(shared))).status).toBe(200)
    const withHistory = await alpha.post('/api/encounters', later(shared))
    const control = await alpha.post('/api/encounters', later(`PT-ALPHA-${next()}`))
    const bravo = await signedIn(B.users.coder)
    const inB = await bravo.post('/api/encounters', later(shared))
    expect([withHistory.status, control.status, inB.status]).toEqual([200, 200, 200])
    const rules = (r: CallResult) => (r.body.findings as { ruleId: string }[]).map((f) => f.ruleId).sort()
    expect(rules(withHistory), 'in practice A the earlier encounter counts as history').not.toEqual(rules(control))
    expect(rules(inB), 'practice B\'s check must not see practice A\'s encounter').toEqual(rules(control))
  })
})
