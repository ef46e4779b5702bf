/** Offers `text` as a file download (no server involved). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** The address share links open: this app's `/import` page, under whatever base it is deployed. */
export function importPageUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}import`, window.location.origin).href
}
