// Service-worker registration degrades silently: without service workers (happy-dom has none, like
// a browser where they are disabled) or when the browser refuses the registration, the page keeps
// working online, with no error thrown and no update prompt. Runs the production code path
// (import.meta.env.PROD) with the real workbox-window.
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

type Registration = () => Promise<unknown>

/** A service-worker container the way a browser that blocks them behaves: `register` fails. */
function blockingContainer(register: Registration) {
  const listeners: string[] = []
  const container = {
    controller: null,
    register: vi.fn(register),
    getRegistration: () => Promise.resolve(undefined),
    addEventListener: (type: string) => listeners.push(type),
    removeEventListener: () => {},
  }
  return { container, listeners }
}

function installContainer(value: unknown) {
  Object.defineProperty(navigator, 'serviceWorker', { value, configurable: true })
}

async function freshModules() {
  vi.resetModules() // registerServiceWorker registers once per page (module)
  const [{ default: PwaUpdatePrompt }, sw] = await Promise.all([
    import('../../src/pwa/PwaUpdatePrompt.vue'),
    import('../../src/pwa/service-worker'),
  ])
  return { PwaUpdatePrompt, sw }
}

describe('service-worker registration without service workers', () => {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)

  beforeEach(() => {
    vi.stubEnv('PROD', true)
    unhandled.length = 0
    process.on('unhandledRejection', onUnhandled)
  })
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled)
    vi.unstubAllEnvs()
    delete (navigator as { serviceWorker?: unknown }).serviceWorker
  })

  it('happy-dom has no navigator.serviceWorker (the situation simulated here)', () => {
    expect((navigator as { serviceWorker?: unknown }).serviceWorker).toBeUndefined()
  })

  it('mounts the update prompt and resolves when navigator.serviceWorker is absent', async () => {
    const { PwaUpdatePrompt, sw } = await freshModules()
    const wrapper = mount(PwaUpdatePrompt)
    await expect(sw.registerServiceWorker()).resolves.toBeUndefined()
    await flushPromises()
    expect(wrapper.find('button').exists()).toBe(false)
    expect(unhandled).toEqual([])
  })

  it('resolves when navigator.serviceWorker is present but undefined (blocked)', async () => {
    installContainer(undefined)
    expect('serviceWorker' in navigator).toBe(true)
    const { sw } = await freshModules()
    await expect(sw.registerServiceWorker()).resolves.toBeUndefined()
  })

  it.each<[string, Registration]>([
    [
      'register rejects (SecurityError)',
      () => Promise.reject(new DOMException('The operation is insecure.', 'SecurityError')),
    ],
    ['register yields no registration', () => Promise.resolve(undefined)],
  ])('resolves quietly when %s, and Reload still reloads', async (_, register) => {
    const { container } = blockingContainer(register)
    installContainer(container)
    const { PwaUpdatePrompt, sw } = await freshModules()
    const wrapper = mount(PwaUpdatePrompt)
    await expect(sw.registerServiceWorker()).resolves.toBeUndefined()
    await flushPromises()
    expect(container.register).toHaveBeenCalledTimes(1) // the real workbox-window did try
    expect(wrapper.find('button').exists()).toBe(false)
    expect(sw.serviceWorkerState.updateReady.value).toBe(false)
    expect(unhandled).toEqual([])

    const reload = vi.fn()
    const realLocation = window.location
    Object.defineProperty(window, 'location', { value: { ...realLocation, reload }, configurable: true })
    try {
      await sw.acceptUpdate()
    } finally {
      Object.defineProperty(window, 'location', { value: realLocation, configurable: true })
    }
    expect(reload).toHaveBeenCalledTimes(1)
  })
})
