import { z } from './zod.ts'
import { isIsoDate as isIsoDateText } from './dates.ts'
import { PROCEDURE_TYPES } from './vocabulary.ts'
import { SEVERITIES } from './types.ts'
import { CASE_LEVELS } from './training/types.ts'
import { NDC_UNITS } from './ndc/ndc.ts'
import { CHARGE_FIELDS } from './charges/charge-rows.ts'

/**
 * The shapes of the records the app stores (a worksheet draft, a provider, a custom payer
 * profile, a practice case, the coverage choices, an entry of the NDC list, the charge file settings), checked wherever such a record comes in from
 * outside: a backup file being restored, and the group server's shared records. Each message
 * completes "<record> <field> ...".
 */

// Field checks, each with a message that completes "<table> record <n>: <field> ...".
type Issue = { input?: unknown }
export const or = (message: string) => ({ error: (issue: Issue) => (issue.input === undefined ? 'is missing' : message) })
export const text = z.string(or('must be text'))
export const nonEmpty = z.string(or('must be text')).check(z.minLength(1, { error: 'must not be empty' }))
export const isoDate = z.string(or('must be a date written YYYY-MM-DD')).check(z.refine(isIsoDateText, { error: 'must be a date written YYYY-MM-DD' }))
export const isoDateOrEmpty = z.string(or('must be a date written YYYY-MM-DD, or empty')).check(z.refine((s) => s === '' || isIsoDateText(s), { error: 'must be a date written YYYY-MM-DD, or empty' }))
export const isoTime = z.string(or('must be a date and time like 2026-11-26T14:05:00.000Z')).check(
  z.refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), { error: 'must be a date and time like 2026-11-26T14:05:00.000Z' }),
)
export const whole = (min: number, message: string) => z.int(or(message)).check(z.minimum(min, { error: message }))
export const count = whole(0, 'must be a whole number, 0 or more')
export const nullableText = z.nullable(z.string(or('must be text or null')))
export const textList = z.array(z.string(or('must be text')), or('must be a list of text'))
export const object = z.looseObject({}, or('must be an object'))
export const objectList = z.array(object, or('must be a list'))

export const draftRecordSchema = z.looseObject({
  id: nonEmpty,
  createdAt: isoTime,
  updatedAt: isoTime,
  patientId: text,
  dateOfService: isoDateOrEmpty,
  values: z.unknown(),
  status: z.enum(['draft', 'returned'], or("must be 'draft' or 'returned'")),
  returnNote: nullableText,
}, or('must be an object'))

export const providerRecordSchema = z.looseObject({ id: nonEmpty, name: text }, or('must be an object'))
export const payerProfileRecordSchema = z.looseObject({ profile: object, basedOn: nullableText, createdAt: isoTime, updatedAt: isoTime }, or('must be an object'))

export const oneOf = <const T extends readonly string[]>(values: T) => z.enum(values, or(`must be one of ${values.map((v) => `'${v}'`).join(', ')}`))
export const families = z.array(oneOf(PROCEDURE_TYPES), or('must be a list'))
export const fraction = z.number(or('must be a number from 0 to 1')).check(z.minimum(0, { error: 'must be a number from 0 to 1' }), z.maximum(1, { error: 'must be a number from 0 to 1' }))
export const answerLineSchema = z.looseObject({ code: nonEmpty, modifiers: textList, units: whole(1, 'must be a whole number, 1 or more') }, or('must be an object'))
export const answerKeySchema = z.looseObject({
  lines: z.array(answerLineSchema, or('must be a list')),
  findings: z.array(z.looseObject({ ruleId: nonEmpty, severity: oneOf(SEVERITIES) }, or('must be an object')), or('must be a list')),
}, or('must be an object'))
export const practiceCaseRecordSchema = z.looseObject({
  id: nonEmpty,
  case: z.looseObject({
    id: nonEmpty, title: nonEmpty, level: oneOf(CASE_LEVELS), families, ruleIds: textList, note: text, context: text,
    today: isoDate, input: object, answerKey: answerKeySchema, teachingPoint: text,
  }, or('must be an object')),
  origin: oneOf(['authored', 'imported']),
  createdAt: isoTime,
  updatedAt: isoTime,
  userId: text,
  userName: text,
}, or('must be an object'))
export const coverageSettingsRecordSchema = z.looseObject({
  id: z.literal('practice', or("must be 'practice'")),
  choices: object,
  settings: object,
  updatedAt: z.nullable(isoTime),
}, or('must be an object'))

/** An entry of the practice's NDC list: a drug code, its NDC in the 11-digit form, the unit and the dates it is used on. */
export const ndcListRecordSchema = z.looseObject({
  id: nonEmpty,
  hcpcs: z.string(or('must be text')).check(z.regex(/^[A-Z][0-9]{4}$/, { error: 'must be a HCPCS code: a capital letter and four digits' })),
  ndc11: z.string(or('must be text')).check(z.regex(/^[0-9]{11}$/, { error: 'must be an NDC of 11 digits without hyphens' })),
  description: text,
  unit: oneOf(NDC_UNITS),
  effectiveFrom: z.nullable(isoDate),
  effectiveTo: z.nullable(isoDate),
  updatedAt: isoTime,
}, or('must be an object')).check(z.refine((r) => r.effectiveFrom === null || r.effectiveTo === null || r.effectiveFrom <= r.effectiveTo, {
  error: 'must not be before effectiveFrom', path: ['effectiveTo'],
}))

/** The practice's charge file settings (one record): the HL7 MSH names and the CSV column mapping. */
export const chargeSettingsRecordSchema = z.looseObject({
  id: z.literal('practice', or("must be 'practice'")),
  sendingApplication: text,
  sendingFacility: text,
  receivingApplication: text,
  receivingFacility: text,
  columns: z.array(z.looseObject({ header: text, field: oneOf(CHARGE_FIELDS) }, or('must be an object')), or('must be a list')),
  updatedAt: isoTime,
}, or('must be an object'))
