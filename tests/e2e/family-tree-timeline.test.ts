// The Deck view's "Family tree" and "Timeline" tabs on the built-in deck:
// - the tree shows John VII below his parents Andronikos IV and Keratsa of Bulgaria and above his
//   son Andronikos V (compared by the boxes' bounding boxes); his name leads to his facts;
//   "Quiz me" hides the names and asks "Who belongs in this box?";
// - the timeline shows his 1390 reign as Byzantine emperor; +/− and a two-finger pinch zoom;
// - both are axe-clean in the light and dark theme, and have a text alternative.
// Screenshots of both views (phone and desktop, light and dark) are saved in test-results/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { deckUrl } from './app'
import { axeViolations, describeViolations } from './axe'
import { browserTest, root, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()
const shots = join(root, 'test-results')

async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
}

async function openTab(page: Page, tab: 'tree' | 'timeline') {
  await page.goto(`${deckUrl(fixture.server.url)}?tab=${tab}`)
  await page.getByRole('tab', { name: tab === 'tree' ? 'Family tree' : 'Timeline', selected: true }).waitFor()
}

async function box(page: Page, personId: string) {
  const found = await page.locator(`[data-person-id="${personId}"]`).boundingBox()
  assert.ok(found, `${personId} is drawn`)
  return found
}

browserTest('the family tree puts John VII under his parents and over his son', fixture, async () => {
  const page = fixture.page
  await page.emulateMedia({ colorScheme: 'light' })
  await openTab(page, 'tree')
  const john = page.locator('[data-person-id="john-vii"]')
  assert.match((await john.textContent()) ?? '', /John VII Palaiologos/)
  const [me, father, mother, son, wife] = await Promise.all(
    ['john-vii', 'andronikos-iv', 'keratsa', 'andronikos-v', 'irene-gattilusio'].map((id) => box(page, id)),
  )
  assert.ok(father!.y + father!.height < me!.y, 'Andronikos IV is above John VII')
  assert.ok(mother!.y + mother!.height < me!.y, 'Keratsa of Bulgaria is above John VII')
  assert.ok(son!.y > me!.y + me!.height, 'Andronikos V is below John VII')
  assert.equal(wife!.y, me!.y, 'Irene Gattilusio is on his row')
  // It opens with the deck's subject in view (tests/e2e/deck-page.test.ts checks the fit).
  const view = (await page.getByRole('group', { name: /^Family tree: parents above/ }).boundingBox())!
  assert.ok(me!.x >= view.x && me!.x + me!.width <= view.x + view.width, 'John VII is in view')
  await screenshot(page, 'family-tree-phone')
  await page.setViewportSize({ width: 1366, height: 900 })
  await screenshot(page, 'family-tree-desktop')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, 'family-tree-desktop-dark')
  await page.setViewportSize({ width: 412, height: 900 })
  await page.emulateMedia({ colorScheme: 'light' })
})

browserTest('a name in the tree leads to that person’s facts', fixture, async () => {
  const page = fixture.page
  await openTab(page, 'tree')
  await page.locator('[data-person-id="keratsa"]').click()
  await page.getByRole('tab', { name: 'Facts', selected: true }).waitFor()
  await page.waitForFunction(() => document.activeElement?.id === 'entity-keratsa')
  assert.match(page.url(), /#entity-keratsa$/)
})

browserTest('"Quiz me" hides the names and asks who belongs in a box', fixture, async () => {
  const page = fixture.page
  await openTab(page, 'tree')
  await page.getByRole('button', { name: 'Quiz me' }).click()
  assert.equal(
    await page
      .locator('[data-person-id="john-vii"]')
      .textContent()
      .then((t) => t?.includes('John VII')),
    false,
    'the name is hidden',
  )
  const hidden = page.getByRole('button', {
    name: /^Hidden name, the child of Andronikos IV Palaiologos and Keratsa of Bulgaria; spouse of Irene Gattilusio/,
  })
  assert.equal(await hidden.getAttribute('data-person-id'), 'john-vii', 'a hidden box is described by its relatives')
  await page.locator('[data-person-id="john-vii"]').focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Who belongs in this box?' })
  await dialog.waitFor()
  assert.match(await dialog.innerText(), /child of Andronikos IV Palaiologos and Keratsa of Bulgaria/)
  await screenshot(page, 'family-tree-quiz-phone')
  await dialog.getByRole('button', { name: /John VII Palaiologos/ }).click()
  await dialog.getByRole('status').filter({ hasText: 'Right: John VII Palaiologos.' }).waitFor()
  await dialog.getByRole('button', { name: 'Close' }).click()
  assert.match(
    (await page.locator('[data-person-id="john-vii"]').textContent()) ?? '',
    /John VII Palaiologos/,
    'revealed once answered',
  )
  await page.getByRole('status').filter({ hasText: '1 of 1 right' }).waitFor()
})

browserTest('the timeline shows his 1390 reign, and zooms with keys and a pinch', fixture, async () => {
  const page = fixture.page
  await openTab(page, 'timeline')
  const reign = page.locator('[data-bar-id="tenure:john-vii:byzantine-emperor:1390"]')
  assert.match(
    (await reign.getAttribute('aria-label')) ?? '',
    /^John VII Palaiologos, Byzantine emperor: 14 April 1390 – 17 September 1390/,
  )
  const chart = page.getByRole('group', { name: /^Timeline, showing/ })
  const [bar, area] = [await reign.boundingBox(), await chart.boundingBox()]
  assert.ok(bar && area && bar.x >= area.x && bar.x + bar.width <= area.x + area.width, 'the reign is in view')
  await screenshot(page, 'timeline-phone')

  const width = async () => (await reign.locator('rect').nth(0).boundingBox())!.width
  const before = await width()
  await chart.focus()
  await page.keyboard.press('+')
  const zoomed = await width()
  assert.ok(zoomed > before * 1.4, `+ zooms in (${before} → ${zoomed})`)
  await page.keyboard.press('-')
  assert.ok(Math.abs((await width()) - before) < 1, '− zooms back out')

  // Two fingers moving apart over the chart.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 2 })
  const cx = area!.x + area!.width / 2
  const cy = area!.y + 60
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints:
        type === 'touchEnd'
          ? []
          : [
              { x: cx - spread, y: cy, id: 1 },
              { x: cx + spread, y: cy, id: 2 },
            ],
    })
  await touch('touchStart', 30)
  for (const spread of [45, 60, 75, 90]) await touch('touchMove', spread)
  await touch('touchEnd', 90)
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false })
  const pinched = await width()
  assert.ok(pinched > before * 2, `a pinch zooms in (${before} → ${pinched})`)

  await page.getByRole('button', { name: 'Show all' }).click()
  await page.getByText('The timeline as a table').click()
  const row = page.getByRole('row', { name: /^John VII Palaiologos 14 April 1390/ })
  assert.match(await row.innerText(), /John VII Palaiologos\s+14 April 1390\s+17 September 1390/)
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.getByText('The timeline as a table').click()
  await screenshot(page, 'timeline-desktop')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, 'timeline-desktop-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 412, height: 900 })
})

for (const colorScheme of ['light', 'dark'] as const) {
  browserTest(`axe: no violations on the family tree and timeline tabs (${colorScheme} theme)`, fixture, async () => {
    const page = fixture.page
    await page.emulateMedia({ colorScheme })
    for (const tab of ['tree', 'timeline'] as const) {
      await openTab(page, tab)
      await page.locator('details summary').first().click()
      const violations = await axeViolations(page)
      assert.equal(violations.length, 0, `${tab}, ${colorScheme}:\n${describeViolations(violations)}`)
    }
  })
}
