import { createRouter, createWebHistory, type RouteLocationResolved, type RouteRecordRaw } from 'vue-router'
import { documentTitle } from './composables/useDocumentTitle'

declare module 'vue-router' {
  interface RouteMeta {
    /** Document title for the route; views with a deck refine it once the deck is loaded. */
    title?: string
    /** The view renders before storage is open and waits for it itself. */
    early?: boolean
    /**
     * On a first visit (no database yet) the view renders before storage opens and shows its first
     * card from nothing stored; storage opens once it is painted (useStorageStore().deferOpening).
     */
    firstVisit?: boolean
  }
}

// Every view is its own chunk: a deep link (a study view) loads neither the Library nor its stores.
export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'library',
    component: () => import('./views/LibraryView.vue'),
    meta: { title: 'Library', early: true },
  },
  {
    path: '/deck/:deckId',
    name: 'deck',
    component: () => import('./views/DeckView.vue'),
    props: true,
    meta: { title: 'Deck' },
  },
  {
    path: '/deck/:deckId/study',
    name: 'study',
    component: () => import('./views/StudyView.vue'),
    props: true,
    meta: { title: 'Study', firstVisit: true },
  },
  {
    path: '/deck/:deckId/quiz',
    name: 'quiz',
    component: () => import('./views/QuizView.vue'),
    props: true,
    meta: { title: 'Quiz' },
  },
  {
    path: '/deck/:deckId/print',
    name: 'print',
    component: () => import('./views/PrintView.vue'),
    props: true,
    meta: { title: 'Print a test' },
  },
  {
    path: '/progress',
    name: 'progress',
    component: () => import('./views/ProgressView.vue'),
    meta: { title: 'Progress' },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('./views/SettingsView.vue'),
    meta: { title: 'Settings' },
  },
  {
    path: '/editor/new',
    name: 'editor-new',
    component: () => import('./views/EditorView.vue'),
    meta: { title: 'New deck' },
  },
  {
    path: '/editor/:deckId',
    name: 'editor',
    component: () => import('./views/EditorView.vue'),
    props: true,
    meta: { title: 'Deck editor' },
  },
  // Share links: /import#deck=… (the deck travels in the fragment).
  {
    path: '/import',
    name: 'import',
    component: () => import('./views/ImportView.vue'),
    meta: { title: 'Open a shared deck' },
  },
  // Subscribe links: /subscribe?url=<address of a deck a teacher publishes>.
  {
    path: '/subscribe',
    name: 'subscribe',
    component: () => import('./views/SubscribeView.vue'),
    meta: { title: 'Subscribe to a deck' },
  },
  // How to write a deck (docs/deck-format.md), for teachers in the editor, offline too.
  {
    path: '/help/deck-format',
    name: 'help-deck-format',
    component: () => import('./views/HelpDeckFormatView.vue'),
    meta: { title: 'Writing a deck' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./views/NotFoundView.vue'),
    meta: { title: 'Not found' },
  },
]

export function createAppRouter(history = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior(to, from, saved) {
      if (saved) return saved
      if (to.hash) return { el: to.hash }
      // A tab switch (?tab=) stays where it is; a new page starts at the top.
      return to.path === from.path ? false : { top: 0 }
    },
  })
  router.afterEach((to) => {
    document.title = documentTitle(to.meta.title)
  })
  return router
}

/**
 * Starts loading the views a route shows (each view's chunk, with what Vite preloads beside it)
 * before the router asks for them. The first route is known before the app mounts, and mounting
 * takes a while on a slow phone: its view then loads meanwhile.
 */
export function preloadRoute(route: RouteLocationResolved): void {
  for (const record of route.matched)
    for (const component of Object.values(record.components ?? {}))
      // A lazy view is a function that is not itself a component (see vue-router's isRouteComponent).
      if (typeof component === 'function' && !('props' in component) && !('__vccOpts' in component))
        void (component as () => Promise<unknown>)().catch(() => undefined)
}
