import { describe, expect, it } from 'vitest'
import { medicareProfile } from '../domain/index.ts'
import { BACKUP_FORMAT, backupFileName, backupToJson, parseBackup, type BackupFile } from './backup.ts'
import { DATABASE_VERSION } from './idb-store.ts'
import { attemptRecord, practiceCaseRecord } from './training-test-records.ts'
import type { BackupData, RemittanceImportRecord } from './types.ts'

const EXPORTED_AT = '2026-11-26T14:05:00.000Z'

function remittance(): RemittanceImportRecord {
  return {
    id: 'r-1', fileName: 'medicare-2026-11-21.835', importedAt: '2026-11-22T09:00:00.000Z', userId: 'u-1', userName: 'Casey Coder',
    paymentKeys: ['MEDICARE JF PART B|EFT20261121A|2026-11-21'],
    payments: [{ payerName: 'MEDICARE JF PART B', payerId: null, paymentDate: '2026-11-21', checkOrEftNumber: 'EFT20261121A', amount: 48608, claims: 1 }],
    claims: 1, matchedClaims: 1,
    denials: [{
      encounterId: 'e-1', lineIndex: 1, remittanceLineIndex: 1, code: '64494', modifiers: [], units: 1, dateOfService: '2026-10-01', category: 'modifier',
      carcCodes: ['4'], rarcCodes: ['N822'], amount: 60000, full: true, reason: 'CO-4: modifier', adjustments: [{ group: 'CO', carc: '4', amount: 60000, category: 'modifier', reason: 'CO-4' }],
      patientControlNumber: 'e-1', payerClaimNumber: '26320123456781', payerName: 'MEDICARE JF PART B', payerId: null, paymentDate: '2026-11-21',
      checkOrEftNumber: 'EFT20261121A', providerId: 'P1', payerProfile: 'medicare',
    }],
    unmatchedClaims: [], unmatchedLines: [],
  }
}

