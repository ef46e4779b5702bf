import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import { useStorageStore } from './stores/storage'
import './styles/base.css'

const pinia = createPinia()
// Storage (Dexie) is not in the first view: start fetching and opening it before the app mounts.
void useStorageStore(pinia).open()
const router = createAppRouter()
// A deck page: read the deck and generate its questions while the database opens.
router.beforeEach((to) => {
  const deckId = to.params.deckId
  if (typeof deckId === 'string')
    void import('./stores/deck').then(({ useDeckStore }) => useDeckStore(pinia).prepare(deckId))
})

createApp(App).use(pinia).use(router).mount('#app')
