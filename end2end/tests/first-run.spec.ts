// A real install, in the browser: a server of its own on an empty database (no demo data),
// an administrator made with `exemplar create-admin`, who signs in and sets up the
// organisation and a first account from the pages alone.

import { test, expect, hydrated, expectAccessible, expectConsoleError } from './fixtures';
import { startEmptyInstall, type Install } from './install';
import type { Page } from '@playwright/test';

const ADMIN = 'quantri';
const PASSWORD = 'mật khẩu quản trị đủ dài';
let install: Install | undefined;
let url = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  install = await startEmptyInstall(40, ADMIN, PASSWORD);
  url = install.url;
});

test.afterAll(() => {
  install?.stop();
});

/** The administrator signs in on the first-run server and opens `to`. */
async function signInAdmin(page: Page, to: string) {
  await page.goto(`${url}/login?next=${encodeURIComponent(to)}`);
  await hydrated(page);
  await page.getByLabel('Tên đăng nhập').fill(ADMIN);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(`${url}${to}`);
  await hydrated(page);
}

test('on a new install the administrator signs in and sets up a bloc, a unit and an account', { tag: '@smoke' }, async ({ page }) => {
  // The board of an install without a campaign yet answers "not found" (the page says there
  // is no campaign yet); the browser logs the request's status.
  expectConsoleError(/status of 404/);
  await page.goto(`${url}/login`);
  await hydrated(page);
  await expectAccessible(page);
  await page.getByLabel('Tên đăng nhập').fill(ADMIN);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/board/);
  // No campaign yet: the board says so, and the administrator's guide lists what to do.
  await hydrated(page);
  await expect(page.locator('.board-page p.empty')).toContainText('Chưa có kế hoạch thi đua nào cho năm nay');
  await page.getByRole('link', { name: 'Thiết lập', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/setup$/);
  await hydrated(page);
  const steps = page.locator('ol.setup-steps > li');
  await expect(steps).toHaveCount(5);
  await expect(page.locator('ol.setup-steps > li[data-done="true"]')).toHaveCount(0);
  await expect(steps.nth(0)).toContainText('0 khối, 0 đơn vị');
  await expectAccessible(page);

  // The organisation, from nothing: a bloc, then a unit in it.
  await page.goto(`${url}/admin/organisation`);
  await hydrated(page);
  await expect(page.locator('input.code')).toHaveCount(2);
  await page.locator('#bloc-new-code').fill('K1');
  await page.locator('#bloc-new-name').fill('Khối các Chi cục');
  await page.locator('#bloc-new-name').press('Enter');
  await expect(page.locator('p.notice[role="status"]')).toBeVisible();
  await expect(page.locator('#unit-new-bloc option', { hasText: 'Khối các Chi cục' })).toHaveCount(1);
  await page.locator('#unit-new-code').fill('CCTL');
  await page.locator('#unit-new-name').fill('Chi cục Thủy lợi');
  await page.locator('#unit-new-name').press('Enter');
  // Saved once the page has reloaded its data: the form for a new unit is empty again (the
  // codes below would otherwise include the one still typed in it).
  await expect(page.locator('#unit-new-code')).toHaveValue('');
  await expect
    .poll(async () => page.locator('input.code').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
    .toEqual(expect.arrayContaining(['K1', 'CCTL']));
  await expectAccessible(page);

  // A first account for the new unit.
  await page.goto(`${url}/admin/accounts`);
  await hydrated(page);
  await page.getByText('Tạo tài khoản', { exact: true }).first().click();
  await page.getByLabel('Tên đăng nhập').fill('canbo.cctl');
  await page.getByLabel('Họ và tên').first().fill('Nguyễn Văn Một');
  await page.locator('#new-unit').selectOption({ label: 'Chi cục Thủy lợi (Khối các Chi cục)' });
  await page.locator('#new-role-unit_staff').check();
  await page.getByLabel('Mật khẩu').fill('một mật khẩu dài đủ');
  await page.locator('form.admin-form button.primary').click();
  await expect(page.locator('p.notice[role="status"]')).toContainText('Đã tạo tài khoản canbo.cctl');
  await expect(page.locator('tr[data-username="canbo.cctl"]')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('first-run-accounts.png'), fullPage: true });
});

