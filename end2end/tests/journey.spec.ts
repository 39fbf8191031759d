// A Department's first year on a real install, from the browser alone (issue 18): a server
// of its own on an empty database (no demo data). The administrator sets up the
// organisation, a campaign of two years, the accounts and the council; a unit nominates,
// registers, fosters and evaluates a collective; two council members score it on the
// campaign's criteria; the administrator changes the criteria from year two on, which
// leaves year one's total as it was; the office closes the year and the exemplar goes on
// into year two with its records.

import { test, expect, hydrated, expectAccessible, expectConsoleError } from './fixtures';
import { startEmptyInstall, type Install } from './install';
import type { Browser, Page } from '@playwright/test';

const ADMIN = 'quantri';
const ADMIN_PASSWORD = 'mật khẩu quản trị đủ dài';
const PASSWORD = 'mật khẩu của đơn vị đủ dài';
const UNIT = 'Chi cục Thủy sản';
const NOMINEE = 'Trạm Thủy sản Cần Giờ';
let install: Install | undefined;
let url = '';
/** The collective's card, once made. */
let cardId = '';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1400, height: 1000 } });

test.beforeAll(async () => {
  install = await startEmptyInstall(41, ADMIN, ADMIN_PASSWORD);
  url = install.url;
});

test.afterAll(() => {
  install?.stop();
});

/** Signs `username` in on the journey's server and opens `to`. */
async function signInAs(page: Page, username: string, to = '/board') {
  await page.goto(`${url}/login?next=${encodeURIComponent(to)}`);
  await hydrated(page);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(username === ADMIN ? ADMIN_PASSWORD : PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(`${url}${to}`);
  await hydrated(page);
}

/** A page of its own, signed in as `username`. */
async function pageOf(browser: Browser, username: string, to = '/board'): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await signInAs(page, username, to);
  return page;
}

/** Moves the card through its "move to" menu, as a keyboard user would. */
async function moveCard(page: Page, stage: string) {
  const card = page.locator(`[data-nomination-id="${cardId}"]`);
  await card.getByRole('button', { name: /Chuyển đến/ }).click();
  await card.getByRole('menuitem', { name: stage }).click();
  await expect(page.locator('.toast')).toContainText('Đã chuyển');
}

