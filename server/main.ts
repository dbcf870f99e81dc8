import { existsSync } from 'node:fs'
import { ConfigError, helpText, readConfig } from './config.ts'
import { verifyChains } from './services/audit.ts'
import { LockError } from './lock.ts'
import { openDatabase, startServer } from './start.ts'
import { migrate } from './db/database.ts'

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(helpText())
    return 0
  }
  if (existsSync('.env')) process.loadEnvFile('.env')
  const config = readConfig()

  if (args[0] === 'verify-audit') {
    const { db, unlock } = await openDatabase(config)
    try {
      await migrate(db)
      const { entries, breaks } = await db.asOwner((q) => verifyChains(q))
      if (breaks.length === 0) {
        console.log(`Access logs: ${entries} entries, every hash chain intact.`)
        return 0
      }
      for (const b of breaks) console.log(`BROKEN: ${b.chain}, entry ${b.seq}: ${b.problem === 'hash' ? 'its contents do not match its hash (changed after it was written)' : 'it does not follow the entry before it (an entry was removed or inserted)'}`)
      console.log(`Access logs: ${entries} entries, ${breaks.length} break${breaks.length > 1 ? 's' : ''}.`)
      return 1
    } finally {
      await db.close()
      unlock()
    }
  }
  if (args.length > 0) {
    console.error(`Unknown argument ${args[0]}.\n\n${helpText()}`)
    return 2
  }

  const running = await startServer(config)
  let signalled = false
  const shutdown = (signal: string) => {
    if (signalled) return
    signalled = true
    console.log(`${signal}: closing (checkpoint and close the database)...`)
    const force = setTimeout(() => { console.error('Still closing after 10 s: exiting.'); process.exit(1) }, 10_000)
    running.stop().then(() => { clearTimeout(force); console.log('Closed cleanly.'); process.exit(0) },
      (err: unknown) => { console.error(`Closing failed: ${(err as Error).message}`); process.exit(1) })
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  return -1
}

main(process.argv.slice(2)).then((code) => { if (code >= 0) process.exitCode = code }, (err: unknown) => {
  if (err instanceof ConfigError || err instanceof LockError) console.error(err.message)
  else console.error(`The server could not start: ${(err as Error).stack ?? String(err)}`)
  process.exitCode = 1
})
