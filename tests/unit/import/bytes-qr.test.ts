// base64url and bounded inflate under the share links, and the QR path built from the module matrix.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { zlibSync } from 'fflate'
import qrcode from 'qrcode-generator'
import { fromBase64Url, inflateBounded, toBase64Url } from '../../../src/domain/import/bytes'
import { QR_MAX_LINK_LENGTH, qrPath } from '../../../src/domain/import/qr'

describe('base64url', () => {
  it('matches Node for any bytes and round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = toBase64Url(bytes)
        expect(encoded).toBe(Buffer.from(bytes).toString('base64url'))
        expect(fromBase64Url(encoded)).toEqual(bytes)
      }),
    )
  })

  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(fromBase64Url('abc+')).toBeUndefined()
    expect(fromBase64Url('abcde')).toBeUndefined()
  })
})

describe('inflateBounded', () => {
  it('inflates what fits', () => {
    const data = new TextEncoder().encode('Stavraton '.repeat(100))
    expect(inflateBounded(zlibSync(data), 2000)).toEqual({ ok: true, bytes: data })
  })

  it('stops a decompression bomb at the limit', () => {
    const bomb = zlibSync(new Uint8Array(50 * 1024 * 1024), { level: 9 })
    expect(bomb.length).toBeLessThan(100_000)
    expect(inflateBounded(bomb, 1024 * 1024)).toEqual({ ok: false, reason: 'too-large' })
  })

  it('refuses damaged data', () => {
    const packed = zlibSync(new TextEncoder().encode('hello world, hello world'))
    packed[packed.length - 1] = (packed[packed.length - 1] ?? 0) ^ 0xff
    expect(inflateBounded(packed, 1000)).toEqual({ ok: false, reason: 'invalid' })
    expect(inflateBounded(new Uint8Array([1, 2, 3, 4]), 1000)).toEqual({ ok: false, reason: 'invalid' })
  })
})

describe('qrPath', () => {
  it('draws exactly the dark modules of the QR code', () => {
    const text = 'https://example.org/import#deck=eNoLLkksKklMTgUAEaoDmQ'
    const drawn = qrPath(text)
    expect(drawn).toBeDefined()
    const qr = qrcode(0, 'L')
    qr.addData(text, 'Byte')
    qr.make()
    expect(drawn?.size).toBe(qr.getModuleCount())
    const dark = new Set<string>()
    for (const m of drawn?.path.matchAll(/M(\d+),(\d+)h(\d+)v1h-\3z/g) ?? []) {
      for (let k = 0; k < Number(m[3]); k++) dark.add(`${Number(m[1]) + k},${m[2]}`)
    }
    for (let row = 0; row < qr.getModuleCount(); row++) {
      for (let col = 0; col < qr.getModuleCount(); col++) expect(dark.has(`${col},${row}`)).toBe(qr.isDark(row, col))
    }
  })

  it('gives up on links too long to scan', () => {
    expect(qrPath('x'.repeat(QR_MAX_LINK_LENGTH + 1))).toBeUndefined()
    expect(qrPath('x'.repeat(QR_MAX_LINK_LENGTH))).toBeDefined()
  })
})
