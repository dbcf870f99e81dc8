import type { IsoDate } from '../dates.ts'
import type { Segment, Separators } from './envelope.ts'
import { ErrorList, showValue, type Position } from './errors.ts'
import type { Cents } from './types.ts'
import { parseAmount, parseDate, parseQuantity, type ValueResult } from './values.ts'

/**
 * Reads the elements of one segment, recording an error with the segment number and the
 * element position for every value that is missing or malformed. Readers return null for
 * a bad or absent value, so the caller carries on and reports every problem of the file.
 */
export class SegmentReader {
  constructor(
    readonly segment: Segment,
    private readonly separators: Separators,
    private readonly errors: ErrorList,
  ) {}

  at(element?: number, component?: number): Position {
    const at: Position = { segment: this.segment.number, segmentId: this.segment.id }
    if (element !== undefined) at.element = element
    if (component !== undefined) at.component = component
    return at
  }

  error(text: string, element?: number, component?: number): void {
    this.errors.add(this.at(element, component), text)
  }

  /** The element's text, '' when absent. */
  text(element: number): string {
    return this.segment.elements[element] ?? ''
  }

  get length(): number {
    return this.segment.elements.length - 1
  }

  required(element: number, what: string): string | null {
    const value = this.text(element)
    if (value === '') {
      this.error(`the ${what} is missing.`, element)
      return null
    }
    return value
  }

  /** The composite's components, 1-based like the element positions (components[1] is C003-01). */
  components(element: number): string[] {
    return ['', ...this.text(element).split(this.separators.component)]
  }

  private value<T>(element: number, what: string, parse: (text: string) => ValueResult<T>, required: boolean): T | null {
    const raw = this.text(element)
    if (raw === '') {
      if (required) this.error(`the ${what} is missing.`, element)
      return null
    }
    const parsed = parse(raw)
    if (!parsed.ok) {
      this.error(`${what} ${showValue(raw)} ${parsed.problem}.`, element)
      return null
    }
    return parsed.value
  }

  amount(element: number, what: string, required = true): Cents | null {
    return this.value(element, what, parseAmount, required)
  }

  quantity(element: number, what: string, required = true): number | null {
    return this.value(element, what, parseQuantity, required)
  }

  date(element: number, what: string, required = true): IsoDate | null {
    return this.value(element, what, parseDate, required)
  }
}
