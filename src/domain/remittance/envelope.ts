import { ErrorList, showValue } from './errors.ts'

/**
 * The X12 interchange around an 835: the fixed-width ISA header that declares the
 * separators, and the ISA/GS/ST ... SE/GE/IEA envelopes with their control numbers and
 * counts. The 835 loops themselves are read in parse-835.ts.
 */

export interface Separators {
  element: string
  component: string
  /** ISA11 from version 00501 on; null when ISA11 is a standards identifier (e.g. "U"). */
  repetition: string | null
  segment: string
}

export interface Segment {
  /** 1-based position in the file, the ISA being 1. */
  number: number
  id: string
  /** elements[0] is the segment id, so elements[2] is CLP02. */
  elements: string[]
}

export interface TransactionSet {
  controlNumber: string
  /** From ST to SE, both included. */
  segments: Segment[]
}

export interface Interchange {
  separators: Separators
  controlNumber: string
  transactionSets: TransactionSet[]
}

/** ISA01..ISA16 widths; the ISA is 106 characters with its terminator. */
const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1] as const
export const ISA_LENGTH = 106

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/
const WHITESPACE = /^[\s\u00a0\ufeff]+|[\s\u00a0\ufeff]+$/g

function isAlphanumericOrSpace(c: string): boolean {
  return /^[A-Za-z0-9 ]$/.test(c)
}

function looksBinary(head: string): boolean {
  return head.includes('\u0000') || head.includes('\ufffd')
}

/** Reads and checks the ISA header; returns the separators or records a fatal error. */
function readIsa(text: string, start: number, errors: ErrorList): { separators: Separators; isa: string[] } {
  const file = { segment: 0 }
  const head = text.slice(start, start + 512)
  if (!head.startsWith('ISA')) {
    if (looksBinary(head)) errors.fatal(file, 'The file is not text: it holds binary data, so it cannot be an X12 835 file.')
    errors.fatal(
      file,
      `The file does not start with an ISA segment, so it is not an X12 interchange; it starts with ${showValue(head, 20)}.`,
    )
  }
  const isaAt = { segment: 1, segmentId: 'ISA' }
  if (text.length - start < ISA_LENGTH) {
    errors.fatal(
      isaAt,
      `the ISA segment is cut short: it has ${text.length - start} characters where X12 fixes it at ${ISA_LENGTH} ` +
        '(ISA, 16 fixed-width elements and the segment terminator).',
    )
  }
  const element = text[start + 3] ?? ''
  if (isAlphanumericOrSpace(element) || element === '\r' || element === '\n') {
    errors.fatal(isaAt, `the element separator (the character after "ISA") is ${showValue(element)}; it must not be a letter, digit, space or line break.`)
  }
  const isa = ['ISA']
  let at = start + 4
  for (let i = 0; i < ISA_WIDTHS.length; i++) {
    const width = ISA_WIDTHS[i] ?? 0
    isa.push(text.slice(at, at + width))
    at += width
    if (i < ISA_WIDTHS.length - 1) {
      const found = text[at] ?? ''
      if (found !== element) {
        errors.fatal(
          { ...isaAt, element: i + 1 },
          `the ISA is not fixed width: ISA${String(i + 1).padStart(2, '0')} should be ${width} characters long and be ` +
            `followed by the element separator ${showValue(element)} at position ${at - start + 1}, but ${showValue(found)} is there. ` +
            'ISA elements are padded with spaces to their fixed lengths.',
        )
      }
      at += 1
    }
  }
  const component = isa[16] ?? ''
  const segment = text[start + ISA_LENGTH - 1] ?? ''
  const isa11 = isa[11] ?? ''
  const repetition = isAlphanumericOrSpace(isa11) ? null : isa11
  if (isAlphanumericOrSpace(component) || component === element) {
    errors.fatal({ ...isaAt, element: 16 }, `the component separator ${showValue(component)} must be a special character other than the element separator ${showValue(element)}.`)
  }
  if (isAlphanumericOrSpace(segment) || segment === element || segment === component) {
    errors.fatal(
      isaAt,
      `the character after ISA16, ${showValue(segment)}, should be the segment terminator; it must be a special character ` +
        'that differs from the element and component separators. The ISA may be longer or shorter than 106 characters.',
    )
  }
  if (repetition !== null && (repetition === element || repetition === component || repetition === segment)) {
    errors.fatal({ ...isaAt, element: 11 }, `the repetition separator ${showValue(repetition)} repeats another separator.`)
  }
  if (!/^\d{9}$/.test(isa[13] ?? '')) {
    errors.add({ ...isaAt, element: 13 }, `the interchange control number ${showValue(isa[13] ?? '')} is not 9 digits.`)
  }
  return { separators: { element, component, repetition, segment }, isa }
}

/** Splits the text after the ISA into segments, tolerating line breaks and spaces around terminators. */
function splitSegments(text: string, from: number, separators: Separators, errors: ErrorList): Segment[] {
  const segments: Segment[] = []
  let number = 1
  for (const raw of text.slice(from).split(separators.segment)) {
    const trimmed = raw.replace(WHITESPACE, '')
    if (trimmed === '') continue
    number += 1
    const elements = trimmed.split(separators.element)
    const id = elements[0] ?? ''
    if (!SEGMENT_ID.test(id)) {
      const text =
        `${showValue(trimmed, 24)} does not begin with a segment identifier followed by the element separator ` +
        `${showValue(separators.element)} that the ISA declares`
      const other = /^[A-Z][A-Z0-9]{1,2}([^A-Z0-9])/.exec(trimmed)?.[1]
      // The first segment after the ISA unreadable means the whole file is: one error, not hundreds.
      if (number === 2) {
        errors.fatal({ segment: number }, `${text}${other ? `; the file seems to separate elements with ${showValue(other)}` : ''}. The ISA and the rest of the file must use the same separators.`)
      }
      errors.add({ segment: number }, `${text}.`)
      continue
    }
    segments.push({ number, id, elements })
  }
  return segments
}

