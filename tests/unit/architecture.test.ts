// No component renders deck text as HTML, not even through the DOM API (lint forbids v-html;
// this also catches innerHTML and insertAdjacentHTML). The layer rules live in eslint.config.js
// and are tested in lint-layers.test.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')

function filesUnder(dir: string, extensions: string[]): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, extensions))
    else if (extensions.some((ext) => name.endsWith(ext))) out.push(path)
  }
  return out
}

describe('deck text is rendered as text', () => {
  it('no component uses v-html or innerHTML', () => {
    const offenders = filesUnder(join(root, 'src'), ['.ts', '.vue'])
      .filter((f) => /v-html|\.innerHTML\s*=|insertAdjacentHTML/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f))
    expect(offenders).toEqual([])
  })
})
