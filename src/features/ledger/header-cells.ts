import { detectColumns } from './history-import/index.ts'

const DELIMITERS = [',', '\t', '|', ';'] as const
const SEARCH_LINES = 20

/** Splits one physical line on a delimiter, honouring double quotes ("a, b" and "" escapes). */
export function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++ }
      else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"' && cell.trim() === '') quoted = true
    else if (ch === delimiter) { cells.push(cell.trim()); cell = '' }
    else cell += ch
  }
  cells.push(cell.trim())
  return cells
}

/**
 * The header cells of a claim-history file, for the column pickers: the first line among the
 * first 20 whose cells name the required fields (with the delimiter that does so), else the first
 * non-blank line split on commas. The parser finds the header the same way, so the cell indexes
 * line up with its column mapping.
 */
export function headerCells(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, SEARCH_LINES)
  let best: { cells: string[]; mapped: number } | null = null
  let firstNonBlank: string[] | null = null
  for (const line of lines) {
    if (line.trim() === '') continue
    firstNonBlank ??= splitLine(line, ',')
    for (const d of DELIMITERS) {
      if (!line.includes(d)) continue
      const cells = splitLine(line, d)
      const found = detectColumns(cells)
      if (found.missing.length === 0) return cells
      const mapped = 3 - found.missing.length
      if (mapped > 0 && (best === null || mapped > best.mapped)) best = { cells, mapped }
    }
  }
  return best?.cells ?? firstNonBlank ?? []
}
