import { test as base, expect, Page, Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';

export const DEMO_PASSWORD = 'exemplar-demo';

/** Collects the page's console errors and uncaught exceptions from now on. */
export function collectErrors(page: Page, errors: string[] = []): string[] {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: uncaught ${e.message}`));
  return errors;
}

/** Console errors the current test provokes on purpose (see `expectConsoleError`). */
let expectedErrors: RegExp[] = [];

/** Declares a console error this test provokes on purpose, such as the browser's own line
 *  for a request the server refuses ("… status of 409 (Conflict)"). Any other error still
 *  fails the test. */
export function expectConsoleError(pattern: RegExp) {
  expectedErrors.push(pattern);
}

/** Every test fails on any console error or uncaught exception in any of its pages: the
 *  default page and every page of the browser contexts it opens itself. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page, browser }, use) => {
      expectedErrors = [];
      const errors = collectErrors(page);
      const newContext = browser.newContext;
      browser.newContext = async (options) => {
        const context = await newContext.call(browser, options);
        context.on('page', (p) => collectErrors(p, errors));
        return context;
      };
      try {
        await use(errors);
      } finally {
        browser.newContext = newContext;
      }
      const unexpected = errors.filter((e) => !expectedErrors.some((x) => x.test(e)));
      expect(unexpected, 'no console errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Waits until the WASM has hydrated the page; clicks before that land on inert HTML. */
export async function hydrated(page: Page) {
  await expect(page.locator('.app')).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
}

/** Signs in through the sign-in page, as a person would, and lands on the board. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/board/);
  await hydrated(page);
}

/** axe-core must find nothing. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(summary, 'axe-core violations').toEqual([]);
}

/** A column of the board, by stage (`discovered`, `registered`, …, `dropped`). */
export const column = (page: Page, stage: string) => page.locator(`.column[data-stage="${stage}"]`);

/** The cards named `name` in a column of the board. */
export const cardIn = (page: Page, stage: string, name: string) =>
  column(page, stage).locator('[data-nomination-id]').filter({ hasText: name });

/** The name of the n-th card of a column, and its id. */
export async function pick(page: Page, stage: string, n = 0): Promise<{ name: string; id: string; card: Locator }> {
  const card = column(page, stage).locator('[data-nomination-id]').nth(n);
  const name = (await card.locator('.card-name').textContent())!.trim();
  const id = (await card.getAttribute('data-nomination-id'))!;
  return { name, id, card: page.locator(`[data-nomination-id="${id}"]`) };
}

/** Converts `file`, a Word document the server wrote, to PDF with LibreOffice headless (as
 *  an office opens it) in `dir`, and returns the PDF's path. LibreOffice makes a fresh
 *  profile for each conversion, seconds of work, and its first start on a machine reads
 *  hundreds of megabytes from disk: each conversion adds a minute to the test's time limit
 *  rather than racing the 30 s that the browser's steps get. */
export function docxToPdf(file: string, dir: string): string {
  test.info().setTimeout(test.info().timeout + 60_000);
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file]);
  return file.replace(/\.docx$/, '.pdf');
}
