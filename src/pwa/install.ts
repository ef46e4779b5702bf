// Install support. Chromium fires `beforeinstallprompt` once the app is installable; we keep the
// event and show our own "Install" button instead of the browser's mini-infobar. Safari on iOS has
// no such event: there the learner installs via Share → Add to Home Screen, which we explain.
import { readonly, ref, shallowRef } from 'vue'

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>
}

const deferredPrompt = shallowRef<BeforeInstallPromptEvent | null>(null)
const installed = ref(false)
const canPrompt = ref(false)

if (typeof window !== 'undefined') {
  installed.value = window.matchMedia?.('(display-mode: standalone)').matches || isIosStandalone()
  // Listen at import time: the event may fire before any component mounts.
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault()
    deferredPrompt.value = event as BeforeInstallPromptEvent
    canPrompt.value = true
  })
  window.addEventListener('appinstalled', () => {
    deferredPrompt.value = null
    canPrompt.value = false
    installed.value = true
  })
}

function isIosStandalone(): boolean {
  return (navigator as Navigator & { standalone?: boolean }).standalone === true
}

/** iPhone, iPod and iPad (iPadOS reports itself as a Mac with a touch screen). */
export function isIos(userAgent = navigator.userAgent, maxTouchPoints = navigator.maxTouchPoints): boolean {
  return /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1)
}

export const installState = {
  /** The browser offered installation (`beforeinstallprompt`). */
  canPrompt: readonly(canPrompt),
  /** Running as an installed app. */
  installed: readonly(installed),
}

/** Shows the browser's install dialog; resolves to whether the learner accepted. */
export async function promptInstall(): Promise<boolean> {
  const event = deferredPrompt.value
  if (!event) return false
  deferredPrompt.value = null // a prompt event can be used only once
  canPrompt.value = false
  await event.prompt()
  const { outcome } = await event.userChoice
  return outcome === 'accepted'
}
