// Keystroke -> claim lines painted, measured inside the page.
/* global window, document, requestAnimationFrame, MutationObserver */
import { setTimeout as sleep } from 'node:timers/promises'

export const CLAIM_LINES = '[data-testid="claim-lines"]'

/**
 * Installs the in-page probe (once per document). For each armed edit it records:
 *  - t0: the keydown's event.timeStamp (when the browser created the key event; the handler
 *    also notes performance.now() on arrival, so queueing before dispatch is visible),
 *  - dom: the first MutationObserver callback after which the claim lines table's text differs,
 *  - frame: the first requestAnimationFrame after that (the frame that will paint it starts),
 *  - painted: a message posted from that rAF callback, which runs only after the frame's
 *    style, layout and paint on the main thread are done (the update is handed to the compositor).
 * All are performance.now() times in the page's own clock; the driver's round trips never count.
 */
export function installProbe(page) {
  return page.evaluate((selector) => {
    if (window.__uiBench) return
    let current = null
    let lastDone = null
    const eventEntries = []
    window.addEventListener('keydown', (e) => {
      if (current && current.t0 === undefined) {
        current.t0 = e.timeStamp
        current.handlerAt = performance.now()
        current.key = e.key
      }
    }, true)
    try {
      // The browser's own view (Event Timing: start to next presentation, 8 ms granularity).
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) eventEntries.push({ name: entry.name, startTime: entry.startTime, duration: entry.duration })
      }).observe({ type: 'event', durationThreshold: 16, buffered: false })
    } catch { /* Event Timing missing: the cross-check is skipped */ }

    window.__uiBench = {
      /** Waits two frames (the previous edit's work is done), then watches the table for the next keydown's change. */
      arm(timeoutMs) {
        return new Promise((armed, fail) => requestAnimationFrame((tickA) => requestAnimationFrame((tickB) => {
          const table = document.querySelector(selector)
          if (!table) { fail(new Error(`${selector} not found`)); return }
          const before = table.textContent
          const state = { t0: undefined, frameInterval: tickB - tickA }
          let resolveDone
          let rejectDone
          state.done = new Promise((res, rej) => { resolveDone = res; rejectDone = rej })
          const mo = new MutationObserver(() => {
            if (state.dom !== undefined || table.textContent === before) return
            state.dom = performance.now()
            mo.disconnect()
            requestAnimationFrame((tick) => {
              state.frame = performance.now()
              state.tick = tick
              const channel = new MessageChannel()
              channel.port1.onmessage = () => {
                state.painted = performance.now()
                clearTimeout(timer)
                current = null
                if (state.t0 === undefined) { rejectDone(new Error('the claim lines changed before any keydown')); return }
                resolveDone({
                  key: state.key,
                  queue: state.handlerAt - state.t0,
                  dom: state.dom - state.t0,
                  frame: state.frame - state.t0,
                  painted: state.painted - state.t0,
                  // Main-thread time the keystroke cost, without the idle wait for the frame tick.
                  work: (state.dom - state.t0) + (state.painted - state.frame),
                  tick: state.tick - state.t0,
                  frameInterval: state.frameInterval,
                  t0: state.t0,
                })
              }
              channel.port2.postMessage(null)
            })
          })
          mo.observe(table, { subtree: true, childList: true, characterData: true })
          const timer = setTimeout(() => {
            mo.disconnect()
            current = null
            rejectDone(new Error(`the claim lines did not change within ${timeoutMs} ms of the keystroke (key ${state.key ?? 'none seen'})`))
          }, timeoutMs)
          state.done.catch(() => undefined)
          current = state
          lastDone = state.done
          armed(true)
        })))
      },
      /** The last armed edit's measurement (waits for it). */
      result() {
        return lastDone ?? Promise.reject(new Error('no armed edit'))
      },
      /** Event Timing entries (duration >= 16 ms) since the last call. */
      takeEventEntries() { return eventEntries.splice(0) },
    }
  }, CLAIM_LINES)
}

export const BENCH_PROFILE = { name: 'Bench Coder', role: 'Coder' }

/**
 * The app opens on the profile chooser before any screen. As a coder on a new machine would,
 * this creates a coder profile through the chooser's form (the benchmark's browser context is
 * new, so there is no profile yet) and waits for the banner to name it.
 */
