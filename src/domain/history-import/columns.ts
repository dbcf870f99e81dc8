import { REQUIRED_FIELDS, type ColumnDetection, type HistoryField } from './types.ts'

/**
 * Header names as practice-management exports write them, squashed (lower case, letters
 * and digits only), with a score: when two cells fit a field the higher score wins
 * ("Patient ID" over "Patient Name"; "Rendering Provider NPI" over "Provider").
 */
const NAMES: Readonly<Record<Exclude<HistoryField, 'modifiers'>, Readonly<Record<string, number>>>> = {
  patient: {
    patientid: 100, patientaccount: 98, patientaccountnumber: 98, patientacct: 98, patientacctno: 98,
    accountnumber: 95, accountno: 95, acctno: 95, acctnumber: 95, acct: 94, account: 94, accountid: 95,
    mrn: 92, medicalrecordnumber: 92, medicalrecordno: 92, chartnumber: 90, chartno: 90, chart: 88, chartid: 90,
    patientnumber: 90, patientno: 90, ptid: 90, personnumber: 85, patient: 70, patientname: 40, pt: 60,
  },
  dateOfService: {
    dos: 100, dateofservice: 100, servicedate: 98, svcdate: 95, dosfrom: 96, fromdos: 95, fromdate: 92,
    servicedatefrom: 96, dateofservicefrom: 96, servicefromdate: 96, fromdateofservice: 95, datesofservice: 90,
    encounterdate: 80, visitdate: 80, date: 40,
  },
  code: {
    cpt: 100, cptcode: 100, hcpcs: 100, hcpcscode: 100, cpthcpcs: 100, hcpcscpt: 100, cpthcpcscode: 100,
    hcpcscptcode: 100, procedurecode: 98, proccode: 98, procedure: 85, proc: 85, cptcodes: 90, code: 60,
    servicecode: 70, billingcode: 70,
  },
  units: {
    units: 100, unit: 98, qty: 95, quantity: 95, daysunits: 100, daysorunits: 100, serviceunits: 98, svcunits: 98,
    unitcount: 95, billedunits: 95, chargeunits: 95,
  },
  provider: {
    renderingprovidernpi: 100, renderingnpi: 100, renderingprovider: 98, renderingproviderid: 98,
    renderingphysician: 96, servicingprovider: 95, servicingprovidernpi: 97, providernpi: 92, providerid: 90,
    npi: 88, provider: 85, providername: 80, doctor: 80, physician: 80, renderingdoctor: 95, rendering: 90,
  },
}

const COMBINED_MODIFIER_NAMES = new Set(['modifiers', 'modifier', 'mods', 'mod', 'modifiercodes', 'procmodifiers', 'cptmodifiers'])
const NUMBERED_MODIFIER = /^(?:mod|modifier|m|cptmod|cptmodifier|procmod)([1-4])$/

export function squashHeader(cell: string): string {
  return cell.toLowerCase().replace(/[^a-z0-9]/g, '')
}

/**
 * Guesses which header cell holds each field, ignoring case, spaces and punctuation.
 * A field fitted by two cells takes the better-scoring one, the earlier on a tie.
 * Numbered modifier columns ("Mod 1".."Mod 4") win over a combined "Modifiers" column.
 */
export function detectColumns(headerCells: string[]): ColumnDetection {
  const best = new Map<HistoryField, { index: number; score: number }>()
  const used = new Set<number>()
  const fields = Object.keys(NAMES) as (keyof typeof NAMES)[]
  for (const field of fields) {
    const names = NAMES[field]
    headerCells.forEach((cell, index) => {
      const key = squashHeader(cell)
      // Own keys only: a cell reading "constructor" must not find Object.prototype's.
      if (!Object.hasOwn(names, key)) return
      const score = names[key] ?? 0
      const current = best.get(field)
      if (current === undefined || score > current.score) best.set(field, { index, score })
    })
    const hit = best.get(field)
    if (hit) used.add(hit.index)
  }
  const numbered: { index: number; n: number }[] = []
  let combined: number | null = null
  headerCells.forEach((cell, index) => {
    if (used.has(index)) return
    const s = squashHeader(cell)
    const m = NUMBERED_MODIFIER.exec(s)
    if (m) numbered.push({ index, n: Number(m[1]) })
    else if (combined === null && COMBINED_MODIFIER_NAMES.has(s)) combined = index
  })
  numbered.sort((a, b) => a.n - b.n)
  const modifiers = numbered.length > 0 ? numbered.map((m) => m.index) : combined === null ? [] : [combined]
  const mapping: ColumnDetection = {
    patient: best.get('patient')?.index ?? null,
    dateOfService: best.get('dateOfService')?.index ?? null,
    code: best.get('code')?.index ?? null,
    modifiers,
    units: best.get('units')?.index ?? null,
    provider: best.get('provider')?.index ?? null,
    missing: [],
  }
  mapping.missing = REQUIRED_FIELDS.filter((f) => mapping[f] === null)
  return mapping
}

/** How many fields a detection found; used to pick the header row and the delimiter. */
export function countMapped(m: ColumnDetection): number {
  let n = m.modifiers.length > 0 ? 1 : 0
  for (const f of ['patient', 'dateOfService', 'code', 'units', 'provider'] as const) if (m[f] !== null) n++
  return n
}
