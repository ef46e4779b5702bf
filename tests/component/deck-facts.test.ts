// The deck overview: an infobox per entity with dates, places, relatives (children seen from the
// parent's side), tenures with predecessor/successor/co-rulers, captions without cloze braces;
// disputed facts visibly marked with the other values and their sources. Each entry opens and
// closes (the main person starts open), a search box filters entries and facts as you type, a
// link leads down to the sources, and deck text is shown as text.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import DeckFacts from '../../src/components/deck/DeckFacts.vue'
import { buildInfoboxes, infoboxBuilder } from '../../src/domain/deck/infobox'
import type { Deck } from '../../src/domain/deck/types'
import { miniDeck as deck } from './fixtures'
import { syntheticDynasty } from '../../scripts/bench/synthetic-dynasty'
import { allByRole, byRole } from './roles'

describe('buildInfoboxes', () => {
  const boxes = buildInfoboxes(deck)
  const box = (id: string) => boxes.find((b) => b.entity.id === id)!
  const row = (id: string, label: string) => box(id).rows.find((r) => r.label === label)

  it('puts people first and gives every entity one infobox', () => {
    expect(boxes).toHaveLength(deck.entities.length)
    expect(boxes[0]!.entity.kind).toBe('person')
    expect(boxes.at(-1)!.entity.kind).not.toBe('person')
  })

  it('builds one entity’s infobox alone, the same as among all of them, once', () => {
    const builder = infoboxBuilder(deck)
    expect(builder.entities).toEqual(boxes.map((b) => b.entity))
    const last = builder.entities.at(-1)!
    const alone = builder.box(last)
    expect(alone).toEqual(boxes.at(-1))
    expect(builder.box(last)).toBe(alone)
    expect(builder.all().at(-1)).toBe(alone)
  })

  it('lists dates and places, with the disputed alternatives and their sources', () => {
    expect(row('j7', 'Born')!.values[0]).toMatchObject({
      text: '1370',
      sources: ['a'],
      alternatives: [{ text: 'c. 1366', sources: ['b'], note: 'Other encyclopedias' }],
    })
    expect(row('j7', 'Place of death')!.values[0]).toMatchObject({ text: 'Thessalonica', entityId: 'thess' })
  })

  it('names father and mother from the parents’ gender, and children and spouses from either side', () => {
    expect(row('j7', 'Father')!.values.map((v) => v.text)).toEqual(['Andronikos IV'])
    expect(row('j7', 'Mother')!.values.map((v) => v.text)).toEqual(['Keratsa'])
    expect(row('j7', 'Children')!.values.map((v) => v.text)).toEqual(['Andronikos V'])
    expect(row('j7', 'Spouse')!.values.map((v) => v.text)).toEqual(['Irene Gattilusio'])
    expect(row('ig', 'Spouse')!.values.map((v) => v.text)).toEqual(['John VII'])
    expect(row('a5', 'Father')!.values.map((v) => v.text)).toEqual(['John VII'])
  })

  it('shows tenures with period, predecessor, successor (or vacancy) and co-rulers', () => {
    const [tenure] = box('j7').tenures
    expect(tenure!.office.text).toBe('Byzantine emperor, 14 April 1390 – 17 September 1390')
    expect(tenure!.office.alternatives).toEqual([{ text: 'end 1402', sources: ['b'], note: undefined }])
    expect(Object.fromEntries(tenure!.rows.map((r) => [r.label, r.values.map((v) => v.text)]))).toEqual({
      Predecessor: ['John V'],
      Successor: ['Vacant: Ottoman control (last held by John V)'],
      'Co-ruler': ['Andronikos V (1403 – 1407)'],
    })
  })

  it('strips cloze braces from captions', () => {
    expect(row('coin', 'Caption')!.values[0]!.text).toBe('Obverse: Christ Pantocrator')
  })
})

describe('DeckFacts', () => {
  it('marks disputed facts visibly and links references to the sources list', () => {
    const wrapper = mount(DeckFacts, { props: { deck } })
    const born = wrapper.findAll('.deck-row').find((r) => r.find('dt').text() === 'Born')!
    expect(born.find('.deck-disputed').text()).toBe('Disputed')
    expect(born.find('.deck-alternatives').text()).toContain('Also given as c. 1366')
    expect(born.find('.deck-refs a').attributes('href')).toBe('#source-a')
    expect(born.find('.deck-refs a').text()).toBe('[1] Source: Source A')
    expect(wrapper.text()).toContain('2 of them disputed')
  })
})

