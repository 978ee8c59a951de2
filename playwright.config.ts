import { defineConfig } from '@playwright/test';

/**
 * Journeys through the built app (`vite build` runs first in `npm run test:e2e`), served by
 * `vite preview`, in Debian's Chromium (no browser download). --enable-unsafe-webgpu lets the
 * worker see WebGPU (a SwiftShader fallback adapter here), so the backend choice is exercised.
 * The global setup writes the fixtures (e2e/fixtures.ts) and empties the CLI report cache.
 */
/** E2E_PORT / E2E_OUTDIR let several checkouts or engineers run journeys side by side. */
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.E2E_OUTDIR ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  globalSetup: './e2e/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1 --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