test('the administrator sets up a bloc, a unit and a campaign of two years', async ({ page }) => {
  expectConsoleError(/status of 404/); // the board before any campaign
  await signInAs(page, ADMIN, '/admin/organisation');
  await page.locator('#bloc-new-code').fill('K1');
  await page.locator('#bloc-new-name').fill('Khối các Chi cục');
  await page.locator('#bloc-new-name').press('Enter');
  await expect(page.locator('#unit-new-bloc option', { hasText: 'Khối các Chi cục' })).toHaveCount(1);
  await page.locator('#unit-new-code').fill('CCTS');
  await page.locator('#unit-new-name').fill(UNIT);
  await page.locator('#unit-new-name').press('Enter');
  // Saved once the page has reloaded its data: the form for a new unit is empty again (the
  // codes below would otherwise include the one still typed in it).
  await expect(page.locator('#unit-new-code')).toHaveValue('');
  await expect
    .poll(async () => page.locator('input.code').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
    .toEqual(expect.arrayContaining(['K1', 'CCTS']));

  await page.goto(`${url}/admin/campaigns`);
  await hydrated(page);
  await page.locator('#campaign-name').fill('Giai đoạn 2026–2027');
  await page.locator('#campaign-decision').fill('Kế hoạch số 12/KH-SNN');
  await page.locator('#campaign-first').fill('2026');
  await page.locator('#campaign-last').fill('2027');
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await expect(page.locator('p.notice[role="status"]')).toContainText('Đã tạo kế hoạch Giai đoạn 2026–2027');
  await page.getByRole('link', { name: 'Giai đoạn 2026–2027' }).click();
  await hydrated(page);
  await expect(page.locator('details.campaign-year')).toHaveCount(2);
});

test('the administrator makes the accounts and seats a council of two', async ({ page }) => {
  await signInAs(page, ADMIN, '/admin/accounts');
  await page.getByText('Tạo tài khoản', { exact: true }).first().click();
  const accounts: [string, string, string | null, string][] = [
    ['canbo.ccts', 'Nguyễn Thị Thu', UNIT, 'unit_staff'],
    ['thutruong.ccts', 'Lê Văn Hải', UNIT, 'unit_head'],
    ['vanphong', 'Trần Thị Lan', null, 'council_office'],
    ['hoidong1', 'Phạm Văn Đức', null, 'council_member'],
    ['hoidong2', 'Võ Thị Mai', null, 'council_member'],
  ];
  for (const [username, name, unit, role] of accounts) {
    await page.locator('#new-username').fill(username);
    await page.locator('#new-name').fill(name);
    if (unit) await page.locator('#new-unit').selectOption({ label: `${unit} (Khối các Chi cục)` });
    await page.locator(`#new-role-${role}`).check();
    await page.locator('#new-password').fill(PASSWORD);
    await page.locator('form.admin-form button.primary').click();
    await expect(page.locator('p.notice[role="status"]')).toContainText(`Đã tạo tài khoản ${username}`);
    await expect(page.locator(`tr[data-username="${username}"]`)).toBeVisible();
  }

  await page.goto(`${url}/admin/organisation`);
  await hydrated(page);
  for (const member of ['hoidong1', 'hoidong2']) {
    // The box ticks at once; the reload below must not cut the save short.
    const saved = page.waitForResponse((r) => r.url().includes('/api/admin/council_seat'));
    await page.getByLabel(new RegExp(`^${member} —`)).check();
    await expect(page.getByLabel(new RegExp(`^${member} —`))).toBeChecked();
    expect((await saved).status()).toBe(200);
  }
  await page.reload();
  await hydrated(page);
  await expect(page.locator('ul.seats input:checked')).toHaveCount(2);
});

test('the unit nominates a collective; its head registers it and starts fostering from an approved plan', async ({ page, browser }) => {
  await signInAs(page, 'canbo.ccts');
  await expect(page.locator('[data-nomination-id]')).toHaveCount(0);
  await page.getByRole('link', { name: 'Thêm hồ sơ' }).click();
  // The form's code may still be on its way (its page group's module): the board, whose
  // filters have a field of the same name, stays until the form is shown.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thêm hồ sơ');
  await hydrated(page);
  await page.getByLabel('Loại đối tượng').selectOption('collective');
  await page.getByLabel('Tên tập thể, cá nhân').fill(NOMINEE);
  await page.locator('#f-size').fill('14');
  await page.getByLabel('Mô hình, sáng kiến, kinh nghiệm').fill('Nuôi tôm sinh thái dưới tán rừng ngập mặn');
  await page.getByLabel('Khả năng nhân rộng').fill('Áp dụng cho các xã ven biển');
  const evidence = page.locator('textarea[id^="f-ev-"]');
  await expect(evidence).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    await evidence.nth(i).fill(`Minh chứng số ${i + 1}`);
  }
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page).toHaveURL(/\/nominations\/\d+$/);
  cardId = page.url().split('/').pop()!;

  // The unit head registers it with the Department (S-1 and D-1 checked).
  const head = await pageOf(browser, 'thutruong.ccts');
  await moveCard(head, 'Đăng ký');
  await expect(head.locator(`.column[data-stage="registered"] [data-nomination-id="${cardId}"]`)).toHaveCount(1);

  // The fostering plan, then the unit head's approval.
  await page.goto(`${url}/nominations/${cardId}/plan`);
  await hydrated(page);
  const leader = (legend: string) => page.getByRole('group', { name: legend });
  for (const [legend, name, position] of [
    ['Lãnh đạo chỉ đạo bồi dưỡng', 'Lê Văn Hải', 'Chi cục trưởng'],
    ['Lãnh đạo phụ trách tuyên truyền', 'Trần Văn Nam', 'Phó Chi cục trưởng'],
    ['Lãnh đạo phụ trách nhân rộng', 'Đỗ Thị Hạnh', 'Trưởng phòng Nuôi trồng'],
  ]) {
    await leader(legend).getByLabel('Họ và tên').fill(name);
    await leader(legend).getByLabel('Chức vụ').fill(position);
  }
  const first = page.getByRole('group', { name: 'Hoạt động 1' });
  await first.getByLabel('Tên hoạt động').fill('Tập huấn nuôi tôm dưới tán rừng');
  await first.getByLabel('Ngày thực hiện').fill('20/11/2026');
  await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await expect(page).toHaveURL(`${url}/nominations/${cardId}`);
  await expect(page.locator('section.plan')).toContainText('Chưa được thủ trưởng đơn vị phê duyệt');

  // The unit head approves the plan, and fostering starts from it.
  await head.goto(`${url}/nominations/${cardId}`);
  await hydrated(head);
  await head.locator('section.plan').getByRole('button', { name: 'Phê duyệt kế hoạch' }).click();
  await expect(head.locator('section.plan')).toContainText('Thủ trưởng đơn vị đã phê duyệt: Lê Văn Hải');
  await head.goto(`${url}/board`);
  await hydrated(head);
  await moveCard(head, 'Bồi dưỡng');
  await expect(head.locator(`.column[data-stage="fostering"] [data-nomination-id="${cardId}"]`)).toHaveCount(1);
  await head.context().close();
});

