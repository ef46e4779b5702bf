// A first visit to a study view, in real Chromium: the learner has no database yet, so the first
// card shows before storage (Dexie, the largest chunk) is even requested; storage loads right after
// it is painted, then the service worker registers, and grading that card stores its review in
// IndexedDB, which a reload finds. After that reload the learner is returning: storage is requested before the card again, as always.
// The moment the card shows is taken synchronously, from the first card heading put into the page.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readReviews, readTable, revealAndGrade, studyCard, studyUrl } from './app'
import { browserTest, defaultOutDir, root, useBrowserFixture } from './harness'

const fixture = useBrowserFixture({
  onStart: async ({ context }) => {
    await context.addInitScript({
      content: `
        new MutationObserver((_, observer) => {
          if (document.querySelector('article h2')) {
            window.firstCardAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      `,
    })
  },
})

/** When the page showed its first card and requested each script (ms since navigation). */
async function loadOrder() {
  const page = fixture.page
  await studyCard(page).waitFor({ timeout: 30_000 })
  // Storage is requested once the card is painted, and the service worker registered once storage
  // is open: wait for both, then read the order.
  await page.waitForFunction(
    () =>
      ['storage', 'workbox-window'].every((name) =>
        performance.getEntriesByType('resource').some((e) => new RegExp(`/assets/${name}[\\w.-]*\\.js$`).test(e.name)),
      ),
    undefined,
    { timeout: 10_000 },
  )
  return page.evaluate(() => ({
    firstCardAt: (window as never as { firstCardAt: number }).firstCardAt,
    scripts: performance
      .getEntriesByType('resource')
      .map((e) => ({ path: new URL(e.name).pathname, startTime: e.startTime }))
      .filter((r) => r.path.endsWith('.js')),
  }))
}

const holdsDexie = (path: string) => readFileSync(join(root, defaultOutDir, path), 'utf8').includes('Dexie')

browserTest('a first visit shows its first card before loading storage, and its grade is stored', fixture, async () => {
  const page = fixture.page
  // The spec's browser profile is new: no database yet.
  await page.goto(studyUrl(fixture.server.url))
  const { firstCardAt, scripts } = await loadOrder()
  const before = scripts.filter((s) => s.startTime <= firstCardAt)
  assert.ok(
    before.some((s) => /\/assets\/StudyView-[\w-]+\.js$/.test(s.path)),
    'the study view loaded',
  )
  assert.deepEqual(
    before.filter((s) => holdsDexie(s.path)).map((s) => s.path),
    [],
    `no script with Dexie is requested before the first card (at ${firstCardAt} ms)`,
  )
  const storage = scripts.find((s) => /\/assets\/storage-[\w-]+\.js$/.test(s.path))
  assert.ok(storage && storage.startTime > firstCardAt, 'storage is requested once the first card shows')
  // The offline copy (the service worker and its precache) downloads after the card, never beside it.
  const workbox = scripts.find((s) => /\/assets\/workbox-window[\w.-]*\.js$/.test(s.path))
  assert.ok(workbox && workbox.startTime > firstCardAt, 'the service worker is registered once the first card shows')

  // The grade waits for the real storage: one review, in IndexedDB, that a reload finds.
  const prompt = await revealAndGrade(page, '3')
  const [review] = await readReviews(page)
  assert.equal((await readReviews(page)).length, 1, `grading "${prompt}" stored one review`)
  await page.reload()
  await studyCard(page).waitFor({ timeout: 30_000 })
  assert.deepEqual(
    (await readReviews(page)).map((r) => r.cardId),
    [review?.cardId],
  )
  const cards = await readTable<{ cardId: string; state: { phase: string } }>(page, 'cards')
  assert.notEqual(cards.find((c) => c.cardId === review?.cardId)?.state.phase, 'new', 'the graded card is not new')
  const sessions = await readTable<{ answers: { cardId: string }[] }>(page, 'sessions')
  assert.deepEqual(
    sessions[0]?.answers.map((a) => a.cardId),
    [review?.cardId],
    'the session resumes past the graded card',
  )
})

browserTest('a returning learner (the database exists) loads storage before the first card', fixture, async () => {
  const page = fixture.page
  await page.goto(studyUrl(fixture.server.url))
  const { firstCardAt, scripts } = await loadOrder()
  const storage = scripts.find((s) => /\/assets\/storage-[\w-]+\.js$/.test(s.path))
  assert.ok(
    storage && storage.startTime < firstCardAt,
    `storage requested at ${storage?.startTime} ms, card at ${firstCardAt} ms`,
  )
})
