// A teacher publishes a deck on a static site; a student subscribes through the link the app makes
// for the teacher, studies a card; the teacher publishes version 2; the app (on open, and on
// "Check for updates") says what changed, updates when asked and keeps the studied card's progress;
// an unchanged file costs a 304. Then the site goes away: the app shows the last version, and a
// failed check (site down, then the browser offline) says so and changes nothing. axe on the new UI.
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before } from 'node:test'
import type { Page } from 'playwright-core'
import { freePort } from '../../scripts/browser'
import { readTable, revealAndGrade } from './app'
import { axeViolations, describeViolations } from './axe'
import { browserTest, root, useBrowserFixture, waitForServiceWorkerControl } from './harness'

const V1 = readFileSync(join(root, 'tests', 'fixtures', 'decks', 'small-valid.yaml'), 'utf8')
const NEW_CARD = "  - { front: What bird was Anna's emblem?, back: A falcon, source: book }\n"
const folder = join(root, '.e2e-tmp', `published-${process.pid}`)
const deckFile = join(folder, 'test-family.yaml')

interface Logged {
  path: string
  ifNoneMatch: string | null
  status: number
}

/** The teacher's site (tests/e2e/publish-server.ts), in front of the app's preview server. */
class TeacherSite {
  readonly log: Logged[] = []
  private child?: ChildProcess
  url = ''

  async start(upstream: string): Promise<void> {
    const port = await freePort()
    this.url = `http://127.0.0.1:${port}/`
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'tests', 'e2e', 'publish-server.ts'), String(port), folder, upstream],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    this.child = child
    await new Promise<void>((resolve, reject) => {
      let buffered = ''
      child.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString()
        const lines = buffered.split('\n')
        buffered = lines.pop() ?? ''
        for (const line of lines) {
          const entry = JSON.parse(line) as Logged & { ready?: boolean }
          if (entry.ready) resolve()
          else this.log.push(entry)
        }
      })
      child.once('exit', (code) => reject(new Error(`the teacher's site exited (${code})`)))
    })
  }

  /** Kills the server by its PID and waits until the port refuses connections. */
  async stop(): Promise<void> {
    const child = this.child
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(child.pid, 'SIGTERM')
    await exited
    const stillUp = await fetch(this.url).then(
      () => true,
      () => false,
    )
    assert.equal(stillUp, false, `the teacher's site (pid ${child.pid}) still answers`)
  }
}

const site = new TeacherSite()

before(() => {
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
  writeFileSync(deckFile, V1)
})
// The app's preview server and the browser, then the teacher's site in front of the preview.
const fixture = useBrowserFixture({ onStart: () => site.start(fixture.server.url) })
after(async () => {
  await site.stop()
  rmSync(folder, { recursive: true, force: true })
})

interface StoredCard {
  cardId: string
  state: { reps: number; due: number; stability: number; phase: string }
}