test('the administrator creates the first campaign and sets its year\'s calendar', async ({ page, browser }) => {
  // The first campaign, checked as it is typed; then the board has a year to show.
  await signInAdmin(page, '/admin/accounts');
  await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns$/);
  await hydrated(page);
  await expect(page.getByText('Chưa có kế hoạch nào')).toBeVisible();
  await expectAccessible(page);
  await page.locator('#campaign-first').fill('2026');
  await page.locator('#campaign-last').fill('2040');
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  const alert = page.locator('form.admin-form [role="alert"]');
  await expect(alert).toContainText('Vui lòng nhập tên kế hoạch.');
  await expect(alert).toContainText('Các năm của kế hoạch');
  await page.locator('#campaign-name').fill('Giai đoạn 2026–2030');
  await page.locator('#campaign-decision').fill('Kế hoạch số 45/KH-SNN');
  await page.locator('#campaign-last').fill('2030');
  await expect(alert).toHaveCount(0);
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await expect(page.locator('p.notice[role="status"]')).toContainText('Đã tạo kế hoạch Giai đoạn 2026–2030');
  await expect(page.locator('table.campaigns tbody tr')).toHaveCount(1);
  await expect(page.locator('table.campaigns')).toContainText('2026–2030');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('first-run-campaigns.png'), fullPage: true });

  // Each year's calendar and numbers, stored with the campaign and changed here.
  await page.getByRole('link', { name: 'Giai đoạn 2026–2030' }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns\/\d+$/);
  await hydrated(page);
  // Five years, today's unfolded; another opens on a click.
  await expect(page.locator('details.campaign-year')).toHaveCount(5);
  await expect(page.locator('details.campaign-year[open]')).toHaveCount(1);
  await page.locator('details.campaign-year[data-year="2027"] summary').click();
  await expect(page.locator('details.campaign-year[data-year="2027"]').getByLabel('Hạn khối gửi kết quả (D-2)')).toHaveValue('30/09/2027');
  const year = page.locator('details.campaign-year[data-year="2026"]');
  const d3 = year.getByLabel('Hạn gửi danh sách lên Thành phố (D-3)');
  await expect(d3).toHaveValue('29/11/2026');
  // Checked as it is typed, by the shared rule: the 9-month evaluation before the 6-month.
  await year.getByLabel('Đánh giá 9 tháng (E-1)').fill('01/05/2026');
  await expect(year.locator('[role="alert"]')).toContainText('Đánh giá 9 tháng (E-1) phải sau Đánh giá 6 tháng (E-1)');
  await expect(year.getByLabel('Đánh giá 9 tháng (E-1)')).toHaveAttribute('aria-invalid', 'true');
  await year.getByLabel('Đánh giá 9 tháng (E-1)').fill('30/09/2026');
  await year.getByLabel('Hạn khối gửi kết quả (D-2)').fill('15/09/2026');
  await year.getByLabel('Số mô hình gửi Thành phố, nhiều nhất (S-2)').fill('4');
  await expect(year.locator('[role="alert"]')).toHaveCount(0);
  // Someone has the calendar open meanwhile: it follows the save, without a reload.
  const watcher = await (await browser.newContext()).newPage();
  await signInAdmin(watcher, '/calendar');
  const d2 = watcher.locator('li.deadline[data-rule="D-2"] summary');
  await expect(d2).toContainText('30/09/2026');
  await year.getByRole('button', { name: 'Lưu lịch năm' }).click();
  await expect(page.locator('p.notice[role="status"]')).toContainText('Đã lưu lịch và chỉ tiêu năm 2026');
  await expect(d2).toContainText('15/09/2026', { timeout: 10_000 });
  await watcher.context().close();
  await expect(year.getByLabel('Hạn khối gửi kết quả (D-2)')).toHaveValue('15/09/2026');

  // The campaign itself is corrected here: a year added (with the plan's calendar), then
  // taken away again, over the version the page was read at.
  const edit = page.locator('section.campaign-edit');
  await expect(edit.getByLabel('Tên kế hoạch')).toHaveValue('Giai đoạn 2026–2030');
  await edit.getByLabel('Năm kết thúc').fill('2020');
  await expect(edit.locator('[role="alert"]')).toContainText('Các năm của kế hoạch');
  await edit.getByLabel('Năm kết thúc').fill('2031');
  await edit.getByLabel('Văn bản ban hành').fill('Kế hoạch số 45/KH-SNN ngày 15/01/2026');
  await edit.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await expect(page.locator('p.notice[role="status"]')).toContainText('Đã lưu kế hoạch Giai đoạn 2026–2030');
  await expect(page.locator('details.campaign-year')).toHaveCount(6);
  await page.locator('details.campaign-year[data-year="2031"] summary').click();
  await expect(page.locator('details.campaign-year[data-year="2031"]').getByLabel('Hạn gửi danh sách lên Thành phố (D-3)')).toHaveValue('29/11/2031');
  await edit.getByLabel('Năm kết thúc').fill('2030');
  await edit.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await expect(page.locator('details.campaign-year')).toHaveCount(5);
  await expect(page.locator('h2.campaign-heading')).toContainText('(2026–2030)');
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('first-run-campaign-years-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('the administrator edits the campaign\'s criteria as a new version', async ({ page }) => {
  await signInAdmin(page, '/admin/campaigns');
  await page.getByRole('link', { name: 'Giai đoạn 2026–2030' }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns\/\d+$/);
  await hydrated(page);
  // The campaign's criteria: the plan's as its first version, changed here as a new one.
  await page.getByRole('link', { name: 'Bộ tiêu chí' }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns\/\d+\/criteria$/);
  await hydrated(page);
  const versions = page.locator('table.criteria-years tbody tr');
  await expect(versions).toHaveCount(5);
  await expect(versions.first()).toContainText('Có thể sửa');
  const collective = page.locator('details.criteria-kind[data-kind="collective"]');
  await expect(collective.locator('.criterion-row')).toHaveCount(5);
  const household = page.locator('details.criteria-kind[data-kind="household"]');
  // Each kind folds; the first is open. C-B5 is a condition: it has neither weight nor floor.
  await expect(household).not.toHaveAttribute('open', '');
  await expect(household.locator('summary')).toContainText('5 tiêu chí · tổng trọng số 7');
  await household.locator('summary').click();
  const cb5 = household.locator('.criterion-row').nth(4);
  await expect(cb5.getByLabel('Mã tiêu chí')).toHaveValue('C-B5');
  await expect(cb5.getByLabel('Trọng số')).toBeDisabled();
  // Checked as it is typed: a repeated code, a weight of 0; nothing can be saved.
  const row = (n: number) => collective.locator('.criterion-row').nth(n);
  await row(1).getByLabel('Mã tiêu chí').fill('C-A1');
  await row(2).getByLabel('Trọng số').fill('0');
  const criteriaAlert = page.locator('form.criteria-form [role="alert"]');
  await expect(criteriaAlert).toContainText('Tập thể · dòng 2: Mã tiêu chí C-A1 bị nhập hai lần.');
  await expect(criteriaAlert).toContainText('Tập thể · dòng 3: Trọng số phải từ 1 đến 10.');
  await expect(row(2).getByLabel('Trọng số')).toHaveAttribute('aria-invalid', 'true');
  await row(1).getByLabel('Mã tiêu chí').fill('C-A2');
  await row(2).getByLabel('Trọng số').fill('2');
  // A criterion the Department adds for its plan, scored with a floor.
  await collective.getByRole('button', { name: 'Thêm tiêu chí · Tập thể' }).click();
  await expect(collective.locator('.criterion-row')).toHaveCount(6);
  await row(5).getByLabel('Mã tiêu chí').fill('C-A6');
  await row(5).getByLabel('Nội dung tiếng Việt').fill('Đi đầu chuyển đổi số trong quản lý, sản xuất');
  await expect(criteriaAlert).toContainText('Tập thể · dòng 6: Vui lòng nhập nội dung tiếng Anh.');
  await row(5).getByLabel('Nội dung tiếng Anh').fill('Leads the digital transformation of management and production');
  await row(5).getByLabel('Trọng số').fill('2');
  await row(5).getByLabel('Điểm sàn').fill('4');
  await expect(criteriaAlert).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
  await expect(page.locator('p.notice[role="status"]')).toContainText('Đã lưu bộ tiêu chí, phiên bản 2');
  await expect(versions.first()).toContainText(/^2026\s*2 \(/);
  await expect(collective.locator('summary')).toContainText('6 tiêu chí · tổng trọng số 11');
  await expect(collective.locator('.criterion-row')).toHaveCount(6);
  await expect(row(2).getByLabel('Trọng số')).toHaveValue('2');
  await page.screenshot({ path: test.info().outputPath('first-run-criteria.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('first-run-criteria-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('the administrator starts the campaign\'s list of emulation movements from nothing', async ({ page }) => {
  await signInAdmin(page, '/admin/campaigns');
  await page.getByRole('link', { name: 'Phong trào thi đua' }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns\/\d+\/movements$/);
  await hydrated(page);
  // A new campaign has none: the page says so, and offers the form that adds the first.
  await expect(page.locator('p.empty')).toHaveText('Kế hoạch này chưa có phong trào thi đua nào. Thêm phong trào đầu tiên bên dưới.');
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'Phong trào thi đua' }).fill('Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới”');
  await page.getByRole('button', { name: 'Thêm phong trào' }).click();
  await expect(page.locator('form.movement-row[data-movement-id]')).toHaveCount(1);
  await expect(page.locator('p.empty')).toHaveCount(0);
  await expect(page.locator('form.movement-row[data-movement-id]')).toContainText('Số đề xuất: 0');
  await expectAccessible(page);
});

test('with the campaign set, the calendar, the board and the setup guide follow it', async ({ page }) => {
  // The year's calendar follows the stored dates.
  await signInAdmin(page, '/calendar');
  await expect(page.locator('main')).toContainText('15/09/2026');
  await expect(page.locator('main')).toContainText('29/11/2026');

  await page.getByRole('link', { name: 'Bảng theo dõi', exact: true }).click();
  await expect(page).toHaveURL(/\/board/);
  await hydrated(page);
  await expect(page.locator('.column[data-stage="discovered"]').first()).toBeVisible();
  await expectAccessible(page);

  // The guide now: everything but the council is done, and the step says where to seat it.
  await page.getByRole('link', { name: 'Thiết lập', exact: true }).click();
  await hydrated(page);
  const steps = page.locator('ol.setup-steps > li');
  await expect(steps.nth(0)).toContainText('1 khối, 1 đơn vị');
  await expect(steps.nth(1)).toContainText('Giai đoạn 2026–2030 (2026–2030)');
  await expect(steps.nth(2)).toContainText('năm nay theo phiên bản 2');
  await expect(steps.nth(3)).toHaveAttribute('data-done', 'false');
  await expect(steps.nth(4)).toContainText('1 tài khoản đơn vị đang hoạt động');
  await expect(steps.nth(2)).toHaveAttribute('data-done', 'info');
  await expect(page.locator('ol.setup-steps > li[data-done="true"]')).toHaveCount(3);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('first-run-setup.png'), fullPage: true });
});
