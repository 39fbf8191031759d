import { test, expect, hydrated, signIn, expectAccessible } from './fixtures';

test('unit staff create a nomination, checked as they type, and edit it', { tag: '@smoke' }, async ({ page, consoleErrors }) => {
  await signIn(page, 'staff1');
  await page.getByRole('link', { name: 'Thêm hồ sơ' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thêm hồ sơ');
  await hydrated(page);
  await page.getByLabel('Loại đối tượng').selectOption('household');
  const years = page.getByLabel('Các năm đạt gia đình văn hóa');
  await years.fill('2024, 2024');
  await expect(page.locator('#f-years-error')).toContainText('bị nhập hai lần');
  await expect(years).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Lưu' }).click();
  // Nothing is sent while anything is wrong; every problem is listed.
  await expect(page.locator('.form-errors')).toContainText('Vui lòng nhập tên tập thể, cá nhân.');
  await expectAccessible(page);

  await years.fill('2023, 2024, 2025');
  await page.getByLabel('Tên tập thể, cá nhân').fill('Hộ bà Lê Thị Hồng Nhung');
  await page.getByLabel('Mô hình, sáng kiến, kinh nghiệm').fill('Nuôi cá sấu kết hợp du lịch sinh thái');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page).toHaveURL(/\/nominations\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hộ bà Lê Thị Hồng Nhung');
  await expect(page.locator('.timeline')).toContainText('Phát hiện');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/nomination-page.png', fullPage: true });

  await page.getByRole('link', { name: 'Sửa hồ sơ' }).click();
  await hydrated(page);
  await expect(page.getByLabel('Tên tập thể, cá nhân')).toHaveValue('Hộ bà Lê Thị Hồng Nhung');
  await page.getByLabel('Tên tập thể, cá nhân').fill('Hộ bà Lê Thị Hồng Nhung (ấp 2)');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hộ bà Lê Thị Hồng Nhung (ấp 2)');
  await expect(page.locator('.changes')).toContainText('Sửa hồ sơ');

  // The new card is on the board, and its details open beside it.
  await page.goto('/board');
  await hydrated(page);
  const card = page.locator('[data-nomination-id]').filter({ hasText: 'Hộ bà Lê Thị Hồng Nhung (ấp 2)' });
  await expect(card).toHaveCount(1);
  await card.getByRole('link', { name: /Chi tiết/ }).click();
  const drawer = page.locator('aside.drawer');
  await expect(drawer.getByRole('heading', { name: 'Hộ bà Lê Thị Hồng Nhung (ấp 2)' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/board-drawer.png' });
  await drawer.getByRole('button', { name: 'Đóng' }).click();
  await expect(drawer).toHaveCount(0);
});
