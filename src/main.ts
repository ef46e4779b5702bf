import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter, preloadRoute } from './router'
import { useStorageStore } from './stores/storage'
import './styles/base.css'

const pinia = createPinia()
const router = createAppRouter()
const first = router.resolve(router.options.history.location)
// Storage (Dexie) is not in the first view: start fetching and opening it before the app mounts;
// on a first visit to a study view, only once its first card is painted (nothing is stored yet).
const storage = useStorageStore(pinia)
if (first.meta.firstVisit) storage.deferOpening()
void storage.open()
// A deck page: read the deck and generate its questions while the database opens.
const prepareDeck = (deckId: unknown) => {
  if (typeof deckId === 'string')
    void import('./stores/deck').then(({ useDeckStore }) => useDeckStore(pinia).prepare(deckId))
}
router.beforeEach((to) => prepareDeck(to.params.deckId))
// The first route is known now, before the app mounts: its deck and its view start loading at once,
// while the app mounts, rather than after (the router's first navigation runs once mounting is done).
prepareDeck(first.params.deckId)
preloadRoute(first)

createApp(App).use(pinia).use(router).mount('#app')
