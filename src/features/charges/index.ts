export { ChargesPage, type ChargesPageProps } from './charges-page.tsx'
export { type ChargeCandidate, type LineReviewStatus } from './batch.ts'
