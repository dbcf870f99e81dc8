import { expect, type Locator, type Page } from '@playwright/test'

/** Steps of the coder worksheet, by role and label as a user finds them. */

export type ProcedureKind = 'trigger point' | 'facet injection' | 'RFA' | 'epidural'
export type SideChoice = 'None' | 'No side' | 'Left' | 'Right' | 'Both'
export type MuscleSide = 'Not documented' | 'Left' | 'Right' | 'Bilateral'

const addButton: Readonly<Record<ProcedureKind, string>> = {
  'trigger point': 'Add trigger point',
  'facet injection': 'Add facet injection',
  RFA: 'Add RFA',
  epidural: 'Add epidural',
}

export const toolbar = (page: Page): Locator => page.getByRole('toolbar', { name: 'Worksheet actions' })
export const resultsPanel = (page: Page): Locator => page.getByRole('region', { name: 'Claim and checks' })
export const encounterForm = (page: Page): Locator => page.getByRole('form', { name: 'Encounter' })

/** Opens the app on a new, empty worksheet (the start page redirects to `#/worksheet/<id>`). */
export async function openNewWorksheet(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page).toHaveURL(/#\/worksheet\/[^/]+$/)
  await expect(toolbar(page)).toBeVisible()
  await expect(page.getByTestId('claim-lines-empty')).toBeVisible()
}

export interface HeaderValues {
  patient?: string
  dateOfService?: string
  /** The provider's display name as listed in "Rendering provider". */
  provider?: string
  diagnoses?: readonly string[]
}

/** Fills the encounter header; fields left out keep their value. */
export async function fillHeader(page: Page, values: HeaderValues): Promise<void> {
  if (values.dateOfService !== undefined) await page.getByLabel('Date of service', { exact: true }).fill(values.dateOfService)
  if (values.patient !== undefined) await page.getByLabel('Patient account', { exact: true }).fill(values.patient)
  if (values.provider !== undefined) await page.getByLabel('Rendering provider', { exact: true }).selectOption({ label: values.provider })
  for (const [i, code] of (values.diagnoses ?? []).entries()) {
    const field = page.getByLabel(`Diagnosis ${i + 1}`, { exact: true })
    if ((await field.count()) === 0) await page.getByRole('button', { name: 'Add diagnosis' }).click()
    await field.fill(code)
  }
}

/** The card of procedure `n` (1-based). */
export function procedureCard(page: Page, n: number): Locator {
  return page.getByRole('region', { name: new RegExp(`^Procedure ${n}: `) })
}

/** Adds a procedure with the button under the list and returns its card. */
export async function addProcedure(page: Page, kind: ProcedureKind): Promise<Locator> {
  const n = (await page.getByRole('region', { name: /^Procedure \d+: / }).count()) + 1
  await page.getByRole('group', { name: 'Add procedure' }).getByRole('button', { name: addButton[kind], exact: true }).click()
  const card = procedureCard(page, n)
  await expect(card).toBeVisible()
  return card
}

/** Picks a select in a card (Approach, Purpose, Guidance, Technique, Procedure type) by its option text. */
export async function choose(scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).selectOption({ label: option })
}

/** Picks a level's side on a card's spine level picker (its radio group per level). */
export async function pickLevel(card: Locator, level: string, side: SideChoice): Promise<void> {
  const name = { name: `${level} ${side}`, exact: true }
  const radio = card.getByRole('radio', name)
  // The radio itself is visually hidden; a pointer user clicks its visible label (the chip).
  await card.locator('label').filter({ has: card.page().getByRole('radio', name) }).click()
  await expect(radio).toBeChecked()
}

/** Types levels into the picker's text field ("L4-L5 B, L5-S1 R"; no letter: no side) and applies them. */
export async function typeLevels(card: Locator, text: string, legend = 'Levels'): Promise<void> {
  await card.getByLabel(`${legend}: type instead`, { exact: true }).fill(text)
  await card.getByRole('button', { name: 'Apply', exact: true }).click()
}

