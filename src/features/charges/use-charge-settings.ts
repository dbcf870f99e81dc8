import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useChangeRefusal } from '../../lib/change-rights.ts'
import { useStore, useStoreQuery } from '../../storage/index.ts'
import type { ChargeSettingsRecord } from '../../storage/types.ts'
import { parseChargeSettings, type ChargeSettings } from './export-file.ts'

/** Where this browser kept the settings before they were the practice's (moved into the store once). */
export const LEGACY_SETTINGS_KEY = 'injection-coding-worksheet:charge-settings'
/** Typing saves once it pauses this long (in group mode each save is a write to the server). */
export const SAVE_AFTER_MS = 400

function readLegacy(): string | null {
  try { return localStorage.getItem(LEGACY_SETTINGS_KEY) } catch { return null }
}

function dropLegacy(): void {
  try { localStorage.removeItem(LEGACY_SETTINGS_KEY) } catch { /* read again next time, and the store's copy wins */ }
}

const settingsOf = ({ sendingApplication, sendingFacility, receivingApplication, receivingFacility, columns }: ChargeSettingsRecord): ChargeSettings =>
  ({ sendingApplication, sendingFacility, receivingApplication, receivingFacility, columns })

/** Whether two settings say the same (the column order counts). */
const sameSettings = (a: ChargeSettings, b: ChargeSettings) =>
  a.sendingApplication === b.sendingApplication && a.sendingFacility === b.sendingFacility && a.receivingApplication === b.receivingApplication
  && a.receivingFacility === b.receivingFacility && a.columns.length === b.columns.length
  && a.columns.every((c, i) => c.header === b.columns[i]?.header && c.field === b.columns[i]?.field)

const failure = (error: unknown) => `The file settings were not saved: ${error instanceof Error ? error.message : String(error)}`

export interface ChargeSettingsState {
  /** The practice's settings (the defaults until it saves any); undefined while they load. */
  settings: ChargeSettings | undefined
  /** Why the signed-in person may not change them, or null. */
  refusal: string | null
  change: (next: ChargeSettings) => void
  error: string | null
}

/**
 * The practice's charge file settings from the store, saved as they are edited (after a pause,
 * and at once when the page closes). A browser that kept its own copy in localStorage, from before
 * the settings were the practice's, hands it to the store once the store holds none, then forgets it.
 */
export function useChargeSettings(): ChargeSettingsState {
  const store = useStore()
  const refusal = useChangeRefusal('charge-settings')
  const stored = useStoreQuery((s) => s.getChargeSettings(), ['chargeSettings'], [])
  const [edited, setEdited] = useState<ChargeSettings | null>(null)
  const [error, setError] = useState<string | null>(null)
  const pending = useRef<ChargeSettings | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const adopting = useRef(false)
  /** What this page saved last, and how many of its saves are still under way. */
  const lastSaved = useRef<ChargeSettings | null>(null)
  const saving = useRef(0)

  const save = useCallback((next: ChargeSettings) => store.saveChargeSettings({ ...next, id: 'practice', updatedAt: new Date().toISOString() }), [store])
  const flush = useCallback(() => {
    clearTimeout(timer.current)
    const next = pending.current
    pending.current = null
    if (!next) return
    lastSaved.current = next
    saving.current++
    save(next).then(() => setError(null), (e: unknown) => setError(failure(e))).finally(() => { saving.current-- })
  }, [save])
  useEffect(() => flush, [flush])

  useEffect(() => {
    if (stored !== null || refusal !== null || adopting.current) return
    const legacy = readLegacy()
    if (legacy === null) return
    adopting.current = true
    save(parseChargeSettings(legacy)).then(dropLegacy, (e: unknown) => setError(failure(e)))
  }, [stored, refusal, save])

  // Settings saved from elsewhere (another desk, once synced; another tab) replace what this page
  // shows, unless a change made here is still to be saved or on its way: then this page's wins.
  useEffect(() => {
    if (!stored || pending.current !== null || saving.current > 0) return
    if (lastSaved.current !== null && sameSettings(settingsOf(stored), lastSaved.current)) return
    setEdited(null)
  }, [stored])

  const fromStore = useMemo(() => (stored === undefined ? undefined : stored === null ? parseChargeSettings(readLegacy()) : settingsOf(stored)), [stored])
  const change = useCallback((next: ChargeSettings) => {
    if (refusal !== null) return
    setEdited(next)
    pending.current = next
    clearTimeout(timer.current)
    timer.current = setTimeout(flush, SAVE_AFTER_MS)
  }, [refusal, flush])

  return { settings: edited ?? fromStore, refusal, change, error }
}
