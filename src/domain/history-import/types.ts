import type { HistoryLine } from '../schema.ts'

/** The fields a claim-history line carries; the first three are required. */
export type HistoryField = 'patient' | 'dateOfService' | 'code' | 'modifiers' | 'units' | 'provider'
export type RequiredHistoryField = 'patient' | 'dateOfService' | 'code'
export const REQUIRED_FIELDS: readonly RequiredHistoryField[] = ['patient', 'dateOfService', 'code']

export const FIELD_LABELS: Readonly<Record<HistoryField, string>> = {
  patient: 'Patient (account number)',
  dateOfService: 'Date of service',
  code: 'Procedure code (CPT/HCPCS)',
  modifiers: 'Modifiers',
  units: 'Units',
  provider: 'Provider',
}

/**
 * Which header column (0-based cell index) holds each field; null when the file has no
 * such column. Modifiers come from one combined column ("50 KX", "50,KX") or from several
 * numbered columns ("Mod 1".."Mod 4"), in that order.
 */
export interface ColumnMapping {
  patient: number | null
  dateOfService: number | null
  code: number | null
  modifiers: number[]
  units: number | null
  provider: number | null
}

/** What detectColumns returns: the guessed mapping plus the required fields it could not find. */
export interface ColumnDetection extends ColumnMapping {
  missing: RequiredHistoryField[]
}

/** 'M/D/YYYY' is read by the same parser as 'MM/DD/YYYY' (leading zeros optional in both). */
export type DateFormat = 'YYYY-MM-DD' | 'MM/DD/YYYY' | 'M/D/YYYY' | 'MM/DD/YY' | 'YYYYMMDD' | 'DD.MM.YYYY'
export const DATE_FORMATS: readonly DateFormat[] = ['YYYY-MM-DD', 'MM/DD/YYYY', 'M/D/YYYY', 'MM/DD/YY', 'YYYYMMDD', 'DD.MM.YYYY']

export interface ParsedHistoryRow {
  patientId: string
  /** ISO date, YYYY-MM-DD. */
  dateOfService: string
  /** Upper-cased five-character CPT/HCPCS code. */
  code: string
  /** Upper-cased two-character modifiers in file order, at most four. */
  modifiers: string[]
  units: number
  providerId?: string
  /** 1-based physical line of the file the row starts on. */
  sourceRow: number
}

/** row 0 means the file as a whole; column is the header name as written in the file. */
export interface HistoryImportError {
  row: number
  column?: string
  message: string
}

export interface HistoryParseOptions {
  mapping?: ColumnMapping
  dateFormat?: DateFormat
  /** Refuse texts longer than this many characters before scanning them. Default 60 MB. */
  maxBytes?: number
  /**
   * false: no warnings (the rows and errors are the same). For a checker that only needs the rows
   * (the group server checks each uploaded part again): it saves a key and a code lookup per row.
   */
  warnings?: boolean
}

export type HistoryParseResult =
  | { ok: true; rows: ParsedHistoryRow[]; warnings: string[]; mapping: ColumnMapping; dateFormat: DateFormat }
  | { ok: false; errors: HistoryImportError[] }

/**
 * A checked line as a store imports it: the claim line, its patient, and its dedupe key (the
 * history import's historyRowKey). Only these fields are stored.
 */
export type HistoryImportRow = HistoryLine & { patientId: string; key: string }
