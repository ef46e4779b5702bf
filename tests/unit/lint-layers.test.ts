// The layer fence in eslint.config.js, tried on code that breaks it: data flows one way, so a
// lower layer that imports a higher one, domain code that reads the clock or Math.random, or
// Dexie outside src/storage is a lint error naming the rule that was broken.
import { ESLint } from 'eslint'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const eslint = new ESLint({ cwd: root })

async function messagesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) })
  return (result?.messages ?? []).map((m) => m.message)
}

describe('layers fenced by lint', () => {
  it('src/domain imports no Vue, Pinia, Dexie or higher layer', async () => {
    const messages = await messagesFor(
      'src/domain/questions/example.ts',
      [
        "import { ref } from 'vue'",
        "import { defineStore } from 'pinia'",
        "import Dexie from 'dexie'",
        "import { openStorage } from '../../storage/open'",
        "import { useStudyStore } from '../../stores/study'",
        'export const all = [ref, defineStore, Dexie, openStorage, useStudyStore]',
      ].join('\n'),
    )
    expect(messages.filter((m) => m.includes('src/domain'))).toHaveLength(5)
  }, 30_000)

  it('src/domain reads neither the clock, Math.random nor the DOM', async () => {
    const messages = await messagesFor(
      'src/domain/questions/example.ts',
      'export const f = () => [Date.now(), new Date(), Math.random(), document.title]\n',
    )
    expect(messages).toEqual([
      expect.stringContaining('reads no clock'),
      expect.stringContaining('reads no clock'),
      expect.stringContaining('seeded random source'),
      expect.stringContaining('does not touch the DOM'),
    ])
  }, 30_000)

  it('a date passed in is fine in src/domain', async () => {
    const messages = await messagesFor(
      'src/domain/questions/example.ts',
      'export const f = (now: number) => new Date(now)\n',
    )
    expect(messages).toEqual([])
  }, 30_000)

  it('src/storage imports no store or component; stores import no component or view', async () => {
    const storage = await messagesFor(
      'src/storage/example.ts',
      "import { useStudyStore } from '../stores/study'\nexport const s = useStudyStore\n",
    )
    expect(storage).toEqual([expect.stringContaining('src/storage never imports a higher layer')])
    const store = await messagesFor(
      'src/stores/example.ts',
      "import StudyCard from '../components/study/StudyCard.vue'\nexport const c = StudyCard\n",
    )
    expect(store).toEqual([expect.stringContaining('A store never imports components or views')])
  }, 30_000)

  it('only src/storage imports Dexie', async () => {
    const messages = await messagesFor(
      'src/components/example.ts',
      "import Dexie from 'dexie'\nexport const d = Dexie\n",
    )
    expect(messages).toEqual([expect.stringContaining('Only src/storage imports Dexie')])
    expect(await messagesFor('src/storage/example.ts', "import Dexie from 'dexie'\nexport const d = Dexie\n")).toEqual(
      [],
    )
  }, 30_000)
})
