// The deck page's Facts and Family tree tabs on the built-in deck, on a 390 × 844 phone and a
// desktop, in real Chromium:
// - Facts: John VII's entry is open and the others closed; the search box filters entries and
//   facts as you type; the sources are a tap away from the top; citation marks are 44 × 44 px
//   targets on the phone; disputed facts show their other values; axe finds nothing.
// - Family tree: it opens fitted, every person's box inside the frame, John VII in its middle;
//   the zoom buttons and + − 0 change the scale; arrow keys, a one-finger drag and a two-finger
//   pinch (CDP touch events) move and zoom it; a box reached with the keyboard scrolls into view;
//   a tap on a name still opens that person's facts.
import assert from 'node:assert/strict'
import type { Locator, Page } from 'playwright-core'
import { deckUrl, phone } from './app'
import { axeViolations, describeViolations } from './axe'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()
const desktop = { width: 1366, height: 900 }

async function openTab(page: Page, tab: 'facts' | 'tree') {
  await page.goto(tab === 'facts' ? deckUrl(fixture.server.url) : `${deckUrl(fixture.server.url)}?tab=${tab}`)
  await page.getByRole('tab', { name: tab === 'facts' ? 'Facts' : 'Family tree', selected: true }).waitFor()
}

const entry = (page: Page, name: string) => page.getByRole('button', { name, exact: true })

browserTest('Facts: the main person open, the rest closed, a search that filters as you type', fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  await openTab(page, 'facts')
  assert.equal(await entry(page, 'John VII Palaiologos').getAttribute('aria-expanded'), 'true')
  assert.equal(await entry(page, 'Keratsa of Bulgaria').getAttribute('aria-expanded'), 'false')
  assert.equal(await page.locator('#entity-keratsa dt').first().isVisible(), false, 'a closed entry hides its facts')
  // …until found: the browser's find-in-page still reaches them.
  assert.equal(await page.locator('#entity-keratsa-facts').getAttribute('hidden'), 'until-found')

  await entry(page, 'Keratsa of Bulgaria').click()
  assert.equal(await page.locator('#entity-keratsa dt').first().isVisible(), true, 'opened, it shows them')
  await entry(page, 'Keratsa of Bulgaria').click()

  const search = page.getByRole('searchbox', { name: 'Search facts' })
  await search.pressSequentially('mother')
  await page
    .getByRole('status')
    .filter({ hasText: /^\d+ of \d+ entries match “mother”$/ })
    .waitFor()
  const labels = await page.locator('.deck-entity-facts:not([hidden]) dt').allInnerTexts()
  assert.ok(labels.length > 0, 'some mothers are found')
  assert.deepEqual([...new Set(labels)], ['Mother'], 'only the Mother rows show')
  assert.equal(await entry(page, 'John VII Palaiologos').getAttribute('aria-expanded'), 'true')
  await search.fill('')
  await search.pressSequentially('Gattilusio')
  await entry(page, 'Irene Gattilusio').waitFor()
  assert.equal(await entry(page, 'Irene Gattilusio').getAttribute('aria-expanded'), 'true', 'matches open')
  assert.equal(await entry(page, 'Keratsa of Bulgaria').count(), 0, 'entries that do not match are gone')
  await search.fill('')
  assert.equal(await entry(page, 'Keratsa of Bulgaria').getAttribute('aria-expanded'), 'false', 'cleared, as before')
})

browserTest(
  'Facts: sources a tap from the top, and citation marks 44 px wide and tall on a phone',
  fixture,
  async () => {
    const page = fixture.page
    await page.setViewportSize(phone)
    await openTab(page, 'facts')
    const marks = page.locator('#entity-john-vii .deck-refs a')
    assert.ok((await marks.count()) > 3, 'John VII’s facts cite their sources')
    for (const mark of await marks.all()) {
      const box = (await mark.boundingBox())!
      assert.ok(box.width >= 44 && box.height >= 44, `a mark is ${box.width} × ${box.height} px`)
    }
    // Disputed facts carry their other values.
    const disputed = page.locator('#entity-john-vii .deck-value').filter({ has: page.locator('.deck-disputed') })
    assert.ok((await disputed.count()) > 0, 'John VII has a disputed fact')
    assert.match(await disputed.first().innerText(), /Also given as/)

    await page.getByRole('link', { name: /^Sources \(\d+\)$/ }).click()
    const heading = page.getByRole('heading', { name: 'Sources', level: 2 })
    await page.waitForFunction(() => location.hash === '#deck-sources')
    assert.ok(await inWindow(page, heading), 'the sources are on screen')

    await page.evaluate(() => window.scrollTo(0, 0))
    const first = marks.first()
    const target = (await first.getAttribute('href'))!
    await first.click()
    assert.ok(await inWindow(page, page.locator(target)), `${target} is on screen`)
    await page.setViewportSize(desktop)
    const wide = (await marks.first().boundingBox())!
    assert.ok(wide.height < 30, 'on a desktop the marks are small superscripts again')
  },
)

