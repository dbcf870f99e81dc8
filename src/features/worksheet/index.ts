export { WorksheetRoute } from './worksheet-route.tsx'
export { DraftsPage } from './drafts/drafts-page.tsx'
export { newDraftId } from './drafts/draft-records.ts'
