export { WorksheetRoute } from './worksheet-route.tsx'
export { newDraftId } from './drafts/draft-records.ts'