test('the unit records its 6-month evaluation; it goes to the council', async ({ page }) => {
  await signInAs(page, 'canbo.ccts');
  await page.goto(`${url}/nominations/${cardId}`);
  await hydrated(page);
  const evaluations = page.locator('section.evaluations');
  await expect(page.getByLabel('Kỳ đánh giá')).toHaveValue('six_month');
  await page.getByLabel('Ngày đánh giá').fill('30/06/2026');
  await page.getByLabel('Xếp loại').selectOption('excellent');
  await page.getByLabel('Người đánh giá').fill('Hội đồng Thi đua - Khen thưởng Chi cục');
  await page.getByLabel('Thành tích', { exact: true }).fill('Năng suất tôm tăng 30%, 20 hộ học tập mô hình');
  await page.getByRole('button', { name: 'Ghi nhận đánh giá' }).click();
  await expect(evaluations.locator('tr[data-period="six_month"]')).toContainText('Xuất sắc');
  await page.goto(`${url}/board`);
  await hydrated(page);
  await moveCard(page, 'Đánh giá');
  await expect(page.locator(`.column[data-stage="evaluating"] [data-nomination-id="${cardId}"]`)).toHaveCount(1);
});

test('the two council members score it on the campaign\'s criteria; the office reads a final total', async ({ page, browser }) => {
  // hoidong1 gives the first criterion (C-A1, weight 2 of 8) a 10 and the others 8:
  // 8.5; hoidong2 gives 8 everywhere: the mean is 8.25.
  for (const [member, firstScore] of [['hoidong1', '10'], ['hoidong2', '8']]) {
    const sheet = await pageOf(browser, member, `/council/${cardId}`);
    await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(NOMINEE);
    const inputs = sheet.locator('.score-input');
    await expect(inputs).toHaveCount(5);
    await inputs.nth(0).fill(firstScore);
    for (let i = 1; i < 5; i++) {
      await inputs.nth(i).fill('8');
    }
    await expect(sheet.locator('.row-status').last()).toContainText('Đã lưu');
    await sheet.getByRole('button', { name: 'Nộp phiếu chấm' }).click();
    await expect(sheet.getByRole('status').filter({ hasText: 'Đã nộp phiếu chấm.' })).toBeVisible();
    await sheet.context().close();
  }
  await signInAs(page, 'vanphong', '/council');
  const row = page.locator(`.council-table tbody tr[data-nomination-id="${cardId}"]`);
  await expect(row.locator('td.total')).toHaveText('8,25');
  await expectAccessible(page);
});

