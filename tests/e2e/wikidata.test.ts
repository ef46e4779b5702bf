// A teacher makes a deck from Wikidata in the real app: Library → From Wikidata, types an item
// id, fetches, sees the statements that were not used, reviews the deck in the editor (its
// questions, its YAML citing the item), saves it and studies it. The app's requests go to
// https://www.wikidata.org — allowed by the app's Content-Security-Policy, with no violation —
// and are answered by a local HTTP server with recorded wbgetentities responses. A failed fetch
// says so and leaves the editor as it was. axe finds no violations on the panel.
import assert from 'node:assert/strict'
import { after, before } from 'node:test'
import { type RecordedWikidata, startRecordedWikidata } from '../fixtures/wikidata/recorded-server'
import { readReviews, readTable, revealAndGrade } from './app'
import { axeViolations, describeViolations } from './axe'
import { browserTest, useBrowserFixture, watchProblems } from './harness'

let wikidata: RecordedWikidata | undefined
let problems: string[] = []
before(async () => {
  wikidata = await startRecordedWikidata()
})
after(async () => wikidata?.close())
const fixture = useBrowserFixture({
  onStart: async ({ page }) => {
    ;({ problems } = await watchProblems(page))
    // Requests to Wikidata are passed to the local server holding the recorded answers.
    await page.context().route('https://www.wikidata.org/**', async (route) => {
      const asked = new URL(route.request().url())
      const response = await route.fetch({ url: `${wikidata?.url}${asked.pathname}${asked.search}` })
      await route.fulfill({ response })
    })
  },
})

browserTest('an item fetched from Wikidata becomes a deck that is reviewed, saved and studied', fixture, async () => {
  const page = fixture.page
  await page.goto(fixture.server.url)
  await page.getByRole('link', { name: 'From Wikidata' }).click()
  await page.getByLabel('Item ids or SPARQL JSON').fill('https://www.wikidata.org/wiki/Q9001')
  await page.getByRole('button', { name: 'Fetch from Wikidata' }).click()

  await page
    .getByRole('status')
    .filter({ hasText: /Made \d+ facts about John VII Palaiologos from Wikidata/ })
    .waitFor()
  const notUsed = page.getByRole('region', { name: /Statements not used \(1\)/ })
  await notUsed.getByText('2 other properties (P31, P106)').waitFor()
  assert.equal(wikidata?.requests.length, 3)
  assert.ok(wikidata?.requests.every((r) => r.get('action') === 'wbgetentities'))

  const questions = page.getByRole('region', { name: /Questions this deck asks/ })
  await page.getByRole('heading', { name: /Questions this deck asks \([1-9]/ }).waitFor()
  await questions.getByText('Answer: Andronikos IV Palaiologos').first().waitFor()

  const violations = await axeViolations(page)
  assert.deepEqual(violations, [], describeViolations(violations))

  await page.getByRole('tab', { name: 'YAML' }).click()
  const yaml = await page.getByLabel('Deck file (YAML)').inputValue()
  assert.match(yaml, /url: https:\/\/www\.wikidata\.org\/wiki\/Q9001/)
  assert.match(yaml, /predecessor: john-v-palaiologos/)
  assert.match(yaml, /^id: john-vii-palaiologos-2$/m)

  await page.getByRole('button', { name: 'Save to library' }).click()
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
  const decks = await readTable<{ id: string; origin: string }>(page, 'decks')
  assert.ok(decks.some((d) => d.id === 'john-vii-palaiologos-2' && d.origin === 'user'))
  await page.goto(`${fixture.server.url}deck/john-vii-palaiologos-2/study`)
  await revealAndGrade(page, '3')
  const reviews = (await readReviews(page)).filter((r) => r.deckId === 'john-vii-palaiologos-2')
  assert.equal(reviews.length, 1)
  assert.deepEqual(problems, [])
})

browserTest('a failed fetch says so and leaves the editor as it was', fixture, async () => {
  const page = fixture.page
  await page.goto(`${fixture.server.url}editor/new?from=wikidata`)
  await page.getByRole('tab', { name: 'YAML' }).click()
  const before = await page.getByLabel('Deck file (YAML)').inputValue()
  if (wikidata) wikidata.fail = true
  await page.getByLabel('Item ids or SPARQL JSON').fill('Q9001')
  await page.getByRole('button', { name: 'Fetch from Wikidata' }).click()
  await page.getByRole('alert').filter({ hasText: 'Wikidata could not be reached (the server answered 503)' }).waitFor()
  if (wikidata) wikidata.fail = false
  assert.equal(await page.getByLabel('Deck file (YAML)').inputValue(), before)
})

browserTest('a pasted SPARQL result fetches the items of its ?item column', fixture, async () => {
  const page = fixture.page
  const sparql = JSON.stringify({
    head: { vars: ['item', 'itemLabel'] },
    results: {
      bindings: [
        {
          item: { type: 'uri', value: 'http://www.wikidata.org/entity/Q9001' },
          itemLabel: { 'xml:lang': 'en', type: 'literal', value: 'John VII Palaiologos' },
        },
      ],
    },
  })
  await page.goto(`${fixture.server.url}editor/new?from=wikidata`)
  const asked = wikidata?.requests.length ?? 0
  await page.getByLabel('Item ids or SPARQL JSON').fill(sparql)
  await page.getByRole('button', { name: 'Fetch from Wikidata' }).click()
  await page
    .getByRole('status')
    .filter({ hasText: /about John VII Palaiologos from Wikidata/ })
    .waitFor()
  assert.equal(wikidata?.requests[asked]?.get('ids'), 'Q9001')
})
