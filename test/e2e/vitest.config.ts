// The browser journey runs on its own (`npx vitest run --config test/e2e/vitest.config.ts`): it builds the
// H5 mini-program, starts the real server and drives Debian's Chromium, so it stays out of the unit suite.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.ts', 'test/batch/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
