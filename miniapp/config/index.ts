import path from 'node:path'
import { defineConfig } from '@tarojs/cli'

// Where the weapp talks to the API. H5 is served by the kexiao server itself, so it uses
// relative URLs; a weapp needs an absolute origin (a request-legal domain in production).
/** The server's pure domain code (exact arithmetic, form rules), shared rather than rewritten. */
const serverDomain = (...parts: string[]) => path.resolve(__dirname, '../../server/domain', ...parts)

const weappApiBase = process.env.KEXIAO_API_BASE ?? 'http://127.0.0.1:3000'

export default defineConfig<'webpack5'>(async () => ({
  projectName: 'kexiao-miniapp',
  date: '2026-11-25',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  plugins: [],
  defineConstants: {
    API_BASE: JSON.stringify(process.env.TARO_ENV === 'h5' ? '' : weappApiBase),
  },
  // The request/response types live with the server's zod schemas; only types are
  // imported from there, so nothing of the server ends up in the bundle.
  alias: {
    '@schemas': serverDomain('schemas'),
    '@domain': serverDomain(),
  },
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  mini: {
    // Components' styles are scoped by class name, so the order chunks load them in does not matter.
    miniCssExtractPluginOption: { ignoreOrder: true },
    compile: { include: [serverDomain()] },
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
    },
  },
  h5: {
    // Taro's React H5 components (@tarojs/components-react): plain DOM, the same ones the vitest suite renders.
    useHtmlComponents: true,
    miniCssExtractPluginOption: { ignoreOrder: true },
    compile: { include: [serverDomain()] },
    // Relative so the build works wherever the server mounts it (hash routing keeps the document URL fixed).
    publicPath: './',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    postcss: {
      autoprefixer: { enable: true, config: {} },
      cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
    },
  },
}))
