import { toValue, watchEffect, type MaybeRefOrGetter } from 'vue'

export const appName = 'Stavraton'

export function documentTitle(title: string | undefined): string {
  return title ? `${title} · ${appName}` : appName
}

/** Refines the route's document title once a view knows more, e.g. "Study: John VII Palaiologos · Stavraton". */
export function useDocumentTitle(title: MaybeRefOrGetter<string | undefined>) {
  watchEffect(() => {
    const value = toValue(title)
    if (value) document.title = documentTitle(value)
  })
}
