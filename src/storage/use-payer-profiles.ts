import { useMemo } from 'react'
import type { PayerProfile } from '../domain/index.ts'
import { payerProfilesWith } from '../group-api/evaluation-reference.ts'
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
    return { profiles: payerProfilesWith(records), custom: records, loaded: custom !== undefined }
  }, [custom])
}
