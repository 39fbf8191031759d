import base from './playwright.config';

// Measurements for `cargo xtask bench`, not tests: run on the release build against a
// database the bench seeds (no demo data), one at a time.
export default {
  ...base,
  testDir: './bench',
  testIgnore: undefined,
  timeout: 600_000,
};
