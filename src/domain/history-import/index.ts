/**
 * Prior claim history from practice-management CSV exports: column and date-format
 * detection for the preview, a check of every row, and the dedupe key for re-imports.
 * Pure functions: no UI, no storage.
 */
export type {
  ColumnDetection,
  ColumnMapping,
  DateFormat,
  HistoryField,
  HistoryImportError,
  HistoryImportRow,
  HistoryParseOptions,
  HistoryParseResult,
  ParsedHistoryRow,
  RequiredHistoryField,
} from './types.ts'
export { DATE_FORMATS, FIELD_LABELS, REQUIRED_FIELDS } from './types.ts'
export { detectColumns } from './columns.ts'
export { detectDateFormat, expandTwoDigitYear, readDate } from './dates.ts'
export { DEFAULT_MAX_BYTES, parseHistoryCsv } from './parse-history.ts'
export { dedupeAgainst, historyRowKey, toImportRow } from './dedupe.ts'
