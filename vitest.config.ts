import { defineConfig } from 'vitest/config';
import { alias } from './alias.config.ts';

// Unit and integration tests run in Node, where the code under test runs (shared/, electron/,
// cli/) or on fake-indexeddb (renderer data layer). End-to-end tests are Playwright's (test/e2e).
export default defineConfig({
  resolve: { alias },
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'build/**/*.test.ts',
      'cli/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'test/**/*.test.ts',
    ],
    exclude: ['node_modules', 'dist', 'test/e2e/**'],
    environment: 'node',
    testTimeout: 20_000,
    allowOnly: false,
  },
});
