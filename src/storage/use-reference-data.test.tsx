// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createContext, evaluate } from '../domain/index.ts'
import { input, TODAY, transforaminal } from '../domain/testing/builders.ts'
import { createIdbStore, deleteStore } from './idb-store.ts'
import { StoreProvider } from './store-provider.tsx'
import type { NdcListRecord, WorksheetStore } from './types.ts'
import { useReferenceData } from './use-reference-data.ts'

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `reference-data-ndc-${++n}`; store = createIdbStore(name) })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

const esi = transforaminal([['L4-L5', 'left']])
const dex = { code: 'J1100', name: 'dexamethasone sodium phosphate', dose: 8, unit: 'mg' as const, category: 'steroid' as const }
const entry = (over: Partial<NdcListRecord> = {}): NdcListRecord => ({
  id: 'n-1', hcpcs: 'J1100', ndc11: '12345678901', description: 'dexamethasone 4 mg/mL, 1 mL vial', unit: 'ME',
  effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30', updatedAt: '2026-11-01T00:00:00.000Z', ...over,
})

/** Codes an encounter as the worksheet does: the evaluation context takes the store's NDC list. */
function DrugLineNdc({ dateOfService }: { dateOfService: string }) {
  const { ndcList } = useReferenceData()
  const result = evaluate(input({ drugs: [dex], procedures: [esi], dateOfService }), createContext(TODAY, { ndcList }))
  const ndc = result.lines.find((l) => l.code === 'J1100')?.ndc
  return <output aria-label="J1100 NDC">{ndc ? `${ndc.ndc11} ${ndc.unit ?? ''} ${ndc.quantity ?? ''} ${ndc.from}` : 'none'}</output>
}

const shown = () => screen.getByRole('status', { name: 'J1100 NDC' }).textContent

describe("the practice's NDC list in the evaluation", () => {
  it('fills a drug line with no NDC from the list on a date of service inside the entry\'s dates', async () => {
    await store.saveNdcEntry(entry())
    render(<StoreProvider store={store}><DrugLineNdc dateOfService="2026-03-10" /></StoreProvider>)
    expect(await screen.findByText('12345678901 ME 8 practice-list')).toBeDefined()
  })

  it('leaves the line without an NDC when the date of service is after the entry\'s last day, or before its first', async () => {
    await store.saveNdcEntry(entry())
    const { rerender } = render(<StoreProvider store={store}><DrugLineNdc dateOfService="2026-07-01" /></StoreProvider>)
    // Loaded first: the entry for the same code fills a date inside its span.
    rerender(<StoreProvider store={store}><DrugLineNdc dateOfService="2026-06-30" /></StoreProvider>)
    expect(await screen.findByText('12345678901 ME 8 practice-list')).toBeDefined()
    rerender(<StoreProvider store={store}><DrugLineNdc dateOfService="2026-07-01" /></StoreProvider>)
    expect(shown()).toBe('none')
    rerender(<StoreProvider store={store}><DrugLineNdc dateOfService="2025-12-31" /></StoreProvider>)
    expect(shown()).toBe('none')
  })

  it('picks up an entry saved while the worksheet is open, and the newest entry of a code where two are in use', async () => {
    render(<StoreProvider store={store}><DrugLineNdc dateOfService="2026-03-10" /></StoreProvider>)
    expect(shown()).toBe('none')
    await store.saveNdcEntry(entry({ effectiveTo: null }))
    expect(await screen.findByText('12345678901 ME 8 practice-list')).toBeDefined()
    await store.saveNdcEntry(entry({ id: 'n-2', ndc11: '22222333344', effectiveFrom: '2026-03-01', effectiveTo: null }))
    expect(await screen.findByText('22222333344 ME 8 practice-list')).toBeDefined()
  })
})
