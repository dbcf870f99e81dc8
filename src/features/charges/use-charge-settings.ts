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

  const save = useCallback((next: ChargeSettings) => store.saveChargeSettings({ ...next, id: 'practice', updatedAt: new Date().toISOString() }), [store])
  const flush = useCallback(() => {
    clearTimeout(timer.current)
    const next = pending.current
    pending.current = null
    if (next) save(next).then(() => setError(null), (e: unknown) => setError(failure(e)))
  }, [save])
  useEffect(() => flush, [flush])

  useEffect(() => {
    if (stored !== null || refusal !== null || adopting.current) return
    const legacy = readLegacy()
    if (legacy === null) return
    adopting.current = true
    save(parseChargeSettings(legacy)).then(dropLegacy, (e: unknown) => setError(failure(e)))
  }, [stored, refusal, save])

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
