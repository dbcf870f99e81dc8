import { useMemo } from 'react'
import { builtInPayerProfiles, type PayerProfile } from '../domain/index.ts'
import type { CustomPayerProfileRecord } from './types.ts'
import { useStoreQuery } from './use-store-query.ts'

const NO_CUSTOM: readonly CustomPayerProfileRecord[] = []

/**
 * The payer profiles the app evaluates with: the built-in ones, then the practice's own, kept
 * current as profiles are edited in this tab or another.
 */
export function usePayerProfiles(): { profiles: readonly PayerProfile[]; custom: readonly CustomPayerProfileRecord[]; loaded: boolean } {
  const custom = useStoreQuery((s) => s.listPayerProfiles(), ['payerProfiles'], [])
  return useMemo(() => {
    const records = custom ?? NO_CUSTOM
    const builtInIds = new Set(builtInPayerProfiles.map((p) => p.id))
    return { profiles: [...builtInPayerProfiles, ...records.map((r) => r.profile).filter((p) => !builtInIds.has(p.id))], custom: records, loaded: custom !== undefined }
  }, [custom])
}
