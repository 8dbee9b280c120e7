import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './scripts/chromiumLaunch';

// E2E_PORT and E2E_OUT_DIR let several developers on one machine test their own builds side by
// side (build with `vite build --outDir DIR`); by default the build in dist/renderer on 4173.
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.E2E_OUT_DIR ? ` --outDir ${process.env.E2E_OUT_DIR}` : '';

export default defineConfig({
  testDir: 'test/e2e',
  // The specs import shared/ as @shared/…: the mapping is in the tests' tsconfig.
  tsconfig: './tsconfig.test.json',
  outputDir: process.env.E2E_OUT_DIR ? `${process.env.E2E_OUT_DIR}-results` : 'test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]]
    : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  // The production web build (with its CSP), as `npm run test:e2e` builds it just before.
  webServer: {
    command: `npx vite preview --config vite.config.ts --host 127.0.0.1 --port ${port} --strictPort${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
