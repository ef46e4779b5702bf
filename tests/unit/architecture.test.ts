// The house rules that keep the architecture visible, checked on the source text:
// src/domain is pure (no UI, storage or DOM, no clock or Math.random), only src/storage
// imports Dexie, and no component renders deck text as HTML.
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

const importsOf = (text: string): string[] =>
  [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] as string)

describe('src/domain is pure', () => {
  const files = filesUnder(join(root, 'src', 'domain'), ['.ts'])

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it.each(files.map((f) => [relative(root, f), f]))('%s imports no UI, storage or DOM code', (_name, file) => {
    const forbidden = importsOf(readFileSync(file, 'utf8')).filter((spec) =>
      /^(vue|pinia|vue-router|dexie|workbox-window|@vue\/)|\/(storage|stores|components|views|composables|pwa)\//.test(
        spec,
      ),
    )
    expect(forbidden).toEqual([])
  })

  it.each(files.map((f) => [relative(root, f), f]))(
    '%s reads neither the clock, Math.random nor the DOM',
    (_name, file) => {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
      expect(code).not.toMatch(
        /new Date\(\s*\)|Date\.now\(|Math\.random\(|\b(window|document|localStorage|navigator)\./,
      )
    },
  )
})

describe('storage boundary', () => {
  it('only src/storage imports dexie', () => {
    const offenders = filesUnder(join(root, 'src'), ['.ts', '.vue'])
      .filter((f) => !relative(root, f).startsWith(join('src', 'storage')))
      .filter((f) => importsOf(readFileSync(f, 'utf8')).some((spec) => spec === 'dexie' || spec.startsWith('dexie/')))
      .map((f) => relative(root, f))
    expect(offenders).toEqual([])
  })
})

describe('deck text is rendered as text', () => {
  it('no component uses v-html or innerHTML', () => {
    const offenders = filesUnder(join(root, 'src'), ['.ts', '.vue'])
      .filter((f) => /v-html|\.innerHTML\s*=|insertAdjacentHTML/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f))
    expect(offenders).toEqual([])
  })
})
