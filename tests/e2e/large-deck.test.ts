// A large deck in real Chromium: its questions are generated in a Web Worker, and they equal what
// the generator gives in Node; they are cached in IndexedDB, so the next opening generates nothing;
// and with the server gone and the browser offline, the worker still starts (precached) and the
// study view still shows a card. A large deck's page shows its facts before its questions exist,
// its family tree opens readable on the main person with only the boxes near the frame drawn, and
// its timeline draws the rows near the screen; a name chosen in the tree far down the deck shows
// its entry without the entries above it. (The longest main-thread task is reported, not
// asserted: that figure belongs to `npm run bench -- deck-open` and `deck-page`.)
import assert from 'node:assert/strict'
import { deckSeed } from '../../src/domain/questions/cache-key'
import { CompactQuestions } from '../../src/domain/questions/compact'
import { generateQuestions } from '../../src/domain/questions/generate'
import { layoutTimeline } from '../../src/domain/layout/timeline'
import type { Question } from '../../src/domain/questions/types'
import { syntheticDynasty } from '../../scripts/bench/synthetic-dynasty'
import { saveDeckInPage } from '../../scripts/browser'
import { currentPrompt, readSessions, readTable } from './app'
import { browserTest, useBrowserFixture, waitForServiceWorkerControl } from './harness'

const deck = syntheticDynasty(5_000, 11)
const expected = generateQuestions(deck, { seed: deckSeed(deck.id) })

const longTasks = `
  window.longestTask = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longestTask = Math.max(window.longestTask, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`

const fixture = useBrowserFixture({
  onStart: async (browser) => {
    await browser.context.addInitScript({ content: longTasks })
  },
})
const studyUrl = () => `${fixture.server.url}deck/${deck.id}/study`

async function workerRunning(): Promise<boolean> {
  const worker = fixture.page.workers().find((w) => w.url().includes('deck-questions.worker'))
  return worker ? (await worker.evaluate(() => typeof self.onmessage)) === 'function' : false
}

/** The deck's cached questions, read back from its parts (heads at parts 0, 1, …, bodies at -1, -2, …). */
async function cachedQuestions(): Promise<Question[]> {
  const rows = (
    await readTable<{ deckId: string; part: number; head?: string; body?: string }>(fixture.page, 'questionCache')
  ).filter((r) => r.deckId === deck.id)
  const heads = rows.filter((r) => r.part >= 0).sort((a, b) => a.part - b.part)
  const bodies = new Map(rows.filter((r) => r.part < 0).map((r) => [-1 - r.part, r.body ?? '']))
  if (!heads.length || heads.length !== bodies.size) return []
  return new CompactQuestions(
    heads.map((r) => r.head ?? ''),
    (part) => Promise.resolve(bodies.get(part) ?? ''),
  ).all()
}

browserTest(
  'a large deck opens in the study view; the worker generates the same questions as Node',
  fixture,
  async (t) => {
    const page = fixture.page
    await page.goto(fixture.server.url)
    await waitForServiceWorkerControl(page)
    await saveDeckInPage(page, deck)

    await page.goto(studyUrl())
    await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 120_000 })
    assert.ok(await workerRunning(), 'the deck-questions worker runs')
    t.diagnostic(
      `longest main-thread task: ${await page.evaluate(() => (window as never as { longestTask: number }).longestTask)} ms`,
    )

    // The first card is the first item of the stored session, worded as Node words it.
    const [session] = (await readSessions(page)).filter((s) => s.id === `study:${deck.id}`)
    assert.ok(session, 'a study session is saved')
    const first = expected.find((q) => q.id === session.items[0]?.questionId)
    assert.ok(first, 'the first card is one of the deck questions')
    assert.equal(await currentPrompt(page), first.prompt)

    // The cache is written after the first card shows (the first card may come before the deck is
    // generated): wait for it, reading the cache from here.
    let cached = await cachedQuestions()
    for (const until = Date.now() + 60_000; cached.length === 0 && Date.now() < until;) {
      await page.waitForTimeout(500)
      cached = await cachedQuestions()
    }
    assert.equal(cached.length, expected.length)
    // As JSON keeps them (fields left undefined are not written).
    assert.deepEqual(cached, JSON.parse(JSON.stringify(expected)))
  },
)

