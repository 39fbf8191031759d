import { test, expect, hydrated, signIn, expectAccessible, expectConsoleError } from './fixtures';
import type { Page } from '@playwright/test';

// The server's clock is fixed at 15/10/2026 (playwright.config.ts): every evaluation
// period of 2026 has opened.
test.use({ viewport: { width: 1600, height: 1000 } });

const column = (page: Page, stage: string) => page.locator(`.column[data-stage="${stage}"]`);
const UNIT = 'Chi cục Phát triển nông thôn'; // staff1's and head1's unit

/** The id of the first card of staff1's unit in a column. */
async function cardOfUnit(page: Page, stage: string): Promise<{ id: string; name: string }> {
  const card = column(page, stage).locator('[data-nomination-id]').filter({ hasText: UNIT }).first();
  const id = (await card.getAttribute('data-nomination-id'))!;
  const name = (await card.locator('.card-name').textContent())!.trim();
  return { id, name };
}

test('unit staff record the 6-month evaluation, then move the card from fostering to evaluating', async ({ page }) => {
  // The only console error allowed is the server's refusal of the first move (the browser
  // logs every 4xx response); anything else fails the test.
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  expectConsoleError(/status of 400 \(Bad Request\)/);
  await signIn(page, 'staff1');
  const { id, name } = await cardOfUnit(page, 'fostering');
  // Before the evaluation the board refuses the move, with the rule's reason.
  const card = page.locator(`[data-nomination-id="${id}"]`);
  await card.getByRole('button', { name: /Chuyển đến/ }).click();
  await card.getByRole('menuitem', { name: 'Đánh giá' }).click();
  await expect(page.locator('.board-alert')).toContainText('Chưa có đánh giá 6 tháng');
  await expect(column(page, 'fostering').locator(`[data-nomination-id="${id}"]`)).toHaveCount(1);
  expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  errors.length = 0;

  await page.goto(`/nominations/${id}`);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const evaluations = page.locator('section.evaluations');
  await expect(evaluations).toContainText('Chưa có đánh giá định kỳ.');
  await expect(page.getByLabel('Kỳ đánh giá')).toHaveValue('six_month');
  await expect(page.getByLabel('Ngày đánh giá')).toHaveValue('15/10/2026');
  // Checked as they type: nothing is sent while something is missing.
  await page.getByRole('button', { name: 'Ghi nhận đánh giá' }).click();
  await expect(evaluations.locator('.form-errors')).toContainText('Vui lòng nhập người đánh giá.');
  await expect(page.getByLabel('Người đánh giá')).toHaveAttribute('aria-invalid', 'true');
  // Dates are written day first, whatever the browser's locale; a non-date is named.
  await page.getByLabel('Ngày đánh giá').fill('31/06/2026');
  await expect(evaluations.locator('.form-errors')).toContainText('Ngày đánh giá không hợp lệ.');
  await page.getByLabel('Ngày đánh giá').fill('30/06/2026');
  await page.getByLabel('Xếp loại').selectOption('excellent');
  await page.getByLabel('Người đánh giá').fill('Hội đồng Thi đua - Khen thưởng Chi cục');
  await page.getByLabel('Thành tích', { exact: true }).fill('Thu nhập bình quân tăng 18%, 12 hộ học tập mô hình');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ghi nhận đánh giá' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã ghi nhận đánh giá.' })).toBeVisible();
  await expect(evaluations.locator('tr[data-period="six_month"]')).toContainText('Xuất sắc');
  await expect(evaluations.locator('tr[data-period="six_month"]')).toContainText('30/06/2026');
  // The year's timeline and the history show it.
  await expect(page.locator('.year-timeline')).toContainText('30/06/2026 · Đánh giá 6 tháng: Xuất sắc');
  await expect(page.locator('ul.changes')).toContainText('Ghi nhận đánh giá định kỳ');
  // The next period is offered.
  await expect(page.getByLabel('Kỳ đánh giá')).toHaveValue('nine_month');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/nomination-evaluations.png', fullPage: true });

  await page.goto('/board');
  await hydrated(page);
  await card.getByRole('button', { name: /Chuyển đến/ }).click();
  await card.getByRole('menuitem', { name: 'Đánh giá' }).click();
  await expect(column(page, 'evaluating').locator(`[data-nomination-id="${id}"]`)).toHaveCount(1);
  await expect(page.locator('.toast')).toContainText('Đã chuyển');
  expect(errors).toEqual([]);
});

