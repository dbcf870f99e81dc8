import { describe, expect, it } from 'vitest'
import { ConfigError, helpText, readConfig } from '../config.ts'

describe('server settings', () => {
  it('the defaults hold with an empty environment', () => {
    const config = readConfig({}, '/srv/icw')
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: '/srv/icw/data', databaseUrl: null, databasePoolSize: 10, bodyLimitBytes: 1_048_576, trustProxy: false })
  })

  it('DATABASE_POOL_SIZE is read, listed in --help, and refused outside 1 to 500', () => {
    expect(readConfig({ DATABASE_POOL_SIZE: '24' }).databasePoolSize).toBe(24)
    expect(helpText()).toContain('DATABASE_POOL_SIZE')
    for (const bad of ['0', '501', '2.5', 'ten']) {
      expect(() => readConfig({ DATABASE_POOL_SIZE: bad })).toThrow(ConfigError)
    }
    expect(() => readConfig({ DATABASE_POOL_SIZE: '0' })).toThrow('DATABASE_POOL_SIZE must be a whole number from 1 to 500; it is "0".')
  })

  it('IDEMPOTENCY_RETENTION_DAYS is 8 by default, read, listed in --help, and refused under 2 or over 365', () => {
    expect(readConfig({}).idempotencyRetentionDays).toBe(8)
    expect(readConfig({ IDEMPOTENCY_RETENTION_DAYS: '30' }).idempotencyRetentionDays).toBe(30)
    expect(helpText()).toContain('IDEMPOTENCY_RETENTION_DAYS')
    for (const bad of ['1', '0', '366', '7.5', 'week']) {
      expect(() => readConfig({ IDEMPOTENCY_RETENTION_DAYS: bad })).toThrow(/^IDEMPOTENCY_RETENTION_DAYS must be a whole number from 2 to 365/)
    }
  })

  it('a bad PORT, DATABASE_URL, PUBLIC_URL or TRUST_PROXY is a ConfigError naming the setting', () => {
    expect(() => readConfig({ PORT: '70000' })).toThrow(/^PORT/)
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/^DATABASE_URL/)
    expect(() => readConfig({ PUBLIC_URL: 'https://billing.example.org/app' })).toThrow(/^PUBLIC_URL/)
    expect(() => readConfig({ TRUST_PROXY: 'maybe' })).toThrow(/^TRUST_PROXY/)
  })
})