function sample(): BackupData {
  return {
    drafts: [{ id: 'd-1', createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:05:00.000Z', patientId: 'PT-1', dateOfService: '2026-11-20', values: { patientId: 'PT-1', procedures: [] }, status: 'draft', returnNote: null }],
    encounters: [{
      id: 'e-1', finalizedAt: '2026-10-01T09:00:00.000Z', patientId: 'PT-2', providerId: 'P1', dateOfService: '2026-10-01', payerProfile: 'medicare',
      encounter: { dateOfService: '2026-10-01' } as never, lines: [{ code: '64493', modifiers: ['50'], units: 1 } as never], findings: [],
      counts: { error: 0, warning: 1, info: 0 }, review: 'pending', finalizeReason: null,
    }],
    history: [
      { patientId: 'PT-2', dateOfService: '2026-03-02', code: '64493', modifiers: [], units: 1, providerId: 'P1', importId: 'i-1', key: 'PT-2|2026-03-02|64493||1|P1' },
      { patientId: 'PT-3', dateOfService: '2025-12-15', code: '62323', modifiers: ['RT'], units: 1, importId: 'i-1', key: 'PT-3|2025-12-15|62323|RT|1|' },
    ],
    imports: [{ id: 'i-1', fileName: 'history.csv', importedAt: '2026-11-01T08:00:00.000Z', rows: 2, duplicates: 0 }],
    providers: [{ id: 'P1', name: 'Dr. Lee' }],
    ncci: [
      { id: 'mue:2026Q4', kind: 'mue', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31', loadedAt: '2026-11-02T08:00:00.000Z', fileNames: ['mue.csv'], entryCount: 2,
        table: { kind: 'mue-practitioner', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31', entries: new Map([['64483', { code: '64483', value: 1, mai: 2, rationale: 'x' }], ['20552', { code: '20552', value: 1, mai: 2, rationale: 'y' }]]) } },
      { id: 'ptp:2026Q4', kind: 'ptp', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: null, loadedAt: '2026-11-02T08:00:00.000Z', fileNames: ['a.txt', 'b.txt'], entryCount: 1,
        table: { kind: 'ptp-practitioner', quarter: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: null, edits: new Map([['64493', [{ column1: '64493', column2: '20552', effectiveFrom: '2020-01-01', deletedOn: null, modifierIndicator: 1, rationale: 'z' }]]]) } },
    ],
    payerProfiles: [{ profile: { ...medicareProfile, id: 'our-medicare', name: 'Our Medicare' }, basedOn: 'medicare', createdAt: '2026-11-03T08:00:00.000Z', updatedAt: '2026-11-03T08:00:00.000Z' }],
    users: [{ id: 'u-1', name: 'Casey Coder', role: 'coder', createdAt: '2026-09-01T08:00:00.000Z' }],
    audit: [{ id: 'a-1', at: '2026-10-01T09:00:00.000Z', userId: 'u-1', userName: 'Casey Coder', encounterId: 'e-1', lineIndex: null, action: 'finalize', from: null, to: 'pending', reason: null, note: null }],
    remittances: [remittance()],
    attempts: [attemptRecord({ id: 'at-1', input: { procedures: [{ type: 'trigger-point' }] } })],
    practiceCases: [practiceCaseRecord('pc-1', 'Our first case')],
    icd10: [{ id: '2027', fiscalYear: 2027, release: 'october', effectiveFrom: '2026-10-01', effectiveTo: '2027-09-30', loadedAt: '2026-11-04T08:00:00.000Z', fileName: 'icd10cm_order_2027.txt', codeCount: 2, codes: 'M541\t0\tRadiculopathy\tRadiculopathy\nM5416\t1\tRadiculopathy, lumbar region\tRadiculopathy, lumbar region' }],
    coverageArticles: [{ article: { articleId: 'A56778', version: 3, title: 'Billing and Coding: Epidural Steroid Injections for Pain Management', hcpcsCodes: ['62323'], groups: [{ group: 1, paragraph: 'Group 1 codes', codes: ['M5416'] }] }, loadedAt: '2026-11-04T08:00:00.000Z', fileNames: ['article.csv'] }],
    coverageSettings: [{ id: 'practice', choices: { epidural: ['A56778'] }, settings: { A56778: { 1: { requiresGroup: null, secondaryOnly: false, appliesTo: null } } }, updatedAt: '2026-11-04T08:00:00.000Z' }],
    chargeExports: [{ id: 'cx-1', encounterId: 'e-1', exportedAt: '2026-11-05T08:00:00.000Z', userId: 'u-1', userName: 'Casey Coder', format: 'hl7', fileName: 'charges-2026-11-05.hl7' }],
    ndcList: [{ id: 'ndc-1', hcpcs: 'J1100', ndc11: '12345678901', description: 'dexamethasone 10 mg/mL, 1 mL vial', unit: 'ML', effectiveFrom: '2026-01-01', effectiveTo: null, updatedAt: '2026-11-05T08:00:00.000Z' }],
    chargeSettings: [{ id: 'practice', sendingApplication: 'ICW', sendingFacility: 'Spine Clinic', receivingApplication: 'PMS', receivingFacility: '', columns: [{ header: 'Acct', field: 'patientAccount' }, { header: 'CPT', field: 'code' }], updatedAt: '2026-11-05T08:00:00.000Z' }],
  }
}

type Json = Record<string, unknown> & { data: Record<string, Record<string, unknown>[]>; counts: Record<string, number> }
const fileOf = (data: BackupData = sample()) => JSON.parse(backupToJson(data, EXPORTED_AT)) as Json
const errorsOf = (text: string) => {
  const r = parseBackup(text)
  if (r.ok) throw new Error('expected the backup to be refused')
  return r.errors
}
/** The errors of a valid file after `edit` changed its parsed JSON. */
const errorsAfter = (edit: (file: Json) => void) => {
  const file = fileOf()
  edit(file)
  return errorsOf(JSON.stringify(file))
}
const rec = (file: Json, table: string, i = 0) => file.data[table][i]

describe('backupToJson and parseBackup', () => {
  it('round-trips every table, NCCI Maps included, with the schema version and counts in the file', () => {
    const text = backupToJson(sample(), EXPORTED_AT)
    const file = JSON.parse(text) as BackupFile
    expect(file).toMatchObject({ format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: DATABASE_VERSION, exportedAt: EXPORTED_AT })
    expect(file.counts).toEqual({ drafts: 1, encounters: 1, history: 2, imports: 1, providers: 1, ncci: 2, payerProfiles: 1, users: 1, audit: 1, remittances: 1, attempts: 1, practiceCases: 1, icd10: 1, coverageArticles: 1, coverageSettings: 1, chargeExports: 1, ndcList: 1, chargeSettings: 1 })
    const parsed = parseBackup(text)
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    expect(parsed.backup.data).toEqual(sample())
    const mue = parsed.backup.data.ncci[0]
    expect(mue?.kind === 'mue' && mue.table.entries instanceof Map && [...mue.table.entries.keys()]).toEqual(['64483', '20552'])
  })

  it('writes one record per line, so a line number points at a record', () => {
    const lines = backupToJson(sample(), EXPORTED_AT).split('\n')
    expect(lines.filter((l) => /^\{"(id|profile|patientId)":/.test(l))).toHaveLength(19)
  })

  it('summarizes counts, patients, the span of dates of service and when it was made', () => {
    const parsed = parseBackup(backupToJson(sample(), EXPORTED_AT))
    expect(parsed.ok && parsed.summary).toEqual({
      exportedAt: EXPORTED_AT, schemaVersion: DATABASE_VERSION,
      counts: { drafts: 1, encounters: 1, history: 2, imports: 1, providers: 1, ncci: 2, payerProfiles: 1, users: 1, audit: 1, remittances: 1, attempts: 1, practiceCases: 1, icd10: 1, coverageArticles: 1, coverageSettings: 1, chargeExports: 1, ndcList: 1, chargeSettings: 1 },
      patients: 3, dateRange: { from: '2025-12-15', to: '2026-10-01' },
    })
  })

  it('reads an empty store\'s backup, with no date range', () => {
    const empty: BackupData = { drafts: [], encounters: [], history: [], imports: [], providers: [], ncci: [], payerProfiles: [], users: [], audit: [], remittances: [], attempts: [], practiceCases: [], icd10: [], coverageArticles: [], coverageSettings: [], chargeExports: [], ndcList: [], chargeSettings: [] }
    const parsed = parseBackup(backupToJson(empty, EXPORTED_AT))
    expect(parsed.ok && parsed.summary.dateRange).toBeNull()
    expect(parsed.ok && parsed.backup.data).toEqual(empty)
  })

  it('reads a backup of an older schema version whose records have the current shape', () => {
    const parsed = parseBackup(JSON.stringify({ ...fileOf(), schemaVersion: 3 }))
    expect(parsed.ok && parsed.summary.schemaVersion).toBe(3)
  })

  it('reads a schema-5 backup, made before user profiles, with no users and no audit log', () => {
    const file = fileOf()
    delete (file.data as Record<string, unknown>).users
    delete (file.data as Record<string, unknown>).audit
    delete file.counts.users
    delete file.counts.audit
    const parsed = parseBackup(JSON.stringify({ ...file, schemaVersion: 5 }))
    expect(parsed.ok && parsed.backup.data.users).toEqual([])
    expect(parsed.ok && parsed.backup.data.audit).toEqual([])
    expect(parsed.ok && parsed.summary.counts.history).toBe(2)
    // The same file claiming schema 6 lacks tables that version has.
    expect(errorsOf(JSON.stringify({ ...file, schemaVersion: 6 }))).toEqual(['The backup has no "users" table.', 'The backup has no "audit" table.'])
  })

  it('reads a schema-6 backup, made before remittance imports, with no remittances', () => {
    const file = fileOf()
    delete (file.data as Record<string, unknown>).remittances
    delete file.counts.remittances
    const parsed = parseBackup(JSON.stringify({ ...file, schemaVersion: 6 }))
    expect(parsed.ok && parsed.backup.data.remittances).toEqual([])
    expect(parsed.ok && parsed.summary.counts.remittances).toBe(0)
    expect(parsed.ok && parsed.backup.data.audit).toHaveLength(1)
    expect(errorsOf(JSON.stringify({ ...file, schemaVersion: 7 }))).toEqual(['The backup has no "remittances" table.'])
  })

  it('reads a schema-7 backup, made before training mode, with no practice attempts and no practice cases', () => {
    const file = fileOf()
    for (const t of ['attempts', 'practiceCases']) {
      delete (file.data as Record<string, unknown>)[t]
      delete file.counts[t]
    }
    const parsed = parseBackup(JSON.stringify({ ...file, schemaVersion: 7 }))
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    expect(parsed.backup.data.attempts).toEqual([])
    expect(parsed.backup.data.practiceCases).toEqual([])
    expect(parsed.summary.counts).toMatchObject({ attempts: 0, practiceCases: 0, remittances: 1 })
    expect(parsed.backup.data.remittances).toEqual([remittance()])
    // The same file claiming schema 8 lacks the tables that version has.
    expect(errorsOf(JSON.stringify({ ...file, schemaVersion: 8 }))).toEqual(['The backup has no "attempts" table.', 'The backup has no "practiceCases" table.'])
  })

  it('reads a schema-10 backup, made before the NDC list, with no NDC list entries', () => {
    const file = fileOf()
    delete (file.data as Record<string, unknown>).ndcList
    delete file.counts.ndcList
    const parsed = parseBackup(JSON.stringify({ ...file, schemaVersion: 10 }))
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    expect(parsed.backup.data.ndcList).toEqual([])
    expect(parsed.summary.counts).toMatchObject({ ndcList: 0, chargeExports: 1 })
    expect(errorsOf(JSON.stringify({ ...file, schemaVersion: 11 }))).toEqual(['The backup has no "ndcList" table.'])
  })

  it('reads a schema-11 backup, made before the charge file settings were stored, with none', () => {
    const file = fileOf()
    delete (file.data as Record<string, unknown>).chargeSettings
    delete file.counts.chargeSettings
    const parsed = parseBackup(JSON.stringify({ ...file, schemaVersion: 11 }))
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    expect(parsed.backup.data.chargeSettings).toEqual([])
    expect(parsed.summary.counts).toMatchObject({ chargeSettings: 0, ndcList: 1 })
    expect(errorsOf(JSON.stringify({ ...file, schemaVersion: 12 }))).toEqual(['The backup has no "chargeSettings" table.'])
  })

  it('charge file settings under another id, or with a column of a field the export does not know', () => {
    expect(errorsAfter((f) => {
      const settings = rec(f, 'chargeSettings')
      settings.id = 'desk-2'
      settings.columns = [{ header: 'Fee', field: 'price' }]
    })).toEqual([
      "chargeSettings record 1: id must be 'practice'",
      expect.stringMatching(/^chargeSettings record 1: columns\[0\]\.field must be one of 'encounterId', /),
    ])
  })

  it('an NDC list entry with a short NDC, a unit claims do not take, or an end before its start', () => {
    expect(errorsAfter((f) => { Object.assign(rec(f, 'ndcList'), { ndc11: '1234-5678-90', unit: 'MG' }) })).toEqual([
      'ndcList record 1: ndc11 must be an NDC of 11 digits without hyphens',
      "ndcList record 1: unit must be one of 'UN', 'ML', 'GR', 'F2', 'ME'",
    ])
    expect(errorsAfter((f) => { rec(f, 'ndcList').effectiveTo = '2025-12-31' })).toEqual(['ndcList record 1: effectiveTo must not be before effectiveFrom'])
  })

  it('a practice attempt and a practice case with fields of the wrong kind', () => {
    expect(errorsAfter((f) => {
      Object.assign(rec(f, 'attempts'), { caseSource: 'web', percent: 120, submittedAt: 'later' })
    })).toEqual([
      "attempts record 1: caseSource must be one of 'shipped', 'library'",
      'attempts record 1: submittedAt must be a date and time like 2026-11-26T14:05:00.000Z',
      'attempts record 1: percent must be a whole number from 0 to 100',
    ])
    expect(errorsAfter((f) => { ((rec(f, 'attempts').answerKey as { findings: Record<string, unknown>[] }).findings).push({ ruleId: 'x', severity: 'fatal' }) }))
      .toEqual([expect.stringMatching(/^attempts record 1: answerKey\.findings\[\d+\]\.severity must be one of 'error', 'warning', 'info'$/)])
    expect(errorsAfter((f) => {
      const c = rec(f, 'practiceCases').case as Record<string, unknown>
      Object.assign(c, { level: 'expert', families: ['knee'] })
      delete c.answerKey
    })).toEqual([
      "practiceCases record 1: case.level must be one of 'new', 'intermediate', 'advanced'",
      "practiceCases record 1: case.families[0] must be one of 'trigger-point', 'facet-injection', 'facet-rfa', 'epidural'",
      'practiceCases record 1: case.answerKey is missing',
    ])
    expect(errorsAfter((f) => { rec(f, 'practiceCases').origin = 'downloaded' }))
      .toEqual(["practiceCases record 1: origin must be one of 'authored', 'imported'"])
  })

  it('two practice attempts or two practice cases with the same id', () => {
    expect(errorsAfter((f) => { f.data.attempts.push({ ...rec(f, 'attempts') }); f.counts.attempts = 2 }))
      .toEqual(['attempts record 2: id "at-1" is also the id of record 1'])
    expect(errorsAfter((f) => { f.data.practiceCases.push({ ...rec(f, 'practiceCases') }); f.counts.practiceCases = 2 }))
      .toEqual(['practiceCases record 2: id "pc-1" is also the id of record 1'])
  })

  it('a remittance import whose denials and payments have fields of the wrong kind', () => {
    expect(errorsAfter((f) => {
      const r = rec(f, 'remittances')
      const denial = (r.denials as Record<string, unknown>[])[0]
      Object.assign(denial, { category: 'paperwork', amount: 12.5, lineIndex: -1 })
    })).toEqual([
      'remittances record 1: denials[0].lineIndex must be a whole number, 0 or more, or null',
      "remittances record 1: denials[0].category must be one of 'modifier', 'documentation', 'frequency', 'prior-authorization', 'coverage', 'coding', 'other'",
      'remittances record 1: denials[0].amount must be a whole number of cents',
    ])
    expect(errorsAfter((f) => {
      const r = rec(f, 'remittances')
      Object.assign(r, { paymentKeys: ['k', 7], importedAt: 'today' })
      delete r.fileName
    })).toEqual([
      'remittances record 1: fileName is missing',
      'remittances record 1: importedAt must be a date and time like 2026-11-26T14:05:00.000Z',
      'remittances record 1: paymentKeys[1] must be text',
    ])
    expect(errorsAfter((f) => { ((rec(f, 'remittances').payments as Record<string, unknown>[])[0]).paymentDate = '11/21/2026' }))
      .toEqual(['remittances record 1: payments[0].paymentDate must be a date written YYYY-MM-DD'])
    expect(errorsAfter((f) => { ((rec(f, 'remittances').denials as Record<string, unknown>[])[0]).encounterId = 5 }))
      .toEqual(['remittances record 1: denials[0].encounterId must be text or null'])
  })

  it('a payment held by two remittance imports (the store keeps each payment once)', () => {
    expect(errorsAfter((f) => { f.data.remittances.push({ ...rec(f, 'remittances'), id: 'r-2' }); f.counts.remittances = 2 }))
      .toEqual(['remittances record 2: payment "MEDICARE JF PART B|EFT20261121A|2026-11-21" is also a payment of record 1'])
  })

  it('an audit entry and a user with fields of the wrong kind', () => {
    expect(errorsAfter((f) => { Object.assign(rec(f, 'audit'), { lineIndex: -1, at: 'yesterday' }); Object.assign(rec(f, 'users'), { role: 'admin' }) })).toEqual([
      "users record 1: role must be 'coder', 'supervisor' or 'trainee'",
      'audit record 1: at must be a date and time like 2026-11-26T14:05:00.000Z',
      'audit record 1: lineIndex must be a whole number, 0 or more',
    ])
  })

  it('reads a file with a byte-order mark and keeps fields it does not know', () => {
    const file = fileOf()
    rec(file, 'providers').npi = '1234567890'
    const parsed = parseBackup(`\uFEFF${JSON.stringify(file)}`)
    expect(parsed.ok && parsed.backup.data.providers[0]).toEqual({ id: 'P1', name: 'Dr. Lee', npi: '1234567890' })
  })

  it('names the file by the day it was made', () => {
    expect(backupFileName('2026-11-26')).toBe('injection-coding-worksheet-backup-2026-11-26.json')
  })
})

describe('parseBackup refuses a malformed backup and says why', () => {
  it('an empty file', () => {
    expect(errorsOf('')).toEqual(['The file is empty.'])
    expect(errorsOf('  \n ')).toEqual(['The file is empty.'])
  })

  it('text that is not JSON, with its line and column', () => {
    const text = backupToJson(sample(), EXPORTED_AT).replace('"format": ', '"format" ')
    expect(errorsOf(text)).toEqual([expect.stringMatching(/^The file is not a backup: it is not valid JSON\. Invalid JSON at line 2, column 10: .+\.$/)])
  })

  it('binary data (a zip or an image picked by mistake)', () => {
    expect(errorsOf('PK\u0003\u0004\u0014\u0000\u0008\u0000 junk')).toEqual(['This file holds binary data, not a backup. A backup is a JSON text file named like injection-coding-worksheet-backup-2026-11-26.json.'])
    expect(errorsOf('\uFFFDPNG\r\n\u001a\n')).toHaveLength(1)
  })

  it('JSON that is not an object', () => {
    expect(errorsOf('[1, 2, 3]')).toEqual(['The file is not a backup of this app: it holds no backup format marker.'])
  })

  it('a JSON file without the format marker (an encounter export, say)', () => {
    expect(errorsOf('{"schemaVersion":1,"encounter":{},"history":[]}')).toEqual(['The file is not a backup of this app: it holds no backup format marker.'])
  })

  it('a wrong format marker', () => {
    expect(errorsAfter((f) => { f.format = 'some-other-app-backup' })).toEqual(['The file is not a backup of this app: its format is "some-other-app-backup", not "injection-coding-worksheet-backup".'])
  })

  it('a newer backup format', () => {
    expect(errorsAfter((f) => { f.formatVersion = 2 })).toEqual(['This backup was made by a newer version of the app (backup format 2; this version reads format 1). Update the app, then restore it.'])
  })

  it('a newer data schema', () => {
    expect(errorsAfter((f) => { f.schemaVersion = DATABASE_VERSION + 1 })).toEqual([`This backup was made by a newer version of the app (data schema ${DATABASE_VERSION + 1}; this version has schema ${DATABASE_VERSION}). Update the app, then restore it.`])
  })

  it('a missing format version and a bad export time', () => {
    expect(errorsAfter((f) => { delete f.formatVersion; f.exportedAt = 'yesterday' })).toEqual([
      "The backup's formatVersion is missing.",
      "The backup's exportedAt must be a date and time like 2026-11-26T14:05:00.000Z.",
    ])
  })

  it('missing tables', () => {
    expect(errorsAfter((f) => { delete f.data.history; delete f.data.payerProfiles })).toEqual(['The backup has no "history" table.', 'The backup has no "payerProfiles" table.'])
  })

  it('a table that is not a list', () => {
    expect(errorsAfter((f) => { (f.data as Record<string, unknown>).providers = { P1: 'Dr. Lee' } })).toEqual(['The backup\'s "providers" table must be a list of records.'])
  })

  it('no data at all', () => {
    expect(errorsAfter((f) => { delete (f as Record<string, unknown>).data })).toEqual(['The backup holds no data: its "data" must be an object with one list per table.'])
  })

  it('a history record with a wrong date of service, naming the record and the field', () => {
    expect(errorsAfter((f) => { rec(f, 'history', 1).dateOfService = '12/15/2025' })).toEqual(['history record 2: dateOfService must be a date written YYYY-MM-DD'])
  })

  it('history units and modifiers of the wrong kind', () => {
    expect(errorsAfter((f) => { Object.assign(rec(f, 'history'), { units: 0, modifiers: ['RT', 5] }) })).toEqual([
      'history record 1: modifiers[1] must be text',
      'history record 1: units must be a whole number, 1 or more',
    ])
  })

  it('a record that is not an object', () => {
    expect(errorsAfter((f) => { f.data.imports = ['history.csv' as never] })).toEqual(['imports record 1: the record must be an object'])
  })

  it('missing fields of a draft and a bad status', () => {
    expect(errorsAfter((f) => { const d = rec(f, 'drafts'); delete d.updatedAt; d.status = 'open' })).toEqual([
      'drafts record 1: updatedAt is missing',
      "drafts record 1: status must be 'draft' or 'returned'",
    ])
  })

  it('an encounter without its lines, counts or encounter object', () => {
    expect(errorsAfter((f) => { Object.assign(rec(f, 'encounters'), { lines: 'none', encounter: null, review: 'done' }); delete (rec(f, 'encounters').counts as Record<string, unknown>).info })).toEqual([
      'encounters record 1: encounter must be an object',
      'encounters record 1: lines must be a list',
      'encounters record 1: counts.info is missing',
      'encounters record 1: 1 more problems',
    ])
  })

  it('an NCCI table whose entries are not [key, value] pairs, or whose id does not match', () => {
    expect(errorsAfter((f) => { (rec(f, 'ncci').table as Record<string, unknown>).entries = { '64483': 1 } })).toEqual(['ncci record 1: table.entries must be a list of [key, value] pairs'])
    expect(errorsAfter((f) => { rec(f, 'ncci', 1).kind = 'cci' })).toEqual(["ncci record 2: kind must be 'mue' or 'ptp'"])
    expect(errorsAfter((f) => { rec(f, 'ncci', 1).id = 'ptp:2026Q3' })).toEqual(["ncci record 2: id must be 'ptp:2026Q4' (its kind and quarter)"])
  })

  it('a custom payer profile that fails the profile schema', () => {
    expect(errorsAfter((f) => { (rec(f, 'payerProfiles').profile as Record<string, unknown>).kind = 'medicaid' })).toEqual([
      expect.stringMatching(/^payerProfiles record 1: profile\.kind .+/),
    ])
  })

  it('a custom payer profile using a built-in id', () => {
    expect(errorsAfter((f) => { (rec(f, 'payerProfiles').profile as Record<string, unknown>).id = 'medicare' })).toEqual(["payerProfiles record 1: profile.id 'medicare' is the id of a built-in profile"])
  })

  it('duplicate ids, and duplicate history keys', () => {
    expect(errorsAfter((f) => { f.data.providers.push({ id: 'P1', name: 'Dr. Other' }); f.counts.providers = 2 })).toEqual(['providers record 2: id "P1" is also the id of record 1'])
    expect(errorsAfter((f) => { rec(f, 'history', 1).key = rec(f, 'history').key })).toEqual(['history record 2: key "PT-2|2026-03-02|64493||1|P1" is also the key of record 1'])
  })

  it('counts that do not match the records (a cut or edited file)', () => {
    expect(errorsAfter((f) => { f.data.history.pop() })).toEqual(['The backup says "history" has 2 records, but it holds 1: the file is incomplete or was edited.'])
    expect(errorsAfter((f) => { delete (f as Record<string, unknown>).counts })).toEqual(['The backup\'s "counts" must be an object with the number of records of each table.'])
  })

  it('lists at most 50 problems and counts the rest', () => {
    const errors = errorsAfter((f) => {
      f.data.history = Array.from({ length: 80 }, (_, i) => ({ ...rec(f, 'history'), key: `k${i}`, dateOfService: 'soon' }))
      f.counts.history = 80
    })
    expect(errors).toHaveLength(51)
    expect(errors[50]).toBe('…and 30 more problems.')
  })
})
