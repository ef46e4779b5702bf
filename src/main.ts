import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import './styles/base.css'

const pinia = createPinia()
const router = createAppRouter()
// A deck page: read the deck and generate its questions while the database opens.
router.beforeEach((to) => {
  const deckId = to.params.deckId
  if (typeof deckId === 'string') void import('./stores/deck').then(({ useDeckStore }) => useDeckStore(pinia).prepare(deckId))
})

createApp(App).use(pinia).use(router).mount('#app')
