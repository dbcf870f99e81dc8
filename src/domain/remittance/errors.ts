import type { RemittanceParseError } from './types.ts'

/** Where in the file a problem is: a segment, optionally an element and a component in it. */
export interface Position {
  segment: number
  segmentId?: string
  element?: number
  component?: number
}

/** Writes the position the way the error messages read: "Segment 14 (CLP), element 2: ". */
export function describePosition(at: Position): string {
  if (at.segment === 0) return ''
  let text = `Segment ${at.segment}`
  if (at.segmentId) text += ` (${at.segmentId})`
  if (at.element !== undefined) text += `, element ${at.element}`
  if (at.component !== undefined) text += `, component ${at.component}`
  return `${text}: `
}

/** Thrown when the error budget is spent or the file cannot be read further. */
export class StopParsing extends Error {}

/** Collects errors up to a limit; past it, parsing stops with a closing note. */
export class ErrorList {
  readonly errors: RemittanceParseError[] = []

  constructor(private readonly max: number) {}

  add(at: Position, text: string): void {
    const error: RemittanceParseError = { segment: at.segment, message: describePosition(at) + text }
    if (at.segmentId !== undefined) error.segmentId = at.segmentId
    if (at.element !== undefined) error.element = at.element
    if (at.component !== undefined) error.component = at.component
    this.errors.push(error)
    if (this.errors.length >= this.max) {
      this.errors.push({ segment: 0, message: `Stopped after ${this.max} errors; fix these and import the file again.` })
      throw new StopParsing()
    }
  }

  /** Adds the error and stops: the rest of the file cannot be read meaningfully. */
  fatal(at: Position, text: string): never {
    this.add(at, text)
    throw new StopParsing()
  }

  get size(): number {
    return this.errors.length
  }
}

/** Shows a value in a message: quoted, shortened, control characters made visible. */
export function showValue(value: string, max = 30): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }
  let visible = ''
  for (const c of value.slice(0, max + 1)) {
    const code = c.charCodeAt(0)
    visible += named[c] ?? (code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : c)
  }
  return `'${visible.length > max ? `${visible.slice(0, max)}…` : visible}'`
}
