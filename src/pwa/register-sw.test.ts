import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RegisterSWOptions } from 'vite-plugin-pwa/types'

const registerSW = vi.fn<(options?: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>>()
vi.mock('virtual:pwa-register', () => ({ registerSW }))

const { registerServiceWorker, applyServiceWorkerUpdate } = await import('./register-sw.ts')
const { getServiceWorkerState, subscribeToServiceWorker, dismissServiceWorkerPrompt, resetServiceWorkerState } =
  await import('./update-state.ts')

const updateSW = vi.fn<(reloadPage?: boolean) => Promise<void>>(() => Promise.resolve())

beforeEach(() => {
  resetServiceWorkerState()
  registerSW.mockReset().mockReturnValue(updateSW)
  updateSW.mockClear()
})
afterEach(() => {
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

function optionsPassed(): RegisterSWOptions {
  const options = registerSW.mock.calls[0]?.[0]
  if (!options) throw new Error('registerSW was not called with options')
  return options
}

describe('registerServiceWorker', () => {
  it('registers nothing outside a production build', () => {
    vi.stubEnv('PROD', false)
    vi.stubGlobal('navigator', { serviceWorker: {}, onLine: true })
    expect(registerServiceWorker().registered).toBe(false)
    expect(registerSW).not.toHaveBeenCalled()
  })

  it('registers nothing where the browser has no service workers', () => {
    vi.stubEnv('PROD', true)
    vi.stubGlobal('navigator', { onLine: true })
    expect(registerServiceWorker().registered).toBe(false)
    expect(registerSW).not.toHaveBeenCalled()
  })

  it('tells the callback and the store when a new version waits, and applies it on request', async () => {
    vi.stubEnv('PROD', true)
    vi.stubGlobal('navigator', { serviceWorker: {}, onLine: true })
    const onNeedRefresh = vi.fn()
    const listener = vi.fn()
    subscribeToServiceWorker(listener)

    const controls = registerServiceWorker(onNeedRefresh)
    expect(controls.registered).toBe(true)

    optionsPassed().onOfflineReady?.()
    expect(getServiceWorkerState()).toEqual({ offlineReady: true, needRefresh: false })

    optionsPassed().onNeedRefresh?.()
    expect(onNeedRefresh).toHaveBeenCalledTimes(1)
    expect(getServiceWorkerState()).toEqual({ offlineReady: false, needRefresh: true })
    expect(listener).toHaveBeenCalledTimes(2)

    await controls.applyUpdate()
    await applyServiceWorkerUpdate()
    expect(updateSW).toHaveBeenCalledTimes(2)
    expect(updateSW).toHaveBeenCalledWith(true)
  })
})

describe('service worker state store', () => {
  it('keeps the same snapshot object until something changes', () => {
    const before = getServiceWorkerState()
    dismissServiceWorkerPrompt()
    expect(getServiceWorkerState()).toBe(before)
  })

  it('stops calling a listener after it unsubscribes', () => {
    vi.stubEnv('PROD', true)
    vi.stubGlobal('navigator', { serviceWorker: {}, onLine: true })
    const listener = vi.fn()
    const unsubscribe = subscribeToServiceWorker(listener)
    registerServiceWorker()
    unsubscribe()
    optionsPassed().onNeedRefresh?.()
    expect(listener).not.toHaveBeenCalled()
    expect(getServiceWorkerState().needRefresh).toBe(true)
  })
})
