import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totpCode } from '../auth/totp.ts'
import { verifyChains } from '../services/audit.ts'
import { createTestServer, PASSWORD, type TestServer } from '../testing/harness.ts'

let server: TestServer
beforeAll(async () => { server = await createTestServer() })
afterAll(async () => { await server.close() })

const events = async (email: string) =>
  server.db.asOwner((q) => q.query<{ event: string; detail: { reason?: string } | null }>('select event, detail from auth_events where email = $1 order by seq', [email]))

const auditActions = async (practiceId: string) =>
  server.db.asOwner((q) => q.query<{ action: string; target: string | null }>('select action, target from audit_log where practice_id = $1 order by seq', [practiceId]))

describe('sign-in', () => {
  it('signs a coder in and shows who, which practice and which role', async () => {
    const { users } = await server.seedPractice('Lakeside Pain', [{ email: 'cora@lakeside.test', role: 'coder' }])
    const desk = server.client()
    const answer = await desk.signIn(users['cora@lakeside.test'], server)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ state: 'active', role: 'coder', practice: { name: 'Lakeside Pain' }, twoFactorRequired: false })
    expect((await desk.get('/api/auth/session')).body.user.email).toBe('cora@lakeside.test')
    expect(answer.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/)
  })

  it('locks an account after five failures, with the same answer an unknown account gets', async () => {
    const { users } = await server.seedPractice('Lockout Pain', [{ email: 'lou@lockout.test', role: 'coder' }])
    const desk = server.client()
    const wrong = { email: 'lou@lockout.test', password: 'not the password at all' }
    const unknown = await desk.post('/api/auth/sign-in', { email: 'nobody@lockout.test', password: 'not the password at all' })
    const answers = []
    for (let i = 0; i < 5; i++) answers.push(await desk.post('/api/auth/sign-in', wrong))
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401])
    for (const a of answers) expect(a.body).toEqual(unknown.body)
    // The right password no longer works, and says nothing more.
    const locked = await desk.post('/api/auth/sign-in', { email: 'lou@lockout.test', password: PASSWORD })
    expect(locked.status).toBe(401)
    expect(locked.body).toEqual(unknown.body)
    const log = await events('lou@lockout.test')
    expect(log.filter((e) => e.event === 'sign-in-failed')).toHaveLength(6)
    expect(log.filter((e) => e.event === 'locked-out')).toHaveLength(1)
    expect(log.at(-1)?.detail?.reason).toBe('locked')
    // After the window the account opens again.
    server.clock.advance(16 * 60_000)
    expect((await desk.signIn(users['lou@lockout.test'], server)).status).toBe(200)
  })

  it('locks an unknown account the same way, so the two cannot be told apart', async () => {
    const desk = server.client()
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await desk.post('/api/auth/sign-in', { email: 'ghost@nowhere.test', password: 'whatever whatever' })).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401])
    expect((await events('ghost@nowhere.test')).map((e) => e.event)).toContain('locked-out')
  })

  it('refuses an address with too many failures across accounts', async () => {
    const limited = await createTestServer({ addressFailureLimit: 3 })
    try {
      const desk = limited.client('10.9.9.9')
      for (let i = 0; i < 3; i++) expect((await desk.post('/api/auth/sign-in', { email: `x${i}@spray.test`, password: 'spray spray spray' })).status).toBe(401)
      expect((await desk.post('/api/auth/sign-in', { email: 'x9@spray.test', password: 'spray spray spray' })).status).toBe(429)
      expect((await limited.client('10.9.9.10').post('/api/auth/sign-in', { email: 'x9@spray.test', password: 'spray spray spray' })).status).toBe(401)
    } finally {
      await limited.close()
    }
  })
})

