import { DEFAULT_MAX_BYTES, ErrorList, findTextProblem, READ_RECORD, readDelimitedTable, RecordReader, type FileAdvice, type TableSpec } from '../ncci/delimited.ts'
import { isHcpcsCode, showValue } from '../ncci/field-rules.ts'
import { paragraphText } from './paragraph-text.ts'
import type { CoverageArticle } from './types.ts'

/**
 * The Medicare Coverage Database article download (the "current article" CSV files). Three of its
 * files are read, found by their header rather than their name:
 *
 *   article_x_icd10_covered.csv        article_id, article_version, icd10_code_id, icd10_covered_group, ...
 *   article_x_icd10_covered_group.csv  article_id, article_version, icd10_covered_group, paragraph, ...
 *   article_x_hcpc_code.csv            article_id, article_version, hcpc_code_id, ...
 *
 * and article.csv for titles when it is given. Other files of the download are skipped.
 */

export interface CoverageFile {
  name: string
  text: string
}

export interface CoverageParseError {
  file: string
  /** 1-based line, or 0 for the file as a whole. */
  row: number
  column?: string
  message: string
}

export type CoverageParseResult =
  | { ok: true; articles: CoverageArticle[]; warnings: string[] }
  | { ok: false; errors: CoverageParseError[] }

export interface CoverageParseOptions {
  /** Keep only the articles listing one of these procedure codes (the rest of the download is left out). */
  keepHcpcs?: ReadonlySet<string>
  maxBytes?: number
}

type Kind = 'covered' | 'groups' | 'hcpcs' | 'article'
const FILE_NAMES: Record<Kind, string> = {
  covered: 'article_x_icd10_covered.csv',
  groups: 'article_x_icd10_covered_group.csv',
  hcpcs: 'article_x_hcpc_code.csv',
  article: 'article.csv',
}
const ADVICE: FileAdvice = {
  size: 'The MCD article files are each under 100 MB.',
  zip: 'unzip the MCD download and choose its CSV files (article_x_icd10_covered.csv, article_x_icd10_covered_group.csv, article_x_hcpc_code.csv).',
}
const ICD10 = /^[A-Z][0-9][0-9A-Z]\.?[0-9A-Z]{0,4}$/

const column = <K extends string>(key: K, name: string, required = true) =>
  ({ key, label: name, required, matches: (s: string) => s === name })

const SPECS = {
  covered: {
    what: 'MCD covered ICD-10 codes',
    columns: [column('article', 'article_id'), column('version', 'article_version'), column('code', 'icd10_code_id'), column('group', 'icd10_covered_group')],
    codeColumns: ['article', 'code'],
    advice: ADVICE,
  } satisfies TableSpec<'article' | 'version' | 'code' | 'group'>,
  groups: {
    what: 'MCD covered ICD-10 groups',
    columns: [column('article', 'article_id'), column('version', 'article_version'), column('group', 'icd10_covered_group'), column('paragraph', 'paragraph')],
    codeColumns: ['article', 'group'],
    advice: ADVICE,
  } satisfies TableSpec<'article' | 'version' | 'group' | 'paragraph'>,
  hcpcs: {
    what: 'MCD article HCPCS codes',
    columns: [column('article', 'article_id'), column('version', 'article_version'), column('code', 'hcpc_code_id')],
    codeColumns: ['article', 'code'],
    advice: ADVICE,
  } satisfies TableSpec<'article' | 'version' | 'code'>,
  article: {
    what: 'MCD article',
    columns: [column('article', 'article_id'), column('version', 'article_version'), column('title', 'title')],
    codeColumns: ['article', 'title'],
    advice: ADVICE,
  } satisfies TableSpec<'article' | 'version' | 'title'>,
}

/** Which of the download's files this is, from its first line's column names. */
function kindOf(text: string): Kind | 'other' {
  const reader = new RecordReader(text, ',', text.charCodeAt(0) === 0xfeff ? 1 : 0)
  if (reader.next() !== READ_RECORD) return 'other'
  const names = new Set(reader.fields.map((f) => f.trim().toLowerCase()))
  if (!names.has('article_id')) return 'other'
  if (names.has('icd10_covered_group')) return names.has('paragraph') ? 'groups' : names.has('icd10_code_id') ? 'covered' : 'other'
  if (names.has('hcpc_code_id')) return 'hcpcs'
  if (names.has('title') && names.has('article_version')) return 'article'
  return 'other'
}

