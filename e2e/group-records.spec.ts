import { readFileSync } from 'node:fs'
import { join as joinPath } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startGroupServer, type GroupServer } from './support/group-server.ts'
import { banner, deskOpener, expectAccessible, join, nav, syncStatus, turnOnTwoFactor, type Desk } from './support/desk.ts'
import {
  addDrug, addProcedure, choose, encounterForm, expectClaimLines, expectDraftSaved, fillHeader, finding, formSnapshot, pickLevel, toolbar,
} from './support/worksheet.ts'

// Issues 13 and 14: the practice's settings, each person's drafts and the public reference files
// live on the group server. Four desks signed in to one server the test starts: the admin, a
// supervisor, and one coder at two desks (desk A and desk B, two browser contexts signed in as
// the same person). A provider added at desk A, a payer profile the supervisor saves and a
// draft autosaved at desk A reach the other desks without a reload; the NCCI table, ICD-10-CM
// code set and billing articles the admin loads once are listed at desk B as loaded for the
// whole group and their findings fire on desk B's worksheet. The coder sees payer profiles and
// the server-wide files read-only, with no control the server would refuse.

// Serial: each step builds on the last, on one server. PGlite's first start takes a while.
test.describe.configure({ mode: 'serial', timeout: 120_000 })

const PASSWORDS = { admin: 'copper lantern orchard seven', coder: 'granite meadow falcon river', supervisor: 'velvet harbor compass nine' }
const CODER_EMAIL = 'cody@lakeside.test'
const CUSTOM_PROFILE = 'Medicare (default) (custom)'
const MUE_CSV = readFileSync(joinPath(process.cwd(), 'src/domain/ncci/fixtures/mue-practitioner-2026q4.csv'))
// The order-file excerpt does not carry its year: loaded as FY2027 (2026-10-01 to 2027-09-30), as diagnosis-coverage.spec.ts does.
const ORDER_FILE = readFileSync(joinPath(process.cwd(), 'src/domain/icd10/fixtures/icd10cm-order-2023-excerpt.txt'))
const ARTICLE_FILES = ['article.csv', 'article_x_hcpc_code.csv', 'article_x_icd10_covered.csv', 'article_x_icd10_covered_group.csv']
  .map((name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(joinPath(process.cwd(), 'src/domain/coverage/fixtures', name)) }))

// A request the server refused (403 for a write this role may not make) is logged by the browser and fails the journey;
// the 401 of the session check before signing in is expected.
const openDesk = deskOpener(/status of 401|EventSource/)

let server: GroupServer
let admin: Desk
let supervisor: Desk
let deskA: Desk
let deskB: Desk

const providerList = (page: Page) => page.getByRole('list', { name: 'Providers' })
const customProfiles = (page: Page) => page.getByRole('list', { name: 'Custom profiles' })
const ncciList = (page: Page) => page.getByRole('table', { name: 'Loaded NCCI tables, newest quarter first' })
const icd10List = (page: Page) => page.getByRole('table', { name: 'Loaded ICD-10-CM code sets, newest first' })
const articleList = (page: Page) => page.getByRole('table', { name: 'Loaded Medicare billing articles' })

async function openPage(page: Page, link: string, heading: string) {
  await nav(page).getByRole('link', { name: link, exact: true }).click()
  await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible()
}

