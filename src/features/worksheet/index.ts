export { WorksheetRoute } from './worksheet-route.tsx'
export { newDraftId, toReturnedDraft } from './drafts/draft-records.ts'
