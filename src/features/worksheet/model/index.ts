export * from './values.ts'
export { getDefaultWorksheetValues, newProcedureValues, newKey } from './defaults.ts'
export { worksheetToInput, inputToWorksheet, NOT_ENTERED, type FormIssue } from './mappers.ts'
