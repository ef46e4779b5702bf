// Draws the app icon — a stavraton, the Byzantine silver coin, with a cross on steps and a beaded
// border — as SVG into public/icons/ and renders the PNG sizes the manifest and iOS need with
// ImageMagick. Run by hand after changing the design: `tsx scripts/render-icons.ts`; the output is
// committed, so builds do not need ImageMagick.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = join(import.meta.dirname, '..', 'public', 'icons')
const convert = process.env.CONVERT ?? '/usr/bin/convert'
const bronze = '#7a4b12' // the app's accent colour (src/styles/base.css)

function coin(cx: number, cy: number, radius: number): string {
  const s = radius / 240
  const n = (v: number) => v.toFixed(1)
  const at = (x: number, y: number) => `${n(cx + x * s)},${n(cy + y * s)}`
  const circle = (r: number, fill: string) =>
    `<circle cx="${cx}" cy="${cy}" r="${n(r * s)}" fill="${fill}" stroke="none"/>`
  const rect = (x: number, y: number, w: number, h: number) =>
    `<polygon points="${at(x, y)} ${at(x + w, y)} ${at(x + w, y + h)} ${at(x, y + h)}" fill="#39404a" stroke="none"/>`
  const beads = Array.from({ length: 40 }, (_, i) => {
    const a = (i / 40) * 2 * Math.PI
    return `<circle cx="${n(cx + Math.cos(a) * 214 * s)}" cy="${n(cy + Math.sin(a) * 214 * s)}" r="${n(7 * s)}" fill="#6b7380" stroke="none"/>`
  })
  return [
    circle(240, '#5a616b'),
    circle(230, '#c9ced4'),
    circle(196, '#dfe3e7'),
    ...beads,
    `<circle cx="${cx}" cy="${cy}" r="${n(186 * s)}" fill="none" stroke="#8a929c" stroke-width="${n(4 * s)}"/>`,
    rect(-14, -130, 28, 210), // upright
    rect(-78, -62, 156, 28), // arm
    rect(-34, -142, 68, 18), // top bar
    rect(-90, -74, 18, 52), // arm ends
    rect(72, -74, 18, 52),
    rect(-40, 80, 80, 18), // three steps
    rect(-62, 98, 124, 18),
    rect(-84, 116, 168, 18),
  ].join('\n  ')
}

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">\n  <title>Stavraton</title>\n  ${body}\n</svg>\n`

writeFileSync(join(dir, 'coin.svg'), svg(coin(256, 256, 248)))
// Maskable: full-bleed background, the coin inside the central safe circle (radius 40 %).
// Only its PNGs ship, so its SVG is a temporary file.
const maskable = join(tmpdir(), 'stavraton-coin-maskable.svg')
writeFileSync(
  maskable,
  svg(`<rect width="512" height="512" fill="${bronze}" stroke="none"/>\n  ${coin(256, 256, 196)}`),
)

const render = (source: string, size: number, target: string) =>
  execFileSync(convert, [
    '-background',
    'none',
    source,
    '-resize',
    `${size}x${size}`,
    '-strip',
    '-depth',
    '8',
    '-colors',
    '255',
    '-define',
    'png:compression-level=9',
    join(dir, target),
  ])
const coinSvg = join(dir, 'coin.svg')
render(coinSvg, 192, 'icon-192.png')
render(coinSvg, 512, 'icon-512.png')
render(maskable, 512, 'icon-maskable-512.png')
// iOS ignores transparency and masks the icon itself: give it the full-bleed variant.
render(maskable, 180, 'apple-touch-icon-180.png')
