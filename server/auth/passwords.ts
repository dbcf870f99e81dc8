import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { PASSWORD_MAX, PASSWORD_MIN } from '../../src/group-api/schemas.ts'

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((done, fail) => scryptCb(password, salt, keylen, options, (err, key) => (err ? fail(err) : done(key))))

/**
 * scrypt at OWASP's "N=2^15, r=8, p=3" (32 MiB per hash). The parameters are stored with each
 * hash, so raising them later still verifies the old ones.
 */
export const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 3 } as const
export type ScryptCost = { N: number; r: number; p: number }

const KEY_LENGTH = 32
const maxmem = (c: ScryptCost) => 128 * c.N * c.r + 1024 * 1024

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...cost, maxmem: maxmem(cost) })
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !key) return false
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  const expected = Buffer.from(key, 'base64url')
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, { ...cost, maxmem: maxmem(cost) })
  return timingSafeEqual(actual, expected)
}

/** A hash of a random password, so an unknown account costs the same time as a known one. */
let decoy: Promise<string> | null = null
export function decoyHash(cost: ScryptCost = DEFAULT_COST): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('hex'), cost)
  return decoy
}

let common: Set<string> | null = null
function commonPasswords(): Set<string> {
  common ??= new Set(readFileSync(resolve(import.meta.dirname, '../data/common-passwords.txt'), 'utf8').split('\n').filter(Boolean))
  return common
}

const SEQUENCES = ['0123456789012345678901234567890', 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm']

/**
 * Why a new password is refused, or null when it is acceptable. NIST SP 800-63B: a length floor,
 * a blocklist of common and context-specific values, and no composition rules.
 */
export function passwordProblem(password: string, context: readonly string[] = []): string | null {
  if ([...password].length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`
  const lower = password.toLowerCase()
  const list = commonPasswords()
  const core = lower.replace(/[^a-z]+$/, '').replace(/^[^a-z]+/, '')
  if (list.has(lower) || (core.length >= 6 && list.has(core))) return 'This password is on a list of common passwords: choose another (a few unrelated words make a good one).'
  if (isRepeat(lower, list)) return 'This password is a common word or pattern repeated: choose another.'
  if (new Set(lower).size <= 2 || SEQUENCES.some((s) => s.includes(lower) || [...s].reverse().join('').includes(lower))) return 'This password is too easy to guess (repeated or sequential characters): choose another.'
  const words = ['injection coding worksheet', 'injectioncodingworksheet', ...context].map((w) => w.toLowerCase().trim()).filter((w) => w.length >= 4)
  if (words.some((w) => lower.includes(w) && lower.replace(w, '').replace(/[^a-z]/g, '').length < 4)) return 'This password is mostly your name, email or the practice\'s name: choose another.'
  return null
}

function isRepeat(lower: string, list: Set<string>): boolean {
  for (let size = 1; size <= lower.length / 2; size++) {
    if (lower.length % size !== 0) continue
    const unit = lower.slice(0, size)
    if (unit.repeat(lower.length / size) === lower && (size <= 4 || list.has(unit))) return true
  }
  return false
}
