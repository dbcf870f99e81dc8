import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/group-api/schemas.ts'
import { APP_ROLE, type Queryable, type Scope } from '../db/database.ts'
import { verifyChains } from '../services/audit.ts'
import { createTestServer, TEST_STORE, type SeededUser, type TestServer } from '../testing/harness.ts'
import { historyCsv, ISO_FORMAT, ISO_MAPPING } from '../testing/history.ts'
import { backupText, stageMoveIn, workstationData } from '../testing/move-in.ts'
import { draftValue, providerValue } from '../testing/records.ts'
import { remittanceText, remittanceUpload } from '../testing/remittances.ts'
import { asOwner, closeServer, finalizeBodyFor, practiceFingerprint, practiceTables } from '../testing/security.ts'

/**
 * Row-level security, checked in SQL as the server's own role (icw_app, through
 * server.db.transaction), not through the HTTP routes: even a query the services never send
 * cannot read or change another practice's rows. The owner's view (asOwner) checks
 * that the data stayed intact.
 */

const ROLES: readonly Role[] = ['admin', 'supervisor', 'coder', 'trainee']

interface PracticeEnv { id: string; users: Record<Role, SeededUser>; encounterId: string }

let server: TestServer
let A: PracticeEnv
let B: PracticeEnv
let tables: string[]
/** The scope the server sets for a request of practice B's admin. */
let scopeB: Scope

const idColumn = (table: string) => (table === 'practices' ? 'id' : 'practice_id')

/** Runs one statement as icw_app in its own transaction: its rows, or the database's error. */
async function asApp(scope: Scope, sql: string, params: unknown[] = []): Promise<{ rows: Record<string, unknown>[] } | { error: string }> {
  try {
    return { rows: await server.db.transaction(scope, (q) => q.query(sql, params)) }
  } catch (err) {
    return { error: (err as Error).message }
  }
}

class Rollback extends Error {}
/** Runs statements as icw_app and rolls them back: what they would have touched. */
async function asAppRolledBack<T>(scope: Scope, run: (q: Queryable) => Promise<T>): Promise<T> {
  let result: T | undefined
  try {
    await server.db.transaction(scope, async (q) => {
      result = await run(q)
      throw new Rollback()
    })
  } catch (err) {
    if (!(err instanceof Rollback)) throw err
  }
  return result as T
}

const rowsOf = (answer: { rows: Record<string, unknown>[] } | { error: string }) => {
  if ('error' in answer) throw new Error(`expected rows, got the error: ${answer.error}`)
  return answer.rows
}

async function hasPrivilege(table: string, privilege: 'UPDATE' | 'DELETE' | 'INSERT'): Promise<boolean> {
  const rows = await asOwner(server, (q) => q.query<{ ok: boolean }>('select has_table_privilege($1, $2, $3) as ok', [APP_ROLE, `public.${table}`, privilege]))
  return rows[0].ok
}

