// What a deep link needs starts loading before the app mounts: on a slow phone mounting is one long
// task, and the router's first navigation (which loads the route's view) only runs once it is done.
// A fresh visit to the built-in deck's study view requests the view's chunk and the deck store's
// chunk (which opens the deck) before the app's first element is in the page, and still shows the
// first card. The moment of mounting is taken synchronously, from the first node Vue inserts into #app.
import assert from 'node:assert/strict'
import { studyUrl } from './app'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture({
  onStart: async ({ context }) => {
    await context.addInitScript({
      content: `
        const insert = Node.prototype.insertBefore;
        Node.prototype.insertBefore = function (node, child) {
          if (this instanceof Element && this.id === 'app' && window.appMountedAt === undefined)
            window.appMountedAt = performance.now();
          return insert.call(this, node, child);
        };
      `,
    })
  },
})

browserTest('a study deep link requests its view and its deck before the app mounts', fixture, async () => {
  const page = fixture.page
  await page.goto(studyUrl(fixture.server.url))
  await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 30_000 })
  const { mountedAt, requested } = await page.evaluate(() => ({
    mountedAt: (window as never as { appMountedAt?: number }).appMountedAt,
    requested: performance
      .getEntriesByType('resource')
      .map((e) => ({ path: new URL(e.name).pathname, startTime: e.startTime })),
  }))
  assert.ok(mountedAt !== undefined, 'the app mounted into #app')
  const startOf = (pattern: RegExp) => {
    const entry = requested.find((r) => pattern.test(r.path))
    assert.ok(entry, `requested: ${pattern} (requested: ${requested.map((r) => r.path).join(', ')})`)
    return entry.startTime
  }
  const view = startOf(/\/assets\/StudyView-[\w-]+\.js$/)
  const deckStore = startOf(/\/assets\/deck-[\w-]{8}\.js$/)
  assert.ok(view < mountedAt, `the study view was requested at ${view} ms, before the app mounted at ${mountedAt} ms`)
  assert.ok(
    deckStore < mountedAt,
    `the deck store was requested at ${deckStore} ms, before the mount at ${mountedAt} ms`,
  )
})
