import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Two Exemplar servers on one fresh PostgreSQL database (EXEMPLAR_TEST_POSTGRES, by default
// postgres://postgres@127.0.0.1:5432/postgres, creates and drops it): what several
// instances behind a load balancer share, the sessions and the live board. Started by
// `cargo xtask test` after the main run, with the same browser settings. The servers are
// started by the global setup, not by `webServer`: see tests/postgres/instances.ts for why.
export default defineConfig({
  ...base,
  testDir: './tests/postgres',
  testIgnore: undefined,
  webServer: undefined,
  globalSetup: './tests/postgres/instances.ts',
  // Each test opens its pages on the instance it means, so there is no single baseURL.
  use: { ...base.use, baseURL: undefined },
});
