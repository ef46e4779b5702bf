// useLiveQuery: the result follows writes to the tables the query read, re-subscribes when its
// inputs change, and stops querying once its component is gone.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { useLiveQuery } from '../../src/composables/useLiveQuery'
import { openStorage, type Storage } from '../../src/storage'

async function settle(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
}

function harness(storage: Storage, deckId = ref('a')) {
  let runs = 0
  const Probe = defineComponent({
    setup() {
      const { data, loading } = useLiveQuery(
        async () => {
          runs++
          return (await storage.cards.forDeck(deckId.value)).length
        },
        -1,
        [deckId],
      )
      return () => h('p', loading.value ? 'loading' : String(data.value))
    },
  })
  return { wrapper: mount(Probe), runs: () => runs, deckId }
}

const review = (storage: Storage, deckId: string, card: string) =>
  storage.recordReview({
    cardId: `${deckId}/${card}`,
    questionId: `${deckId}/${card}/typed`,
    deckId,
    fingerprint: 'f',
    grade: 3,
    now: Date.now(),
  })

describe('useLiveQuery', () => {
  it('shows the first result, then follows writes', async () => {
    const storage = await openStorage({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'lq-1' })
    const { wrapper } = harness(storage)
    expect(wrapper.text()).toBe('loading')
    await settle(() => wrapper.text() === '0')
    expect(wrapper.text()).toBe('0')
    await review(storage, 'a', 'one')
    await settle(() => wrapper.text() === '1')
    expect(wrapper.text()).toBe('1')
    storage.close()
  })

  it('re-subscribes when an input changes', async () => {
    const storage = await openStorage({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'lq-2' })
    await review(storage, 'b', 'one')
    await review(storage, 'b', 'two')
    const { wrapper, deckId } = harness(storage)
    await settle(() => wrapper.text() === '0')
    deckId.value = 'b'
    await settle(() => wrapper.text() === '2')
    expect(wrapper.text()).toBe('2')
    storage.close()
  })

  it('stops querying after unmount', async () => {
    const storage = await openStorage({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'lq-3' })
    const { wrapper, runs } = harness(storage)
    await settle(() => wrapper.text() === '0')
    wrapper.unmount()
    const before = runs()
    await review(storage, 'a', 'one')
    await settle(() => false)
    expect(runs()).toBe(before)
    storage.close()
  })
})