export interface MuscleEntry {
  muscle: string
  side: MuscleSide
  injections: number
}

/** Fills muscle row `n` of a trigger point card, adding the row when it is not there yet. */
export async function setMuscle(card: Locator, n: number, entry: MuscleEntry): Promise<void> {
  const name = card.getByLabel(`Muscle ${n}`, { exact: true })
  if ((await name.count()) === 0) {
    await card.getByRole('button', { name: 'Add muscle', exact: true }).click()
    await expect(name).toBeVisible()
  }
  await name.fill(entry.muscle)
  await card.getByLabel(`Side, muscle ${n}`, { exact: true }).selectOption({ label: entry.side })
  await card.getByLabel(`Injections, muscle ${n}`, { exact: true }).fill(String(entry.injections))
}

export interface DrugEntry {
  code: string
  dose: number
  unit?: 'mg' | 'mcg' | 'mL'
}

/** Adds a drug row and fills it (the code pre-fills name and category from the catalog). */
export async function addDrug(page: Page, drug: DrugEntry): Promise<void> {
  const n = (await page.getByLabel(/^Drug \d+ code$/).count()) + 1
  await page.getByRole('button', { name: 'Add drug', exact: true }).click()
  await page.getByLabel(`Drug ${n} code`, { exact: true }).fill(drug.code)
  await page.getByLabel(`Drug ${n} dose`, { exact: true }).fill(String(drug.dose))
  if (drug.unit) await page.getByLabel(`Drug ${n} dose unit`, { exact: true }).selectOption(drug.unit)
}

/**
 * The claim lines as a coder reads them: "64493 50 KX ×1" (code, modifiers in billing order,
 * units); "20552 ×1" without modifiers. Empty when the empty state shows.
 */
export async function readClaimLines(page: Page): Promise<string[]> {
  const table = page.getByTestId('claim-lines')
  if ((await table.count()) === 0) return []
  return table.evaluate((el) => {
    const headers = [...el.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '')
    const col = (name: string) => headers.indexOf(name)
    return [...el.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.querySelectorAll('td')]
      const text = (i: number) => (i < 0 ? '' : (cells[i]?.textContent ?? '').trim())
      // An empty modifiers cell shows a dash (aria-hidden) and "none" for screen readers.
      const modifiersCell = cells[col('Modifiers')]
      const modifiers = modifiersCell?.querySelector('[aria-hidden="true"]') ? '' : text(col('Modifiers'))
      return [text(col('Code')), modifiers, `×${text(col('Units'))}`].filter((part) => part !== '').join(' ')
    })
  })
}

/** Waits until the claim lines are exactly `expected` (see readClaimLines for the format). */
export async function expectClaimLines(page: Page, expected: readonly string[]): Promise<void> {
  await expect.poll(() => readClaimLines(page), { message: 'claim lines' }).toEqual(expected)
  if (expected.length === 0) await expect(page.getByTestId('claim-lines-empty')).toBeVisible()
}

/** A finding in the results panel, found by its rule id (shown under each finding). */
export function finding(page: Page, ruleId: string): Locator {
  return resultsPanel(page).getByRole('listitem').filter({ has: page.locator('code', { hasText: new RegExp(`^${ruleId}$`) }) })
}

/** The findings group ("Errors", "Warnings", "Info") holding a finding: its heading text, e.g. "Errors (1)". */
export async function groupHeadingOf(item: Locator): Promise<string> {
  return item.evaluate((li) => {
    let node: Element | null = li.closest('ul')
    while (node && node.parentElement) {
      const heading = node.parentElement.querySelector(':scope > h3')
      if (heading) return heading.textContent?.trim() ?? ''
      node = node.parentElement
    }
    return ''
  })
}

/** Waits for the autosave to report the draft saved. */
export async function expectDraftSaved(page: Page): Promise<void> {
  await expect(toolbar(page).getByText('Draft saved', { exact: true })).toBeVisible()
}