describe('two-factor', () => {
  it('asks for the authenticator code after the password, and refuses the app until it is given', async () => {
    const { users } = await server.seedPractice('Code Pain', [{ email: 'sue@code.test', role: 'supervisor', twoFactor: true }])
    const sue = users['sue@code.test']
    const desk = server.client()
    const first = await desk.post('/api/auth/sign-in', { email: sue.email, password: sue.password })
    expect(first.body.state).toBe('two-factor')
    expect((await desk.get('/api/encounters')).body.error).toBe('two-factor-required')
    expect((await desk.post('/api/auth/two-factor/verify', { code: '000000' })).status).toBe(400)
    server.clock.advance(30_000)
    const code = server.code(sue)
    const done = await desk.post('/api/auth/two-factor/verify', { code })
    expect(done.body.state).toBe('active')
    expect((await desk.get('/api/encounters')).status).toBe(200)
    // The same code never works twice.
    const again = server.client()
    await again.post('/api/auth/sign-in', { email: sue.email, password: sue.password })
    expect((await again.post('/api/auth/two-factor/verify', { code })).status).toBe(400)
  })

  it('makes a supervisor without an authenticator set one up before anything else (policy)', async () => {
    const { users } = await server.seedPractice('Policy Pain', [{ email: 'sam@policy.test', role: 'supervisor' }])
    const desk = server.client()
    const first = await desk.signIn(users['sam@policy.test'], server)
    expect(first.body).toMatchObject({ state: 'enroll-two-factor', twoFactorRequired: true })
    expect((await desk.get('/api/encounters')).body.error).toBe('two-factor-enrollment-required')
    const setup = await desk.post('/api/auth/two-factor/setup')
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\//)
    const enabled = await desk.post('/api/auth/two-factor/enable', { code: totpCode(setup.body.secret, server.clock.now) })
    expect(enabled.body.backupCodes).toHaveLength(10)
    expect((await desk.get('/api/auth/session')).body.state).toBe('active')
    expect((await desk.get('/api/encounters')).status).toBe(200)
    // A backup code signs in once.
    const other = server.client()
    await other.post('/api/auth/sign-in', { email: 'sam@policy.test', password: PASSWORD })
    expect((await other.post('/api/auth/two-factor/verify', { code: enabled.body.backupCodes[0].toUpperCase() })).body.state).toBe('active')
    const third = server.client()
    await third.post('/api/auth/sign-in', { email: 'sam@policy.test', password: PASSWORD })
    expect((await third.post('/api/auth/two-factor/verify', { code: enabled.body.backupCodes[0] })).status).toBe(400)
  })

  it('applies a new policy to sessions already open, and lets the admin choose the roles', async () => {
    const { users } = await server.seedPractice('Rule Pain', [
      { email: 'ann@rule.test', role: 'admin', twoFactor: true }, { email: 'cal@rule.test', role: 'coder' },
    ])
    const admin = server.client()
    await admin.signIn(users['ann@rule.test'], server)
    const coder = server.client()
    expect((await coder.signIn(users['cal@rule.test'], server)).body.state).toBe('active')
    const changed = await admin.patch('/api/admin/settings', { twoFactorRoles: ['admin', 'supervisor', 'coder'] })
    expect(changed.body.twoFactorRoles).toEqual(['admin', 'supervisor', 'coder'])
    expect((await coder.get('/api/encounters')).body.error).toBe('two-factor-enrollment-required')
  })

  it('locks the account after five wrong codes and ends the half-open session', async () => {
    const { users } = await server.seedPractice('Guess Pain', [{ email: 'gus@guess.test', role: 'supervisor', twoFactor: true }])
    const desk = server.client()
    await desk.post('/api/auth/sign-in', { email: 'gus@guess.test', password: PASSWORD })
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await desk.post('/api/auth/two-factor/verify', { code: '123456' })).status)
    expect(statuses).toEqual([400, 400, 400, 400, 401])
    expect((await desk.get('/api/auth/session')).status).toBe(401)
    expect((await server.client().post('/api/auth/sign-in', { email: 'gus@guess.test', password: users['gus@guess.test'].password })).status).toBe(401)
  })
})