for (const colorScheme of ['light', 'dark'] as const) {
  browserTest(`axe: no violations on the Facts tab, searching (${colorScheme} theme)`, fixture, async () => {
    const page = fixture.page
    await page.setViewportSize(phone)
    await page.emulateMedia({ colorScheme })
    await openTab(page, 'facts')
    await page.getByRole('searchbox', { name: 'Search facts' }).fill('born')
    const violations = await axeViolations(page)
    assert.equal(violations.length, 0, `${colorScheme}:\n${describeViolations(violations)}`)
    await page.emulateMedia({ colorScheme: 'light' })
  })
}

const frameOf = (page: Page) => page.getByRole('group', { name: /^Family tree: parents above their children/ })

/** Every person's box in page pixels, by id. */
async function boxes(page: Page) {
  const out = new Map<string, { x: number; y: number; width: number; height: number }>()
  for (const box of await page.locator('[data-person-id]').all())
    out.set((await box.getAttribute('data-person-id'))!, (await box.locator('rect').boundingBox())!)
  return out
}

async function fittedTree(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size)
  await openTab(page, 'tree')
  await page
    .getByRole('status')
    .filter({ hasText: /^Zoom \d+ %$/ })
    .waitFor()
  const frame = (await frameOf(page).boundingBox())!
  const all = await boxes(page)
  const outside = [...all].filter(
    ([, b]) =>
      b.x < frame.x ||
      b.y < frame.y ||
      b.x + b.width > frame.x + frame.width ||
      b.y + b.height > frame.y + frame.height,
  )
  assert.deepEqual(
    outside.map(([id]) => id),
    [],
    `every box inside the ${frame.width} × ${frame.height} frame`,
  )
  const john = all.get('john-vii')!
  const dx = john.x + john.width / 2 - (frame.x + frame.width / 2)
  const dy = john.y + john.height / 2 - (frame.y + frame.height / 2)
  assert.ok(Math.abs(dx) < frame.width / 4 && Math.abs(dy) < frame.height / 4, `John VII is central (${dx}, ${dy})`)
  return { frame, all }
}

browserTest('Family tree: fitted on a phone and a desktop, every box inside, John VII central', fixture, async () => {
  const page = fixture.page
  await fittedTree(page, phone)
  await fittedTree(page, desktop)
})

browserTest('Family tree: zoom buttons, + − 0 and arrow keys change and move the view', fixture, async () => {
  const page = fixture.page
  const { all } = await fittedTree(page, phone)
  const width = async () => (await page.locator('[data-person-id="john-vii"] rect').boundingBox())!.width
  const fitted = all.get('john-vii')!.width
  assert.equal(await page.getByRole('button', { name: 'Zoom out' }).isDisabled(), true, 'fitted is the farthest out')
  const zoomIn = page.getByRole('button', { name: 'Zoom in' })
  const zoomBox = (await zoomIn.boundingBox())!
  assert.ok(zoomBox.width >= 44 && zoomBox.height >= 44, `the zoom button is ${zoomBox.width} × ${zoomBox.height}`)
  await zoomIn.click()
  const once = await width()
  assert.ok(Math.abs(once / fitted - 1.25) < 0.02, `Zoom in scales by 1.25 (${fitted} → ${once})`)
  await page.getByRole('button', { name: 'Zoom out' }).click()
  assert.ok(Math.abs((await width()) - fitted) < 0.5, 'Zoom out scales back')

  await frameOf(page).focus()
  await page.keyboard.press('+')
  await page.keyboard.press('+')
  assert.ok((await width()) > fitted * 1.5, '+ zooms in')
  await page.keyboard.press('-')
  assert.ok(Math.abs((await width()) / fitted - 1.25) < 0.02, '− zooms out')
  const before = (await page.locator('[data-person-id="john-vii"] rect').boundingBox())!
  await page.keyboard.press('ArrowRight')
  const after = (await page.locator('[data-person-id="john-vii"] rect').boundingBox())!
  assert.ok(after.x < before.x - 20, `→ moves the view right (${before.x} → ${after.x})`)
  await page.keyboard.press('0')
  assert.ok(Math.abs((await width()) - fitted) < 0.5, '0 fits the whole tree again')

  // Zoomed in, the first box reached with Tab (top left, out of sight) comes into view.
  for (let i = 0; i < 5; i++) await page.keyboard.press('+')
  const frame = (await frameOf(page).boundingBox())!
  await page.keyboard.press('Tab')
  const far = await page.evaluate(() => document.activeElement?.getAttribute('data-person-id'))
  assert.ok(far, 'Tab goes to a person’s box')
  const shown = (await page.locator(`[data-person-id="${far}"] rect`).boundingBox())!
  assert.ok(
    shown.x >= frame.x && shown.x + shown.width <= frame.x + frame.width && shown.y >= frame.y,
    `${far} scrolled into view`,
  )
})

