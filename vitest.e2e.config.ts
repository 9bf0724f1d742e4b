import { defineConfig } from 'vitest/config';

// End-to-end specs: vitest drives Debian's chromium through playwright-core against the real
// static build, served on a free port by e2e/support/globalSetup.ts.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One browser at a time: the machine's cores are shared.
    fileParallelism: false,
  },
});