describe('sessions', () => {
  it('ends a session after the idle timeout and logs it', async () => {
    const { users } = await server.seedPractice('Idle Pain', [{ email: 'ida@idle.test', role: 'coder' }])
    const desk = server.client()
    await desk.signIn(users['ida@idle.test'], server)
    server.clock.advance(14 * 60_000)
    expect((await desk.post('/api/auth/refresh')).status).toBe(200)
    server.clock.advance(14 * 60_000)
    expect((await desk.get('/api/auth/session')).status).toBe(200)
    server.clock.advance(15 * 60_000 + 1000)
    const ended = await desk.get('/api/auth/session')
    expect(ended.status).toBe(401)
    expect(ended.body.error).toBe('session-expired')
    expect((await events('ida@idle.test')).map((e) => e.event)).toContain('session-expired')
  })

  it('uses the practice\'s own idle timeout', async () => {
    const { practiceId, users } = await server.seedPractice('Short Pain', [{ email: 'sho@short.test', role: 'coder' }])
    await server.db.asOwner((q) => q.query('update practices set idle_timeout_minutes = 5 where id = $1', [practiceId]))
    const desk = server.client()
    expect((await desk.signIn(users['sho@short.test'], server)).body.idleTimeoutMinutes).toBe(5)
    server.clock.advance(5 * 60_000 + 1000)
    expect((await desk.get('/api/auth/session')).status).toBe(401)
  })

  it('ends a session at its absolute lifetime however active it is', async () => {
    const { users } = await server.seedPractice('Long Pain', [{ email: 'lon@long.test', role: 'coder' }])
    const desk = server.client()
    await desk.signIn(users['lon@long.test'], server)
    // Active every 10 minutes for 11 h 50 min: never idle, yet the 12-hour limit ends it.
    for (let step = 0; step < 71; step++) {
      server.clock.advance(10 * 60_000)
      expect((await desk.post('/api/auth/refresh')).status).toBe(200)
    }
    server.clock.advance(10 * 60_000)
    expect((await desk.get('/api/auth/session')).body.error).toBe('session-expired')
  })

  it('signs out everywhere, and lists and ends one\'s own sessions only', async () => {
    const { users } = await server.seedPractice('Many Pain', [{ email: 'max@many.test', role: 'coder' }, { email: 'mo@many.test', role: 'coder' }])
    const a = server.client()
    const b = server.client()
    const other = server.client()
    await a.signIn(users['max@many.test'], server)
    await b.signIn(users['max@many.test'], server)
    await other.signIn(users['mo@many.test'], server)
    const list = await a.get('/api/auth/sessions')
    expect(list.body.sessions).toHaveLength(2)
    expect(list.body.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1)
    const otherId = (await other.get('/api/auth/sessions')).body.sessions[0].id
    expect((await a.delete(`/api/auth/sessions/${otherId}`)).status).toBe(404)
    expect((await a.post('/api/auth/sign-out-everywhere')).status).toBe(204)
    expect((await a.get('/api/auth/session')).status).toBe(401)
    expect((await b.get('/api/auth/session')).status).toBe(401)
    expect((await other.get('/api/auth/session')).status).toBe(200)
  })

  it('fails a deactivated user\'s next request at once, and logs the deactivation', async () => {
    const { practiceId, users } = await server.seedPractice('Gone Pain', [
      { email: 'adm@gone.test', role: 'admin', twoFactor: true }, { email: 'dee@gone.test', role: 'coder' },
    ])
    const admin = server.client()
    await admin.signIn(users['adm@gone.test'], server)
    const coder = server.client()
    await coder.signIn(users['dee@gone.test'], server)
    expect((await coder.get('/api/training/attempts')).status).toBe(200)
    const off = await admin.post(`/api/admin/members/${users['dee@gone.test'].id}/deactivate`)
    expect(off.body.active).toBe(false)
    expect((await coder.get('/api/training/attempts')).status).toBe(401)
    expect((await server.client().post('/api/auth/sign-in', { email: 'dee@gone.test', password: PASSWORD })).status).toBe(401)
    expect((await auditActions(practiceId)).map((e) => e.action)).toContain('member-deactivated')
    expect((await admin.post(`/api/admin/members/${users['adm@gone.test'].id}/deactivate`)).body.error).toBe('not-yourself')
  })

  it('refuses a password on the common list or shorter than 12 characters', async () => {
    const { users } = await server.seedPractice('Word Pain', [{ email: 'pat@word.test', role: 'coder' }])
    const desk = server.client()
    await desk.signIn(users['pat@word.test'], server)
    const short = await desk.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short one' })
    expect(short.body).toMatchObject({ error: 'invalid', path: 'body.newPassword' })
    const common = await desk.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'qwertyuiop123' })
    expect(common.body).toMatchObject({ error: 'weak-password', path: 'newPassword' })
    expect((await desk.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'lantern orchard pebble' })).status).toBe(204)
  })
})

describe('first run and invitations', () => {
  it('creates the practice and its admin from the one-time setup link, once', async () => {
    const fresh = await createTestServer()
    try {
      const { issueSetupToken } = await import('../services/accounts.ts')
      await fresh.db.transaction({}, (q) => issueSetupToken(q, 'a-setup-token-of-enough-length-123', fresh.clock.now))
      const desk = fresh.client()
      expect((await desk.get('/api/setup')).body.needed).toBe(true)
      const wrong = await desk.post('/api/setup', { token: 'another-token-of-enough-length-1234', practiceName: 'New Pain', name: 'Nia', email: 'nia@new.test', password: PASSWORD })
      expect(wrong.status).toBe(403)
      const made = await desk.post('/api/setup', { token: 'a-setup-token-of-enough-length-123', practiceName: 'New Pain', name: 'Nia', email: 'nia@new.test', password: PASSWORD })
      expect(made.body).toMatchObject({ state: 'enroll-two-factor', role: 'admin', practice: { name: 'New Pain' } })
      expect((await desk.get('/api/setup')).body.needed).toBe(false)
      const again = await fresh.client().post('/api/setup', { token: 'a-setup-token-of-enough-length-123', practiceName: 'X', name: 'X', email: 'x@new.test', password: PASSWORD })
      expect(again.status).toBe(409)
    } finally {
      await fresh.close()
    }
  })

  it('invites a coder with a link that expires, and the coder joins with it', async () => {
    const { practiceId, users } = await server.seedPractice('Invite Pain', [{ email: 'ivy@invite.test', role: 'admin', twoFactor: true }])
    const admin = server.client()
    await admin.signIn(users['ivy@invite.test'], server)
    const created = await admin.post('/api/admin/invites', { email: 'New.Coder@Invite.test', role: 'coder', expiresInDays: 2 })
    expect(created.status).toBe(200)
    const token = created.body.link.split('/#/invite/')[1]
    const guest = server.client()
    expect((await guest.get(`/api/invites/${token}`)).body).toMatchObject({ practiceName: 'Invite Pain', role: 'coder', email: 'new.coder@invite.test', existingAccount: false })
    const joined = await guest.post('/api/invites/accept', { token, name: 'Nell Coder', password: 'granite meadow falcon' })
    expect(joined.body).toMatchObject({ state: 'active', role: 'coder' })
    expect((await server.client().get(`/api/invites/${token}`)).status).toBe(404)
    const late = await admin.post('/api/admin/invites', { email: 'late@invite.test', role: 'trainee', expiresInDays: 1 })
    server.clock.advance(25 * 3600_000)
    expect((await server.client().get(`/api/invites/${late.body.link.split('/#/invite/')[1]}`)).status).toBe(404)
    expect((await auditActions(practiceId)).map((e) => e.action)).toEqual(expect.arrayContaining(['invite-created', 'invite-accepted']))
  })
})

