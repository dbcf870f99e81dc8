export const patientHref = (patientId: string): string => `#/patients/${encodeURIComponent(patientId)}`
