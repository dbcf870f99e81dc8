export { NcciTablesPage } from './ncci-tables-page.tsx'
export { DiagnosisListsPage } from './diagnoses/diagnosis-lists-page.tsx'
