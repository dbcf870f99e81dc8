import { describe, expect, it } from 'vitest'
import { formatBytes, formatUsage, requestPersistence, storageStatus } from './persistence.ts'

describe('storageStatus', () => {
  it('reads persisted and the estimate', async () => {
    const storage = { persisted: () => Promise.resolve(true), estimate: () => Promise.resolve({ usage: 12_400_000, quota: 2_100_000_000 }) }
    expect(await storageStatus(storage)).toEqual({ persisted: true, usage: 12_400_000, quota: 2_100_000_000 })
  })

  it('says null where the API is missing or fails', async () => {
    expect(await storageStatus(undefined)).toEqual({ persisted: null, usage: null, quota: null })
    expect(await storageStatus({})).toEqual({ persisted: null, usage: null, quota: null })
    const failing = { persisted: () => Promise.reject(new Error('no')), estimate: () => Promise.resolve({}) }
    expect(await storageStatus(failing)).toEqual({ persisted: null, usage: null, quota: null })
  })
})

describe('requestPersistence', () => {
  it("returns the browser's answer, or null without the API", async () => {
    expect(await requestPersistence({ persist: () => Promise.resolve(false) })).toBe(false)
    expect(await requestPersistence({ persist: () => Promise.resolve(true) })).toBe(true)
    expect(await requestPersistence({})).toBeNull()
    expect(await requestPersistence({ persist: () => Promise.reject(new Error('denied')) })).toBeNull()
  })
})

describe('formatBytes and formatUsage', () => {
  it.each([
    [0, '0 bytes'], [1, '1 byte'], [999, '999 bytes'], [1000, '1 KB'], [1536, '1.5 KB'],
    [12_400_000, '12.4 MB'], [123_456_789, '123 MB'], [2_147_483_648, '2.1 GB'], [Number.NaN, 'unknown'],
  ])('%s bytes read %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })

  it('reads usage of quota plainly', () => {
    expect(formatUsage({ usage: 12_400_000, quota: 2_100_000_000 })).toBe('12.4 MB of 2.1 GB')
    expect(formatUsage({ usage: 5000, quota: null })).toBe('5 KB used')
    expect(formatUsage({ usage: null, quota: null })).toBe('The browser does not say how much space the app uses.')
  })
})
