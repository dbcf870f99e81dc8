import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pruneIdempotencyKeys } from '../services/idempotency.ts'
import { createTestServer, type SeededUser, type TestServer } from '../testing/harness.ts'
import { asOwner, closeServer } from '../testing/security.ts'

/** Idempotency keys past their retention are pruned for every practice, the newer ones kept. On PGlite and on PostgreSQL. */

let server: TestServer
let alpha: { practiceId: string; coder: SeededUser }
let bravo: { practiceId: string; coder: SeededUser }
const DAY = 24 * 60 * 60 * 1000

beforeAll(async () => {
  server = await createTestServer()
  const a = await server.seedPractice('Alpha Pain Clinic', [{ email: 'coder@alpha.test', role: 'coder' }])
  const b = await server.seedPractice('Bravo Spine Center', [{ email: 'coder@bravo.test', role: 'coder' }])
  alpha = { practiceId: a.practiceId, coder: a.users['coder@alpha.test'] }
  bravo = { practiceId: b.practiceId, coder: b.users['coder@bravo.test'] }
})
afterAll(async () => { await closeServer(server) })

const keysLeft = () => asOwner(server, (q) => q.query<{ key: string }>('select key from idempotency_keys order by key')).then((rows) => rows.map((r) => r.key))

async function addKey(practiceId: string, userId: string, key: string, ageDays: number) {
  await asOwner(server, (q) => q.query(
    `insert into idempotency_keys (practice_id, user_id, key, route, request_hash, status, response, created_at) values ($1, $2, $3, 'addAttempt', 'h', 200, '{}', $4)`,
    [practiceId, userId, key, new Date(server.clock.now.getTime() - ageDays * DAY)]))
}

describe('idempotency key retention', () => {
  it('prunes the keys of every practice older than the retention and keeps the newer ones', async () => {
    await addKey(alpha.practiceId, alpha.coder.id, 'alpha-old-9d', 9)
    await addKey(alpha.practiceId, alpha.coder.id, 'alpha-new-7d', 7)
    await addKey(bravo.practiceId, bravo.coder.id, 'bravo-old-30d', 30)
    await addKey(bravo.practiceId, bravo.coder.id, 'bravo-new-1d', 1)
    expect(await pruneIdempotencyKeys(server.db, server.clock.now, 8)).toBe(2)
    expect(await keysLeft()).toEqual(['alpha-new-7d', 'bravo-new-1d'])
    // A second run finds nothing more: every process may prune without harm.
    expect(await pruneIdempotencyKeys(server.db, server.clock.now, 8)).toBe(0)
  })

  it('refuses a retention under two days (the outbox holds changes back a day before it)', async () => {
    await expect(pruneIdempotencyKeys(server.db, server.clock.now, 1)).rejects.toThrow(/at least 2 days/)
    expect(await keysLeft()).toEqual(['alpha-new-7d', 'bravo-new-1d'])
  })

  it('the application role still sees no other person\'s keys', async () => {
    const seen = await server.db.transaction({ practiceId: alpha.practiceId, userId: alpha.coder.id }, (q) => q.query<{ key: string }>('select key from idempotency_keys order by key'))
    expect(seen.map((r) => r.key)).toEqual(['alpha-new-7d'])
    const none = await server.db.transaction({}, (q) => q.query<{ key: string }>('select key from idempotency_keys'))
    expect(none).toEqual([])
  })

  it('the session tells the app the retention', async () => {
    await asOwner(server, (q) => q.query(`update practices set two_factor_roles = '{}'`))
    const client = server.client()
    const answer = await client.signIn(alpha.coder, server)
    expect(answer.status, answer.text).toBe(200)
    expect(answer.body.idempotencyRetentionDays).toBe(8)
  })
})
