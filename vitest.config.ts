import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'miniapp/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: files in parallel would fight over CPU with OCR workers and browsers.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
