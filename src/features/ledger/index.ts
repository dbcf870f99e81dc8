export { HistoryImportPage } from './history-import-page.tsx'