describe('access log', () => {
  it('records role changes and patient reads, and its hash chains verify until an entry is changed', async () => {
    const { practiceId, users } = await server.seedPractice('Chain Pain', [
      { email: 'ada@chain.test', role: 'admin', twoFactor: true }, { email: 'cy@chain.test', role: 'coder' },
    ])
    const admin = server.client()
    await admin.signIn(users['ada@chain.test'], server)
    expect((await admin.patch(`/api/admin/members/${users['cy@chain.test'].id}`, { role: 'supervisor' })).body.role).toBe('supervisor')
    await admin.get('/api/encounters')
    const log = await admin.get('/api/admin/audit?action=role-changed')
    expect(log.body.entries[0]).toMatchObject({ action: 'role-changed', userName: 'ada', target: 'cy@chain.test', detail: { from: 'coder', to: 'supervisor' } })
    // An auditor's export reaches far past the screen's page of 1,000; 100,000 at most.
    expect((await admin.get('/api/admin/audit?limit=5000')).status).toBe(400)
    expect((await admin.get('/api/admin/audit.csv?limit=5000')).status).toBe(200)
    expect((await admin.get('/api/admin/audit.csv?limit=100001')).body).toMatchObject({ error: 'invalid', path: 'query.limit' })
    const csv = await admin.get('/api/admin/audit.csv')
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    expect(csv.text.split('\r\n')[0]).toBe('seq,at,user_id,user_name,action,patient_id,target,detail,ip')
    expect((await server.db.asOwner((q) => verifyChains(q))).breaks).toEqual([])

    // Tampering needs the owner to switch the append-only trigger off; the chain still tells.
    await server.db.asOwner(async (q) => {
      await q.query('alter table audit_log disable trigger audit_log_append_only')
      await q.query(`update audit_log set target = 'someone-else@chain.test' where practice_id = $1 and action = 'role-changed'`, [practiceId])
      await q.query('alter table audit_log enable trigger audit_log_append_only')
    })
    const { breaks } = await server.db.asOwner((q) => verifyChains(q))
    expect(breaks).toEqual([expect.objectContaining({ chain: `practice ${practiceId}`, problem: 'hash' })])
    await server.db.asOwner(async (q) => {
      await q.query('alter table audit_log disable trigger audit_log_append_only')
      await q.query(`update audit_log set target = 'cy@chain.test' where practice_id = $1 and action = 'role-changed'`, [practiceId])
      await q.query('alter table audit_log enable trigger audit_log_append_only')
    })
    expect((await server.db.asOwner((q) => verifyChains(q))).breaks).toEqual([])
  })

  it('has a sign-in entry for each success, failure, lockout, sign-out and two-factor change', async () => {
    const { users } = await server.seedPractice('Trail Pain', [{ email: 'tia@trail.test', role: 'coder' }])
    const desk = server.client()
    await desk.post('/api/auth/sign-in', { email: 'tia@trail.test', password: 'wrong wrong wrong' })
    await desk.signIn(users['tia@trail.test'], server)
    const setup = await desk.post('/api/auth/two-factor/setup')
    await desk.post('/api/auth/two-factor/enable', { code: totpCode(setup.body.secret, server.clock.now) })
    await desk.post('/api/auth/sign-out')
    expect((await events('tia@trail.test')).map((e) => e.event)).toEqual(['sign-in-failed', 'sign-in', 'two-factor-enabled', 'sign-out'])
  })
})
