import type { Page } from '@playwright/test'
import { readAllStores } from './support/backup.ts'
import { pickRemittanceFile, write835 } from './support/remittance.ts'
import { expect, expectNoAxeViolations, test } from './support/test.ts'
import { addL5S1RightTransforaminal, addProvider, fillHeader, finalize, openNewWorksheet } from './support/worksheet.ts'

// Issue 5: an 835 remittance is read, previewed, matched to the encounter that produced it, stored once and removable.

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })
const storedRemittances = async (page: Page) => (await readAllStores(page)).remittances?.length ?? 0

/** The payer's answer to the finalized epidural: 64483 RT denied for its modifier, claimed by the patient account. */
const DENIAL = write835({
  checkNumber: 'EFT20261121E2E',
  claims: [{
    claimNumber: 'PT-9001',
    dateOfService: '2026-10-14',
    lines: [{ code: '64483', modifiers: ['RT'], charge: 1200, paid: 0, adjustments: [{ group: 'CO', reason: '4', amount: 1200 }], remarks: ['N822'] }],
  }],
})

test('a malformed 835 is refused with its errors; a good one previews, stores, is listed, is refused again, and is removed', async ({ page }) => {
  await openNewWorksheet(page)
  await addProvider(page, 'DR-A', 'Dr. Ada Lane')
  await fillHeader(page, { patient: 'PT-9001', dateOfService: '2026-10-14', provider: 'Dr. Ada Lane', diagnoses: ['M54.16'] })
  await addL5S1RightTransforaminal(page)
  await finalize(page)

  await nav(page).getByRole('link', { name: 'Remittances' }).click()
  await expect(page).toHaveURL(/#\/review\/remittances$/)
  await expect(page.getByRole('heading', { level: 2, name: 'Remittances (835)' })).toBeVisible()
  await expect(page.getByText('No remittance file imported yet.')).toBeVisible()
  await expectNoAxeViolations(page, 'the empty Remittances page')

  await test.step('a malformed file: every error with its position, nothing stored', async () => {
    await pickRemittanceFile(page, DENIAL.replace('CLP*PT-9001*4*', 'CLP*PT-9001*X*'), 'broken.835')
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('broken.835 cannot be imported. Nothing was stored.')
    await expect(alert.getByRole('listitem')).toHaveText([/^Segment 9 \(CLP\), element 2: claim status code 'X' is not a number\.$/])
    await expect(page.getByRole('button', { name: 'Store this remittance' })).toHaveCount(0)
    await expect(page.getByLabel('Remittance file (835)')).toBeEnabled()
    await expectNoAxeViolations(page, 'a refused 835 file')
    expect(await storedRemittances(page)).toBe(0)
  })

  const preview = page.getByRole('region', { name: 'Preview of medicare-1121.835' })
  await test.step('a good file: the preview matches the denied line to the finalized encounter', async () => {
    await pickRemittanceFile(page, DENIAL, 'medicare-1121.835')
    await expect(preview).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
    await expect(preview.getByRole('table', { name: 'Payments in the file' }).getByRole('row').nth(1)).toHaveText('MEDICARE JF PART BEFT20261121E2E2026-11-21$0.001')
    await expect(preview.getByText('1 of 1 claim matched to finalized encounters.')).toBeVisible()
    await expect(preview.getByLabel('What your claims send as the claim number (CLP01)')).toHaveValue('encounter-id-or-patient-id')
    const line = preview.getByRole('table', { name: 'Denied lines (1)' }).getByRole('row').nth(1)
    await expect(line.getByRole('cell')).toHaveText(['2026-10-14', 'PT-9001', '64483 RT', '$1,200.00nothing paid', 'Modifier', /^CO-4/, /^N822/, /^.+, line 1 \(64483\)$/])
    await line.getByText('CO-4').click()
    await expect(line.getByText('Procedure code inconsistent with the modifier used, or a required modifier is missing')).toBeVisible()
    await expectNoAxeViolations(page, 'the preview of a good 835 file')
    expect(await storedRemittances(page)).toBe(0)
  })

  await test.step('store it: confirmed, listed, and a second import of the same payment is refused', async () => {
    await preview.getByRole('button', { name: 'Store this remittance' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Stored medicare-1121.835: 1 payment, 1 claim (1 matched to encounters), 1 denied line.' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'See denial insights' })).toBeVisible()
    const list = page.getByRole('table', { name: 'Imported remittance files, newest first' })
    await expect(list.getByRole('row')).toHaveCount(2)
    await expect(list.getByRole('row').nth(1)).toContainText('medicare-1121.835')
    await expect(list.getByRole('row').nth(1)).toContainText('by Test Coder')
    await expectNoAxeViolations(page, 'a stored 835 file')
    expect(await storedRemittances(page)).toBe(1)

    await pickRemittanceFile(page, DENIAL, 'medicare-1121-again.835')
    const again = page.getByRole('region', { name: 'Preview of medicare-1121-again.835' })
    await again.getByRole('button', { name: 'Store this remittance' }).click()
    await expect(page.getByRole('alert')).toHaveText(/^The payment from MEDICARE JF PART B \(check\/EFT EFT20261121E2E, dated 2026-11-21\) was already imported from medicare-1121\.835 on 2026-11-26 \d{2}:\d{2} by Test Coder\. Nothing was stored\./)
    await expectNoAxeViolations(page, 'a payment already imported')
    expect(await storedRemittances(page)).toBe(1)
  })

  await test.step('remove it after confirming: the list is empty and the payment could be imported again', async () => {
    await page.getByRole('button', { name: /^Remove medicare-1121\.835, imported / }).click()
    const dialog = page.getByRole('dialog', { name: 'Remove this remittance file?' })
    await expect(dialog).toContainText('its 1 denied line will leave the denial insights')
    await expectNoAxeViolations(page, 'the remove dialog')
    await dialog.getByRole('button', { name: 'Remove file' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('status').filter({ hasText: 'Removed medicare-1121.835; its 1 denied line no longer counts in the denial insights.' })).toBeVisible()
    await expect(page.getByText('No remittance file imported yet.')).toBeVisible()
    expect(await storedRemittances(page)).toBe(0)
    await expectNoAxeViolations(page, 'the Remittances page after removing the file')
  })
})
