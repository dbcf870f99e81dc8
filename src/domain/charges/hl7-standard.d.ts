// The independent HL7 v2 parser the DFT^P03 tests read our messages back with (no types of its own).
declare module 'hl7-standard' {
  interface Segment { data: Record<string, unknown> }
  export default class HL7 {
    constructor(raw: string, options?: { lineEndings?: string })
    transform(callback?: (error: unknown) => void): void
    get(field: string, index?: number, sectionIndex?: number, subIndex?: number): unknown
    getSegments(name: string): Segment[]
    transformed: Record<string, Segment[]>
  }
}
