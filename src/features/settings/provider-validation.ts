import type { ProviderRecord } from '../../storage/index.ts'

/** The same identifier rule as the worksheet's providers dialog: it goes on the claim data. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/

export interface ProviderErrors {
  id?: string
  name?: string
}

/** Checks a provider to add (id trimmed, required, well-formed, not listed yet; name required). */
export function validateNewProvider(id: string, name: string, providers: readonly ProviderRecord[]): ProviderErrors {
  const errors: ProviderErrors = {}
  const trimmed = id.trim()
  if (trimmed === '') errors.id = 'Enter the provider identifier (e.g. DR-A or an NPI).'
  else if (!ID_PATTERN.test(trimmed)) errors.id = 'Use letters, digits and dashes for the provider identifier (e.g. DR-A or an NPI).'
  else if (providers.some((p) => p.id === trimmed)) errors.id = `${trimmed} is already in the list.`
  const nameError = validateProviderName(name)
  if (nameError) errors.name = nameError
  return errors
}

export function validateProviderName(name: string): string | undefined {
  return name.trim() === '' ? 'Enter the provider\'s name.' : undefined
}