async function newWorksheet(page: Page) {
  await nav(page).getByRole('link', { name: 'New worksheet' }).click()
  await expect(page).toHaveURL(/#\/worksheet\/[^/]+$/)
  await expect(page.getByTestId('claim-lines-empty')).toBeVisible()
}

/** Every button that would change a payer profile (the server refuses those writes to a coder). */
const profileWriteButtons = (page: Page) => page.getByRole('region', { name: 'Payer profiles' }).getByRole('button', { name: /^(Edit|Delete|Copy)\b/ })

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000)
  server = await startGroupServer()
  admin = await openDesk(browser)
  const a = admin.page
  await a.goto(server.setupLink)
  await a.getByLabel('Practice name').fill('Lakeside Pain Group')
  await a.getByLabel('Your name').fill('Ada Admin')
  await a.getByLabel('Email').fill('ada@lakeside.test')
  await a.getByLabel('Password', { exact: true }).fill(PASSWORDS.admin)
  await a.getByLabel('Confirm password').fill(PASSWORDS.admin)
  await a.getByRole('button', { name: 'Create the practice' }).click()
  await turnOnTwoFactor(a)
  await expect(banner(a)).toContainText('Signed in as Ada Admin')
  const links = new Map<string, string>()
  await a.goto(`${server.url}/#/admin/invitations`)
  for (const [email, role] of [[CODER_EMAIL, 'coder'], ['sue@lakeside.test', 'supervisor']] as const) {
    await a.getByLabel('Email').fill(email)
    await a.getByLabel('Role').selectOption(role)
    await a.getByRole('button', { name: 'Create invitation' }).click()
    const created = a.getByRole('region', { name: new RegExp(`Invitation for ${email}`) })
    links.set(role, await created.getByLabel('Invitation link').inputValue())
  }

  supervisor = await openDesk(browser)
  await join(supervisor.page, links.get('supervisor')!, 'Sue Supervisor', PASSWORDS.supervisor)
  await turnOnTwoFactor(supervisor.page)
  await expect(banner(supervisor.page)).toContainText('Signed in as Sue Supervisor · Supervisor')

  deskA = await openDesk(browser)
  await join(deskA.page, links.get('coder')!, 'Cody Coder', PASSWORDS.coder)
  await expect(banner(deskA.page)).toContainText('Signed in as Cody Coder · Coder')
  // The same coder at another desk: a browser context of its own, signed in with the password.
  deskB = await openDesk(browser)
  await deskB.page.goto(server.url)
  await deskB.page.getByLabel('Email').fill(CODER_EMAIL)
  await deskB.page.getByLabel('Password').fill(PASSWORDS.coder)
  await deskB.page.getByRole('button', { name: 'Sign in' }).click()
  await expect(banner(deskB.page)).toContainText('Signed in as Cody Coder · Coder')
  await a.goto(`${server.url}/#/`)
  for (const desk of [admin, supervisor, deskA, deskB]) await expect(syncStatus(desk.page)).toHaveText('Online · all saved')
})

test.afterAll(async () => {
  for (const desk of [admin, supervisor, deskA, deskB]) await desk?.context.close()
  await server?.stop()
})

test('a provider the coder adds in Settings at desk A appears at desk B and at the supervisor\'s desk without a reload', async () => {
  const [a, b, s] = [deskA.page, deskB.page, supervisor.page]
  for (const page of [b, s]) {
    await openPage(page, 'Settings', 'Settings')
    await expect(page.getByText('No provider yet.', { exact: false })).toBeVisible()
  }
  await openPage(a, 'Settings', 'Settings')
  const form = a.getByRole('form', { name: 'Add a provider' })
  await form.getByLabel('Identifier', { exact: true }).fill('DR-A')
  await form.getByLabel('Name', { exact: true }).fill('Dr. Ada Lane')
  await form.getByRole('button', { name: 'Add provider' }).click()
  await expect(providerList(a).getByRole('listitem')).toHaveText([/DR-A — Dr\. Ada Lane/])
  await expect(syncStatus(a)).toHaveText('Online · all saved')
  await expectAccessible(a, 'desk A settings with a provider')

  for (const page of [b, s]) await expect(providerList(page).getByRole('listitem')).toHaveText([/DR-A — Dr\. Ada Lane/], { timeout: 15_000 })
  // A coder keeps the providers: desk B is offered the controls and the server takes the rename.
  await b.getByRole('button', { name: 'Rename Dr. Ada Lane' }).click()
  await b.getByLabel('New name for DR-A').fill('Dr. Ada Lane-Park')
  await b.getByRole('button', { name: 'Save name' }).click()
  await expect(syncStatus(b)).toHaveText('Online · all saved')
  await expect(providerList(a)).toContainText('DR-A — Dr. Ada Lane-Park', { timeout: 15_000 })
  await expectAccessible(b, 'desk B settings with the synced provider')
})

