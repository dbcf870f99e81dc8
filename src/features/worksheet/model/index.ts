export * from './values.ts'
export { getDefaultWorksheetValues, newProcedureValues, newKey } from './defaults.ts'
export { worksheetToInput, inputToWorksheet, NOT_ENTERED, type FormIssue } from './mappers.ts'
export {
  choiceForLine, diagnosisLetters, enteredDiagnoses, linePointersToInput, linePointersToValues, withLinePointers, withoutChoiceNamed,
} from './pointers.ts'
