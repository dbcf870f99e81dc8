/**
 * Test support: the object stores and indexes each older schema version of the app created, made
 * with the raw IndexedDB API, so the upgrade tests can open a database exactly as an older
 * version left it. Frozen history: never change a version that shipped, add the next one.
 */
export type OldSchemaVersion = 5 | 6 | 7 | 8 | 9 | 10 | 11

export function createOldStores(db: IDBDatabase, version: OldSchemaVersion): void {
  const drafts = db.createObjectStore('drafts', { keyPath: 'id' })
  for (const index of ['updatedAt', 'patientId', 'status']) drafts.createIndex(index, index)
  const encounters = db.createObjectStore('encounters', { keyPath: 'id' })
  for (const index of ['patientId', 'finalizedAt', 'dateOfService', 'review']) encounters.createIndex(index, index)
  db.createObjectStore('providers', { keyPath: 'id' }).createIndex('name', 'name')
  db.createObjectStore('imports', { keyPath: 'id' }).createIndex('importedAt', 'importedAt')
  db.createObjectStore('ncci', { keyPath: 'id' })
  db.createObjectStore('payerProfiles', { keyPath: 'profile.id' })
  db.createObjectStore('ncciInfo', { keyPath: 'id' })
  db.createObjectStore('ledger', { keyPath: 'bucket' }).createIndex('patientIds', 'patientIds', { multiEntry: true })
  if (version < 6) return
  // Version 6: user profiles and the audit log.
  db.createObjectStore('users', { keyPath: 'id' }).createIndex('name', 'name')
  const audit = db.createObjectStore('audit', { keyPath: 'id' })
  audit.createIndex('encounterId', 'encounterId')
  audit.createIndex('at', 'at')
  if (version < 7) return
  // Version 7: imported 835 remittances.
  const remittances = db.createObjectStore('remittances', { keyPath: 'id' })
  remittances.createIndex('importedAt', 'importedAt')
  remittances.createIndex('paymentKeys', 'paymentKeys', { unique: true, multiEntry: true })
  if (version < 8) return
  // Version 8: training mode's attempts and practice cases.
  const attempts = db.createObjectStore('attempts', { keyPath: 'id' })
  for (const index of ['userId', 'caseId', 'submittedAt']) attempts.createIndex(index, index)
  db.createObjectStore('practiceCases', { keyPath: 'id' })
  if (version < 9) return
  // Version 9: ICD-10-CM releases, billing articles and the coverage choices.
  db.createObjectStore('icd10', { keyPath: 'id' })
  db.createObjectStore('icd10Info', { keyPath: 'id' })
  db.createObjectStore('coverageArticles', { keyPath: 'article.articleId' })
  db.createObjectStore('coverageSettings', { keyPath: 'id' })
  if (version < 10) return
  // Version 10: the charge-export log.
  const exports = db.createObjectStore('chargeExports', { keyPath: 'id' })
  exports.createIndex('encounterId', 'encounterId')
  exports.createIndex('exportedAt', 'exportedAt')
  if (version < 11) return
  // Version 11: the practice's NDC list.
  db.createObjectStore('ndcList', { keyPath: 'id' })
}
