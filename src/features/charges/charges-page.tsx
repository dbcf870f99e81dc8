import { useId, useMemo, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { inputClass } from '../../components/field.tsx'
import { useCurrentUser } from '../../lib/current-user.tsx'
import { downloadText } from '../../lib/download.ts'
import { useStore, useStoreQuery } from '../../storage/index.ts'
import type { AuditRecord, EncounterRecord } from '../../storage/types.ts'
import { chargeBatch, describeExports, toChargeEncounter, type ChargeCandidate } from './batch.ts'
import { ExportedTable, HeldTable, LinePreview, ReadyTable } from './batch-tables.tsx'
import { ChargeSettingsPanel } from './charge-settings-panel.tsx'
import { chargeFile, columnProblems, DEFAULT_CHARGE_SETTINGS, exportEntries, type ChargeFormat } from './export-file.ts'
import { useChargeSettings } from './use-charge-settings.ts'

export interface ChargesPageProps {
  /** The finalized encounters with their lines' review statuses (the review feature derives them from the audit log). */
  candidatesOf: (encounters: readonly EncounterRecord[], audit: readonly AuditRecord[]) => ChargeCandidate[]
}

/** Hands finalized, reviewed encounters to the practice-management system as HL7 DFT^P03 or mapped CSV. */
export function ChargesPage({ candidatesOf }: ChargesPageProps) {
  const id = useId()
  const store = useStore()
  const { user } = useCurrentUser()
  const data = useStoreQuery(async (s) => {
    const [encounters, audit, exports] = await Promise.all([s.listAllEncounters(), s.listAudit(), s.listChargeExports()])
    return { encounters, audit, exports }
  }, ['encounters', 'audit', 'chargeExports'], [])
  const [since, setSince] = useState('')
  const [includeExported, setIncludeExported] = useState(false)
  const [unselected, setUnselected] = useState<ReadonlySet<string>>(new Set())
  const { settings: loaded, refusal, change: changeSettings, error: settingsError } = useChargeSettings()
  const settings = loaded ?? DEFAULT_CHARGE_SETTINGS
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null)

  const batch = useMemo(() => data
    ? chargeBatch(candidatesOf(data.encounters, data.audit), data.exports, { since: since === '' ? null : since, includeExported })
    : null, [data, candidatesOf, since, includeExported])
  const chosen = batch?.ready.filter((r) => !unselected.has(r.candidate.record.id)) ?? []
  const problems = columnProblems(settings.columns)

  const toggle = (encounterId: string) => setUnselected((prev) => {
    const next = new Set(prev)
    if (next.has(encounterId)) next.delete(encounterId); else next.add(encounterId)
    return next
  })

  const exportAs = async (format: ChargeFormat) => {
    if (!user || chosen.length === 0 || loaded === undefined) return
    const now = new Date()
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString()
    const file = chargeFile(format, chosen.map((r) => toChargeEncounter(r.candidate.record)), settings, local)
    const entries = exportEntries(chosen.map((r) => ({ encounterId: r.candidate.record.id, statuses: r.candidate.statuses })),
      { format, fileName: file.fileName }, user, now.toISOString(), () => crypto.randomUUID())
    try {
      await store.recordChargeExports(entries.records, entries.audit)
    } catch (error) {
      setMessage({ kind: 'alert', text: `The export was not recorded, so no file was made: ${error instanceof Error ? error.message : String(error)}` })
      return
    }
    downloadText(file.fileName, file.text, file.mime)
    const again = chosen.filter((r) => r.exports.length > 0)
    const before = again.length === 0 ? '' : ` Exported before: ${again.map((r) => `${r.candidate.record.patientId} ${r.candidate.record.dateOfService} (${describeExports(r.exports)})`).join('; ')}.`
    setMessage({ kind: 'status', text: `Exported ${chosen.length} ${chosen.length === 1 ? 'encounter' : 'encounters'} to ${file.fileName}.${before}` })
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-brand-800">Charge export</h2>
      <p className="mt-1 text-sm">Encounters whose every line needed no review or was approved or overridden by a supervisor.</p>
      <div className="mt-4 flex flex-wrap items-end gap-4">
        <label htmlFor={`${id}-since`} className="flex flex-col text-sm">Ready since
          <input id={`${id}-since`} type="date" className={inputClass} value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={includeExported} onChange={(e) => setIncludeExported(e.target.checked)} />
          Include already exported
        </label>
      </div>
      {batch === null ? <p role="status">Loading…</p> : (
        <>
          {batch.alreadyExported > 0 ? <p className="mt-2 text-sm">{batch.alreadyExported} ready {batch.alreadyExported === 1 ? 'encounter was' : 'encounters were'} exported before and {batch.alreadyExported === 1 ? 'is' : 'are'} not offered again.</p> : null}
          <ExportedTable exported={batch.exported} />
          <section aria-labelledby={`${id}-ready`}>
            <h3 id={`${id}-ready`} className="mt-4 font-semibold">Ready to export ({batch.ready.length})</h3>
            <ReadyTable ready={batch.ready} selected={new Set(chosen.map((r) => r.candidate.record.id))} onToggle={toggle} />
          </section>
          <div className="mt-4 flex gap-2">
            <Button variant="primary" disabled={chosen.length === 0 || loaded === undefined} onClick={() => void exportAs('hl7')}>Download HL7 (.hl7)</Button>
            <Button variant="primary" disabled={chosen.length === 0 || loaded === undefined || problems.length > 0} onClick={() => void exportAs('csv')}>Download CSV</Button>
          </div>
          <div aria-live="polite">{message ? <p role={message.kind} className="mt-2">{message.text}</p> : null}</div>
          <LinePreview ready={chosen} />
          <HeldTable held={batch.held} />
        </>
      )}
      {loaded === undefined ? null : <ChargeSettingsPanel settings={loaded} onChange={changeSettings} problems={problems} refusal={refusal} error={settingsError} />}
    </section>
  )
}