async function seed(name: string, word: string): Promise<PracticeEnv> {
  const { practiceId, users } = await server.seedPractice(name, ROLES.map((role) => ({
    email: `${word}-${role}@${word}.test`, role, twoFactor: role === 'admin' || role === 'supervisor',
  })))
  const byRole = Object.fromEntries(ROLES.map((role) => [role, users[`${word}-${role}@${word}.test`]])) as Record<Role, SeededUser>
  const signIn = async (role: Role) => {
    const client = server.client()
    expect((await client.signIn(byRole[role], server)).status).toBe(200)
    return client
  }
  // Rows in every practice table, written the way the app writes them.
  const coder = await signIn('coder')
  const encounter = await coder.post('/api/encounters', finalizeBodyFor(`PT-${word.toUpperCase()}-1`))
  expect(encounter.status, encounter.text).toBe(200)
  const supervisor = await signIn('supervisor')
  expect((await supervisor.post(`/api/encounters/${encounter.body.id}/decisions`, { action: 'approve' })).status).toBe(200)
  // The approved encounter handed to the billing system (the practice's charge-export log).
  expect((await coder.post('/api/charge-exports', { encounterIds: [encounter.body.id], format: 'hl7', fileName: `${word}.hl7` })).status).toBe(200)
  const trainee = await signIn('trainee')
  expect((await trainee.post('/api/training/attempts', { caseId: 'tpi-1', scorePercent: 90, lines: [] })).status).toBe(200)
  const admin = await signIn('admin')
  expect((await admin.post('/api/admin/invites', { email: `new-${word}@${word}.test`, role: 'coder' })).status).toBe(200)
  // A write sent with an Idempotency-Key keeps its answer under the admin's key.
  const keyed = await admin.call('POST', '/api/training/attempts', { caseId: 'tpi-2', scorePercent: 70, lines: [] }, { 'idempotency-key': `seed-${word}-0001` })
  expect(keyed.status, keyed.text).toBe(200)
  // Imported history: one import committed (its lines), one still staging (its staged part).
  const head = historyCsv([{ patient: `PT-${word.toUpperCase()}-H1`, date: '2026-02-09' }])
  const committed = await coder.post('/api/history/imports', { fileName: `${word}.csv`, mapping: ISO_MAPPING, dateFormat: ISO_FORMAT, head, lines: 2 })
  expect(committed.status, committed.text).toBe(200)
  expect((await coder.post(`/api/history/imports/${committed.body.id}/commit`)).status).toBe(200)
  const staging = await coder.post('/api/history/imports', { fileName: `${word}-more.csv`, mapping: ISO_MAPPING, dateFormat: ISO_FORMAT, head, lines: 3 })
  expect(staging.status, staging.text).toBe(200)
  // Shared records (one kept, one deleted: its deletion is kept too) and a coder's private draft.
  for (const key of [`provider-${word}-1`, `provider-${word}-2`]) {
    expect((await admin.post(`/api/records/provider/${key}`, { value: providerValue(key), expectedVersion: null })).status).toBe(200)
  }
  expect((await admin.call('DELETE', `/api/records/provider/provider-${word}-2`, { expectedVersion: 1 })).status).toBe(200)
  expect((await coder.post(`/api/records/draft/draft-${word}`, { value: draftValue(`draft-${word}`, `PT-${word.toUpperCase()}-D1`), expectedVersion: null })).status).toBe(200)
  // An imported 835 file (and the payment it holds).
  expect((await coder.post('/api/remittances', remittanceUpload(remittanceText({ check: `EFT-${word}` }), `${word}.835`))).status).toBe(200)
  // A workstation's data moved in (committed), and another move-in still staging (its parts).
  const moved = await stageMoveIn(admin, backupText(workstationData(word.toUpperCase())))
  expect((await admin.post(`/api/admin/move-ins/${moved}/commit`)).status).toBe(200)
  await stageMoveIn(admin, backupText(workstationData(`${word.toUpperCase()}2`)))
  return { id: practiceId, users: byRole, encounterId: encounter.body.id as string }
}

beforeAll(async () => {
  server = await createTestServer()
  A = await seed('Alpha Pain Clinic', 'alpha')
  B = await seed('Bravo Spine Center', 'bravo')
  scopeB = { practiceId: B.id, userId: B.users.admin.id }
  tables = await asOwner(server, (q) => practiceTables(q))
})
afterAll(async () => { await closeServer(server) })

