import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { helpDocs } from './scripts/help-doc.ts'

// The app is served from `base` (default '/'); set BASE_PATH=/sub/path/ to deploy under a sub-path.
// Everything below that names a URL is relative, so the same build logic works under any base.
const base = process.env.BASE_PATH ?? '/'

// The compiled built-in decks (scripts/compile-decks.ts). STAVRATON_DECKS_DIR builds the app with
// decks compiled elsewhere (the tests build one with a fixture deck that has a picture).
const decksDir = process.env.STAVRATON_DECKS_DIR
  ? resolve(process.env.STAVRATON_DECKS_DIR)
  : fileURLToPath(new URL('./src/generated/decks', import.meta.url))

// The app's accent and page colours (src/styles/base.css).
export const themeColor = '#7a4b12'
export const backgroundColor = '#fbf7ef'

// The resized pictures of the built-in decks (decksDir/images, names hashed by the deck compiler)
// go into the build as deck-images/…, where the decks' `src` points and the precache finds them.
function deckImages(): Plugin {
  const dir = join(decksDir, 'images')
  const names = () => (existsSync(dir) ? readdirSync(dir).filter((name) => /^[\w.-]+\.webp$/.test(name)) : [])
  return {
    name: 'stavraton:deck-images',
    configureServer(server) {
      server.middlewares.use(`${base}deck-images/`, (req, res, next) => {
        const name = (req.url ?? '').split('?')[0]?.replace(/^\//, '') ?? ''
        if (!names().includes(name)) return next()
        res.setHeader('Content-Type', 'image/webp')
        res.end(readFileSync(join(dir, name)))
      })
    },
    generateBundle() {
      for (const name of names())
        this.emitFile({ type: 'asset', fileName: `deck-images/${name}`, source: readFileSync(join(dir, name)) })
    },
  }
}

// Only the app's own scripts run: no inline script and no eval, so nothing in a deck can ever
// execute. 'wasm-unsafe-eval' lets WebAssembly (sql.js, for .apkg import) compile and nothing
// else; img data:/blob: are for generated QR codes and previews. Deck pictures are the app's own
// files ('self'): a picture a deck names by URL is linked, never loaded, so img-src stays closed. Styles come from the built CSS
// files only — Vue's `:style` bindings write through the CSSOM, which CSP does not restrict.
// connect-src: decks a student subscribes to are fetched from wherever their teacher publishes
// them (a school site, GitHub Pages), which no list of origins can name in advance; so any https
// origin may be read, and no plain-http one (not even localhost: the browser tests serve their
// published deck from the app's own origin instead). A fetched deck is data, validated like an
// imported file: it never runs, and script-src stays 'self'.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // Any https origin: Wikidata's API (for "From Wikidata": wbgetentities only) and the decks students
  // subscribe to, wherever their teachers publish them (see above). Listing www.wikidata.org beside
  // `https:` would add nothing.
  "connect-src 'self' https:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

// The CSP goes into the built index.html only: the dev server needs inline styles for HMR.
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'stavraton:csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        /<meta charset="UTF-8" \/>/,
        (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`,
      ),
  }
}

export default defineConfig(({ mode }) => ({
  base,
  // Every component is <script setup> (or a template alone), and Pinia and Vue Router need no
  // Options API: Vue leaves out its support (data, methods, mixins…), a few KB of the runtime.
  define: { __VUE_OPTIONS_API__: false },
  resolve: process.env.STAVRATON_DECKS_DIR
    ? { alias: [{ find: /^(?:\.\.\/)+generated\/decks$/, replacement: join(decksDir, 'index.ts') }] }
    : {},
  plugins: [
    vue(),
    contentSecurityPolicyMeta(),
    deckImages(),
    helpDocs(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false, // src/pwa/service-worker.ts registers it with workbox-window
      includeManifestIcons: false, // globPatterns below already precache them
      manifest: {
        name: 'Stavraton',
        short_name: 'Stavraton',
        description: 'Flashcards and quizzes that write themselves from facts. Works offline.',
        lang: 'en',
        theme_color: themeColor,
        background_color: backgroundColor,
        display: 'standalone',
        // Resolved against the manifest's own URL, i.e. `base`: a sub-path deploy needs no change.
        start_url: '.',
        scope: '.',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/coin.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // The app shell, every route and deck chunk, the decks' pictures, icons and any self-hosted
        // font (the app uses the system font stack today). sql.js's wasm is cached on first use
        // instead (see below).
        globPatterns: ['**/*.{js,css,html,json,svg,png,ico,woff2,webmanifest,webp}'],
        // Never activate a new version behind the learner's back: it waits until the
        // "Update available — Reload" prompt is clicked (src/pwa/service-worker.ts).
        skipWaiting: false,
        // …but on the very first visit take control at once, so the app is offline-ready.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        // Deep links (/deck/…/study) load the app shell offline; the router does the rest.
        navigateFallback: 'index.html',
        // The wikitext reader (wtf_wikipedia, ~145 KB) is for teachers who paste an article's source,
        // the Wikidata readers (wikibase-sdk, ~60 KB) for teachers who fetch items, which needs the
        // network anyway: they are cached when first used, like sql.js's wasm, instead of on every
        // learner's install.
        // The built-in decks' questions made at build time (scripts/compile-decks.ts) are several
        // times the generator's size: they are cached when first read, and a part never read is
        // generated in the page instead when offline (src/stores/deck.ts).
        globIgnores: ['**/wikitext-*.js', '**/wikidata-*.js', '**/*.questions-*.js', '**/*.questions.part-*.js'],
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /\.questions(?:\.part)?-[\w-]+\.js$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'stavraton-questions', expiration: { maxEntries: 400 } },
          },
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/(wikitext|wikidata)-[\w-]+\.js$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'stavraton-readers', expiration: { maxEntries: 8 } },
          },
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('.wasm'),
            handler: 'CacheFirst',
            options: { cacheName: 'stavraton-wasm', expiration: { maxEntries: 4 } },
          },
        ],
      },
    }),
  ],
  // The deck-questions worker (src/workers) is a module worker: it splits into chunks like the app
  // (built-in decks load on demand) and is precached with it.
  worker: { format: 'es' as const },
  build: {
    target: 'es2022',
    // dist/.vite/manifest.json: the chunk graph, which the size budgets read (tests/unit/build).
    manifest: true,
    // `vite build --mode bench` adds the page that seeds a large database for `npm run bench`;
    // it never ships in the production build.
    ...(mode === 'bench'
      ? {
          outDir: 'bench-results/dist',
          rolldownOptions: { input: { main: 'index.html', bench: 'scripts/bench/page/seed.html' } },
        }
      : {}),
  },
}))
