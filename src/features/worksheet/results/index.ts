export { ResultsPanel, type ResultsPanelProps } from './results-panel.tsx'
export { PayerComparison, type PayerComparisonProps } from './payer-comparison.tsx'
export { fixActionsFor, type FixAction } from './fixes.ts'