describe('the catalog', () => {
  it('every table with a practice_id column (and practices) has row security enabled and forced, with a policy', async () => {
    const rows = await asOwner(server, (q) => q.query<{ name: string; rls: boolean; forced: boolean; policies: number }>(`
      select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
        (select count(*) from pg_policy p where p.polrelid = c.oid)::int as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and (c.relname = 'practices' or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'practice_id' and not a.attisdropped))
      order by 1`))
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['practices', 'memberships', 'sessions', 'invites', 'audit_log', 'encounters', 'review_decisions', 'training_attempts']))
    expect(rows.filter((r) => !r.rls || !r.forced || Number(r.policies) < 1)).toEqual([])
  })

  it('icw_app is no superuser, does not bypass row security, and owns nothing', async () => {
    const rows = await server.db.transaction(scopeB, (q) => q.query<{ who: string; su: boolean; bypass: boolean }>(
      'select current_user as who, r.rolsuper as su, r.rolbypassrls as bypass from pg_roles r where r.rolname = current_user'))
    expect(rows).toEqual([{ who: APP_ROLE, su: false, bypass: false }])
    const owned = await asOwner(server, (q) => q.query<{ n: number }>(`select
        (select count(*) from pg_class where relowner = r.oid) + (select count(*) from pg_proc where proowner = r.oid)
        + (select count(*) from pg_namespace where nspowner = r.oid) as n
      from pg_roles r where r.rolname = $1`, [APP_ROLE]))
    expect(Number(owned[0].n)).toBe(0)
  })

  it.runIf(TEST_STORE === 'postgres')('on PostgreSQL the server logs in as icw_server: no superuser, no bypass, owns nothing', async () => {
    const rows = await server.db.transaction(scopeB, (q) => q.query<{ who: string; su: boolean; bypass: boolean; owned: number }>(`
      select session_user as who, r.rolsuper as su, r.rolbypassrls as bypass,
        ((select count(*) from pg_class where relowner = r.oid) + (select count(*) from pg_proc where proowner = r.oid))::int as owned
      from pg_roles r where r.rolname = session_user`))
    expect(rows).toEqual([{ who: 'icw_server', su: false, bypass: false, owned: 0 }])
  })

  it.runIf(TEST_STORE === 'postgres')('on PostgreSQL, leaving icw_app (RESET ROLE) still shows no other practice, and the owner role is out of reach', async () => {
    const seen = await server.db.transaction(scopeB, async (q) => {
      await q.query('reset role')
      return q.query<{ who: string; n: number }>('select current_user as who, (select count(*) from encounters where practice_id = $1)::int as n', [A.id])
    })
    expect(seen).toEqual([{ who: 'icw_server', n: 0 }])
    const owner = await asOwner(server, (q) => q.query<{ who: string }>('select current_user as who'))
    const escalate = await asApp(scopeB, `set role "${owner[0].who}"`)
    expect(escalate).toMatchObject({ error: expect.stringMatching(/permission denied/) })
  })
})