describe('DeckFacts entries and search', () => {
  let wrapper: VueWrapper | undefined
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
  })
  const open = (props: { deck: Deck; target?: string } = { deck }) => {
    wrapper = mount(DeckFacts, { props, attachTo: document.body })
    return wrapper.element as HTMLElement
  }
  const entry = (root: HTMLElement, name: string) => byRole(root, 'button', name)
  const expanded = (root: HTMLElement) =>
    allByRole(root, 'button')
      .filter((b) => b.hasAttribute('aria-expanded'))
      .map((b) => `${b.textContent!.trim()}${b.getAttribute('aria-expanded') === 'true' ? ' (open)' : ''}`)
  const search = async (root: HTMLElement, text: string) => {
    const box = byRole(root, 'searchbox', 'Search facts') as HTMLInputElement
    box.value = text
    box.dispatchEvent(new Event('input'))
    await wrapper!.vm.$nextTick()
  }
  const rowLabels = (root: HTMLElement, name: string) => {
    const article = entry(root, name).closest('article')!
    return [...article.querySelectorAll('.deck-entity-facts:not([hidden]) dt')].map((dt) => dt.textContent)
  }

  it('opens the main person and keeps every other entry closed, its facts hidden', () => {
    const root = open()
    expect(expanded(root)).toEqual([
      'John VII (open)',
      'Andronikos IV',
      'Keratsa',
      'Andronikos V',
      'Irene Gattilusio',
      'John V',
      'Byzantine emperor',
      'Thessalonica',
      'Half stavraton',
    ])
    expect(rowLabels(root, 'John VII')).toContain('Born')
    expect(rowLabels(root, 'Keratsa')).toEqual([])
    const keratsa = entry(root, 'Keratsa')
    expect(document.getElementById(keratsa.getAttribute('aria-controls')!)!.hidden).toBeTruthy()
  })

  it('opens and closes an entry with its button, and all of them at once', async () => {
    const root = open()
    entry(root, 'Keratsa').click()
    await wrapper!.vm.$nextTick()
    expect(entry(root, 'Keratsa').getAttribute('aria-expanded')).toBe('true')
    expect(rowLabels(root, 'Keratsa')).toEqual(['Children'])
    entry(root, 'John VII').click()
    await wrapper!.vm.$nextTick()
    expect(entry(root, 'John VII').getAttribute('aria-expanded')).toBe('false')
    byRole(root, 'button', 'Open all').click()
    await wrapper!.vm.$nextTick()
    expect(expanded(root).every((e) => e.endsWith('(open)'))).toBe(true)
    byRole(root, 'button', 'Close all').click()
    await wrapper!.vm.$nextTick()
    expect(expanded(root).some((e) => e.endsWith('(open)'))).toBe(false)
  })

  it('filters entries and facts as you type, opens the matches, and says how many match', async () => {
    const root = open()
    await search(root, 'mother')
    expect(expanded(root)).toEqual(['John VII (open)'])
    expect(rowLabels(root, 'John VII')).toEqual(['Mother'])
    expect(byRole(root, 'status').textContent).toBe('1 of 9 entries match “mother”')
    await search(root, 'kera')
    expect(expanded(root)).toEqual(['John VII (open)', 'Keratsa (open)'])
    expect(rowLabels(root, 'Keratsa')).toEqual(['Children'])
    await search(root, 'zzz')
    expect(root.textContent).toContain('No entry or fact matches “zzz”.')
    await search(root, '')
    expect(expanded(root)).toHaveLength(9)
    expect(expanded(root).filter((e) => e.endsWith('(open)'))).toEqual(['John VII (open)'])
    expect(byRole(root, 'status').textContent).toBe('')
  })

  it('keeps what you closed while searching closed until the search changes', async () => {
    const root = open()
    await search(root, 'spouse')
    entry(root, 'Irene Gattilusio').click()
    await wrapper!.vm.$nextTick()
    expect(expanded(root)).toEqual(['John VII (open)', 'Irene Gattilusio'])
    await search(root, 'spouse irene')
    expect(expanded(root)).toEqual(['John VII (open)', 'Irene Gattilusio (open)'])
  })

  it('opens an entry a link asks for, clearing a search that hides it', async () => {
    const root = open()
    await search(root, 'mother')
    await wrapper!.setProps({ target: 'ker' })
    expect((byRole(root, 'searchbox', 'Search facts') as HTMLInputElement).value).toBe('')
    expect(entry(root, 'Keratsa').getAttribute('aria-expanded')).toBe('true')
    // The Mother link on John VII's entry opens Keratsa again after she was closed.
    entry(root, 'Keratsa').click()
    await wrapper!.vm.$nextTick()
    byRole(root, 'link', 'Keratsa').click()
    await wrapper!.vm.$nextTick()
    expect(entry(root, 'Keratsa').getAttribute('aria-expanded')).toBe('true')
  })

  it('starts again from the main person and no search when another deck is shown', async () => {
    const root = open()
    entry(root, 'Keratsa').click()
    await search(root, 'keratsa')
    await wrapper!.setProps({ deck: { ...deck, id: 'other' } })
    expect((byRole(root, 'searchbox', 'Search facts') as HTMLInputElement).value).toBe('')
    expect(expanded(root).filter((e) => e.endsWith('(open)'))).toEqual(['John VII (open)'])
  })

  it('links from the top to the sources and gives every citation its source’s name', () => {
    const root = open()
    expect(byRole(root, 'link', 'Sources (2)').getAttribute('href')).toBe('#deck-sources')
    const refs = allByRole(root, 'link', /^\[\d\] Source: /)
    expect(refs.length).toBeGreaterThan(0)
    expect(new Set(refs.map((a) => a.getAttribute('href')))).toEqual(new Set(['#source-a', '#source-b']))
  })

  it('shows deck text as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.hacked=1">'
    const root = open({
      deck: {
        ...deck,
        entities: deck.entities.map((e) =>
          e.id === 'j7' ? { ...e, name: hostile, description: `<b>${hostile}</b>` } : e,
        ),
      },
    })
    expect(root.querySelector('img, b')).toBeNull()
    expect(root.textContent).toContain(hostile)
    await search(root, 'onerror')
    expect(entry(root, hostile).getAttribute('aria-expanded')).toBe('true')
  })
})