/** Adds a rendering provider through "Manage providers…" and closes the dialog. */
export async function addProvider(page: Page, id: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Manage providers…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rendering providers' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Identifier', { exact: true }).fill(id)
  await dialog.getByLabel('Name', { exact: true }).fill(name)
  await dialog.getByRole('button', { name: 'Add provider' }).click()
  await expect(dialog.getByRole('listitem').filter({ hasText: id })).toBeVisible()
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()
}

/** Finalizes through the dialog, writing the reason when an error finding asks for one. */
export async function finalize(page: Page, reason = 'Reviewed with the provider; the note supports the claim.'): Promise<void> {
  await toolbar(page).getByRole('button', { name: 'Finalize…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Finalize this encounter' })
  await expect(dialog).toBeVisible()
  const reasonBox = dialog.getByRole('textbox', { name: /^Why finalize with \d+ errors?\? \(required\)$/ })
  if ((await reasonBox.count()) > 0) await reasonBox.fill(reason)
  await dialog.getByRole('button', { name: 'Finalize', exact: true }).click()
  await expect(dialog).toBeHidden()
}

/** A counter under "Frequency limits", by its heading ("Epidural steroid injection · lumbar/sacral"). */
export function frequencyCounter(page: Page, heading: string): Locator {
  return resultsPanel(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 4, name: heading, exact: true }) })
}

/**
 * Every control of the encounter form as "label = value" (checkboxes and radios: only the
 * checked ones), in page order: two worksheets with the same snapshot show the same encounter.
 */
export async function formSnapshot(page: Page): Promise<string[]> {
  return encounterForm(page).evaluate((form) => {
    const labelOf = (el: HTMLElement): string => {
      const labelledBy = el.getAttribute('aria-labelledby')
      if (labelledBy) return labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim()
      const label = (el as HTMLInputElement).labels?.[0]
      return (label?.textContent ?? el.getAttribute('aria-label') ?? el.getAttribute('name') ?? '?').replace(/\s+/g, ' ').trim()
    }
    const rows: string[] = []
    for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')) {
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        if (el.checked) rows.push(`${labelOf(el)} = checked`)
      } else if (el instanceof HTMLSelectElement) {
        rows.push(`${labelOf(el)} = ${el.selectedOptions[0]?.textContent ?? ''}`)
      } else {
        rows.push(`${labelOf(el)} = ${el.value}`)
      }
    }
    return rows
  })
}

/** The one-line summary under "Claim and checks": "2 lines · 1 error · 3 warnings". */
export function resultSummary(page: Page): Locator {
  return resultsPanel(page).locator('p[aria-live]').first()
}

/** The items of "Still to fill in" in the results panel (none when the header is complete). */
export function stillToFillIn(page: Page): Locator {
  return resultsPanel(page)
    .getByRole('heading', { level: 3, name: /^Still to fill in \(\d+\)$/ })
    .locator('xpath=following-sibling::ul[1]')
    .getByRole('listitem')
}

/**
 * Adds a transforaminal epidural at L5-S1 right under fluoroscopy and waits for its one claim
 * line, 64483 RT ×1 (the worksheet must hold no other line).
 */
export async function addL5S1RightTransforaminal(page: Page): Promise<Locator> {
  const card = await addProcedure(page, 'epidural')
  await choose(card, 'Approach', 'Transforaminal')
  await choose(card, 'Guidance', 'Fluoroscopy')
  await pickLevel(card, 'L5-S1', 'Right')
  await expectClaimLines(page, ['64483 RT ×1'])
  return card
}

/** On the import page: picks `csv` as the claim-history file, imports its `lines` lines and waits for the result. */
export async function importHistoryCsv(page: Page, csv: string, lines: number): Promise<void> {
  await page.getByLabel('Claim history file (CSV)').setInputFiles({ name: 'pm-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: `Import ${lines} lines` }).click()
  await expect(page.getByRole('status').filter({ hasText: `Added ${lines} lines; 0 were already on file.` })).toBeVisible()
}
