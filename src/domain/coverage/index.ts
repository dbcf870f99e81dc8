/**
 * Coverage from the Medicare billing articles: parse the MCD article download, check a claim
 * line's procedure code against the article's covered diagnosis groups (with the practice's
 * per-group settings), and point each line to its diagnoses (CMS-1500 boxes 21 and 24E).
 */
export type { CoverageArticle, CoverageContext, CoverageFamily, CoverageGroup, CoverageGroupSetting, CoverageSettings } from './types.ts'
export { COVERAGE_FAMILIES } from './types.ts'
export { STAND_ALONE } from './types.ts'
export { parseCoverageArticles, type CoverageFile, type CoverageParseError, type CoverageParseOptions, type CoverageParseResult } from './parse-articles.ts'
export { checkLineCoverage, groupSetting, type LineCoverage } from './check-coverage.ts'
export { paragraphText } from './paragraph-text.ts'
export { checkPointers, defaultPointers, MAX_POINTERS, pointerLetter, POINTER_LETTERS, type PointerLetter } from './diagnosis-pointers.ts'
