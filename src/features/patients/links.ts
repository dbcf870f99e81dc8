import { followsInApp } from '../../lib/links.ts'

export { followsInApp }

export const patientHref = (patientId: string): string => `#/patients/${encodeURIComponent(patientId)}`