const deckUrl = () => `${site.url}published/test-family.yaml`

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page)
  assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`)
}

/** The stored rows a failed check must leave exactly as they were. */
const snapshot = async (page: Page) => ({
  decks: await readTable(page, 'decks'),
  deckContents: await readTable(page, 'deckContents'),
  deckFingerprints: await readTable(page, 'deckFingerprints'),
  cards: await readTable(page, 'cards'),
  reviews: await readTable(page, 'reviews'),
  subscriptions: await readTable(page, 'subscriptions'),
})

browserTest('subscribe, study, update keeping progress, then work offline on the last version', fixture, async () => {
  const page = fixture.page
  await page.goto(site.url)
  await waitForServiceWorkerControl(page)

  // The teacher makes the subscribe link (and its QR code) on the subscribe page.
  await page.getByRole('link', { name: 'Subscribe by URL' }).click()
  await page.getByRole('heading', { level: 1, name: 'Subscribe to a deck' }).waitFor()
  await page.getByLabel('Address of your published deck').fill(deckUrl())
  const link = await page.getByRole('textbox', { name: 'Subscribe link' }).inputValue()
  assert.equal(new URL(link).searchParams.get('url'), deckUrl())
  await page.getByRole('img', { name: 'QR code of the subscribe link' }).waitFor()
  await expectNoAxeViolations(page, 'subscribe page with a link and QR code')

  // The student opens the link: the deck is fetched and previewed, nothing is stored yet.
  await page.goto(link)
  await page.getByRole('heading', { level: 2, name: 'A Test Family' }).waitFor()
  assert.deepEqual(await readTable(page, 'subscriptions'), [])
  await expectNoAxeViolations(page, 'subscribe preview')
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click()
  await page.getByRole('heading', { level: 2, name: 'Subscription' }).waitFor()
  const [subscription] = await readTable<{ url: string; etag: string }>(page, 'subscriptions')
  assert.equal(subscription?.url, deckUrl())
  assert.match(subscription?.etag ?? '', /^"[0-9a-f]{20}"$/)

  // Study one card.
  await page.goto(`${site.url}deck/test-family/study`)
  await revealAndGrade(page, '3')
  const [studied] = await readTable<StoredCard>(page, 'cards')
  assert.ok(studied && studied.state.reps === 1, 'the studied card is stored')

  // Version 2 changes a fact the studied card does not ask about, and adds a card.
  const v2 = studied.cardId.endsWith('/born/carl')
    ? V1.replace('born: 1298', 'born: 1297')
    : V1.replace('born: { date: 1325, place: testville }', 'born: { date: 1326, place: testville }')
  assert.notEqual(v2, V1)
  writeFileSync(deckFile, `${v2}${NEW_CARD}`)

  // Opening the app checks: the Library says an update waits, with what changed.
  await page.goto(site.url)
  const notice = page.getByRole('region', { name: 'Update available' })
  await notice.getByText('A Test Family').waitFor()
  assert.match(await notice.innerText(), /1 fact changed, 1 card added/)
  const conditional = site.log.at(-1)
  assert.deepEqual(conditional, {
    path: '/published/test-family.yaml',
    ifNoneMatch: subscription.etag,
    status: 200,
  })
  await notice.getByRole('link', { name: 'A Test Family' }).click()
  await page.getByText('Update available: 1 fact changed, 1 card added.').waitFor()
  await page.getByRole('heading', { level: 3, name: 'What the new version changes' }).waitFor()
  await expectNoAxeViolations(page, 'deck page with an update on offer')
  // Offered, not applied: the stored deck is still version 1.
  const offered = await snapshot(page)
  assert.equal(JSON.stringify(offered.deckContents).includes('What bird was'), false)

  await page.getByRole('button', { name: 'Update', exact: true }).click()
  await page.getByText(/Updated: 1 fact changed, 1 card added/).waitFor()
  const cards = await readTable<StoredCard>(page, 'cards')
  assert.deepEqual(
    cards.find((c) => c.cardId === studied.cardId),
    studied,
    "the studied card's progress is kept",
  )
  const updated = await snapshot(page)
  assert.ok(JSON.stringify(updated.deckContents).includes('What bird was'), 'the stored deck is version 2')

  // Checking again: the site answers 304 to the new validator; the app says it is up to date.
  await page.getByRole('button', { name: 'Check for updates' }).click()
  await page.getByText('Up to date: you have the latest version.').waitFor()
  assert.equal(site.log.at(-1)?.status, 304)

  // The site goes away: the app still opens the deck (from the service worker and IndexedDB)…
  await site.stop()
  await page.goto(`${site.url}deck/test-family`)
  await page.getByRole('heading', { level: 2, name: 'Subscription' }).waitFor()
  await page.getByRole('tab', { name: 'Cards' }).click()
  await page.getByLabel('Search cards').fill('emblem')
  await page.getByText("What bird was Anna's emblem?").first().waitFor()
  const before = await snapshot(page)
  // …and a check that cannot reach the site says so and changes nothing.
  await page.getByRole('button', { name: 'Check for updates' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'could not be reached' })
  await alert.waitFor()
  assert.match(await alert.innerText(), /Nothing was changed\./)
  await expectNoAxeViolations(page, 'deck page after a failed check')
  assert.deepEqual(await snapshot(page), before)

  // Offline as the browser knows it: the app does not even try.
  await fixture.browser.context.setOffline(true)
  await page.getByRole('button', { name: 'Check for updates' }).click()
  await page.getByRole('alert').filter({ hasText: 'You are offline' }).waitFor()
  assert.deepEqual(await snapshot(page), before)
  await fixture.browser.context.setOffline(false)
})