test('unit staff make a fostering plan, checked as they type; the unit head approves it', async ({ browser }) => {
  const staff = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await signIn(staff, 'staff1');
  const { id } = await cardOfUnit(staff, 'registered');
  await staff.goto(`/nominations/${id}`);
  await hydrated(staff);
  const plan = staff.locator('section.plan');
  await plan.getByRole('link', { name: /kế hoạch/ }).click();
  await expect(staff).toHaveURL(new RegExp(`/nominations/${id}/plan$`));
  await hydrated(staff);
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Kế hoạch bồi dưỡng, nhân rộng');

  const leader = (legend: string) => staff.getByRole('group', { name: legend });
  await leader('Lãnh đạo chỉ đạo bồi dưỡng').getByLabel('Họ và tên').fill('Nguyễn Văn Bình');
  await leader('Lãnh đạo chỉ đạo bồi dưỡng').getByLabel('Chức vụ').fill('Phó Chi cục trưởng');
  await leader('Lãnh đạo phụ trách tuyên truyền').getByLabel('Họ và tên').fill('Trần Thị Hoa');
  // A leader without a position, and no replication leader: named where they belong.
  await staff.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await expect(leader('Lãnh đạo phụ trách tuyên truyền')).toContainText('Vui lòng nhập chức vụ lãnh đạo phụ trách.');
  await expect(leader('Lãnh đạo phụ trách nhân rộng')).toContainText('chưa nêu lãnh đạo phụ trách nhân rộng');
  await leader('Lãnh đạo phụ trách tuyên truyền').getByLabel('Chức vụ').fill('Chánh Văn phòng');
  await leader('Lãnh đạo phụ trách nhân rộng').getByLabel('Họ và tên').fill('Lê Minh Tuấn');
  await leader('Lãnh đạo phụ trách nhân rộng').getByLabel('Chức vụ').fill('Trưởng phòng Kinh tế hợp tác');

  const first = staff.getByRole('group', { name: 'Hoạt động 1' });
  await first.getByLabel('Tên hoạt động').fill('Tập huấn kỹ thuật tưới tiết kiệm');
  // A date outside the campaign year is refused at once.
  await first.getByLabel('Ngày thực hiện').fill('20/11/2025');
  await expect(first).toContainText('phải thuộc năm 2026');
  await first.getByLabel('Ngày thực hiện').fill('20/11/2026');
  await staff.getByRole('button', { name: 'Thêm hoạt động' }).click();
  const second = staff.getByRole('group', { name: 'Hoạt động 2' });
  await second.getByLabel('Loại hoạt động').selectOption('publicity');
  await second.getByLabel('Tên hoạt động').fill('Phóng sự trên Đài Truyền hình');
  await expectAccessible(staff);
  await staff.screenshot({ path: 'test-results/plan-form.png', fullPage: true });
  await staff.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await expect(staff).toHaveURL(new RegExp(`/nominations/${id}$`));
  await expect(plan).toContainText('Trần Thị Hoa, Chánh Văn phòng');
  await expect(plan).toContainText('20/11/2026');
  await expect(plan).toContainText('Chưa được thủ trưởng đơn vị phê duyệt');
  await expect(plan.getByRole('button', { name: 'Phê duyệt kế hoạch' })).toHaveCount(0);

  const head = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await signIn(head, 'head1');
  await head.goto(`/nominations/${id}`);
  await hydrated(head);
  await head.locator('section.plan').getByRole('button', { name: 'Phê duyệt kế hoạch' }).click();
  await expect(head.locator('section.plan')).toContainText('Thủ trưởng đơn vị đã phê duyệt: Lâm Văn Sang');
  await expectAccessible(head);
  await head.screenshot({ path: 'test-results/nomination-plan-approved.png', fullPage: true });
  await staff.context().close();
  await head.context().close();
});

