import type { BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { test as base, expect, hydrated, signIn, expectAccessible, cardIn, pick } from '../fixtures';
import { instances } from './instances';

// Run by playwright.postgres.config.ts: instances A and B are two server processes on one
// PostgreSQL database, as behind a load balancer.

type OpenOn = (baseURL: string, options?: BrowserContextOptions) => Promise<Page>;

/** `openOn(url)`: a page in a browser of its own, talking to one instance. The test fails
 *  on any console error in these pages (the fixtures' automatic check). */
const test = base.extend<{ openOn: OpenOn }>({
  openOn: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (baseURL, options = {}) => {
      // Wide enough for all six columns side by side, as in moves.spec.ts.
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, ...options, baseURL });
      contexts.push(context);
      const page = await context.newPage();
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

/** Moves the first card of Dừng (dropped) back to Phát hiện (discovered) with its Move to
 *  menu; returns its name. */
async function rediscover(page: Page): Promise<string> {
  const { name, card } = await pick(page, 'dropped');
  await card.getByRole('button', { name: /Chuyển đến/ }).click();
  await card.getByRole('menuitem', { name: 'Phát hiện' }).click();
  await expect(cardIn(page, 'discovered', name)).toHaveCount(1);
  return name;
}

test('a move made through instance A reaches a board open on instance B without reloading', async ({ openOn }) => {
  const { a, b } = instances();
  const onA = await openOn(a);
  const onB = await openOn(b);
  await signIn(onA, 'office');
  await signIn(onB, 'leader');
  const { name } = await pick(onA, 'dropped');
  // Both instances serve the same records.
  await expect(cardIn(onB, 'dropped', name)).toHaveCount(1);

  expect(await rediscover(onA)).toBe(name);
  // B hears of the change from PostgreSQL (LISTEN/NOTIFY), and its board follows within
  // a second or so, with no reload.
  await expect(cardIn(onB, 'discovered', name)).toHaveCount(1, { timeout: 3_000 });
  await expect(cardIn(onB, 'dropped', name)).toHaveCount(0);
  await expectAccessible(onB);
  await onB.screenshot({ path: test.info().outputPath('instance-b-after-live-move.png'), fullPage: true });
});

test('a session opened on instance A is honoured by instance B', async ({ openOn }) => {
  const { a, b } = instances();
  const onA = await openOn(a);
  await signIn(onA, 'office');
  const who = (await onA.locator('.user-name').textContent())!.trim();

  // A browser holding nothing but A's session cookie goes straight to B's board, signed in
  // as the same person. (Cookies do not depend on the port, so one browser would send it to
  // both anyway; a separate one shows that the cookie is all B needs.)
  const cookies = await onA.context().cookies();
  expect(cookies.length).toBeGreaterThan(0);
  const onB = await openOn(b, { storageState: { cookies, origins: [] } });
  await onB.goto('/board');
  await expect(onB).toHaveURL(`${b}/board`);
  await hydrated(onB);
  await expect(onB.locator('.user-name')).toHaveText(who);

  // And B acts on it: a move made through B (a write, checked against the session and the
  // request's origin) shows live on A's board.
  const name = await rediscover(onB);
  await expect(cardIn(onA, 'discovered', name)).toHaveCount(1, { timeout: 3_000 });
  await expect(cardIn(onA, 'dropped', name)).toHaveCount(0);
});
