import { expect, type Page } from '@playwright/test'

/**
 * X12 835 (005010X221A1) texts for the remittance journeys, written from a plain description
 * with the envelope right (fixed-width ISA, segment counts, matching control numbers), so a
 * journey can answer the claims of the encounters it finalized.
 */

export interface EraAdjustment {
  /** CAS01: CO, PR, OA, PI or CR. */
  group: string
  /** The claim adjustment reason code (CARC), e.g. "4". */
  reason: string
  /** Dollars, e.g. 1200 or 12.5. */
  amount: number
}

export interface EraLine {
  code: string
  modifiers?: readonly string[]
  units?: number
  /** Dollars. */
  charge: number
  paid: number
  adjustments?: readonly EraAdjustment[]
  /** Remark codes (RARC), e.g. ["N822"]. */
  remarks?: readonly string[]
}

export interface EraClaim {
  /** CLP01: what the practice sent as the claim number; the patient account matches by patient and date. */
  claimNumber: string
  /** The date of service entered on the worksheet (YYYY-MM-DD), written as DTM*472 of each line. */
  dateOfService: string
  /** CLP02: "1" processed as primary, "4" denied. Default "1", or "4" when nothing is paid. */
  status?: string
  payerClaimNumber?: string
  lines: readonly EraLine[]
}

export interface Era {
  payerName?: string
  payerId?: string
  /** TRN02. */
  checkNumber?: string
  /** BPR16, YYYY-MM-DD. */
  paymentDate?: string
  claims: readonly EraClaim[]
}

const money = (dollars: number) => dollars.toFixed(2)
const compact = (iso: string) => iso.replaceAll('-', '')
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)

/** The 835 text of `era`: one interchange, one group, one payment. */
export function write835(era: Era): string {
  const paymentDate = era.paymentDate ?? '2026-11-21'
  const payerName = era.payerName ?? 'MEDICARE JF PART B'
  const paid = sum(era.claims.flatMap((c) => c.lines.map((l) => l.paid)))
  const body: string[][] = [
    ['ST', '835', '0001', '005010X221A1'],
    ['BPR', 'I', money(paid), 'C', 'ACH', 'CCP', '01', '011000015', 'DA', '123456789', '1512345678', '', '01', '021000021', 'DA', '987654321', compact(paymentDate)],
    ['TRN', '1', era.checkNumber ?? 'EFT20261121E2E', '1512345678'],
    ['N1', 'PR', payerName, ...(era.payerId ? ['XV', era.payerId] : [])],
    ['N1', 'PE', 'VALLEY PAIN CENTER', 'XX', '1234567893'],
    ['LX', '1'],
  ]
  era.claims.forEach((claim, i) => {
    const charge = sum(claim.lines.map((l) => l.charge))
    const claimPaid = sum(claim.lines.map((l) => l.paid))
    const patientShare = sum(claim.lines.flatMap((l) => (l.adjustments ?? []).filter((a) => a.group === 'PR').map((a) => a.amount)))
    body.push(['CLP', claim.claimNumber, claim.status ?? (claimPaid === 0 ? '4' : '1'), money(charge), money(claimPaid), money(patientShare), 'MB', claim.payerClaimNumber ?? `2632000000${i + 1}`])
    body.push(['DTM', '232', compact(claim.dateOfService)])
    for (const line of claim.lines) {
      body.push(['SVC', ['HC', line.code, ...(line.modifiers ?? [])].join(':'), money(line.charge), money(line.paid), '', String(line.units ?? 1)])
      body.push(['DTM', '472', compact(claim.dateOfService)])
      for (const a of line.adjustments ?? []) body.push(['CAS', a.group, a.reason, money(a.amount)])
      for (const remark of line.remarks ?? []) body.push(['LQ', 'HE', remark])
    }
  })
  body.push(['SE', String(body.length + 1), '0001'])
  const pad = (text: string, width: number) => text.padEnd(width, ' ')
  const isa = ['ISA', '00', pad('', 10), '00', pad('', 10), 'ZZ', pad('PAYERSENDER', 15), 'ZZ', pad('VALLEYPAIN', 15), '261121', '1015', '^', '00501', '000004712', '0', 'P', ':']
  const segments = [
    isa,
    ['GS', 'HP', 'PAYERSENDER', 'VALLEYPAIN', compact(paymentDate), '1015', '4712', 'X', '005010X221A1'],
    ...body,
    ['GE', '1', '4712'],
    ['IEA', '1', '000004712'],
  ]
  return segments.map((s) => `${s.join('*')}~\n`).join('')
}

/** On the Remittances page: picks `text` as the 835 file. */
export async function pickRemittanceFile(page: Page, text: string, name = 'era.835'): Promise<void> {
  await page.getByLabel('Remittance file (835)').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })
}

/** On the Remittances page: picks `text`, stores it and waits for the confirmation. */
export async function importRemittance(page: Page, text: string, name = 'era.835'): Promise<void> {
  await pickRemittanceFile(page, text, name)
  await page.getByRole('button', { name: 'Store this remittance' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Stored ${name}:` })).toBeVisible()
}
