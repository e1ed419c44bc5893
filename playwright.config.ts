import { defineConfig } from '@playwright/test';

// Browser end-to-end tests drive Debian's Chromium against the web host; the
// Electron specs run only where an Electron binary is present.
export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  globalSetup: './test/e2e/support/global-setup.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
});
