export { WorksheetRoute } from './worksheet-route.tsx'
export { draftFromInput, newDraftId, toReturnedDraft } from './drafts/draft-records.ts'
export { CaseWorksheet } from './case-worksheet.tsx'
