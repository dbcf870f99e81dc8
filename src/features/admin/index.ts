export { AdminPages } from './admin-pages.tsx'
