// A QR code as an SVG path built from the module matrix: the component draws one <path>, so no
// markup string is ever parsed and no deck text reaches the DOM this way.
import qrcode from 'qrcode-generator'

/** Longer links make QR codes too dense to scan from a screen; then only the link is offered. */
export const QR_MAX_LINK_LENGTH = 2000

export interface QrPath {
  /** Modules per side (the viewBox is `0 0 size size` plus the quiet zone the caller adds). */
  size: number
  /** `M x,y h n v 1 h -n z` for each horizontal run of dark modules. */
  path: string
}

export function qrPath(text: string): QrPath | undefined {
  if (text.length > QR_MAX_LINK_LENGTH) return undefined
  const qr = qrcode(0, 'L')
  try {
    qr.addData(text, 'Byte')
    qr.make()
  } catch {
    return undefined
  }
  const size = qr.getModuleCount()
  let path = ''
  for (let row = 0; row < size; row++) {
    let col = 0
    while (col < size) {
      if (!qr.isDark(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < size && qr.isDark(row, col)) col++
      path += `M${start},${row}h${col - start}v1h-${col - start}z`
    }
  }
  return { size, path }
}
