import base from './playwright.config';

// Measurements for `cargo xtask bench`, not tests: run on the release build against a
// database the bench seeds (no demo data), one at a time.
//
// Playwright's trace is off here: recording it snapshots the whole DOM (with its styles)
// around every action, on the page's main thread. On a 2,000-card column each snapshot
// took 1-2 s, and a key pressed meanwhile waited for it: the INP measured on 07/12/2026
// (1.9 s by keyboard, 3.1 s for a drag) was mostly that wait, not the board.
export default {
  ...base,
  testDir: './bench',
  testIgnore: undefined,
  timeout: 600_000,
  use: { ...base.use, trace: 'off', screenshot: 'off', video: 'off' },
};
