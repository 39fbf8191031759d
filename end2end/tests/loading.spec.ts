import { test, expect, signIn, hydrated, expectAccessible, expectConsoleError } from './fixtures';

test('a page whose data fails to load says so and loads it again on request', { tag: '@smoke' }, async ({ page }) => {
  // The browser's own line for the refused request provoked below.
  expectConsoleError(/Failed to load resource: the server responded with a status of 503/);
  await signIn(page, 'office');

  // The next read of the calendar fails, as when the database is briefly unavailable.
  let failures = 1;
  await page.route('**/api/calendar', async (route) => {
    if (failures-- > 0) {
      await route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' });
    } else {
      await route.continue();
    }
  });
  await page.getByRole('link', { name: 'Lịch', exact: true }).click();
  await expect(page).toHaveURL(/\/calendar$/);

  // Said in the user's language, with a way out that is not a reload of the whole page.
  await expect(page.getByRole('alert')).toBeVisible();
  const again = page.getByRole('button', { name: 'Thử lại' });
  await expect(again).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/load-failed.png' });

  await again.click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(again).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lịch các mốc thời hạn');
  await expect(page.locator('table').first()).toBeVisible();
});

test('a refusal is said without a Try again button that cannot help', async ({ page }) => {
  // The browser's own line for the page's answer (404: there is no such nomination).
  expectConsoleError(/status of 404/);
  await signIn(page, 'staff1');
  // No such nomination (or one this unit may not see: the same answer).
  await page.goto('/nominations/999999');
  await hydrated(page);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thử lại' })).toHaveCount(0);
  await expectAccessible(page);
});
