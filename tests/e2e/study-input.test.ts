// Fast and clumsy input at phone size never stores a grade the learner did not give: 200 Space +
// grade pairs pressed without waiting for the next card, and grade keys pressed twice 15 ms apart.
// Every key press is logged in the page with the card that was on screen when it was pressed; every
// stored review must have a grade key pressed on that very card, and no option of a
// multiple-choice card may have been picked by a key meant for the previous card.
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { cardReady, deckUrl, phone, readReviews, readSessions, studyUrl, writeSettings, type StoredAnswer } from './app'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()

interface Press {
  key: string
  card: string | null
}

/** Logs every key press before the app sees it, with the card on screen at that moment. */
async function logPresses(page: Page) {
  await page.addInitScript(() => {
    const log: Array<{ key: string; card: string | null }> = []
    ;(window as unknown as { presses: typeof log }).presses = log
    window.addEventListener(
      'keydown',
      (e) =>
        log.push({ key: e.key, card: document.querySelector('article.study-card')?.getAttribute('data-card') ?? null }),
      { capture: true },
    )
  })
}
const presses = (page: Page) => page.evaluate(() => (window as unknown as { presses: Press[] }).presses)

/** A small seeded generator, so a failing run can be replayed. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

async function openStudy(page: Page) {
  await page.setViewportSize(phone)
  await page.goto(deckUrl(fixture.server.url))
  await page.getByRole('button', { name: 'Study', exact: true }).waitFor()
  // Enough new cards that 200 pairs do not run out of session (settings are read on load).
  await writeSettings(page, { newPerDay: 200 })
  await page.goto(studyUrl(fixture.server.url))
  await page.getByRole('button', { name: 'Show answer' }).waitFor()
}

function assertEveryGradeWasPressed(log: Press[], reviews: { cardId: string; grade: number }[]) {
  for (const [i, review] of reviews.entries()) {
    const pressed = log.some((p) => p.card === review.cardId && p.key === String(review.grade))
    assert.ok(pressed, `review ${i} of ${review.cardId} has grade ${review.grade}, never pressed on that card`)
  }
}

browserTest(
  '200 Space + grade pairs pressed without waiting store only grades given on that card',
  fixture,
  async (t) => {
    const page = fixture.page
    await logPresses(page)
    await openStudy(page)
    const next = random(7)
    const grades = ['1', '2', '3', '3', '4'] as const
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Space')
      await page.waitForTimeout(Math.floor(next() * 30))
      await page.keyboard.press(grades[Math.floor(next() * grades.length)] as string)
      await page.waitForTimeout(Math.floor(next() * 150))
    }
    await page.waitForTimeout(500)
    const reviews = await readReviews(page)
    const log = await presses(page)
    t.diagnostic(`${reviews.length} reviews stored from 200 pairs`)
    assert.ok(reviews.length >= 20, `only ${reviews.length} reviews stored: the test made too little progress`)
    assert.ok(reviews.length <= 200)
    assertEveryGradeWasPressed(log, reviews)
    const [session] = await readSessions(page)
    const answers = (session?.answers ?? []) as StoredAnswer[]
    assert.equal(answers.length, reviews.length)
    assert.deepEqual(
      answers.filter((a) => a.correct !== undefined),
      [],
      'no option was picked: every digit was a grade',
    )
  },
)

browserTest('a grade key pressed twice 15 ms apart grades one card, once', fixture, async () => {
  const page = fixture.page
  const before = (await readReviews(page)).length
  const sessionBefore = ((await readSessions(page))[0]?.answers ?? []) as StoredAnswer[]
  const graded: string[] = []
  for (let i = 0; i < 15; i++) {
    await page.getByRole('button', { name: 'Show answer' }).waitFor()
    await cardReady(page)
    graded.push((await page.locator('article.study-card').getAttribute('data-card')) ?? '')
    await page.keyboard.press('Space')
    const key = i % 2 ? '3' : '4'
    await page.keyboard.press(key)
    await page.waitForTimeout(15)
    await page.keyboard.press(key)
    // The second press is dropped; wait for this grade to be stored before the next card.
    const deadline = Date.now() + 5000
    while ((await readReviews(page)).length < before + i + 1 && Date.now() < deadline) await page.waitForTimeout(20)
  }
  await page.waitForTimeout(400)
  const reviews = (await readReviews(page)).slice(before)
  assert.deepEqual(
    reviews.map((r) => r.cardId),
    graded,
    'one review per card shown, of that card',
  )
  assert.deepEqual(
    reviews.map((r) => r.grade),
    graded.map((_, i) => (i % 2 ? 3 : 4)),
  )
  const answers = (((await readSessions(page))[0]?.answers ?? []) as StoredAnswer[]).slice(sessionBefore.length)
  assert.deepEqual(
    answers.filter((a) => a.correct !== undefined),
    [],
  )
})
