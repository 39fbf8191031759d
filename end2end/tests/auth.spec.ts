import { test, expect, hydrated, signIn, expectAccessible } from './fixtures';

test('without a session every page leads to the sign-in page', async ({ page, consoleErrors }) => {
  await page.goto('/board');
  await expect(page).toHaveURL(/\/login\?next=\/board$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng nhập');
  await expectAccessible(page);
});

test('a wrong password is refused with a clear message, and nothing else is said', async ({ page, consoleErrors }) => {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill('staff1');
  await page.getByLabel('Mật khẩu').fill('sai mật khẩu');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await expectAccessible(page);
});

test('staff1 sees only the nominations of their own unit', async ({ page, consoleErrors }) => {
  await signIn(page, 'staff1');
  await expect(page.locator('.user-name')).toContainText('Trịnh Thị Hoa');
  const units = await page.locator('.card .card-unit').allTextContents();
  expect(units.length).toBeGreaterThan(0);
  expect(new Set(units)).toEqual(new Set(['Chi cục Phát triển nông thôn']));
  await expect(page.getByText('Nguyễn Văn An', { exact: true })).toHaveCount(0);
});

test('leadership sees every nomination and no control that changes anything', async ({ page, consoleErrors }) => {
  await signIn(page, 'leader');
  await expect(page.locator('.card')).toHaveCount(60);
  // The only buttons are the language switch and signing out: nothing edits or moves.
  // (The board's filters only change what is shown, and the stage switcher of a narrow
  // screen only brings a column into view, so they are left out of the count.)
  const buttons = await page
    .locator('main :is(button, [draggable="true"], input, select, textarea):not(form[role="search"] *):not(nav.stage-switcher *)')
    .count();
  expect(buttons).toBe(0);
});

test('signing out ends the session', async ({ page, consoleErrors }) => {
  await signIn(page, 'head1');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login\?signed_out=1$/);
  await expect(page.getByRole('status')).toHaveText('Bạn đã đăng xuất.');
  await page.goto('/board');
  await expect(page).toHaveURL(/\/login\?next=\/board$/);
});

test('the office browses the audit history and filters it', async ({ page, consoleErrors }) => {
  await signIn(page, 'office');
  await page.getByRole('link', { name: 'Nhật ký' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await hydrated(page);
  await expect(page.getByRole('status')).toContainText('Chuỗi băm nhật ký toàn vẹn');
  await expect(page.locator('tr[data-action="login"]').first()).toBeVisible();
  await page.getByLabel('Thao tác').selectOption('logout');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/action=logout/);
  await expect(page.locator('tbody tr[data-action="login"]')).toHaveCount(0);
  await expectAccessible(page);
  // On a phone the table scrolls sideways in its own box (reachable by keyboard), never
  // the page itself.
  await page.getByLabel('Thao tác').selectOption('');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page.locator('tbody tr[data-action="login"]').first()).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const table = page.getByRole('group', { name: 'Nhật ký thay đổi và an ninh' });
  expect(await table.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expect(table).toHaveAttribute('tabindex', '0');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('audit-phone.png'), fullPage: true });
});

test('unit staff have no audit link', async ({ page, consoleErrors }) => {
  await signIn(page, 'staff1');
  await expect(page.getByRole('link', { name: 'Nhật ký' })).toHaveCount(0);
});

test('a user changes their own password and signs in with the new one', async ({ page, consoleErrors }) => {
  await signIn(page, 'head.cctt');
  await page.locator('a.user-name').click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await hydrated(page);
  await page.getByLabel('Mật khẩu hiện tại').fill('exemplar-demo');
  await page.getByLabel('Mật khẩu mới (ít nhất 12 ký tự)').fill('mật khẩu mới của tôi');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('khác hẳn rồi nhé');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByRole('alert')).toContainText('Hai lần nhập mật khẩu mới không khớp.');
  await expectAccessible(page);
  await page.getByLabel('Nhập lại mật khẩu mới').fill('mật khẩu mới của tôi');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page).toHaveURL(/\/login\?signed_out=1$/);
  await signIn(page, 'head.cctt', 'mật khẩu mới của tôi');
});
