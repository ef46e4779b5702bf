// Browser helpers any layer above storage may use (stores, components): they touch the DOM, so
// they stay out of src/domain.

/** Offers `text` as a file download (no server involved). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  // Firefox follows a click only on a link that is in the document.
  document.body.append(link)
  link.click()
  link.remove()
  // Some browsers start reading the blob after click() returns: keep it alive a while.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
