import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'

// The app is served from `base` (default '/'); set BASE_PATH=/sub/path/ to deploy under a sub-path.
const base = process.env.BASE_PATH ?? '/'

export default defineConfig({
  base,
  plugins: [
    vue(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Stavraton',
        short_name: 'Stavraton',
        description: 'Flashcards and quizzes that write themselves from facts. Works offline.',
        theme_color: '#7a4b12',
        background_color: '#fbf7ef',
        display: 'standalone',
        start_url: '.',
        scope: '.',
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html}'],
        clientsClaim: true,
        skipWaiting: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
  build: { target: 'es2022' },
})
