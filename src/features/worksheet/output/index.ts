export {
  box21Text, claimLinesToCsv, claimLinesToTsv, csvField, neutralizeFormula, type ClaimLinesMeta,
} from './claim-line-tables.ts'
export {
  encounterToJson, MAX_ENCOUNTER_FILE_BYTES, parseEncounterFile, readEncounterFile, utf8ByteLength,
  type ParseEncounterResult,
} from './encounter-file.ts'
export { downloadText, EXPORT_MIME, fileNameFor } from './download.ts'