function countMismatch(expected: string, actual: number): boolean {
  return !/^\d+$/.test(expected) || Number(expected) !== actual
}

/**
 * Reads the interchange: separators from the ISA, then the envelopes, checking that every
 * ST/GS/ISA is closed by its SE/GE/IEA with the same control number and the right count.
 * Returns null when anything is wrong (the errors are in `errors`).
 */
export function readInterchange(text: string, errors: ErrorList): Interchange | null {
  const start = text.length - text.replace(/^[\s\ufeff]+/, '').length
  if (start === text.length) errors.fatal({ segment: 0 }, 'The file is empty.')
  const { separators, isa } = readIsa(text, start, errors)
  const segments = splitSegments(text, start + ISA_LENGTH, separators, errors)
  const isaControl = isa[13] ?? ''
  const transactionSets: TransactionSet[] = []
  let group: { control: string; number: number; sets: number } | null = null
  let set: { control: string; start: Segment; segments: Segment[] } | null = null
  let groups = 0
  let closed: Segment | null = null

  for (const seg of segments) {
    const at = { segment: seg.number, segmentId: seg.id }
    const el = (i: number): string => seg.elements[i] ?? ''
    if (closed) {
      errors.add(at, `the interchange already ended with the IEA in segment ${closed.number}; a file must hold one interchange and nothing after it.`)
      break
    }
    if (set && seg.id !== 'SE') {
      if (seg.id === 'ST' || seg.id === 'GE' || seg.id === 'GS' || seg.id === 'IEA' || seg.id === 'ISA') {
        errors.fatal(at, `transaction set ${set.control} (ST in segment ${set.start.number}) has no SE before this ${seg.id}.`)
      }
      set.segments.push(seg)
      continue
    }
    switch (seg.id) {
      case 'GS':
        if (group) errors.fatal(at, `functional group ${group.control} (GS in segment ${group.number}) has no GE before this GS.`)
        if (el(1) !== 'HP') {
          errors.add({ ...at, element: 1 }, `functional identifier ${showValue(el(1))} is not HP (health care claim payment/advice); this importer reads 835 remittance files only.`)
        }
        if (!el(8).startsWith('005010X221')) {
          errors.add({ ...at, element: 8 }, `version ${showValue(el(8))} is not 005010X221A1, the 835 version HIPAA requires.`)
        }
        group = { control: el(6), number: seg.number, sets: 0 }
        groups += 1
        break
      case 'ST':
        if (!group) errors.fatal(at, 'transaction set found outside a functional group (no GS before it).')
        if (el(1) !== '835') {
          errors.fatal({ ...at, element: 1 }, `transaction set ${showValue(el(1))} is not an 835 health care claim payment/advice; this importer reads 835 files only.`)
        }
        set = { control: el(2), start: seg, segments: [seg] }
        group.sets += 1
        break
      case 'SE':
        if (!set) {
          errors.add(at, 'SE found without an ST before it.')
          break
        }
        set.segments.push(seg)
        if (countMismatch(el(1), set.segments.length)) {
          errors.add({ ...at, element: 1 }, `the segment count ${showValue(el(1))} does not match the ${set.segments.length} segments from ST to SE; the transaction set may be incomplete.`)
        }
        if (el(2) !== set.control) {
          errors.add({ ...at, element: 2 }, `control number ${showValue(el(2))} does not match ${showValue(set.control)} of the ST in segment ${set.start.number}.`)
        }
        transactionSets.push({ controlNumber: set.control, segments: set.segments })
        set = null
        break
      case 'GE':
        if (!group) {
          errors.add(at, 'GE found without a GS before it.')
          break
        }
        if (countMismatch(el(1), group.sets)) {
          errors.add({ ...at, element: 1 }, `the transaction set count ${showValue(el(1))} does not match the ${group.sets} transaction sets in the group.`)
        }
        if (el(2) !== group.control) {
          errors.add({ ...at, element: 2 }, `control number ${showValue(el(2))} does not match ${showValue(group.control)} of the GS in segment ${group.number}.`)
        }
        group = null
        break
      case 'IEA':
        if (group) errors.fatal(at, `functional group ${group.control} (GS in segment ${group.number}) has no GE before the IEA.`)
        if (countMismatch(el(1), groups)) {
          errors.add({ ...at, element: 1 }, `the functional group count ${showValue(el(1))} does not match the ${groups} groups in the interchange.`)
        }
        if (el(2) !== isaControl) {
          errors.add({ ...at, element: 2 }, `control number ${showValue(el(2))} does not match ${showValue(isaControl)} of the ISA.`)
        }
        closed = seg
        break
      case 'ISA':
        errors.fatal(at, 'a second ISA inside the interchange; a file must hold one interchange.')
        break
      default:
        errors.add(at, 'segment found outside a transaction set (between the envelopes).')
    }
  }
  const last = segments.at(-1)?.number ?? 1
  const end = { segment: last }
  if (set) errors.add(end, `the file ends inside transaction set ${set.control} (ST in segment ${set.start.number}): no SE; the file may be truncated.`)
  else if (group) errors.add(end, `the file ends inside functional group ${group.control} (GS in segment ${group.number}): no GE; the file may be truncated.`)
  if (!closed) errors.add(end, `the file ends without the IEA that closes interchange ${isaControl}; the file may be truncated.`)
  if (transactionSets.length === 0 && errors.size === 0) errors.add({ segment: 0 }, 'The interchange holds no 835 transaction set.')
  return errors.size === 0 ? { separators, controlNumber: isaControl, transactionSets } : null
}
