// A whole study session with the keyboard alone: from the Library, Tab
// and Enter reach the deck and its Study button; Space shows each answer and 1–4 grade it until
// the session summary. No pointer event reaches the page at any point.
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { readReviews, showAnswer as showAnswerWithKeys } from './app'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()

/** Presses Tab until the focused element matches, as a keyboard user scanning the page. */
async function tabTo(
  page: Page,
  description: string,
  matches: (el: { tag: string; text: string; role: string | null }) => boolean,
  limit = 40,
) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const el = document.activeElement
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        text: (el?.textContent ?? '').trim(),
        role: el?.getAttribute('role') ?? null,
      }
    })
    if (matches(focused)) return
  }
  throw new Error(`${description} not reached within ${limit} Tab presses`)
}

browserTest('a whole study session with the keyboard alone', fixture, async (t) => {
  const page = fixture.page
  await page.addInitScript(() => {
    const w = window as unknown as { pointerEvents: number }
    w.pointerEvents = 0
    for (const type of ['pointerdown', 'mousedown', 'touchstart']) addEventListener(type, () => w.pointerEvents++, true)
  })
  await page.goto(fixture.server.url)
  await page
    .getByRole('link', { name: /John VII Palaiologos/ })
    .first()
    .waitFor()

  await tabTo(page, 'the deck link', (el) => el.tag === 'a' && el.text.includes('John VII Palaiologos'))
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { level: 1, name: /John VII Palaiologos/ }).waitFor()
  await tabTo(page, 'the Study button', (el) => (el.tag === 'a' || el.tag === 'button') && el.text === 'Study')
  await page.keyboard.press('Enter')

  const summary = page.getByRole('heading', { name: /session (complete|summary|done)/i })
  const showAnswer = page.getByRole('button', { name: 'Show answer' })
  let graded = 0
  const grades = ['3', '4', '3', '2'] as const
  for (; graded < 100; graded++) {
    await showAnswer.or(summary).first().waitFor()
    if (await summary.isVisible()) break
    await showAnswerWithKeys(page)
    await page.getByRole('group', { name: 'Grade your answer' }).waitFor()
    const before = (await readReviews(page)).length
    await page.keyboard.press(grades[graded % grades.length]!)
    for (let i = 0; (await readReviews(page)).length === before; i++) {
      if (i > 200) throw new Error(`grade ${graded + 1} was not stored`)
      await page.waitForTimeout(25)
    }
  }
  t.diagnostic(`graded ${graded} cards; summary: "${await summary.innerText()}"`)
  assert.ok(graded > 0, 'the session had cards')
  assert.equal(await summary.isVisible(), true, 'the session ended with its summary')
  assert.equal((await readReviews(page)).length, graded)
  assert.equal(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents), 0)
})
