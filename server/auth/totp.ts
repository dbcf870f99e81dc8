import { randomInt } from 'node:crypto'
import { Secret, TOTP } from 'otpauth'
import { hashToken } from './tokens.ts'

const ISSUER = 'Injection Coding Worksheet'
const PERIOD = 30

const totpOf = (secret: string, label: string) =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) })

/** A new authenticator secret (160 bits, base32) and the otpauth URI its QR code carries. */
export function newTotpSecret(label: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32
  return { secret, uri: totpOf(secret, label).toString() }
}

/**
 * The time step a 6-digit code matches (one step of clock drift either way), or null. A caller
 * refuses a step at or before the last one used, so a code never works twice.
 */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const delta = totpOf(secret, 'x').validate({ token, timestamp: now.getTime(), window: 1 })
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta
}

/** The current code (tests and the benchmark sign in with it). */
export function totpCode(secret: string, now: Date): string {
  return totpOf(secret, 'x').generate({ timestamp: now.getTime() })
}

const BACKUP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Ten one-time backup codes, 10 characters each (about 49 bits), shown as xxxxx-xxxxx. */
export function newBackupCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const chars = Array.from({ length: 10 }, () => BACKUP_ALPHABET[randomInt(BACKUP_ALPHABET.length)])
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
  })
}

export const normalizeBackupCode = (code: string): string => code.toLowerCase().replace(/[\s-]+/g, '')
export const hashBackupCode = (code: string): string => hashToken(`backup:${normalizeBackupCode(code)}`)
