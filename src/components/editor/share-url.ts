/** The address share links open: this app's `/import` page, under whatever base it is deployed. */
export function importPageUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}import`, window.location.origin).href
}