export async function createProfile(page, { name, role } = BENCH_PROFILE, timeoutMs = 15_000) {
  const main = page.getByRole('main')
  // The form's Name field shows once the chooser has read the (empty) list of profiles.
  const nameField = main.getByRole('textbox', { name: 'Name', exact: true })
  await nameField.waitFor({ state: 'visible', timeout: timeoutMs })
  await nameField.fill(name)
  await main.getByRole('radio', { name: role, exact: true }).check()
  await main.getByRole('button', { name: 'Create profile and start', exact: true }).click()
  await page.getByRole('banner').getByText(`${name} · ${role}`).waitFor({ state: 'visible', timeout: timeoutMs })
}

/**
 * Opens a fresh worksheet (after choosing the profile) and fills it so the claim has real work:
 * 3 procedures (4 levels, 3 muscles) and a drug.
 */
export async function fillWorksheet(page, baseUrl) {
  await page.goto(baseUrl)
  await createProfile(page)
  const patient = page.getByLabel('Patient account', { exact: true })
  await patient.waitFor({ state: 'visible', timeout: 15_000 })
  await page.waitForURL(/#\/worksheet\//)
  await patient.fill('PT-BENCH')

  const procedure = (n) => page.getByRole('region', { name: new RegExp(`^Procedure ${n}:`) })
  const addButton = (name) => page.getByRole('group', { name: 'Add procedure' }).getByRole('button', { name, exact: true })
  const typeLevels = async (card, legend, text) => {
    const input = card.getByLabel(`${legend}: type instead`, { exact: true })
    await input.fill(text)
    await input.press('Enter')
  }

  await addButton('Add facet injection').click()
  await typeLevels(procedure(1), 'Levels', 'L4-L5 B, L5-S1 L')

  await addButton('Add epidural').click()
  await procedure(2).getByLabel('Approach', { exact: true }).selectOption('transforaminal')
  await typeLevels(procedure(2), 'Levels', 'L5-S1 R')

  await addButton('Add trigger point').click()
  const tp = procedure(3)
  await tp.getByRole('button', { name: 'Add muscle', exact: true }).click()
  await tp.getByRole('button', { name: 'Add muscle', exact: true }).click()
  const muscles = [['Trapezius', 'left'], ['Levator scapulae', 'right'], ['Rhomboid major', 'left']]
  for (const [i, [muscle, side]] of muscles.entries()) {
    await tp.getByLabel(`Muscle ${i + 1}`, { exact: true }).fill(muscle)
    await tp.getByLabel(`Side, muscle ${i + 1}`, { exact: true }).selectOption(side)
  }

  await page.getByRole('button', { name: 'Add drug', exact: true }).click()
  await page.getByLabel('Drug 1 code', { exact: true }).fill('J3301')
  const dose = page.getByLabel('Drug 1 dose', { exact: true })
  await dose.fill('40')

  const table = page.locator(CLAIM_LINES)
  await table.waitFor({ state: 'visible' })
  const lines = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.innerText.trim().replace(/\s+/g, ' '))))
  // The units column found by its header: the table has columns after it (the diagnosis pointers).
  const headers = await table.locator('thead th').evaluateAll((cells) => cells.map((c) => c.innerText.trim()))
  const units = headers.findIndex((h) => /^units$/i.test(h))
  if (units < 0) throw new Error(`the claim lines table has no Units column; its headers are: ${headers.join(' | ')}`)
  if (!lines.some((cells) => cells[0] === 'J3301' && cells[units] === '4')) {
    throw new Error(`expected a J3301 line with 4 units after the setup; the claim lines are:\n${lines.map((c) => c.join(' | ')).join('\n')}`)
  }
  return { dose, lines }
}

/**
 * The control: a page with only a number field and a one-cell claim lines table that the
 * field's input handler updates (no framework, no rules). The same edits on it measure the
 * floor of this harness on this machine right now: key delivery, the wait for the next frame
 * tick, and the browser's rendering of a tiny page.
 */
export async function openControlPage(page) {
  await page.goto('about:blank')
  await page.setContent(`<!doctype html><html lang="en"><body>
    <label>Dose <input id="dose" type="number" value="40"></label>
    <table data-testid="claim-lines"><tbody><tr><td>J3301</td><td id="units">4</td></tr></tbody></table>
    <script>
      const dose = document.getElementById('dose'), units = document.getElementById('units')
      dose.addEventListener('input', () => { units.textContent = String(Math.ceil(dose.valueAsNumber / 10)) })
    </script></body></html>`)
  return { dose: page.locator('#dose') }
}

