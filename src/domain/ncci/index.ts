/**
 * CMS NCCI quarterly tables: parse the practitioner MUE and PTP files as CMS publishes
 * them, and look edits up by date of service.
 */
export type {
  MueAdjudicationIndicator,
  MueEntry,
  MueTable,
  NcciFileMeta,
  NcciParseError,
  NcciParseOptions,
  ParseResult,
  PtpEdit,
  PtpModifierIndicator,
  PtpTable,
} from './types.ts'
export { parseMueFile } from './parse-mue.ts'
export { mergePtpTables, parsePtpFile } from './parse-ptp.ts'
export { findMue, findPtpEdits, isPtpEditActiveOn, selectTable } from './find-edits.ts'
export { isHcpcsCode, quarterBounds, quarterOf } from './field-rules.ts'
