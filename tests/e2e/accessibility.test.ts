// axe-core finds no violations on Library, Deck (and its Progress tab), Study (question and answer
// side), Quiz, Progress and Settings, in the light and the dark theme (the theme follows the system).
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { deckUrl, showAnswer, studyUrl } from './app'
import { axeViolations, describeViolations } from './axe'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()

/** Each view, opened and settled into the state to check. */
const views: [name: string, open: (page: Page, base: string) => Promise<void>][] = [
  [
    'Library',
    async (page, base) => {
      await page.goto(base)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await page
        .getByRole('link', { name: /John VII Palaiologos/ })
        .first()
        .waitFor()
    },
  ],
  [
    'Deck',
    async (page, base) => {
      await page.goto(deckUrl(base))
      await page.getByRole('heading', { level: 1, name: /John VII Palaiologos/ }).waitFor()
    },
  ],
  [
    'Study, question side',
    async (page, base) => {
      await page.goto(studyUrl(base))
      await page.getByRole('button', { name: 'Show answer' }).waitFor()
    },
  ],
  [
    'Study, answer side',
    async (page, base) => {
      await page.goto(studyUrl(base))
      await showAnswer(page)
      await page.getByRole('group', { name: 'Grade your answer' }).waitFor()
    },
  ],
  [
    'Quiz',
    async (page, base) => {
      await page.goto(`${deckUrl(base)}/quiz`)
      await page.getByRole('heading', { level: 2 }).first().waitFor()
    },
  ],
  [
    'Progress',
    async (page, base) => {
      await page.goto(`${base}progress`)
      await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor()
      await page.getByRole('heading', { name: 'Today' }).waitFor()
    },
  ],
  [
    'Deck, Progress tab',
    async (page, base) => {
      await page.goto(`${deckUrl(base)}?tab=progress`)
      await page.getByRole('heading', { name: 'Mastery per person' }).waitFor()
    },
  ],
  [
    'Settings',
    async (page, base) => {
      await page.goto(`${base}settings`)
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    },
  ],
]

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [name, open] of views) {
    browserTest(`axe: no violations on ${name} (${colorScheme} theme)`, fixture, async () => {
      const page = fixture.page
      await page.emulateMedia({ colorScheme })
      await open(page, fixture.server.url)
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), colorScheme)
      const violations = await axeViolations(page)
      assert.equal(violations.length, 0, `${name}, ${colorScheme}:\n${describeViolations(violations)}`)
    })
  }
}
