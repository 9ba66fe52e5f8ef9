// CI check for the weapp build: it exists, and app.json lists every page under src/pages
// (a page missing from app.json compiles fine but cannot be navigated to in WeChat).
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'dist/weapp')
const appJsonPath = join(out, 'app.json')
if (!existsSync(appJsonPath)) {
  console.error(`未找到 ${appJsonPath}：请先运行 npm run build:weapp`)
  process.exit(1)
}
const listed = JSON.parse(readFileSync(appJsonPath, 'utf8')).pages ?? []
const sources = readdirSync(join(root, 'src/pages'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => `pages/${d.name}/index`)

const problems = []
for (const page of sources) {
  if (!listed.includes(page)) problems.push(`app.json 未列出页面 ${page}`)
}
for (const page of listed) {
  for (const ext of ['js', 'wxml', 'json']) {
    if (!existsSync(join(out, `${page}.${ext}`))) problems.push(`缺少构建产物 ${page}.${ext}`)
  }
}
if (problems.length) {
  console.error(problems.join('\n'))
  process.exit(1)
}
console.log(`weapp 构建完整：app.json 列出全部 ${sources.length} 个页面`)
