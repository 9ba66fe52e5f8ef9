// Component and page tests in jsdom with Taro's H5 React components — the same ones the H5 build uses
// (h5.useHtmlComponents) — and Taro's H5 APIs, aliased the way @tarojs/plugin-platform-h5 aliases them.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

export default defineConfig({
  // Taro's packages ship source maps that point at missing sources; vite would warn about each one.
  logLevel: 'error',
  resolve: {
    alias: [
      { find: /^@tarojs\/components$/, replacement: '@tarojs/components-react' },
      { find: /^@tarojs\/taro$/, replacement: '@tarojs/plugin-platform-h5/dist/runtime/apis' },
      { find: /^@schemas\/(.*)$/, replacement: here('../server/domain/schemas/$1') },
      { find: /^@domain\/(.*)$/, replacement: here('../server/domain/$1') },
    ],
  },
  // The build-time constants Taro's webpack plugins define for an H5 build.
  define: {
    API_BASE: JSON.stringify(''),
    'process.env.TARO_ENV': JSON.stringify('h5'),
    'process.env.TARO_PLATFORM': JSON.stringify('web'),
    'process.env.SUPPORT_TARO_POLYFILL': JSON.stringify('disabled'),
    'process.env.SUPPORT_DINGTALK_NAVIGATE': JSON.stringify('disabled'),
    ENABLE_INNER_HTML: 'true',
    ENABLE_ADJACENT_HTML: 'false',
    ENABLE_SIZE_APIS: 'false',
    ENABLE_TEMPLATE_CONTENT: 'false',
    ENABLE_CLONE_NODE: 'false',
    ENABLE_CONTAINS: 'false',
    ENABLE_MUTATION_OBSERVER: 'false',
    DEPRECATED_ADAPTER_COMPONENT: 'false',
  },
  test: {
    environment: 'jsdom',
    // The first test of a file pays for importing Taro's H5 runtime; on a shared 2-core machine that can take seconds.
    testTimeout: 20_000,
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    server: { deps: { inline: [/@tarojs\/(components-react|plugin-platform-h5)/] } },
  },
})
