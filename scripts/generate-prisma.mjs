// Generates the Prisma client for both providers (run by `npm install`). The CLI wants a native schema
// engine for migrate commands, which is a download this machine cannot make; generate does not use it,
// so a placeholder path keeps the CLI from fetching one (and CHECKPOINT_DISABLE stops its update check). Migrations are committed SQL (server/db/migrate.ts).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = new URL('../node_modules/prisma/build/index.js', import.meta.url).pathname;
// The Prisma CLI is a development tool: a production install (npm ci --omit=dev) has none and runs the client
// compiled into dist/ by `npm run build` (README, 生产部署).
if (!existsSync(cli)) {
  const built = existsSync(new URL('../dist/server/db/generated/sqlite/client.js', import.meta.url));
  console.error(built ? 'prisma: CLI not installed (production install), using the client in dist/' : 'prisma: CLI not installed and dist/ not built: run `npm run build` where dev dependencies are installed');
  process.exit(0);
}
for (const url of ['file:./data/generate.db', 'postgresql://localhost/generate']) {
  execFileSync(process.execPath, [cli, 'generate'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: url, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false', PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  });
}