test('a custom payer profile the supervisor saves appears at desk B, where the coder sees it read-only', async () => {
  const [s, b] = [supervisor.page, deskB.page]
  // Desk B waits on Settings: the coder is told why profiles cannot be changed here, and offered no control that would change one.
  const note = b.getByRole('note').filter({ hasText: 'Payer profiles are kept by the practice\'s supervisors and admins' })
  await expect(note).toBeVisible()
  await expect(profileWriteButtons(b)).toHaveCount(0)
  await expect(b.getByRole('button', { name: 'View Medicare (default)' })).toBeVisible()

  await expect(s.getByRole('note')).toHaveCount(0)
  await s.getByRole('button', { name: 'Copy Medicare (default) into a custom profile' }).first().click()
  await expect(s.getByRole('heading', { name: 'New custom profile: medicare-custom' })).toBeFocused()
  const esi = s.getByRole('group', { name: /\(medicare-esi-4-per-region-12m\)$/ })
  await esi.getByLabel('Sessions allowed').fill('2')
  await esi.getByLabel('Source').fill('Our MAC letter of 2026-10-01')
  await expectAccessible(s, 'the supervisor\'s custom profile editor')
  await s.getByRole('button', { name: 'Save profile' }).click()
  await expect(s.getByRole('status').filter({ hasText: `Saved ${CUSTOM_PROFILE}.` })).toBeVisible()
  await expect(customProfiles(s).getByRole('button', { name: `Edit ${CUSTOM_PROFILE}` })).toBeVisible()
  await expect(syncStatus(s)).toHaveText('Online · all saved')

  await expect(customProfiles(b)).toContainText(CUSTOM_PROFILE, { timeout: 15_000 })
  await expect(profileWriteButtons(b)).toHaveCount(0)
  await customProfiles(b).getByRole('button', { name: `View ${CUSTOM_PROFILE}` }).click()
  const limit = b.getByRole('region', { name: 'Frequency limits' }).getByRole('listitem').filter({ hasText: 'medicare-esi-4-per-region-12m' })
  await expect(limit).toContainText('2 sessions in a rolling 12 months')
  await expect(limit).toContainText('Our MAC letter of 2026-10-01')
  await expect(b.getByRole('button', { name: 'Edit this profile' })).toHaveCount(0)
  await expect(profileWriteButtons(b)).toHaveCount(0)
  await expectAccessible(b, 'desk B viewing the custom profile read-only')

  // The worksheet at desk B offers the supervisor's profile.
  await newWorksheet(b)
  await expect(encounterForm(b).getByLabel('Payer profile', { exact: true }).getByRole('option', { name: CUSTOM_PROFILE })).toHaveCount(1)
  expect(deskB.problems).toEqual([])
})

test('a draft the coder starts at desk A (autosaved) opens at desk B with what was entered', async () => {
  const [a, b] = [deskA.page, deskB.page]
  await openPage(b, 'Drafts', 'Drafts')
  await expect(b.getByRole('row').filter({ hasText: 'PT-DESK-1' })).toHaveCount(0)

  await newWorksheet(a)
  await fillHeader(a, { patient: 'PT-DESK-1', dateOfService: '2026-11-05', provider: 'Dr. Ada Lane-Park', diagnoses: ['M54.16', 'M47.816'] })
  const card = await addProcedure(a, 'epidural')
  await choose(card, 'Approach', 'Transforaminal')
  await choose(card, 'Guidance', 'Fluoroscopy')
  await pickLevel(card, 'L5-S1', 'Right')
  await expectClaimLines(a, ['64483 RT ×1'])
  await expectDraftSaved(a)
  await expect(syncStatus(a)).toHaveText('Online · all saved', { timeout: 15_000 })
  const entered = await formSnapshot(a)
  expect(entered).toContain('Patient account = PT-DESK-1')
  expect(entered).toContain('Rendering provider = Dr. Ada Lane-Park')

  const row = b.getByRole('row').filter({ hasText: 'PT-DESK-1' })
  await expect(row).toHaveCount(1, { timeout: 15_000 })
  await expectAccessible(b, 'desk B drafts with the draft from desk A')
  await row.getByRole('button', { name: 'Resume draft for PT-DESK-1 2026-11-05' }).click()
  await expect(b).toHaveURL(a.url())
  await expectClaimLines(b, ['64483 RT ×1'])
  expect(await formSnapshot(b)).toEqual(entered)
  await expectAccessible(b, 'desk B worksheet with the draft from desk A')
  expect(deskA.problems).toEqual([])
  expect(deskB.problems).toEqual([])
})

