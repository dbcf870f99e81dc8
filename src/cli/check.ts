/**
 * `npm run check -- file.json [more.json …]`: evaluates interchange JSON files with the
 * rule module and prints one JSON array of results. See USAGE.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { checkFiles, exitCodeFor, fileError, loadNcciTables, summaryLine, type CheckResult, type NcciLoadRequest } from './check-files.ts'

const USAGE = `Usage: npm run check -- [options] file.json [more.json …]

(To pipe the JSON, use 'npm run -s check -- …' so npm's banner stays out of stdout.)

Each file holds one evaluation input ({ schemaVersion?, encounter, history? }) or an
array of them. Prints one JSON array to stdout, one element per input, in order:
  { file, index, ok: true, result: { lines, findings, counters, payerProfileId } }
  { file, index, ok: false, errors: [{ path, message }] }
A file that cannot be read or parsed gives one element with index null.

Options:
  --today YYYY-MM-DD     the day the check runs (default: today's local date)
  --mue PATH             CMS practitioner MUE table (CSV) to load
  --mue-quarter 2026Q4   its quarter (required with --mue); dated by the quarter's bounds
  --ptp PATH             CMS practitioner PTP edit file; repeat for the parts (f1…f4)
                         of one quarter, which are merged
  --ptp-quarter 2026Q4   their quarter (required with --ptp)
  --pretty               indent the JSON output
  --summary              print one line per input to stderr:
                         file#index: N errors, N warnings, N info
  -h, --help             show this text

Exit code: 0 when every input was valid (findings do not change it), 1 when any
input or file was invalid, 2 on a usage error or an NCCI table that cannot be loaded.
`

class UsageError extends Error {}

function localToday(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

function isRealIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const d = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text
}

/** `npm run` moves to the package root; paths are read from where the user typed them (INIT_CWD). */
const baseDir = process.env.INIT_CWD ?? process.cwd()

function readText(path: string): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: readFileSync(resolve(baseDir, path), 'utf8') }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT' ? 'no such file' :
      code === 'EISDIR' ? 'it is a directory' :
      code === 'EACCES' ? 'permission denied' :
      error instanceof Error ? error.message : String(error)
    return { ok: false, message: `Cannot read the file: ${reason}` }
  }
}

function parseCommandLine(argv: string[]) {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        today: { type: 'string' },
        mue: { type: 'string' },
        'mue-quarter': { type: 'string' },
        ptp: { type: 'string', multiple: true },
        'ptp-quarter': { type: 'string' },
        pretty: { type: 'boolean', default: false },
        summary: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  if (values.help) return { help: true as const }
  if (positionals.length === 0) throw new UsageError('Name at least one JSON file to check.')
  const today = values.today ?? localToday()
  if (!isRealIsoDate(today)) throw new UsageError(`--today '${today}' is not a real date written YYYY-MM-DD.`)
  if (values.mue !== undefined && values['mue-quarter'] === undefined) throw new UsageError('--mue needs --mue-quarter (e.g. 2026Q4).')
  if (values.mue === undefined && values['mue-quarter'] !== undefined) throw new UsageError('--mue-quarter is given without --mue.')
  if (values.ptp !== undefined && values['ptp-quarter'] === undefined) throw new UsageError('--ptp needs --ptp-quarter (e.g. 2026Q4).')
  if (values.ptp === undefined && values['ptp-quarter'] !== undefined) throw new UsageError('--ptp-quarter is given without --ptp.')
  return {
    help: false as const,
    files: positionals,
    today,
    mue: values.mue !== undefined ? { path: values.mue, quarter: values['mue-quarter'] ?? '' } : undefined,
    ptp: values.ptp !== undefined ? { paths: values.ptp, quarter: values['ptp-quarter'] ?? '' } : undefined,
    pretty: values.pretty,
    summary: values.summary,
  }
}

/** Reads and parses the NCCI tables, or exits 2 with the reasons on stderr. */
function loadTables(mue: { path: string; quarter: string } | undefined, ptp: { paths: string[]; quarter: string } | undefined) {
  if (!mue && !ptp) return { ok: true as const, tables: undefined }
  const request: NcciLoadRequest = {}
  const problems: string[] = []
  if (mue) {
    const read = readText(mue.path)
    if (read.ok) request.mue = { file: { name: mue.path, text: read.text }, quarter: mue.quarter }
    else problems.push(`--mue ${mue.path}: ${read.message}`)
  }
  if (ptp) {
    const files = []
    for (const path of ptp.paths) {
      const read = readText(path)
      if (read.ok) files.push({ name: path, text: read.text })
      else problems.push(`--ptp ${path}: ${read.message}`)
    }
    request.ptp = { files, quarter: ptp.quarter }
  }
  if (problems.length > 0) return { ok: false as const, errors: problems }
  const loaded = loadNcciTables(request)
  if (!loaded.ok) return { ok: false as const, errors: loaded.errors }
  for (const w of loaded.warnings) process.stderr.write(`warning: ${w}\n`)
  return { ok: true as const, tables: loaded.tables }
}

function main(argv: string[]): number {
  let command
  try {
    command = parseCommandLine(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`check: ${error.message}\n\n${USAGE}`)
    return 2
  }
  if (command.help) {
    process.stdout.write(USAGE)
    return 0
  }

  const tables = loadTables(command.mue, command.ptp)
  if (!tables.ok) {
    process.stderr.write(`check: the NCCI tables could not be loaded; nothing was checked.\n${tables.errors.join('\n')}\n`)
    return 2
  }

  // Files in argument order; an unreadable one becomes its own result, in its place.
  const options = { today: command.today, ...(tables.tables ? { ncci: tables.tables } : {}) }
  const results: CheckResult[] = []
  for (const path of command.files) {
    const read = readText(path)
    results.push(...(read.ok ? checkFiles([{ name: path, text: read.text }], options) : [fileError(path, read.message)]))
  }

  process.stdout.write(`${JSON.stringify(results, null, command.pretty ? 2 : undefined)}\n`)
  if (command.summary) for (const r of results) process.stderr.write(`${summaryLine(r)}\n`)
  return exitCodeFor(results)
}

process.exitCode = main(process.argv.slice(2))
