import type { z } from 'zod/mini'
import type * as s from '../../src/group-api/schemas.ts'
import { json, type Reply } from '../http/errors.ts'
import { recordAuditPerPatient } from './audit.ts'
import { chargeExportsById } from './charge-exports.ts'
import { memberOf, type Ctx } from './context.ts'
import { importsById } from './history.ts'
import { ENCOUNTER_SQL, attemptOut, encountersOut, type AttemptRow, type EncounterRow } from './practice-data.ts'
import { mayReadKind } from '../../src/group-api/record-kinds.ts'
import { recordsForFeed } from './records.ts'
import { remittancesById } from './remittances.ts'

interface ChangeRow { seq: number; entity: s.SyncEntity; entity_id: string; op: 'upsert' | 'delete'; owner_id: string | null }

/** The practice's latest change number (0 before its first change). */
export async function headOf(ctx: Pick<Ctx, 'q'>, practiceId: string): Promise<number> {
  return (await ctx.q.query<{ seq: number }>('select seq from change_heads where practice_id = $1', [practiceId]))[0]?.seq ?? 0
}

/**
 * A page of the practice's change feed after the cursor, with each row's state now. The page
 * is cut by number of changes examined; those the role may not read still move the cursor, so a
 * trainee's replica never waits on changes it will never see. Every patient whose encounters the
 * page shows gets an entry in the access log.
 */
export async function pullChanges(ctx: Ctx, query: z.infer<typeof s.changesQuery>): Promise<Reply> {
  const { practice, user, role } = memberOf(ctx)
  const examined = await ctx.q.query<ChangeRow>(
    `select seq, entity, entity_id, op, owner_id from changes where practice_id = $1 and seq > $2 order by seq limit $3`,
    [practice.id, query.after, query.limit])
  // Read after the page: every change up to it is committed and visible to this statement.
  const head = await headOf(ctx, practice.id)
  const everything = role === 'admin' || role === 'supervisor'
  // Shared records: by the kind's readers (its kind from the row, or from its deletion); drafts: their owner only.
  const records = await recordsForFeed(ctx, [...new Set(examined
    .filter((c) => c.entity === 'record' && (c.owner_id === null || c.owner_id === user.id)).map((c) => c.entity_id))])
  const recordReadable = (c: ChangeRow) => {
    if (c.owner_id !== null && c.owner_id !== user.id) return false
    const kind = records.rows.get(c.entity_id)?.kind ?? records.deletedKinds.get(c.entity_id)
    return kind !== undefined && mayReadKind(kind, role)
  }
  // Encounters, history imports, remittances and charge exports are the practice's patient data: every role but trainees.
  const readable = examined.filter((c) => c.entity === 'record' ? recordReadable(c)
    : c.entity === 'encounter' || c.entity === 'history-import' || c.entity === 'remittance' || c.entity === 'charge-export'
      ? role !== 'trainee'
      : everything || c.owner_id === user.id)

  const upserted = (entity: s.SyncEntity) => [...new Set(readable.filter((c) => c.entity === entity && c.op === 'upsert').map((c) => c.entity_id))]
  const encounterIds = upserted('encounter')
  const attemptIds = upserted('training-attempt')
  const encounters = new Map((await encountersOut(ctx, encounterIds.length === 0 ? [] : await ctx.q.query<EncounterRow>(
    `${ENCOUNTER_SQL} and e.id = any($2::uuid[])`, [practice.id, encounterIds]))).map((e) => [e.id, e]))
  const attempts = new Map((attemptIds.length === 0 ? [] : await ctx.q.query<AttemptRow>(
    'select id, user_id, case_id, score_percent, submitted_at, lines from training_attempts where practice_id = $1 and id = any($2::uuid[])',
    [practice.id, attemptIds])).map((r) => [r.id, attemptOut(r)]))

  const imports = await importsById(ctx, upserted('history-import'))
  const remittances = await remittancesById(ctx, upserted('remittance'))
  const chargeExports = await chargeExportsById(ctx, upserted('charge-export'))

  const changes: s.Change[] = readable.map((c) => {
    const encounter = c.entity === 'encounter' && c.op === 'upsert' ? encounters.get(c.entity_id) : undefined
    const attempt = c.entity === 'training-attempt' && c.op === 'upsert' ? attempts.get(c.entity_id) : undefined
    const historyImport = c.entity === 'history-import' && c.op === 'upsert' ? imports.get(c.entity_id) : undefined
    const record = c.entity === 'record' && c.op === 'upsert' ? records.rows.get(c.entity_id) : undefined
    const remittance = c.entity === 'remittance' && c.op === 'upsert' ? remittances.get(c.entity_id) : undefined
    const chargeExport = c.entity === 'charge-export' && c.op === 'upsert' ? chargeExports.get(c.entity_id) : undefined
    // A row gone since its change (a deleted record or remittance) arrives as a deletion.
    if (!encounter && !attempt && !historyImport && !record && !remittance && !chargeExport) return { seq: c.seq, entity: c.entity, id: c.entity_id, op: 'delete' }
    return {
      seq: c.seq, entity: c.entity, id: c.entity_id, op: 'upsert',
      ...(encounter ? { encounter } : {}), ...(attempt ? { attempt } : {}), ...(historyImport ? { historyImport } : {}), ...(record ? { record } : {}),
      ...(remittance ? { remittance } : {}), ...(chargeExport ? { chargeExport } : {}),
    }
  })

  const patients = new Map<string, { encounters: number }>()
  for (const e of encounters.values()) patients.set(e.patientId, { encounters: (patients.get(e.patientId)?.encounters ?? 0) + 1 })
  await recordAuditPerPatient(ctx, { practiceId: practice.id, userId: user.id, userName: user.name, action: 'encounters-synced' }, patients)

  const cursor = examined.at(-1)?.seq ?? Math.min(query.after, head)
  const answer: s.ChangeList = { changes, cursor, more: cursor < head, head }
  return json(answer)
}

/** The event stream's start: the session was checked like any request's; the stream opens after. */
export async function openEvents(ctx: Ctx): Promise<Reply> {
  const { practice } = memberOf(ctx)
  return { kind: 'events', practiceId: practice.id, head: await headOf(ctx, practice.id) }
}