test('the admin loads an NCCI table, an ICD-10-CM code set and billing articles once; desk B lists them as loaded for the whole group, read-only, and its worksheet applies them', async () => {
  const [ad, b] = [admin.page, deskB.page]
  // Desk B waits on the NCCI tables page: nothing loaded, and no load form or Remove for a coder.
  await openPage(b, 'NCCI tables', 'NCCI tables')
  await expect(b.getByText('No NCCI table is loaded yet.')).toBeVisible()
  await expect(b.getByRole('note')).toContainText('loaded once for the whole group by an admin of the practice')
  await expect(b.getByRole('button', { name: /^(Load|Remove)\b/ })).toHaveCount(0)
  await expect(b.getByLabel('Practitioner MUE file (CSV)')).toHaveCount(0)
  await expectAccessible(b, 'desk B NCCI tables, read-only, empty')

  await openPage(ad, 'NCCI tables', 'NCCI tables')
  await expect(ad.getByRole('note')).toHaveCount(0)
  await ad.getByLabel('MUE quarter (YYYYQn)').fill('2026Q4')
  await ad.getByLabel('Practitioner MUE file (CSV)').setInputFiles({ name: 'MCR_MUE_PractitionerServices_Eff_10-01-2026.csv', mimeType: 'text/csv', buffer: MUE_CSV })
  await ad.getByRole('button', { name: 'Load MUE table' }).click()
  await expect(ad.getByRole('status').filter({ hasText: /^Loaded 2026Q4 MUE: \d+ codes$/ })).toBeVisible({ timeout: 30_000 })
  await expect(ncciList(ad).getByRole('row').nth(1)).toContainText('Loaded for the whole group by Ada Admin on')
  await expect(ncciList(ad).getByRole('button', { name: 'Remove 2026Q4 MUE' })).toBeVisible()
  await expectAccessible(ad, 'the admin\'s NCCI tables after loading')

  const loaded = ncciList(b).getByRole('row').nth(1)
  await expect(loaded).toContainText('Loaded for the whole group by Ada Admin on', { timeout: 15_000 })
  await expect(loaded).toContainText('2026-10-01 to 2026-12-31')
  await expect(loaded).toContainText('MCR_MUE_PractitionerServices_Eff_10-01-2026.csv')
  await expect(b.getByRole('button', { name: /^(Load|Remove)\b/ })).toHaveCount(0)
  await expectAccessible(b, 'desk B NCCI tables with the group\'s table')

  // The ICD-10-CM code set and the billing articles; the admin picks the epidural article (a coverage choice).
  await openPage(b, 'Diagnosis lists', 'Diagnosis lists')
  await expect(b.getByText(/No ICD-10-CM code set is loaded yet/)).toBeVisible()
  await openPage(ad, 'Diagnosis lists', 'Diagnosis lists')
  await ad.getByLabel('Fiscal year (October 1 to September 30)').fill('2027')
  await ad.getByLabel('Order file (icd10cm_order_YYYY.txt)').setInputFiles({ name: 'icd10cm_order_2023.txt', mimeType: 'text/plain', buffer: ORDER_FILE })
  await ad.getByRole('button', { name: 'Load code set' }).click()
  await expect(ad.getByRole('status').filter({ hasText: 'Loaded FY2027 October release: 25 codes, for dates of service 2026-10-01 to 2027-09-30.' })).toBeVisible({ timeout: 30_000 })
  await ad.getByLabel('Article download files (CSV)').setInputFiles(ARTICLE_FILES)
  await ad.getByRole('button', { name: 'Load articles' }).click()
  await expect(ad.getByRole('status').filter({ hasText: /^Loaded 2 articles: / })).toBeVisible({ timeout: 30_000 })
  const adminEpidural = ad.getByRole('group', { name: 'Epidural injections: articles the practice follows' })
  await adminEpidural.getByRole('checkbox', { name: /99901/ }).click()
  await expect(adminEpidural.getByRole('checkbox', { name: /99901/ })).toBeChecked()
  await expect(syncStatus(ad)).toHaveText('Online · all saved')
  await expectAccessible(ad, 'the admin\'s diagnosis lists after loading')

  await expect(icd10List(b).getByRole('row').nth(1)).toContainText('Loaded for the whole group by Ada Admin on', { timeout: 15_000 })
  await expect(icd10List(b).getByRole('row').nth(1)).toContainText('2026-10-01 to 2027-09-30')
  await expect(articleList(b)).toContainText('99901', { timeout: 15_000 })
  const coderEpidural = b.getByRole('group', { name: 'Epidural injections: articles the practice follows' })
  await expect(coderEpidural.getByRole('checkbox', { name: /99901/ })).toBeChecked({ timeout: 15_000 })
  await expect(coderEpidural.getByRole('checkbox', { name: /99901/ })).toBeDisabled()
  await expect(b.getByRole('note')).toHaveText([
    /loaded once for the whole group by an admin of the practice/,
    /The coverage choices are kept by the practice's supervisors and admins/,
  ])
  await expect(b.getByRole('button', { name: /^(Load|Remove)\b/ })).toHaveCount(0)
  await expect(b.getByLabel('Order file (icd10cm_order_YYYY.txt)')).toHaveCount(0)
  await expect(b.getByLabel('Article download files (CSV)')).toHaveCount(0)
  await expectAccessible(b, 'desk B diagnosis lists, read-only')

  // Desk B's worksheet: the group's MUE caps J3301, and the group's article finds low back pain unsupported for 64483.
  await newWorksheet(b)
  await fillHeader(b, { patient: 'PT-DESK-2', dateOfService: '2026-10-14', provider: 'Dr. Ada Lane-Park' })
  const card = await addProcedure(b, 'epidural')
  await choose(card, 'Approach', 'Transforaminal')
  await choose(card, 'Guidance', 'Fluoroscopy')
  await pickLevel(card, 'L5-S1', 'Right')
  await addDrug(b, { code: 'J3301', dose: 200, unit: 'mg' })
  await expectClaimLines(b, ['64483 RT ×1', 'J3301 ×20'])
  await expect(finding(b, 'NCCI-MUE')).toContainText('J3301 is billed with 20 unit(s); the practitioner MUE is 16 per line (table 2026Q4)')

  const first = b.getByRole('combobox', { name: 'Diagnosis 1' })
  await first.pressSequentially('other low back')
  const options = b.getByRole('listbox', { name: 'Matching ICD-10-CM codes' }).getByRole('option')
  await expect(options.filter({ hasText: 'M54.59 Other low back pain' })).toBeVisible()
  await options.filter({ hasText: 'M54.59 Other low back pain' }).click()
  await expect(first).toHaveValue('M54.59')
  await expect(finding(b, 'DX-COVERAGE')).toContainText('None of the diagnoses (M54.59) is on article')
  await expectAccessible(b, 'desk B worksheet with the group\'s NCCI and coverage findings')
  await expect(toolbar(b).getByText('Draft saved', { exact: true })).toBeVisible()
  for (const desk of [admin, supervisor, deskA, deskB]) expect(desk.problems).toEqual([])
})
