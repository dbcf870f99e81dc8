import { useMemo } from 'react'
import { rulesById } from '../../../domain/index.ts'
import { usePayerProfiles, useStoreQuery } from '../../../storage/index.ts'
import type { DateRange } from './date-range.ts'
import { computeInsights } from './insights-model.ts'
import type { Insights } from './insights-types.ts'

const ruleTitles: ReadonlyMap<string, string> = new Map([...rulesById.values()].map((r) => [r.id, r.title]))

/**
 * Everything the insights read from the store, kept current as encounters are finalized,
 * decisions recorded and remittances imported, here or in another tab. Undefined while loading.
 */
export function useInsights(range: DateRange): Insights | undefined {
  const data = useStoreQuery(async (s) => {
    const [encounters, audit, users, remittances, providers] = await Promise.all([
      s.listAllEncounters(), s.listAudit(), s.listUsers(), s.listRemittances(), s.listProviders(),
    ])
    return { encounters, audit, users, remittances, providers }
  }, ['encounters', 'audit', 'users', 'remittances', 'providers'], [])
  const { profiles } = usePayerProfiles()
  const payerNames = useMemo(() => new Map(profiles.map((p) => [p.id, p.name])), [profiles])
  return useMemo(() => {
    if (data === undefined) return undefined
    const providerNames = new Map(data.providers.map((p) => [p.id, p.name]))
    return computeInsights({ ...data, range, providerNames, payerNames, ruleTitles })
  }, [data, range, payerNames])
}
