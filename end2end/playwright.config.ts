import { defineConfig } from '@playwright/test';

// Started by `cargo xtask test`, which builds the server and the WASM bundle first and
// passes their paths and a fresh database in the environment.
export const port = Number(process.env.E2E_PORT ?? 3917);
// The suite runs on SQLite (a file named by DATABASE_URL), or with `E2E_BACKEND=postgres`
// on a fresh PostgreSQL database that tests/postgres/one-instance.ts creates (and drops)
// around one server: Playwright's `webServer` starts before any global setup, too early
// for a database created there.
const onPostgres = process.env.E2E_BACKEND === 'postgres';
const bin = process.env.EXEMPLAR_BIN;
if (!bin) {
  throw new Error('EXEMPLAR_BIN is not set: run the end-to-end tests through `cargo xtask test`');
}
const output = process.env.E2E_OUTPUT ?? 'test-results';
// A fixed clock, never the wall clock: the demo campaign year and every deadline and
// evaluation period are then the same on every run, in any year.
export const today = process.env.EXEMPLAR_TODAY ?? '2026-10-15';

export default defineConfig({
  testDir: './tests',
  // Two servers on one PostgreSQL database: playwright.postgres.config.ts runs them.
  testIgnore: '**/postgres/**',
  outputDir: `${output}/results`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A safety net for a hung test, not a speed check (speed is measured by `cargo xtask bench`):
  // the longest flows (a year's carry-over with full-page shots at two widths, a commendation
  // from proposal to decision) took 28-33 s on a 2-core CI machine beside the server's build.
  timeout: 60_000,
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  globalSetup: onPostgres ? './tests/postgres/one-instance.ts' : undefined,
  webServer: onPostgres ? undefined : {
    command: bin,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: process.env.LEPTOS_SITE_ROOT ?? '',
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      EXEMPLAR_TODAY: today,
      EXEMPLAR_DEMO_DATA: 'on',
    },
  },
});
