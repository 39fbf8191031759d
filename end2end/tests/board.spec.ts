import { test, expect, hydrated, signIn, expectAccessible, expectConsoleError } from './fixtures';

test('the board shows the demo nominations in a column per stage, in Vietnamese', { tag: '@smoke' }, async ({ page, consoleErrors }) => {
  await signIn(page, 'office');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  const titles = page.locator('.column .column-title');
  await expect(titles).toHaveText(['Phát hiện', 'Đăng ký', 'Bồi dưỡng', 'Đánh giá', 'Nhân rộng', 'Dừng']);
  await expect(page.locator('.card')).toHaveCount(60);
  await expect(page.getByText('Nguyễn Văn An', { exact: true })).toBeVisible();
  const discovered = page.locator('.column[data-stage="discovered"]');
  await expect(discovered.locator('.column-count')).toHaveText(String(await discovered.locator('.card').count()));
  await expectAccessible(page);
});

test('the language toggle switches to English and back, and is remembered', async ({ page, consoleErrors }) => {
  await signIn(page, 'leader');
  const toggle = page.getByRole('button', { name: 'English' });
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exemplar board');
  await expect(page.locator('.column .column-title').first()).toHaveText('Discovered');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectAccessible(page);

  // The choice survives a reload: the server renders English straight away.
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exemplar board');

  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bảng theo dõi điển hình');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('an unknown page says so in Vietnamese with a 404', async ({ page }) => {
  // The browser logs the 404 of the page itself.
  expectConsoleError(/khong-co-trang-nay: Failed to load resource: the server responded with a status of 404/);
  await signIn(page, 'staff1');
  const response = await page.goto('/khong-co-trang-nay');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
});
