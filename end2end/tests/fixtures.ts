import { test as base, expect, Page, Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'exemplar-demo';

/** Collects the page's console errors and uncaught exceptions from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Fails the test on any console error or uncaught exception in the page. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors = collectErrors(page);
    await use(errors);
    expect(errors, 'no console errors').toEqual([]);
  },
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