/**
 * Frames dropped by a keystroke. Frame ticks come at a fixed phase every `frameInterval` ms;
 * the rAF argument `tick` (relative to the key) is one of them, so the first tick after the
 * key is V1 = tick - (ceil(tick / I) - 1) * I. A frame begun at V1 is shown at about V1 + I
 * (the 2nd vsync after the key), so a change the main thread has rendered (painted) by then
 * dropped no frame; each further interval it needs is one dropped frame. Main thread only:
 * compositing and raster after it are not counted.
 */
export function framesLate({ tick, painted, frameInterval: i }) {
  const firstTick = tick - (Math.ceil(tick / i) - 1) * i
  return Math.max(0, Math.ceil((painted - (firstTick + i)) / i))
}

/**
 * The edit sequence, on the focused J3301 dose field (10 mg per unit): select all (not
 * measured, changes nothing), type a digit d in 2..9 (dose d -> 1 unit: the line changes),
 * type 0 (dose d0 -> d units: the line changes). Every measured keystroke changes the claim.
 */
function* editKeys() {
  for (let d = 0; ; d = (d + 1) % 8) {
    yield { prepare: 'ControlOrMeta+A', key: String(d + 2) }
    yield { prepare: null, key: '0' }
  }
}

/**
 * Runs `count` measured edits (after `warmup` unmeasured ones). Each waits for its
 * measurement before the next starts, and starts no sooner than `intervalMs` after the
 * previous one (a fast typist), with a longer pause every `pauseEvery` edits so the draft
 * autosave (250 ms after the last change) runs between bursts as it would for a coder.
 */
export async function runEdits(page, dose, { count, warmup = 0, intervalMs = 100, pauseEvery = 20, pauseMs = 400, timeoutMs = 5_000 }) {
  await dose.focus()
  const keys = editKeys()
  const samples = []
  const lost = []
  await page.evaluate(() => window.__uiBench.takeEventEntries())
  for (let i = 0; samples.length < count; i++) {
    const started = performance.now()
    const { prepare, key } = keys.next().value
    if (prepare) await page.keyboard.press(prepare)
    await page.evaluate((ms) => window.__uiBench.arm(ms), timeoutMs)
    // arm() returns right after a frame tick: a random delay of up to one frame makes the key's
    // phase against the 60 Hz ticks uniform, as a person's typing is, instead of always the same.
    await sleep(Math.random() * 16.7)
    await page.keyboard.press(key)
    let sample
    try {
      sample = await page.evaluate(() => window.__uiBench.result())
    } catch (error) {
      // A keystroke whose change never showed is not a latency: note it (with where the key
      // went), put the focus back and go on; many of them means the harness is broken.
      const where = await page.evaluate((selector) => {
        const a = document.activeElement
        const row = [...(document.querySelector(selector)?.querySelectorAll('tbody tr') ?? [])].find((r) => r.textContent.includes('J3301'))
        return `focus on ${a ? `${a.tagName.toLowerCase()} "${a.labels?.[0]?.textContent ?? a.getAttribute('aria-label') ?? a.id}" value "${a.value ?? ''}"` : 'nothing'}; J3301 line: ${row?.textContent ?? 'none'}`
      }, CLAIM_LINES)
      lost.push(`edit ${i + 1} (key ${key}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}; ${where}`)
      if (lost.length > 5) throw new Error(`too many keystrokes without a claim lines change:\n  ${lost.join('\n  ')}`, { cause: error })
      await dose.focus()
      continue
    }
    if (i >= warmup) samples.push(sample)
    const rest = (pauseEvery > 0 && (i + 1) % pauseEvery === 0 ? pauseMs : intervalMs) - (performance.now() - started)
    if (rest > 0) await sleep(rest)
  }
  await sleep(300) // Event Timing entries arrive after presentation.
  const entries = await page.evaluate(() => window.__uiBench.takeEventEntries())
  const measured = new Set(samples.map((s) => s.t0))
  // The longest entry of each keystroke's interaction (keydown, keypress, beforeinput, input share its start time).
  const byStart = new Map()
  for (const e of entries) if (measured.has(e.startTime)) byStart.set(e.startTime, Math.max(byStart.get(e.startTime) ?? 0, e.duration))
  for (const sample of samples) {
    sample.eventTiming = byStart.get(sample.t0) ?? null
    sample.framesLate = framesLate(sample)
  }
  return { samples, lost }
}