describe('another practice\'s rows, as icw_app in practice B\'s scope', () => {
  it('are invisible to SELECT, while practice B\'s own rows show', async () => {
    const counts: Record<string, { a: number; b: number; all: number }> = {}
    for (const t of tables) {
      const [row] = rowsOf(await asApp(scopeB, `select count(*) filter (where ${idColumn(t)} = $1)::int as a, count(*) filter (where ${idColumn(t)} = $2)::int as b,
        count(*)::int as all from "${t}"`, [A.id, B.id]))
      counts[t] = { a: Number(row.a), b: Number(row.b), all: Number(row.all) }
    }
    for (const [t, c] of Object.entries(counts)) {
      expect(c.a, `${t}: practice A's rows visible`).toBe(0)
      expect(c.b, `${t}: practice B sees none of its own rows (the test would prove nothing)`).toBeGreaterThan(0)
      expect(c.all, `${t}: rows of no practice or another`).toBe(c.b)
    }
  })

  it('are untouched by UPDATE (0 rows, or no UPDATE privilege at all), and intact as the owner sees them', async () => {
    const before = await practiceFingerprint(server, A.id)
    for (const t of tables) {
      const col = idColumn(t)
      const statements = [
        `update "${t}" set ${col} = ${col} where ${col} = $1 returning 1`,
        t === 'practices' ? `update practices set name = 'Taken over' where id = $1 returning 1` : `update "${t}" set practice_id = '${B.id}' where practice_id = $1 returning 1`,
        `update "${t}" set ${col} = ${col} returning ${col}::text as owner`,
      ]
      const may = await hasPrivilege(t, 'UPDATE')
      for (const sql of statements) {
        const answer = await asApp(scopeB, sql, sql.includes('$1') ? [A.id] : [])
        if (!may) expect(answer, `${t}: ${sql}`).toMatchObject({ error: expect.stringMatching(/permission denied/) })
        // A policy's WITH CHECK may refuse the whole statement (sessions: only one's own): nothing changes either way.
        else if ('error' in answer) expect(answer.error, `${t}: ${sql}`).toMatch(/row-level security/)
        else expect(answer.rows.filter((r) => r.owner === undefined || r.owner === A.id), `${t}: ${sql}`).toEqual([])
      }
      if (may) {
        // The privilege is real: the same statement on practice B's own rows does update them.
        const mine = t === 'sessions' ? ' and user_id = $2' : ''
        const own = await asAppRolledBack(scopeB, (q) => q.query(`update "${t}" set ${col} = ${col} where ${col} = $1${mine} returning 1`, mine ? [B.id, B.users.admin.id] : [B.id]))
        expect(own.length, `${t}: practice B cannot update its own rows`).toBeGreaterThan(0)
      }
    }
    expect(await practiceFingerprint(server, A.id)).toEqual(before)
  })

  it('are untouched by DELETE (0 rows, or no DELETE privilege at all), and intact as the owner sees them', async () => {
    const before = await practiceFingerprint(server, A.id)
    for (const t of tables) {
      const answer = await asApp(scopeB, `delete from "${t}" where ${idColumn(t)} = $1 returning 1`, [A.id])
      if (await hasPrivilege(t, 'DELETE')) expect(rowsOf(answer), t).toEqual([])
      else expect(answer, t).toMatchObject({ error: expect.stringMatching(/permission denied/) })
    }
    for (const t of ['sessions', 'invites', 'memberships']) {
      const own = await asAppRolledBack(scopeB, (q) => q.query(`delete from "${t}" where practice_id = $1 returning 1`, [B.id]))
      expect(own.length, `${t}: practice B cannot delete its own rows (the test would prove nothing)`).toBeGreaterThan(0)
    }
    expect(await practiceFingerprint(server, A.id)).toEqual(before)
  })

  it('refuse an INSERT that names practice A, in every practice table', async () => {
    const now = server.clock.now
    const a = A.id
    const me = B.users.admin.id
    const INSERTS: Record<string, [string, unknown[]]> = {
      practices: ['insert into practices (id, name, created_at) values ($1, $2, $3)', [a, 'Alpha again', now]],
      memberships: ['insert into memberships (practice_id, user_id, role, created_at) values ($1, $2, \'admin\', $3)', [a, me, now]],
      sessions: [`insert into sessions (id, token_hash, user_id, practice_id, state, created_at, last_seen_at, expires_at)
        values ($1, $2, $3, $4, 'active', $5, $5, $6)`, [crypto.randomUUID(), `forged-${crypto.randomUUID()}`, me, a, now, new Date(now.getTime() + 3600_000)]],
      invites: [`insert into invites (id, practice_id, email, role, token_hash, created_by, created_at, expires_at)
        values ($1, $2, 'mole@bravo.test', 'admin', $3, $4, $5, $6)`, [crypto.randomUUID(), a, `forged-${crypto.randomUUID()}`, me, now, new Date(now.getTime() + 86_400_000)]],
      audit_log: [`insert into audit_log (seq, practice_id, at, user_id, action, prev_hash, hash) values (0, $1, $2, $3, 'forged', '', '')`, [a, now, me]],
      encounters: [`insert into encounters (id, practice_id, patient_id, date_of_service, encounter, lines, findings, review, finalized_by, finalized_at)
        values ($1, $2, 'PT-X', '2026-10-14', '{}', '[]', '[]', 'not-needed', $3, $4)`, [crypto.randomUUID(), a, me, now]],
      review_decisions: [`insert into review_decisions (id, practice_id, encounter_id, action, decided_by, decided_at)
        values ($1, $2, $3, 'approve', $4, $5)`, [crypto.randomUUID(), a, A.encounterId, me, now]],
      change_heads: ['insert into change_heads (practice_id, seq) values ($1, 999)', [a]],
      changes: [`insert into changes (practice_id, seq, entity, entity_id, op) values ($1, 999, 'encounter', $2, 'upsert')`, [a, A.encounterId]],
      idempotency_keys: [`insert into idempotency_keys (practice_id, user_id, key, route, request_hash, created_at) values ($1, $2, 'forged-key', 'finalize', 'x', $3)`, [a, me, now]],
      training_attempts: [`insert into training_attempts (id, practice_id, user_id, case_id, score_percent, lines, submitted_at)
        values ($1, $2, $3, 'x', 100, '[]', $4)`, [crypto.randomUUID(), a, me, now]],
      history_imports: [`insert into history_imports (id, practice_id, file_name, mapping, date_format, head, total_lines, status, imported_by, created_at)
        values ($1, $2, 'forged.csv', '{}', 'YYYY-MM-DD', 'x', 1, 'staging', $3, $4)`, [crypto.randomUUID(), a, me, now]],
      history_parts: [`insert into history_parts (practice_id, import_id, first_row, last_row, patient_ids, dates, codes, modifiers, units, providers, keys)
        values ($1, $2, 99, 99, '{}', '{}', '{}', '{}', '{}', '{}', '{}')`, [a, crypto.randomUUID()]],
      practice_records: [`insert into practice_records (id, practice_id, kind, key, version, body, updated_by, updated_at)
        values ($1, $2, 'provider', 'forged', 1, '{}', $3, $4)`, [crypto.randomUUID(), a, me, now]],
      practice_record_deletions: [`insert into practice_record_deletions (id, practice_id, kind, deleted_by, deleted_at)
        values ($1, $2, 'provider', $3, $4)`, [crypto.randomUUID(), a, me, now]],
      move_ins: [`insert into move_ins (id, practice_id, file_name, size_bytes, fingerprint, status, started_by, created_at)
        values ($1, $2, 'forged.json', 1, $3, 'staging', $4, $5)`, [crypto.randomUUID(), a, 'f'.repeat(64), me, now]],
      move_in_parts: ['insert into move_in_parts (practice_id, move_in_id, part_index, body) values ($1, $2, 99, $3)', [a, crypto.randomUUID(), 'x']],
      history_lines: [`insert into history_lines (practice_id, import_id, n, patient_id, date_of_service, code, modifiers, units, key)
        values ($1, $2, 999, 'PT-X', '2026-01-01', '64483', '{}', 1, 'forged')`, [a, crypto.randomUUID()]],
      remittances: [`insert into remittances (id, practice_id, file_name, control_number, imported_by, imported_at, record)
        values ($1, $2, 'forged.835', 'patient-id', $3, $4, '{}')`, [crypto.randomUUID(), a, me, now]],
      remittance_payments: [`insert into remittance_payments (practice_id, payment_key, remittance_id) values ($1, 'forged|1|2026-01-01', $2)`, [a, crypto.randomUUID()]],
      charge_exports: [`insert into charge_exports (id, practice_id, encounter_id, format, file_name, status, exported_by, exported_at)
        values ($1, $2, $3, 'hl7', 'forged.hl7', 'approved', $4, $5)`, [crypto.randomUUID(), a, A.encounterId, me, now]],
    }
    expect(tables.filter((t) => !INSERTS[t]), 'practice tables without an INSERT case here').toEqual([])
    const before = await practiceFingerprint(server, A.id)
    const accepted: string[] = []
    for (const t of tables) {
      const [sql, params] = INSERTS[t]
      try {
        // Rolled back even when it is taken, so a failure here leaves no forged row behind.
        await asAppRolledBack(scopeB, (q) => q.query(sql, params))
        accepted.push(t)
      } catch (err) {
        expect((err as Error).message, t).toMatch(/row-level security|permission denied/)
      }
    }
    expect(accepted, 'tables that took a row naming practice A from practice B\'s scope').toEqual([])
    expect(await practiceFingerprint(server, A.id)).toEqual(before)
  })

  it('a member of practice B cannot move their own membership into practice A', async () => {
    const answer = await asApp(scopeB, 'update memberships set practice_id = $1 where user_id = $2 returning 1', [A.id, B.users.admin.id])
    expect(answer).toMatchObject({ error: expect.stringMatching(/row-level security/) })
  })
})