describe('DeckFacts of a deck of many entries', () => {
  let wrapper: VueWrapper | undefined
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
  })
  // The mini deck's 9 entries and 241 places: 250 entries, the places last.
  const places = Array.from({ length: 241 }, (_, i) => ({
    id: `place-${i}`,
    kind: 'place' as const,
    name: `Town ${i}`,
    aliases: [],
  }))
  const big: Deck = { ...deck, entities: [...deck.entities, ...places] }
  const open = (target?: string) => {
    wrapper = mount(DeckFacts, { props: { deck: big, ...(target ? { target } : {}) }, attachTo: document.body })
    return wrapper.element as HTMLElement
  }
  const entries = (root: HTMLElement) => allByRole(root, 'button').filter((b) => b.hasAttribute('aria-expanded'))
  // A page is drawn a few entries per task: the tasks that draw the rest of it.
  const drawn = async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0))
    await flushPromises()
  }
  const search = async (root: HTMLElement, text: string) => {
    const box = byRole(root, 'searchbox', 'Search facts') as HTMLInputElement
    box.value = text
    box.dispatchEvent(new Event('input'))
    await wrapper!.vm.$nextTick()
    await drawn()
  }

  it('draws a page a few entries per task, so the page answers while it fills', async () => {
    const root = open()
    const first = entries(root).length
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThan(100)
    expect(root.textContent).toContain('Showing 100 of 250 entries.')
    await new Promise((resolve) => setTimeout(resolve, 0))
    await flushPromises()
    expect(entries(root).length).toBeGreaterThan(first)
    await drawn()
    expect(entries(root)).toHaveLength(100)
  })

  it('shows a hundred entries at a time, and moves the focus to the first one added', async () => {
    const root = open()
    await drawn()
    expect(entries(root)).toHaveLength(100)
    expect(root.textContent).toContain('Showing 100 of 250 entries.')
    byRole(root, 'button', 'Show 100 more').click()
    await flushPromises()
    expect(document.activeElement).toBe(entries(root)[100]!.closest('article'))
    await drawn()
    expect(entries(root)).toHaveLength(200)
    byRole(root, 'button', 'Show 50 more').click()
    await drawn()
    expect(entries(root)).toHaveLength(250)
    expect(allByRole(root, 'button', /^Show \d+ more$/)).toEqual([])
    expect(root.textContent).not.toContain('Showing')
  })

  it('searches every entry, not only those shown, and a new search starts at one page again', async () => {
    const root = open()
    await search(root, 'town 240')
    expect(entries(root).map((b) => b.textContent!.trim())).toEqual(['Town 240'])
    await search(root, 'town')
    expect(entries(root)).toHaveLength(100)
    expect(byRole(root, 'status').textContent).toBe('241 of 250 entries match “town”')
    byRole(root, 'button', 'Show 100 more').click()
    await drawn()
    expect(entries(root)).toHaveLength(200)
    await search(root, 'town 1')
    await search(root, 'town')
    expect(entries(root)).toHaveLength(100)
  })

  it('shows and opens an entry a link asks for within a page of those shown, with the entries before it', async () => {
    const root = open('place-80')
    await flushPromises()
    // Drawn at once, with the entries before it (the mini deck's 9, then Town 0 to Town 80).
    expect(byRole(root, 'button', 'Town 80').getAttribute('aria-expanded')).toBe('true')
    expect(entries(root).length).toBeGreaterThanOrEqual(90)
    await drawn()
    expect(entries(root)).toHaveLength(100)
    expect(allByRole(root, 'button', /earlier$/)).toEqual([])
  })

  it('shows an entry a link asks for far down first, and the entries above it when asked', async () => {
    const order = infoboxBuilder(big).entities.map((e) => e.name)
    const at = order.indexOf('Town 200')
    expect(at).toBeGreaterThan(200)
    const root = open('place-200')
    await flushPromises()
    // Drawn at once, the first entry shown: none of those above it is drawn.
    const names = () => entries(root).map((b) => b.textContent!.trim())
    expect(names()[0]).toBe('Town 200')
    expect(byRole(root, 'button', 'Town 200').getAttribute('aria-expanded')).toBe('true')
    await drawn()
    expect(names()).toEqual(order.slice(at))
    expect(root.textContent).toContain(`${at} entries above are not shown.`)
    byRole(root, 'button', 'Show 100 earlier').click()
    await flushPromises()
    // The page above, the focus on its first entry (Tab goes on down through them).
    expect(names()).toEqual(order.slice(at - 100))
    expect(document.activeElement).toBe(byRole(root, 'button', order[at - 100]!).closest('article'))
    byRole(root, 'button', 'Show 100 earlier').click()
    await flushPromises()
    byRole(root, 'button', `Show ${at - 200} earlier`).click()
    await flushPromises()
    expect(names()).toEqual(order)
    expect(allByRole(root, 'button', /earlier$/)).toEqual([])
    // A search starts from the top again.
    await search(root, 'town 20')
    await search(root, '')
    expect(names()[0]).toBe(order[0])
  })

  describe('a deck of thousands of facts', () => {
    const huge = syntheticDynasty(3_000, 4)
    const order = infoboxBuilder(huge).entities
    const READING = 'Reading the facts…'
    const statuses = (root: HTMLElement) => allByRole(root, 'status').map((s) => s.textContent?.trim())
    const show = (target?: string) => {
      wrapper = mount(DeckFacts, { props: { deck: huge, ...(target ? { target } : {}) }, attachTo: document.body })
      return wrapper.element as HTMLElement
    }

    it('says it is reading the facts, indexes them in tasks of their own, then shows the main person open', async () => {
      const root = show()
      expect(statuses(root)).toContain(READING)
      expect(entries(root)).toEqual([])
      expect(root.textContent).not.toContain('No entry or fact matches')
      await drawn()
      expect(statuses(root)).not.toContain(READING)
      expect(entries(root)[0]!.textContent!.trim()).toBe(order[0]!.name)
      expect(entries(root)[0]!.getAttribute('aria-expanded')).toBe('true')
    })

    it('shows an entry a link asked for before the facts were read', async () => {
      const far = order[order.length - 5]!
      const root = show(far.id)
      expect(statuses(root)).toContain(READING)
      await drawn()
      const named = byRole(root, 'button', far.name)
      expect(named.getAttribute('aria-expanded')).toBe('true')
      expect(entries(root)[0]).toBe(named)
    })
  })
})
