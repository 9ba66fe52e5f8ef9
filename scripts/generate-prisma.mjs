// Generates the Prisma client for both providers (run by `npm install`). The CLI wants a native schema
// engine for migrate commands, which is a download this machine cannot make; generate does not use it,
// so a placeholder path keeps the CLI from fetching one (and CHECKPOINT_DISABLE stops its update check). Migrations are committed SQL (server/db/migrate.ts).
import { execFileSync } from 'node:child_process';

const cli = new URL('../node_modules/prisma/build/index.js', import.meta.url).pathname;
for (const url of ['file:./data/generate.db', 'postgresql://localhost/generate']) {
  execFileSync(process.execPath, [cli, 'generate'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: url, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false', PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  });
}
