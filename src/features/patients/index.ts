export { PatientsPage } from './patients-page.tsx'
export { PatientPage } from './patient-page.tsx'