describe('a draft is its owner\'s alone, as icw_app in its own practice', () => {
  const draftsOf = (scope: Scope) => asApp(scope, `select key, owner_id::text as owner from practice_records where kind = 'draft'`)

  it('the practice\'s admin sees no other person\'s draft, and its owner sees theirs', async () => {
    expect(rowsOf(await draftsOf({ practiceId: A.id, userId: A.users.admin.id }))).toEqual([])
    expect(rowsOf(await draftsOf({ practiceId: A.id, userId: A.users.supervisor.id }))).toEqual([])
    expect(rowsOf(await draftsOf({ practiceId: A.id, userId: A.users.coder.id }))).toEqual([{ key: 'draft-alpha', owner: A.users.coder.id }])
  })

  it('the admin can neither change, delete nor write a draft in another person\'s name', async () => {
    const before = await practiceFingerprint(server, A.id)
    const admin: Scope = { practiceId: A.id, userId: A.users.admin.id }
    expect(rowsOf(await asApp(admin, `update practice_records set body = '{}' where kind = 'draft' returning 1`))).toEqual([])
    expect(rowsOf(await asApp(admin, `delete from practice_records where kind = 'draft' returning 1`))).toEqual([])
    const forged = await asApp(admin, `insert into practice_records (id, practice_id, kind, key, owner_id, version, body, updated_by, updated_at)
      values ($1, $2, 'draft', 'forged', $3, 1, '{}', $4, now())`, [crypto.randomUUID(), A.id, A.users.coder.id, A.users.admin.id])
    expect(forged).toMatchObject({ error: expect.stringMatching(/row-level security/) })
    expect(await practiceFingerprint(server, A.id)).toEqual(before)
  })
})