test('the administrator changes the criteria from year two on; year one\'s total stays', async ({ page, browser }) => {
  await signInAs(page, ADMIN, '/admin/campaigns');
  await page.getByRole('link', { name: 'Giai đoạn 2026–2027' }).click();
  await hydrated(page);
  await page.getByRole('link', { name: 'Bộ tiêu chí' }).click();
  await hydrated(page);
  const versions = page.locator('table.criteria-years tbody tr');
  await expect(versions.nth(0)).toContainText('Đã khóa: Hội đồng đã chấm');
  await expect(versions.nth(1)).toContainText('Có thể sửa');
  // Only year two can change now.
  await expect(page.locator('#criteria-from option')).toHaveText(['2027']);
  const collective = page.locator('details.criteria-kind[data-kind="collective"]');
  await collective.locator('.criterion-row').nth(0).getByLabel('Trọng số').fill('5');
  await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
  await expect(page.locator('p.notice[role="status"]')).toContainText('Đã lưu bộ tiêu chí, phiên bản 2');
  await expect(versions.nth(1)).toContainText(/^2027\s*2 \(/);
  await expect(versions.nth(0)).toContainText(/^2026\s*1 \(/);

  // Under the new weights hoidong1's sheet would be 98/11 and the mean 8.45: year one keeps
  // the weights its scores were given under.
  const office = await pageOf(browser, 'vanphong', '/council');
  await expect(office.locator(`.council-table tbody tr[data-nomination-id="${cardId}"] td.total`)).toHaveText('8,25');
  await office.context().close();
});

test('the office\'s board follows the administrator\'s change of the year\'s D-3 live', async ({ page, browser }) => {
  const office = await pageOf(browser, 'vanphong');
  const owed = office.locator('section.owed');
  await expect(owed).toContainText('29/11/2026 · Văn phòng Sở gửi danh sách cho Thành phố (D-3)');
  await signInAs(page, ADMIN, '/admin/campaigns');
  await page.getByRole('link', { name: 'Giai đoạn 2026–2027' }).click();
  await hydrated(page);
  const year = page.locator('details.campaign-year[data-year="2026"]');
  await year.getByLabel('Hạn gửi danh sách lên Thành phố (D-3)').fill('27/11/2026');
  await year.getByRole('button', { name: 'Lưu lịch năm' }).click();
  await expect(page.locator('p.notice[role="status"]')).toContainText('Đã lưu lịch và chỉ tiêu năm 2026');
  // Without a reload, the office's list of what it owes has the new date.
  await expect(owed).toContainText('27/11/2026 · Văn phòng Sở gửi danh sách cho Thành phố (D-3)', { timeout: 10_000 });
  await expect(owed).not.toContainText('29/11/2026');
  await office.context().close();
});

test('the office closes the year: the exemplar goes on into year two with its records', async ({ page }) => {
  await signInAs(page, 'vanphong');
  await page.getByRole('link', { name: 'Chuyển tiếp sang năm sau' }).click();
  await expect(page).toHaveURL(`${url}/carry-over?year=2026`);
  await hydrated(page);
  const row = page.locator(`.carry-table tbody tr[data-nomination-id="${cardId}"]`);
  await expect(row.locator('select')).toHaveValue('continue');
  await expect(row.locator('select option:checked')).toHaveText('Tiếp tục: Bồi dưỡng');
  await page.getByRole('button', { name: 'Chuyển sang năm 2027' }).click();
  await expect(page.locator('p.notice[role="status"]')).toContainText('Đã chuyển 1 hồ sơ sang năm 2027.');
  const href = await row.locator('a.carried').getAttribute('href');
  expect(href).toMatch(/^\/nominations\/\d+$/);
  const nextId = href!.split('/').pop();

  // Year two's board: the exemplar is fostered again, for the new year's evaluations.
  await page.getByRole('link', { name: 'Xem bảng theo dõi năm 2027' }).click();
  await expect(page).toHaveURL(`${url}/board?year=2027`);
  await hydrated(page);
  await expect(page.locator('[data-nomination-id]')).toHaveCount(1);
  await expect(page.locator(`.column[data-stage="fostering"] [data-nomination-id="${nextId}"]`)).toHaveCount(1);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('journey-year-two-board.png'), fullPage: true });

  // Year two's record: its approved plan came along, its evaluations are its own; the
  // evidence form shows year two's criteria.
  await page.goto(`${url}/nominations/${nextId}`);
  await hydrated(page);
  const years = page.locator('nav.year-records');
  await expect(years.getByRole('link')).toHaveText(['2026', '2027']);
  await expect(years.getByRole('link', { name: '2027' })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('section.plan')).toContainText('Thủ trưởng đơn vị đã phê duyệt');
  await expect(page.locator('section.plan')).not.toContainText('20/11/2026');
  await expect(page.locator('section.evaluations')).toContainText('Chưa có đánh giá định kỳ.');
  // 2027 has not begun: the page says when its first evaluation opens, no form to refuse.
  await expect(page.locator('section.evaluations .evaluation-not-open')).toHaveText(
    'Kỳ đánh giá 6 tháng của năm 2027 mở từ ngày 01/01/2027: khi đó mới ghi nhận được đánh giá.',
  );
  await expect(page.getByRole('button', { name: 'Ghi nhận đánh giá' })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('journey-year-two-card.png'), fullPage: true });
  await page.goto(`${url}/nominations/${nextId}/edit`);
  await hydrated(page);
  await expect(page.locator('label[for="f-ev-C-A1"]')).toContainText('(Trọng số 5)');
  await page.goto(`${url}/nominations/${nextId}`);
  await hydrated(page);
  // Year one's record keeps its evaluation.
  await years.getByRole('link', { name: '2026' }).click();
  await expect(page).toHaveURL(`${url}/nominations/${cardId}`);
  await hydrated(page);
  await expect(page.locator('section.evaluations tr[data-period="six_month"]')).toContainText('Xuất sắc');
  await expect(page.locator('section.plan')).toContainText('20/11/2026');
});