browserTest('Family tree: a finger drags it, two fingers pinch it, a tap opens a name', fixture, async () => {
  const page = fixture.page
  await fittedTree(page, phone)
  const rect = () =>
    page
      .locator('[data-person-id="john-vii"] rect')
      .boundingBox()
      .then((b) => b!)
  await frameOf(page).evaluate((el) => el.scrollIntoView({ block: 'end' }))
  const fitted = await rect()
  const frame = (await frameOf(page).boundingBox())!
  assert.ok(frame.y >= 0 && frame.y + frame.height <= phone.height + 1, 'the whole frame is on the screen')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 2 })
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ ...p, id })) })
  const cx = frame.x + frame.width / 2
  const cy = frame.y + frame.height / 2
  await touch('touchStart', [
    { x: cx - 30, y: cy },
    { x: cx + 30, y: cy },
  ])
  for (const spread of [45, 60, 75, 90]) {
    await touch('touchMove', [
      { x: cx - spread, y: cy },
      { x: cx + spread, y: cy },
    ])
  }
  await touch('touchEnd', [])
  const pinched = await rect()
  assert.ok(pinched.width > fitted.width * 2.5, `a pinch zooms in (${fitted.width} → ${pinched.width})`)

  await touch('touchStart', [{ x: cx, y: cy }])
  for (const dx of [20, 40, 60, 80]) await touch('touchMove', [{ x: cx + dx, y: cy + dx / 2 }])
  await touch('touchEnd', [])
  const dragged = await rect()
  assert.ok(Math.abs(dragged.x - pinched.x - 80) < 2, `a drag moves it by the finger (${pinched.x} → ${dragged.x})`)
  assert.ok(Math.abs(dragged.y - pinched.y - 40) < 2, 'down as well as across')

  // A tap (no movement) on a name is a click on its link. On a fresh page: Chromium may take a
  // touch soon after a drag for the end of a fling and make no click of it.
  await fittedTree(page, phone)
  await frameOf(page).evaluate((el) => el.scrollIntoView({ block: 'end' }))
  const john = await rect()
  await touch('touchStart', [{ x: john.x + john.width / 2, y: john.y + john.height / 2 }])
  await touch('touchEnd', [])
  await page.getByRole('tab', { name: 'Facts', selected: true }).waitFor()
  await page.waitForFunction(() => document.activeElement?.id === 'entity-john-vii')
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false })
  await cdp.detach()
})

browserTest(
  'Family tree: a mouse drag that starts and ends on a name moves the tree, not to the name',
  fixture,
  async () => {
    const page = fixture.page
    await fittedTree(page, desktop)
    await page.getByRole('button', { name: 'Zoom in' }).click()
    const before = (await page.locator('[data-person-id="john-vii"] rect').boundingBox())!
    const at = { x: before.x + before.width / 2, y: before.y + before.height / 2 }
    await page.mouse.move(at.x, at.y)
    await page.mouse.down()
    await page.mouse.move(at.x - 60, at.y - 30, { steps: 6 })
    await page.mouse.up()
    const after = (await page.locator('[data-person-id="john-vii"] rect').boundingBox())!
    assert.ok(Math.abs(after.x - before.x + 60) < 2 && Math.abs(after.y - before.y + 30) < 2, 'the tree followed')
    assert.equal(await page.getByRole('tab', { name: 'Family tree', selected: true }).count(), 1, 'still on the tree')
  },
)

async function inWindow(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  const size = page.viewportSize()!
  return !!box && box.y >= 0 && box.y < size.height
}