browserTest(
  'a large deck’s page shows its facts before its questions are made, a hundred entries at a time',
  fixture,
  async () => {
    const page = fixture.page
    // A deck never opened: its questions are generated when its page first asks for them.
    const other = syntheticDynasty(20_000, 12)
    await page.goto(fixture.server.url)
    await waitForServiceWorkerControl(page)
    await saveDeckInPage(page, other)
    await page.goto(`${fixture.server.url}deck/${other.id}`)
    await page.getByRole('button', { name: 'Show 100 more' }).waitFor({ timeout: 60_000 })
    // The facts show while the deck's questions are still being made.
    assert.ok(await page.getByText('Preparing its cards').isVisible(), 'the card count is still to come')
    // A page is drawn a few entries per task: the hundredth comes, and no more.
    const entries = page.locator('.deck-facts-list').getByRole('article')
    await entries.nth(99).waitFor()
    assert.equal(await entries.count(), 100)
    await page.getByRole('button', { name: 'Show 100 more' }).click()
    await entries.nth(199).waitFor()
    assert.equal(await entries.count(), 200)
    // The card browser lists the cards made so far while the rest are still being made, then all.
    await page.evaluate(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('ul[aria-label=Cards] li')) return
        const w = window as never as { rowsWhileMade: boolean }
        w.rowsWhileMade = document.body.textContent.includes('Preparing its cards')
        observer.disconnect()
      }).observe(document, { childList: true, subtree: true })
    })
    assert.ok(await page.getByText('Preparing its cards').isVisible(), 'the cards are still being made')
    await page.getByRole('tab', { name: 'Cards' }).click()
    await page.getByRole('list', { name: 'Cards' }).getByRole('listitem').first().waitFor({ timeout: 120_000 })
    assert.equal(
      await page.evaluate(() => (window as never as { rowsWhileMade: boolean }).rowsWhileMade),
      true,
      'the first rows show before the deck has all its cards',
    )
    await page.getByText(/^\d+ cards · version/).waitFor({ timeout: 120_000 })
    const count = page.getByRole('status').filter({ hasText: /cards shown/ })
    await count.filter({ hasNotText: /reading the rest|still being made/ }).waitFor({ timeout: 120_000 })
    const total = Number((await page.getByText(/^\d+ cards · version/).textContent())?.match(/^(\d+)/)?.[1])
    assert.match((await count.textContent()) ?? '', new RegExp(`^${total} of ${total} cards shown`))
  },
)

browserTest(
  'a large family opens readable on its main person, drawing the boxes near the frame; a long timeline draws the rows near the screen',
  fixture,
  async () => {
    const page = fixture.page
    const people = deck.entities.filter((e) => e.kind === 'person')
    const main = people[0]!
    await page.goto(`${fixture.server.url}deck/${deck.id}`)
    await page.getByRole('tab', { name: 'Family tree' }).click()
    const frame = page.getByRole('group', { name: /^Family tree: parents above their children/ })
    const boxes = frame.locator('[data-person-id]')
    const mainBox = frame.locator(`[data-person-id="${main.id}"]`)
    await mainBox.waitFor()
    await page.getByRole('status').filter({ hasText: 'Zoom 60 %' }).waitFor()
    const drawn = await boxes.count()
    assert.ok(drawn > 1 && drawn < people.length / 4, `${drawn} of ${people.length} boxes drawn`)
    const [box, inside] = [await mainBox.boundingBox(), await frame.boundingBox()]
    assert.ok(
      box && inside && box.x >= inside.x && box.x + box.width <= inside.x + inside.width,
      'the main person in the frame',
    )
    assert.ok((await frame.locator('text.tree-box-name').count()) > 0, 'names drawn at 60 %')
    // Fitted, every box is in the frame, so every box is drawn, without the names none could read.
    await page.getByRole('button', { name: 'Fit the whole tree' }).click()
    await boxes.nth(people.length - 1).waitFor()
    assert.equal(await boxes.count(), people.length)
    assert.equal(await frame.locator('text.tree-box-name').count(), 0)
    assert.ok(((await mainBox.locator('title').textContent()) ?? '').includes(main.name), 'the name in its tooltip')
    // A name far down the deck, chosen in the tree: its entry shows first on the Facts tab, open
    // and in view, without the thousands of entries above it.
    const far = people.at(-1)!
    await frame.locator(`[data-person-id="${far.id}"]`).click()
    const entry = page.locator(`#entity-${far.id}`)
    await entry.waitFor()
    assert.equal(await entry.getByRole('button', { expanded: true }).count(), 1, 'its entry is open')
    const seen = await entry.boundingBox()
    assert.ok(seen && seen.y >= 0 && seen.y < (page.viewportSize()?.height ?? 0), 'its entry is in view')
    const shown = await page.locator('.deck-facts-list').getByRole('article').count()
    assert.ok(shown <= 100, `${shown} entries drawn`)
    await page.getByRole('button', { name: 'Show 100 earlier' }).waitFor()

    await page.getByRole('tab', { name: 'Timeline' }).click()
    const layout = layoutTimeline(deck, { pxPerYear: 6 })
    const items = page.getByRole('list', { name: 'Lives, tenures and events in view' }).getByRole('listitem')
    await items.first().waitFor()
    // The whole time span, so that every row has something in view.
    await page.getByRole('button', { name: 'Show all' }).click()
    const labels = async () => new Set(await items.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label'))))
    const top = await labels()
    assert.ok(top.size < (layout.bars.length + layout.points.length) / 4, `${top.size} items drawn`)
    // Scrolled down the page, the rows that come into view are drawn.
    await page.mouse.move(20, 400)
    await page.mouse.wheel(0, 4000)
    await page.waitForFunction(
      (before) =>
        [...document.querySelectorAll('[aria-label="Lives, tenures and events in view"] [role=listitem]')].some(
          (el) => !before.includes(el.getAttribute('aria-label') ?? ''),
        ),
      [...top].map(String),
    )
  },
)

browserTest('offline, the worker starts from the precache and the deck opens from the cache', fixture, async () => {
  const page = fixture.page
  await fixture.server.stop()
  await fixture.browser.context.setOffline(true)
  const before = await readSessions(page)
  await page.goto(studyUrl())
  await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 60_000 })
  assert.ok(await workerRunning(), 'the deck-questions worker runs offline')
  // The same session resumes at the same card.
  const session = before.find((s) => s.id === `study:${deck.id}`)
  const first = expected.find((q) => q.id === session?.items[0]?.questionId)
  assert.equal(await currentPrompt(page), first?.prompt)
})
