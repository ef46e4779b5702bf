// The study loop on a 390×844 phone. Over a session that meets every kind of question the study
// screen asks, the Good button is inside the screen after each reveal, without the learner
// scrolling; every tap target of the main screens is at least 44×44 px; axe finds nothing.
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { cardReady, clearSession, deckUrl, phone, readReviews, studyUrl, writeSettings } from './app'
import { axeViolations, describeViolations } from './axe'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()

/** Visible controls smaller than 44×44 px (links inside a sentence are exempt, as in WCAG 2.5.8). */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const out: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, summary, [role="button"]',
    )) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || el.closest('.visually-hidden, .skip-link')) continue
      // Links inside a sentence or a table of facts (citations, names) are inline: exempt, as in WCAG 2.5.8.
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline' && el.closest('p, td, dd, li, figcaption'))
        continue
      // A checkbox or radio is tapped through its label.
      if (el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type) && el.labels?.length) continue
      if (box.width < 44 || box.height < 44)
        out.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        )
    }
    return out
  })
}

browserTest('every tap target is at least 44×44 px on the main screens', fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  const base = fixture.server.url
  const screens: Array<[string, string, () => Promise<void>]> = [
    [
      'Library',
      base,
      () =>
        page
          .getByRole('link', { name: /John VII Palaiologos/ })
          .first()
          .waitFor(),
    ],
    ['Deck', deckUrl(base), () => page.getByRole('button', { name: 'Study', exact: true }).waitFor()],
    ['Study', studyUrl(base), () => page.getByRole('button', { name: 'Show answer' }).waitFor()],
    ['Settings', `${base}settings`, () => page.getByRole('heading', { level: 1 }).waitFor()],
  ]
  const problems: string[] = []
  for (const [name, url, ready] of screens) {
    await page.goto(url)
    await ready()
    for (const small of await smallTargets(page)) problems.push(`${name}: ${small}`)
  }
  await cardReady(page).catch(() => undefined)
  assert.deepEqual(problems, [])
})

browserTest(
  'the Good button is on screen after every reveal, with no scrolling, for every kind asked',
  fixture,
  async (t) => {
    const page = fixture.page
    await page.setViewportSize(phone)
    await page.goto(deckUrl(fixture.server.url))
    await page.getByRole('button', { name: 'Study', exact: true }).waitFor()
    // Recall kinds too (typed, date, cloze): recognition first off, and a fresh session.
    await writeSettings(page, { recognitionFirst: false, newPerDay: 40 })
    // The previous test's session would resume: drop it.
    await clearSession(page)
    await page.goto(studyUrl(fixture.server.url))
    const kinds = new Set<string>()
    const off: string[] = []
    const showAnswer = page.getByRole('button', { name: 'Show answer' })
    const summary = page.getByRole('heading', { name: 'Session complete' })
    for (let i = 0; i < 40; i++) {
      await showAnswer.or(summary).first().waitFor()
      if (await summary.isVisible()) break
      await cardReady(page)
      const kind = (await page.locator('.study-kind').innerText()).trim()
      kinds.add(kind)
      const scrolled = await page.evaluate(() => window.scrollY)
      await showAnswer.click()
      const good = page.getByRole('button', { name: /^Good/ })
      await good.waitFor()
      const box = await good.boundingBox()
      assert.ok(box)
      if (box.y < 0 || box.y + box.height > phone.height)
        off.push(`${kind}: Good at y ${Math.round(box.y)}–${Math.round(box.y + box.height)}`)
      assert.equal((await page.evaluate(() => window.scrollY)) >= scrolled, true)
      if (i === 3) {
        const violations = await axeViolations(page)
        assert.deepEqual(violations, [], describeViolations(violations))
      }
      const before = (await readReviews(page)).length
      // A tap this soon after Show answer would be the second tap of a double tap: read first.
      await page.waitForTimeout(300)
      await good.click()
      const deadline = Date.now() + 5000
      while ((await readReviews(page)).length === before && Date.now() < deadline) await page.waitForTimeout(20)
    }
    t.diagnostic(`kinds asked: ${[...kinds].join(', ')}`)
    assert.deepEqual(off, [], 'the Good button was below or above the screen')
    assert.ok(kinds.size >= 3, `only ${[...kinds].join(', ')} asked`)
  },
)
