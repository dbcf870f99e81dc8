import type { Adjustment } from '../types.ts'
import { formatAmount } from '../values.ts'

/**
 * Writes an 835 (005010X221A1) from a plain description, with the envelope counts and
 * control numbers right, for tests and properties. Amounts are cents, dates ISO.
 */

export interface BuildLine {
  code: string
  modifiers?: string[]
  charge: number
  paid: number
  units?: number
  date?: string
  adjustments?: Adjustment[]
  remarks?: string[]
  controlNumber?: string
  allowed?: number
}

export interface BuildClaim {
  patientControlNumber: string
  status: string
  charge: number
  paid: number
  patientResponsibility?: number
  payerClaimNumber: string
  patient?: { last: string; first: string; memberId: string }
  renderingNpi?: string
  from?: string
  to?: string
  adjustments?: Adjustment[]
  lines: BuildLine[]
}

export interface BuildSpec {
  payerName: string
  payerId?: string
  payeeName?: string
  payeeNpi?: string
  paymentDate: string
  /** Defaults to the sum of the claims' payments. */
  paymentAmount?: number
  checkNumber: string
  claims: BuildClaim[]
  interchangeControl?: string
  groupControl?: string
  transactionControl?: string
}

export interface BuildSeparators {
  element: string
  component: string
  repetition: string
  segment: string
  /** Written after each segment terminator, e.g. "\r\n". */
  after?: string
}

export const STANDARD_SEPARATORS: BuildSeparators = { element: '*', component: ':', repetition: '^', segment: '~', after: '\n' }

const compact = (iso: string): string => iso.replaceAll('-', '')
const pad = (text: string, width: number): string => text.padEnd(width, ' ').slice(0, width)

function casSegments(adjustments: readonly Adjustment[]): string[][] {
  const byGroup = new Map<string, Adjustment[]>()
  for (const a of adjustments) byGroup.set(a.group, [...(byGroup.get(a.group) ?? []), a])
  const segments: string[][] = []
  for (const [group, list] of byGroup) {
    for (let i = 0; i < list.length; i += 6) {
      const triples = list.slice(i, i + 6).flatMap((a) => [a.reason, formatAmount(a.amount), a.quantity === undefined ? '' : String(a.quantity)])
      while (triples.at(-1) === '') triples.pop()
      segments.push(['CAS', group, ...triples])
    }
  }
  return segments
}

/** The 835 text of `spec`, written with `separators`. */
export function build835(spec: BuildSpec, separators: BuildSeparators = STANDARD_SEPARATORS): string {
  const s = separators
  const isaControl = spec.interchangeControl ?? '000000101'
  const groupControl = spec.groupControl ?? '101'
  const stControl = spec.transactionControl ?? '0001'
  const date = compact(spec.paymentDate)
  const body: string[][] = [
    ['ST', '835', stControl, '005010X221A1'],
    ['BPR', 'I', formatAmount(spec.paymentAmount ?? spec.claims.reduce((sum, c) => sum + c.paid, 0)), 'C', 'ACH', 'CCP', '01', '011000015', 'DA', '123456789', '1512345678', '', '01', '021000021', 'DA', '987654321', date],
    ['TRN', '1', spec.checkNumber, '1512345678'],
    ['DTM', '405', date],
    ['N1', 'PR', spec.payerName, ...(spec.payerId ? ['XV', spec.payerId] : [])],
    ['N1', 'PE', spec.payeeName ?? 'VALLEY PAIN CENTER', 'XX', spec.payeeNpi ?? '1234567893'],
  ]
  if (spec.claims.length > 0) body.push(['LX', '1'])
  for (const claim of spec.claims) {
    body.push(['CLP', claim.patientControlNumber, claim.status, formatAmount(claim.charge), formatAmount(claim.paid),
      claim.patientResponsibility === undefined ? '' : formatAmount(claim.patientResponsibility), '12', claim.payerClaimNumber])
    body.push(...casSegments(claim.adjustments ?? []))
    if (claim.patient) body.push(['NM1', 'QC', '1', claim.patient.last, claim.patient.first, '', '', '', 'MI', claim.patient.memberId])
    if (claim.renderingNpi) body.push(['NM1', '82', '1', 'RENDERING', 'DOC', '', '', '', 'XX', claim.renderingNpi])
    if (claim.from) body.push(['DTM', '232', compact(claim.from)])
    if (claim.to) body.push(['DTM', '233', compact(claim.to)])
    for (const line of claim.lines) {
      const procedure = ['HC', line.code, ...(line.modifiers ?? [])].join(s.component)
      const svc = ['SVC', procedure, formatAmount(line.charge), formatAmount(line.paid)]
      if (line.units !== undefined) svc.push('', String(line.units))
      body.push(svc)
      if (line.date) body.push(['DTM', '472', compact(line.date)])
      body.push(...casSegments(line.adjustments ?? []))
      if (line.controlNumber) body.push(['REF', '6R', line.controlNumber])
      if (line.allowed !== undefined) body.push(['AMT', 'B6', formatAmount(line.allowed)])
      for (const remark of line.remarks ?? []) body.push(['LQ', 'HE', remark])
    }
  }
  body.push(['SE', String(body.length + 1), stControl])
  const isa = ['ISA', '00', pad('', 10), '00', pad('', 10), 'ZZ', pad('PAYERSENDER', 15), 'ZZ', pad('VALLEYPAIN', 15),
    '261126', '1200', s.repetition, '00501', isaControl, '0', 'P', s.component]
  const segments = [
    isa,
    ['GS', 'HP', 'PAYERSENDER', 'VALLEYPAIN', '20261126', '1200', groupControl, 'X', '005010X221A1'],
    ...body,
    ['GE', '1', groupControl],
    ['IEA', '1', isaControl],
  ]
  return segments.map((seg) => seg.join(s.element) + s.segment + (s.after ?? '')).join('')
}
