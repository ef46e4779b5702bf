import { onScopeDispose, ref, toValue, watchEffect, type MaybeRefOrGetter } from 'vue'
import type { Theme as ThemePreference } from '../domain/study/settings'

export type Theme = 'light' | 'dark'

const darkQuery = '(prefers-color-scheme: dark)'

/**
 * Applies a theme preference to <html data-theme>, following the system while the preference is
 * "system". Colours come from CSS variables in src/styles/base.css.
 */
export function useTheme(preference: MaybeRefOrGetter<ThemePreference>, root: HTMLElement = document.documentElement) {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(darkQuery) : undefined
  const systemDark = ref(media?.matches ?? false)
  const onChange = (event: MediaQueryListEvent) => {
    systemDark.value = event.matches
  }
  media?.addEventListener('change', onChange)
  onScopeDispose(() => media?.removeEventListener('change', onChange))

  const theme = ref<Theme>('light')
  watchEffect(() => {
    const pref = toValue(preference)
    theme.value = pref === 'system' ? (systemDark.value ? 'dark' : 'light') : pref
    root.dataset.theme = theme.value
  })
  return { theme }
}
