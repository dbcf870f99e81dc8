// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ChangeRightsContext, type ChangeRefusal } from '../../../lib/change-rights.ts'
import { createIdbStore, deleteStore, StoreProvider, type WorksheetStore } from '../../../storage/index.ts'
import { DiagnosisListsPage } from '../index.ts'

const read = (path: string) => readFileSync(join(process.cwd(), path), 'utf8')
const ORDER_FILE = read('src/domain/icd10/fixtures/icd10cm-order-2023-excerpt.txt')
const ARTICLE_FILES = ['article.csv', 'article_x_hcpc_code.csv', 'article_x_icd10_covered.csv', 'article_x_icd10_covered_group.csv']

let n = 0
let name = ''
let store: WorksheetStore & { close: () => Promise<void> }
beforeEach(() => { name = `diagnosis-lists-page-${++n}`; store = createIdbStore(name) })
afterEach(async () => { cleanup(); await store.close(); await deleteStore(name) })

function pick(label: string, files: File[]) {
  const input = screen.getByLabelText(label)
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  fireEvent.change(input)
}

describe('DiagnosisListsPage', () => {
  async function loadBoth() {
    render(<StoreProvider store={store}><DiagnosisListsPage today="2026-11-26" /></StoreProvider>)
    pick('Order file (icd10cm_order_YYYY.txt)', [new File([ORDER_FILE], 'icd10cm_order_2027.txt')])
    fireEvent.click(screen.getByRole('button', { name: 'Load code set' }))
    await screen.findByRole('table', { name: 'Loaded ICD-10-CM code sets, newest first' })
    pick('Article download files (CSV)', ARTICLE_FILES.map((f) => new File([read(`src/domain/coverage/fixtures/${f}`)], f, { type: 'text/csv' })))
    fireEvent.click(screen.getByRole('button', { name: 'Load articles' }))
    await screen.findByRole('table', { name: 'Loaded Medicare billing articles' })
    cleanup()
  }

  it('shows a coder the loaded lists read-only: no load forms, no Remove, the coverage choices disabled, and why', async () => {
    await loadBoth()
    const coder: ChangeRefusal = (what) => (what === 'reference-files' ? 'Loaded by an admin.' : what === 'coverage-settings' ? 'Chosen by the supervisors.' : null)
    render(<StoreProvider store={store}><ChangeRightsContext value={coder}><DiagnosisListsPage today="2026-11-26" /></ChangeRightsContext></StoreProvider>)
    await screen.findByRole('table', { name: 'Loaded Medicare billing articles' })
    expect(screen.getAllByRole('note').map((n) => n.textContent)).toEqual(['Loaded by an admin.', 'Chosen by the supervisors.'])
    expect(screen.getByRole('table', { name: 'Loaded ICD-10-CM code sets, newest first' })).toBeDefined()
    expect(screen.queryByRole('button', { name: /^(Load|Remove) / })).toBeNull()
    expect(screen.queryByLabelText('Order file (icd10cm_order_YYYY.txt)')).toBeNull()
    expect(screen.queryByLabelText('Article download files (CSV)')).toBeNull()
    const epidural = screen.getByRole('group', { name: 'Epidural injections: articles the practice follows' })
    expect(within(epidural).getAllByRole('checkbox').every((c) => (c as HTMLInputElement).disabled)).toBe(true)
    expect(screen.getAllByLabelText<HTMLSelectElement>('Needs a second diagnosis from group').every((s) => s.disabled)).toBe(true)
  })

  it('lets a supervisor change the coverage choices but not load or remove the server-wide files', async () => {
    await loadBoth()
    const supervisor: ChangeRefusal = (what) => (what === 'reference-files' ? 'Loaded by an admin.' : null)
    render(<StoreProvider store={store}><ChangeRightsContext value={supervisor}><DiagnosisListsPage today="2026-11-26" /></ChangeRightsContext></StoreProvider>)
    await screen.findByRole('table', { name: 'Loaded Medicare billing articles' })
    expect(screen.getAllByRole('note').map((n) => n.textContent)).toEqual(['Loaded by an admin.'])
    expect(screen.queryByRole('button', { name: /^(Load|Remove) / })).toBeNull()
    const epidural = screen.getByRole('group', { name: 'Epidural injections: articles the practice follows' })
    expect(within(epidural).getAllByRole('checkbox').some((c) => (c as HTMLInputElement).disabled)).toBe(false)
  })

  it('loads an order file for the chosen fiscal year and lists it with its dates', async () => {
    render(<StoreProvider store={store}><DiagnosisListsPage today="2026-11-26" /></StoreProvider>)
    expect(await screen.findByText(/No ICD-10-CM code set is loaded yet/)).toBeDefined()
    expect(screen.getByLabelText<HTMLInputElement>('Fiscal year (October 1 to September 30)').value).toBe('2027')
    pick('Order file (icd10cm_order_YYYY.txt)', [new File([ORDER_FILE], 'icd10cm_order_2027.txt')])
    fireEvent.click(screen.getByRole('button', { name: 'Load code set' }))
    expect((await screen.findByRole('status')).textContent).toBe('Loaded FY2027 October release: 25 codes, for dates of service 2026-10-01 to 2027-09-30.')
    const table = await screen.findByRole('table', { name: 'Loaded ICD-10-CM code sets, newest first' })
    expect(within(table).getAllByRole('row')[1]?.textContent).toContain('2026-10-01 to 2027-09-30')
    expect((await store.listIcd10Releases()).map((r) => r.id)).toEqual(['2027'])
  })

  it('refuses a malformed order file with its row and column and stores nothing', async () => {
    render(<StoreProvider store={store}><DiagnosisListsPage today="2026-11-26" /></StoreProvider>)
    const broken = ORDER_FILE.replace('61239 M5416   1', '61239 M5416   7')
    pick('Order file (icd10cm_order_YYYY.txt)', [new File([broken], 'bad.txt')])
    fireEvent.click(screen.getByRole('button', { name: 'Load code set' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Nothing was saved')
    expect(within(alert).getAllByRole('listitem').some((li) => /^Row 14, column /.test(li.textContent ?? ''))).toBe(true)
    expect(await store.listIcd10Releases()).toEqual([])
  })

  it('loads the article download, keeps the articles of the app\'s codes, and saves the practice\'s picks and group settings', async () => {
    render(<StoreProvider store={store}><DiagnosisListsPage today="2026-11-26" /></StoreProvider>)
    pick('Article download files (CSV)', ARTICLE_FILES.map((f) => new File([read(`src/domain/coverage/fixtures/${f}`)], f, { type: 'text/csv' })))
    fireEvent.click(screen.getByRole('button', { name: 'Load articles' }))
    expect((await screen.findByRole('status')).textContent).toMatch(/^Loaded 2 articles: /)
    const articles = await store.listCoverageArticles()
    expect(articles.map((r) => r.article.title)).not.toContain('Synthetic test article: knee arthroplasty')

    const epidural = screen.getByRole('group', { name: 'Epidural injections: articles the practice follows' })
    const first = articles.find((r) => r.article.title?.includes('epidural'))?.article.articleId ?? ''
    fireEvent.click(within(epidural).getByRole('checkbox', { name: new RegExp(first) }))
    await expect.poll(async () => (await store.getCoverageSettings()).choices.epidural).toEqual([first])

    fireEvent.change(screen.getAllByLabelText('Needs a second diagnosis from group')[2], { target: { value: '1' } })
    await expect.poll(async () => (await store.getCoverageSettings()).settings[first]?.[3]?.requiresGroup).toBe(1)
  })
})