describe('with no practice set', () => {
  it('nothing is visible in any practice table', async () => {
    for (const scope of [{}, { practiceId: '', userId: '' }] as Scope[]) {
      for (const t of tables) {
        const [row] = rowsOf(await asApp(scope, `select count(*)::int as n from "${t}"`))
        expect(Number(row.n), t).toBe(0)
      }
    }
    // ... while the owner sees the rows, so the zeros mean something.
    const owner = await asOwner(server, (q) => q.query<{ n: number }>('select count(*)::int as n from encounters'))
    expect(Number(owner[0].n)).toBeGreaterThan(0)
  })
})

describe('the access logs are append-only', () => {
  const LOGS = ['audit_log', 'auth_events']

  it('icw_app may not UPDATE, DELETE or TRUNCATE them (permission error)', async () => {
    for (const t of LOGS) {
      const scope = t === 'audit_log' ? scopeB : {}
      for (const sql of [`update ${t} set ip = 'x'`, `delete from ${t}`, `truncate ${t}`]) {
        expect(await asApp(scope, sql), `${t}: ${sql}`).toMatchObject({ error: expect.stringMatching(/permission denied/) })
      }
    }
  })

  it('the append-only trigger refuses UPDATE and DELETE even for the owner', async () => {
    for (const t of LOGS) {
      for (const sql of [`update ${t} set ip = 'tampered' where seq = (select min(seq) from ${t})`, `delete from ${t} where seq = (select max(seq) from ${t})`]) {
        let error = ''
        try { await asOwner(server, (q) => q.query(sql)) } catch (err) { error = (err as Error).message }
        expect(error, `${t}: ${sql}`).toMatch(/append-only/)
      }
    }
    const chains = await asOwner(server, (q) => verifyChains(q))
    expect(chains.entries).toBeGreaterThan(0)
    expect(chains.breaks).toEqual([])
  })

  it('not even the owner can TRUNCATE them (an emptied log would still verify)', async () => {
    const survived: string[] = []
    for (const t of LOGS) {
      await asOwner(server, async (q) => {
        await q.query('begin')
        try {
          await q.query(`truncate ${t}`)
          survived.push(t)
        } catch {
          // refused: what the rule asks
        } finally {
          await q.query('rollback')
        }
      })
    }
    expect(survived, 'logs the owner could empty with TRUNCATE').toEqual([])
    expect((await asOwner(server, (q) => verifyChains(q))).breaks).toEqual([])
  })
})
