// Experiment (not committed): EXPLAIN ANALYZE of the history commit on a throwaway cluster.
import pg from 'pg'
import { readFileSync } from 'node:fs'
import { startCluster } from './pg-cluster.mjs'
import { openPostgres } from '../server/db/postgres.ts'
import { migrate } from '../server/db/database.ts'

const cluster = await startCluster({})
if (!cluster) throw new Error('no pg')
try {
  const db = openPostgres({ url: cluster.url })
  await migrate(db)
  const c = new pg.Client({ connectionString: cluster.url })
  await c.connect()
  const practice = '11111111-1111-1111-1111-111111111111', user = '22222222-2222-2222-2222-222222222222'
  const imp = '33333333-3333-3333-3333-333333333333', old = '44444444-4444-4444-4444-444444444444'
  await c.query(`insert into practices (id, name, created_at) values ($1, 'P', now())`, [practice])
  await c.query(`insert into users (id, email, name, password_hash, created_at, password_changed_at) values ($1, 'a@b', 'A', 'x', now(), now())`, [user])
  for (const id of [imp, old]) await c.query(`insert into history_imports (id, practice_id, file_name, mapping, date_format, head, total_lines, status, imported_by, created_at) values ($1, $2, 'f', '{}', 'YYYY-MM-DD', 'h', 1, 'staging', $3, now())`, [id, practice, user])
  const CODES = [['64483', 'RT'], ['64484', 'RT'], ['J3301', ''], ['77003', '26'], ['62323', '']]
  const lineAt = (i: number, prefix: string) => {
    const patients = 25000, round = Math.floor(i / patients)
    const [code, mod] = CODES[(i + round) % CODES.length]
    const date = new Date(Date.UTC(2026, 0, 1) - (round % 40) * 9 * 864e5 - Math.floor(round / 40) * 864e5).toISOString().slice(0, 10)
    const p = `${prefix}-${i % patients}`, prov = `NPI${1000 + (i % 13)}`
    return { p, date, code, mod, units: 1, prov, key: `${p}|${date}|${code}|${mod}|1|${prov}` }
  }
  // 100,000 lines already stored (another import), keys of other patients.
  const N = Number(process.env.N ?? 1_000_000), PART = 25_000
  for (let s = 0; s < 100_000; s += PART) {
    const ls = Array.from({ length: PART }, (_, k) => lineAt(s + k, 'PT-PULL'))
    await c.query(`insert into history_lines (practice_id, import_id, n, patient_id, date_of_service, code, modifiers, units, provider_id, key)
      select $1, $2, $3::int + o, p, d, c, string_to_array(m, ' '), u, v, k from unnest($4::text[], $5::date[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[]) with ordinality as t(p, d, c, m, u, v, k, o)`,
    [practice, old, s, ls.map((l) => l.p), ls.map((l) => l.date), ls.map((l) => l.code), ls.map((l) => l.mod), ls.map((l) => l.units), ls.map((l) => l.prov), ls.map((l) => l.key)])
  }
  for (let s = 0; s < N; s += PART) {
    const ls = Array.from({ length: PART }, (_, k) => lineAt(s + k, 'PT-HIST'))
    await c.query(`insert into history_parts (practice_id, import_id, first_row, last_row, line_count, patient_ids, dates, codes, modifiers, units, providers, keys) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [practice, imp, s + 2, s + PART + 1, PART, ls.map((l) => l.p), ls.map((l) => l.date), ls.map((l) => l.code), ls.map((l) => l.mod), ls.map((l) => l.units), ls.map((l) => l.prov), ls.map((l) => l.key)])
  }
  await c.query('checkpoint'); await c.query('vacuum analyze')
  const sqls = readFileSync(process.env.SQL ?? '/tmp/h2/commit.sql', 'utf8').split('\n====\n')
  for (const sql of sqls) {
    for (let rep = 0; rep < Number(process.env.REPS ?? 1); rep++) {
      await c.query('begin')
      await c.query(`select set_config('role', 'icw_app', true), set_config('app.practice_id', $1, true), set_config('app.user_id', $2, true), set_config('work_mem', '256MB', true), set_config('enable_nestloop', $3, true)`, [practice, user, process.env.NL ?? 'on'])
      const t = performance.now()
      const explain = process.env.EXPLAIN === '1'
      const r = await c.query({ text: (explain ? 'explain (analyze, buffers, timing off) ' : '') + sql.replaceAll('$1', `'${practice}'`).replaceAll('$2', `'${imp}'`) })
      const ms = performance.now() - t
      console.log(`--- variant (${ms.toFixed(0)} ms)\n${explain ? r.rows.map((x) => x['QUERY PLAN']).join('\n') : JSON.stringify(r.rows.slice(0, 3))}`)
      await c.query('rollback')
    }
  }
  await c.end(); await db.close()
} finally { await cluster.stop() }
