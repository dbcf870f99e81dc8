export * from './values.ts'
export { getDefaultWorksheetValues, newProcedureValues, newKey } from './defaults.ts'
export { worksheetToInput, inputToWorksheet, type FormIssue } from './mappers.ts'