interface Draft {
  version: number
  title: string | null
  hcpcs: Set<string>
  groups: Map<number, { paragraph: string | null; codes: Set<string> }>
}

/** "58993" or "A58993" → 58993; anything else null. */
function readArticleId(raw: string): number | null {
  const m = /^A?([0-9]{1,6})$/i.exec(raw.trim())
  return m ? Number(m[1]) : null
}

function readCount(raw: string, min: number): number | null {
  const t = raw.trim()
  return /^[0-9]{1,6}$/.test(t) && Number(t) >= min ? Number(t) : null
}

/**
 * Parses the MCD article files a practice chose. All or nothing: any bad row refuses the whole
 * set, each error naming its file, row and column. Only each article's latest version is kept.
 */
export function parseCoverageArticles(files: readonly CoverageFile[], options: CoverageParseOptions = {}): CoverageParseResult {
  const errors: CoverageParseError[] = []
  const warnings: string[] = []
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const byKind = new Map<Kind, CoverageFile>()
  for (const file of files) {
    const problem = findTextProblem(file.text, maxBytes, ADVICE)
    if (problem !== null) {
      errors.push({ file: file.name, row: 0, message: `${file.name}: ${problem}` })
      continue
    }
    const kind = kindOf(file.text)
    if (kind === 'other') {
      warnings.push(`${file.name} is not one of the files the coverage check reads; it was skipped.`)
      continue
    }
    const earlier = byKind.get(kind)
    if (earlier) {
      errors.push({ file: file.name, row: 0, message: `${file.name}: this is a second ${FILE_NAMES[kind]} (the first was ${earlier.name}); choose one.` })
      continue
    }
    byKind.set(kind, file)
  }
  for (const kind of ['covered', 'groups', 'hcpcs'] as const) {
    if (!byKind.has(kind) && errors.length === 0) {
      errors.push({ file: FILE_NAMES[kind], row: 0, message: `The ${FILE_NAMES[kind]} file of the MCD download is missing: choose it with the others.` })
    }
  }
  if (errors.length > 0) return { ok: false, errors }

  // article id → version → what the files say of it
  const drafts = new Map<number, Map<number, Draft>>()
  const draftOf = (id: number, version: number): Draft => {
    let versions = drafts.get(id)
    if (!versions) drafts.set(id, versions = new Map<number, Draft>())
    let d = versions.get(version)
    if (!d) versions.set(version, d = { version, title: null, hcpcs: new Set(), groups: new Map() })
    return d
  }
  const groupOf = (d: Draft, group: number) => {
    let g = d.groups.get(group)
    if (!g) d.groups.set(group, g = { paragraph: null, codes: new Set<string>() })
    return g
  }

  const read = <K extends string>(kind: Kind, spec: TableSpec<K>, onRow: (cells: readonly string[], line: number, idx: Record<K, number>, name: Record<K, string>, list: ErrorList) => void) => {
    const file = byKind.get(kind)
    if (!file) return
    const list = new ErrorList()
    readDelimitedTable(file.text, spec, maxBytes, list, (cells, line, layout) => onRow(cells, line, layout.index, layout.name, list))
    for (const e of list.toArray()) errors.push({ file: file.name, ...e, message: `${file.name}: ${e.message}` })
  }
  const readKey = (cells: readonly string[], line: number, idx: { article: number; version: number }, name: { article: string; version: string }, list: ErrorList) => {
    const rawId = cells[idx.article] ?? ''
    const id = readArticleId(rawId)
    if (id === null) list.cell(line, name.article, `${showValue(rawId.trim())} is not an article number (digits, as 58993, or A58993).`)
    const rawVersion = cells[idx.version] ?? ''
    const version = readCount(rawVersion, 1)
    if (version === null) list.cell(line, name.version, `${showValue(rawVersion.trim())} is not an article version (a whole number from 1).`)
    return id === null || version === null ? null : { id, version }
  }

  const seenCodes = new Map<string, number>()
  read('covered', SPECS.covered, (cells, line, idx, name, list) => {
    const key = readKey(cells, line, idx, name, list)
    const rawCode = (cells[idx.code] ?? '').trim()
    const code = rawCode.toUpperCase()
    if (!ICD10.test(code)) list.cell(line, name.code, `${showValue(rawCode)} is not an ICD-10-CM code (as M54.16).`)
    const group = readCount(cells[idx.group] ?? '', 0)
    if (group === null) list.cell(line, name.group, `${showValue((cells[idx.group] ?? '').trim())} is not a group number.`)
    if (!key || group === null || !ICD10.test(code)) return
    const bare = code.replace('.', '')
    const id = `${key.id}|${key.version}|${group}|${bare}`
    const first = seenCodes.get(id)
    if (first !== undefined) {
      list.cell(line, name.code, `${rawCode} is listed again in group ${group} of article A${key.id} (first on row ${first}).`)
      return
    }
    seenCodes.set(id, line)
    groupOf(draftOf(key.id, key.version), group).codes.add(bare)
  })
  const seenGroups = new Map<string, number>()
  read('groups', SPECS.groups, (cells, line, idx, name, list) => {
    const key = readKey(cells, line, idx, name, list)
    const group = readCount(cells[idx.group] ?? '', 0)
    if (group === null) list.cell(line, name.group, `${showValue((cells[idx.group] ?? '').trim())} is not a group number.`)
    if (!key || group === null) return
    const id = `${key.id}|${key.version}|${group}`
    const first = seenGroups.get(id)
    if (first !== undefined) {
      list.cell(line, name.group, `group ${group} of article A${key.id} version ${key.version} has a second paragraph (first on row ${first}).`)
      return
    }
    seenGroups.set(id, line)
    groupOf(draftOf(key.id, key.version), group).paragraph = paragraphText(cells[idx.paragraph] ?? '')
  })
  read('hcpcs', SPECS.hcpcs, (cells, line, idx, name, list) => {
    const key = readKey(cells, line, idx, name, list)
    const code = (cells[idx.code] ?? '').trim().toUpperCase()
    if (!isHcpcsCode(code)) list.cell(line, name.code, `${showValue(code)} is not a HCPCS/CPT code (5 characters, as 64483 or J1040).`)
    else if (key) draftOf(key.id, key.version).hcpcs.add(code)
  })
  read('article', SPECS.article, (cells, line, idx, name, list) => {
    const key = readKey(cells, line, idx, name, list)
    // Titles only name articles the other files hold; the download lists thousands more.
    if (key && drafts.get(key.id)?.has(key.version)) draftOf(key.id, key.version).title = (cells[idx.title] ?? '').trim() || null
  })
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 100) }

  const articles: CoverageArticle[] = []
  let olderVersions = 0
  let withoutCodes = 0
  for (const [id, versions] of [...drafts].sort((a, b) => a[0] - b[0])) {
    const latest = Math.max(...versions.keys())
    olderVersions += versions.size - 1
    const d = versions.get(latest)
    if (!d) continue
    // Articles with no diagnosis list, or none of the procedure codes, cannot apply to a claim line.
    if (d.groups.size === 0) continue
    if (d.hcpcs.size === 0) {
      withoutCodes++
      continue
    }
    if (options.keepHcpcs && ![...d.hcpcs].some((c) => options.keepHcpcs?.has(c))) continue
    const groups = [...d.groups].sort((a, b) => a[0] - b[0]).map(([group, g]) => {
      if (g.paragraph === null) warnings.push(`Article A${id}: group ${group} has codes but no paragraph in ${FILE_NAMES.groups}.`)
      return { group, paragraph: g.paragraph ?? '', codes: [...g.codes].sort() }
    })
    articles.push({ articleId: `A${id}`, version: latest, title: d.title, hcpcsCodes: [...d.hcpcs].sort(), groups })
  }
  if (articles.length === 0) {
    return { ok: false, errors: [{ file: byKind.get('covered')?.name ?? FILE_NAMES.covered, row: 0, message: options.keepHcpcs ? 'No article in these files covers a trigger point, facet, RFA or epidural code.' : 'The files hold no article with covered diagnoses.' }] }
  }
  if (withoutCodes > 0) warnings.push(`${withoutCodes} article${withoutCodes === 1 ? ' lists' : 's list'} covered diagnoses but no procedure code in ${FILE_NAMES.hcpcs} and ${withoutCodes === 1 ? 'was' : 'were'} left out.`)
  if (olderVersions > 0) warnings.push(`Older versions of ${olderVersions === 1 ? 'an article were' : 'articles were'} left out: only each article's latest version is kept.`)
  return { ok: true, articles, warnings }
}
