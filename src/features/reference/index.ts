export { NcciTablesPage } from './ncci-tables-page.tsx'
