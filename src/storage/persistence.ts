/**
 * The browser's storage for this site: whether it is kept under storage pressure
 * ("persistent") and how much of the quota is used. Every call copes with a browser
 * (or a test environment) without the StorageManager API.
 */

export interface StorageStatus {
  /** True when the browser keeps the data under storage pressure; null when it cannot say. */
  persisted: boolean | null
  /** Bytes used by this site, or null when unknown. */
  usage: number | null
  /** Bytes this site may use, or null when unknown. */
  quota: number | null
}

type StorageManagerLike = Partial<Pick<StorageManager, 'persisted' | 'persist' | 'estimate'>>

function manager(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage
}

/** Whether the data is kept, and the space used of the quota. */
export async function storageStatus(storage: StorageManagerLike | undefined = manager()): Promise<StorageStatus> {
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ])
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null }
}

/**
 * Asks the browser to keep this site's data under storage pressure. The browser answers
 * true or false (Chromium decides without a prompt); null when it has no such request.
 */
export async function requestPersistence(storage: StorageManagerLike | undefined = manager()): Promise<boolean | null> {
  if (!storage?.persist) return null
  try { return await storage.persist() } catch { return null }
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const

/** "12.4 MB", "980 bytes": decimal units (1 KB = 1,000 bytes), as operating systems show disk sizes. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown'
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < UNITS.length - 1) { value /= 1000; unit++ }
  if (unit === 0) return `${value} byte${value === 1 ? '' : 's'}`
  const shown = value >= 100 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString()
  return `${shown} ${UNITS[unit]}`
}

/** "12.4 MB of 2.1 GB", or what is known of it. */
export function formatUsage(status: Pick<StorageStatus, 'usage' | 'quota'>): string {
  if (status.usage === null) return 'The browser does not say how much space the app uses.'
  if (status.quota === null) return `${formatBytes(status.usage)} used`
  return `${formatBytes(status.usage)} of ${formatBytes(status.quota)}`
}
