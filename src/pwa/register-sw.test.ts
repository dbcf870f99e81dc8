import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyServiceWorkerUpdate, registerServiceWorker } from './register-sw.ts'
import { getServiceWorkerState, resetServiceWorkerState } from './update-state.ts'

class FakeWorker extends EventTarget {
  state = 'installing'
  postMessage = vi.fn()
  become(state: string) { this.state = state; this.dispatchEvent(new Event('statechange')) }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null
  waiting: FakeWorker | null = null
  update = vi.fn(() => Promise.resolve())
}

function stubBrowser(controller: object | null) {
  const registration = new FakeRegistration()
  const container = Object.assign(new EventTarget(), { controller, register: vi.fn(() => Promise.resolve(registration)) })
  vi.stubEnv('PROD', true)
  vi.stubGlobal('navigator', { serviceWorker: container, onLine: true })
  return { registration, container }
}

beforeEach(() => resetServiceWorkerState())
afterEach(() => { vi.unstubAllEnvs(); vi.unstubAllGlobals() })

describe('registerServiceWorker', () => {
  it('registers nothing outside a production build or without service workers', () => {
    vi.stubEnv('PROD', false)
    vi.stubGlobal('navigator', { serviceWorker: {}, onLine: true })
    expect(registerServiceWorker().registered).toBe(false)
    vi.stubEnv('PROD', true)
    vi.stubGlobal('navigator', { onLine: true })
    expect(registerServiceWorker().registered).toBe(false)
  })

  it('registers /sw.js and says the app works offline after the first install', async () => {
    const { registration, container } = stubBrowser(null)
    expect(registerServiceWorker().registered).toBe(true)
    await Promise.resolve(); await Promise.resolve()
    expect(container.register).toHaveBeenCalledWith('/sw.js', { scope: '/' })
    const worker = new FakeWorker()
    registration.installing = worker
    registration.dispatchEvent(new Event('updatefound'))
    worker.become('installed')
    expect(getServiceWorkerState()).toMatchObject({ offlineReady: true, needRefresh: false })
  })

  it('offers a new version when one installs while a page is controlled, and activates it on request', async () => {
    const { registration, container } = stubBrowser({})
    const onNeedRefresh = vi.fn()
    registerServiceWorker(onNeedRefresh)
    await Promise.resolve(); await Promise.resolve()
    const worker = new FakeWorker()
    registration.installing = worker
    registration.dispatchEvent(new Event('updatefound'))
    worker.become('installed')
    expect(getServiceWorkerState().needRefresh).toBe(true)
    expect(onNeedRefresh).toHaveBeenCalledOnce()
    registration.waiting = worker
    vi.stubGlobal('location', { reload: vi.fn() })
    const done = applyServiceWorkerUpdate()
    expect(worker.postMessage).toHaveBeenCalledWith({ type: 'SKIP_WAITING' })
    container.dispatchEvent(new Event('controllerchange'))
    await done
  })

  it('registers nothing on a page the group server served, and removes a worker left on its origin', async () => {
    const { container } = stubBrowser(null)
    const old = { unregister: vi.fn(() => Promise.resolve(true)) }
    Object.assign(container, { getRegistrations: vi.fn(() => Promise.resolve([old])) })
    const meta = { getAttribute: (name: string) => (name === 'content' ? '1' : null) }
    vi.stubGlobal('document', { querySelector: (selector: string) => (selector === 'meta[name="icw-group-server"]' ? meta : null) })
    expect(registerServiceWorker().registered).toBe(false)
    await Promise.resolve(); await Promise.resolve()
    expect(container.register).not.toHaveBeenCalled()
    expect(old.unregister).toHaveBeenCalledOnce()
  })
})
