import { resolve } from 'node:path'
import { IDEMPOTENCY_RETENTION_DAYS } from '../src/group-api/schemas.ts'

/** The server's settings, from environment variables (see `--help` and .env.example). */
export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | null
  databaseOwnerUrl: string | null
  /** Connections the server keeps open to PostgreSQL. */
  databasePoolSize: number
  /** The address people open, e.g. https://billing.example.org; used for links and the Origin check. */
  publicUrl: string | null
  staticDir: string
  /** Absolute session lifetime, whatever the activity. */
  sessionMaxHours: number
  lockoutThreshold: number
  lockoutWindowMinutes: number
  /** Failed sign-ins allowed from one address per window, whatever the accounts. */
  addressFailureLimit: number
  /** Requests to the sign-in routes allowed from one address per minute. */
  addressRequestsPerMinute: number
  /** Largest request body, in bytes. */
  bodyLimitBytes: number
  /** Behind a reverse proxy that sets X-Forwarded-For (and -Proto): trust it for the client address. */
  trustProxy: boolean
  /**
   * Days an Idempotency-Key's answer is kept; older keys are pruned at start and every hour.
   * Clients hold back a change that waited longer than this less a day (the session says it).
   */
  idempotencyRetentionDays: number
}

interface Setting {
  env: string
  default: string
  help: string
}

export const SETTINGS: readonly Setting[] = [
  { env: 'PORT', default: '8080', help: 'TCP port to listen on' },
  { env: 'HOST', default: '127.0.0.1', help: 'address to listen on (0.0.0.0 for every interface; put TLS in front)' },
  { env: 'DATA_DIR', default: './data', help: 'the embedded store (PGlite) and its lock file, when DATABASE_URL is not set' },
  { env: 'DATABASE_URL', default: '', help: 'PostgreSQL 15+ connection URL for the server\'s own role (owns nothing, no superuser)' },
  { env: 'DATABASE_OWNER_URL', default: '', help: 'connection URL of the schema owner, used once at start for migrations (default: DATABASE_URL)' },
  { env: 'DATABASE_POOL_SIZE', default: '10', help: 'connections kept open to PostgreSQL (the requests in flight beyond it wait their turn)' },
  { env: 'PUBLIC_URL', default: '', help: 'the address people open (https://...); links use it and requests must come from it (default: http://HOST:PORT)' },
  { env: 'STATIC_DIR', default: './dist', help: 'the built app (npm run build)' },
  { env: 'SESSION_MAX_HOURS', default: '12', help: 'absolute session lifetime in hours' },
  { env: 'LOCKOUT_THRESHOLD', default: '5', help: 'failed sign-ins that lock an account' },
  { env: 'LOCKOUT_WINDOW_MINUTES', default: '15', help: 'the window those failures are counted in, and how long the lock lasts' },
  { env: 'ADDRESS_FAILURE_LIMIT', default: '20', help: 'failed sign-ins from one address per lockout window' },
  { env: 'ADDRESS_REQUESTS_PER_MINUTE', default: '60', help: 'sign-in, setup and invitation requests from one address per minute' },
  { env: 'BODY_LIMIT_BYTES', default: '1048576', help: 'largest request body (a history upload part may be up to 8 MB whatever this says)' },
  { env: 'TRUST_PROXY', default: 'false', help: 'true behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto' },
  { env: 'IDEMPOTENCY_RETENTION_DAYS', default: String(IDEMPOTENCY_RETENTION_DAYS), help: 'days a write\'s Idempotency-Key is remembered (2 to 365); a change waiting longer than this less a day on a workstation is held for the user, never replayed' },
]

export function helpText(): string {
  const width = Math.max(...SETTINGS.map((s) => s.env.length))
  return [
    'Injection Coding Worksheet: group server',
    '',
    'Usage: npm run server [-- --help]',
    '       npm run server:verify-audit   check the access logs\' hash chains',
    '',
    'Settings (environment variables; a .env file in the working directory is read too):',
    ...SETTINGS.map((s) => `  ${s.env.padEnd(width)}  ${s.help}${s.default ? ` (default ${s.default})` : ''}`),
    '',
    'Without DATABASE_URL the data lives in PGlite under DATA_DIR: nothing to install.',
  ].join('\n')
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number {
  const setting = SETTINGS.find((s) => s.env === name)
  const text = env[name]?.trim() || setting?.default || ''
  const value = Number(text)
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${text}".`)
  return value
}

const text = (env: NodeJS.ProcessEnv, name: string): string | null => env[name]?.trim() || null

/** Reads and checks the settings; a bad one is a ConfigError naming it. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const port = int(env, 'PORT', 1, 65535)
  const host = text(env, 'HOST') ?? '127.0.0.1'
  const publicUrl = text(env, 'PUBLIC_URL')
  if (publicUrl && !/^https?:\/\/[^/]+$/.test(publicUrl.replace(/\/$/, ''))) throw new ConfigError(`PUBLIC_URL must be an origin such as https://billing.example.org; it is "${publicUrl}".`)
  const databaseUrl = text(env, 'DATABASE_URL')
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://.')
  const trust = (text(env, 'TRUST_PROXY') ?? 'false').toLowerCase()
  if (!['true', 'false', '1', '0'].includes(trust)) throw new ConfigError('TRUST_PROXY must be true or false.')
  return {
    port,
    host,
    dataDir: resolve(cwd, text(env, 'DATA_DIR') ?? './data'),
    databaseUrl,
    databaseOwnerUrl: text(env, 'DATABASE_OWNER_URL'),
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 1, 500),
    publicUrl: publicUrl?.replace(/\/$/, '') ?? null,
    staticDir: resolve(cwd, text(env, 'STATIC_DIR') ?? './dist'),
    sessionMaxHours: int(env, 'SESSION_MAX_HOURS', 1, 24 * 7),
    lockoutThreshold: int(env, 'LOCKOUT_THRESHOLD', 1, 100),
    lockoutWindowMinutes: int(env, 'LOCKOUT_WINDOW_MINUTES', 1, 24 * 60),
    addressFailureLimit: int(env, 'ADDRESS_FAILURE_LIMIT', 1, 10_000),
    addressRequestsPerMinute: int(env, 'ADDRESS_REQUESTS_PER_MINUTE', 1, 100_000),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024, 64 * 1024 * 1024),
    trustProxy: trust === 'true' || trust === '1',
    idempotencyRetentionDays: int(env, 'IDEMPOTENCY_RETENTION_DAYS', 2, 365),
  }
}