test('the calendar shows a bloc review overdue after its date; the bloc head is told on signing in', async ({ page, consoleErrors }) => {
  await signIn(page, 'bloc1');
  // On the board: what the bloc owes next, most urgent first.
  const owed = page.locator('section.owed');
  await expect(owed.locator('li').first()).toContainText('Quá hạn 15 ngày');
  await expect(owed.locator('li').first()).toContainText('30/09/2026');
  await expect(owed.locator('li').first()).toContainText('Trưởng khối gửi kết quả sơ kết của khối (D-2)');
  await expectAccessible(page);
  await owed.getByRole('link', { name: 'Xem lịch' }).click();
  await expect(page).toHaveURL(/\/calendar$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lịch các mốc thời hạn');
  const review = page.locator('li.deadline[data-rule="D-2"]');
  await expect(review.locator('summary')).toContainText('30/09/2026');
  const bloc = review.locator('tr').filter({ hasText: 'Khối các Chi cục' });
  await expect(bloc).toHaveAttribute('data-status', 'overdue');
  await expect(bloc).toContainText('Quá hạn 15 ngày');
  // The annual evaluations (15/11) are still ahead for the units that foster exemplars.
  const annual = page.locator('li.deadline').filter({ hasText: 'đánh giá cả năm' });
  await expect(annual.locator('summary')).toContainText('15/11/2026');
  await expect(annual.locator('tr[data-status="upcoming"]').first()).toContainText('Chưa đến hạn (còn 31 ngày)');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/calendar.png', fullPage: true });
});

test('the office records a quarterly selection for the City and a replication', async ({ page, consoleErrors }) => {
  await signIn(page, 'office');
  await page.getByRole('link', { name: 'Gửi Thành phố' }).click();
  await expect(page).toHaveURL(/\/selections$/);
  await hydrated(page);
  // Today is in the fourth quarter; the third quarter's list is still to be recorded.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Quý 4 · 2026');
  await page.getByRole('link', { name: /^Quý 3/ }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Quý 3 · 2026');
  await hydrated(page);
  await expect(page.getByText('Chưa lưu danh sách cho kỳ này.')).toBeVisible();
  // Nothing chosen: refused at once with the rule.
  await page.getByRole('button', { name: 'Lưu danh sách' }).click();
  await expect(page.locator('.form-errors')).toContainText('Hãy chọn ít nhất một điển hình gửi Thành phố.');
  const rows = page.locator('.selection-table tbody tr');
  const first = (await rows.nth(0).locator('label').textContent())!.trim();
  const second = (await rows.nth(1).locator('label').textContent())!.trim();
  await page.getByLabel(first).check();
  await page.getByLabel(second).check();
  await expect(page.locator('.selected-count')).toContainText('2 đã chọn');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Lưu danh sách' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu danh sách.' })).toBeVisible();
  await expect(page.getByText(/Lưu lần cuối: Phạm Hoàng Nam/)).toBeVisible();
  await expect(page.getByRole('link', { name: /^Quý 3 \(2\)/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/selections.png', fullPage: true });

  // The calendar counts the quarter as done.
  await page.goto('/calendar');
  await hydrated(page);
  const q3 = page.locator('li.deadline').filter({ hasText: 'quý 3' });
  await expect(q3.locator('tr[data-status]').first()).toHaveAttribute('data-status', 'done');

  // A replicated model: where it was adopted, entered on its card.
  await page.goto('/board');
  await hydrated(page);
  const card = page.locator('.column[data-stage="replicated"] [data-nomination-id]').first();
  const id = await card.getAttribute('data-nomination-id');
  await page.goto(`/nominations/${id}`);
  await hydrated(page);
  const section = page.locator('section.replications');
  await section.getByLabel('Đơn vị, địa phương áp dụng').fill('Xã Phước Vĩnh An');
  await section.getByLabel('Ngày áp dụng').fill('02/10/2026');
  await section.getByLabel('Kết quả').fill('20 hộ áp dụng, năng suất tăng 12%');
  await section.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã ghi nhận nơi nhân rộng.' })).toBeVisible();
  await expect(section.locator('tbody tr').first()).toContainText('Xã Phước Vĩnh An');
  await expect(section.locator('tbody tr').first()).toContainText('02/10/2026');
  await expectAccessible(page);
  await page.goto('/board');
  await hydrated(page);
  await expect(page.locator(`[data-nomination-id="${id}"] .badge-replicated`)).toContainText('Nhân rộng: 1 nơi');
});
