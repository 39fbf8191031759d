// N-2 (issue 20): the administrator keeps the campaign's emulation movements; a unit says
// what kind of exemplar its nominee is and which movement it came from; the summary counts
// by both, on a desktop and on a phone.

import { test, expect, hydrated, signIn, expectAccessible, expectConsoleError } from './fixtures';

test.use({ viewport: { width: 1280, height: 900 } });

// Unique per run of the suite (the database is shared by the files of one run).
const MOVEMENT = `Phong trào “Chuyển đổi số nông nghiệp” ${Date.now() % 100000}`;

test('the administrator adds a movement, a unit names it on a model, and the summary counts it', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin');
  await admin.goto('/admin/campaigns');
  await hydrated(admin);
  await admin.getByRole('link', { name: 'Phong trào thi đua' }).first().click();
  await expect(admin).toHaveURL(/\/admin\/campaigns\/\d+\/movements$/);
  await hydrated(admin);
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Phong trào thi đua');
  const rows = admin.locator('form.movement-row[data-movement-id]');
  const before = await rows.count();
  expect(before).toBeGreaterThanOrEqual(4);
  await expect(rows.first()).toContainText('Số đề xuất:');

  // Blank, then a name already on the list: refused in the form's alert, nothing added.
  const add = admin.locator('form.movement-row:not([data-movement-id])');
  await add.getByRole('button', { name: 'Thêm phong trào' }).click();
  await expect(add.locator('[role="alert"]')).toContainText('Vui lòng nhập phong trào thi đua.');
  const existing = await rows.first().getByRole('textbox', { name: 'Phong trào thi đua' }).inputValue();
  expectConsoleError(/status of 400 \(Bad Request\)/);
  await add.getByRole('textbox', { name: 'Phong trào thi đua' }).fill(existing.toUpperCase());
  await add.getByRole('button', { name: 'Thêm phong trào' }).click();
  await expect(add.locator('[role="alert"]')).toContainText('tên này đã có trong danh sách');
  await expect(rows).toHaveCount(before);

  await add.getByRole('textbox', { name: 'Phong trào thi đua' }).fill(MOVEMENT);
  await add.getByRole('button', { name: 'Thêm phong trào' }).click();
  await expect(admin.locator('p[role="status"]').filter({ hasText: 'Đã lưu phong trào thi đua.' })).toBeVisible();
  await expect(rows).toHaveCount(before + 1);
  await expect(add.getByRole('textbox', { name: 'Phong trào thi đua' })).toHaveValue('');
  // Listed in the order they were added: the new one last.
  const added = rows.last();
  await expect(added.getByRole('textbox', { name: 'Phong trào thi đua' })).toHaveValue(MOVEMENT);
  await expectAccessible(admin);
  await admin.screenshot({ path: test.info().outputPath('movements.png'), fullPage: true });

  // A unit's staff names the kind and the new movement on a new nomination.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, 'staff1');
  await staff.getByRole('link', { name: 'Thêm hồ sơ' }).click();
  // The form's code may still be on its way (its page group's module): the board, whose
  // filters have a field of the same name, stays until the form is shown.
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Thêm hồ sơ');
  await hydrated(staff);
  await staff.getByLabel('Loại đối tượng').selectOption('cooperative');
  await staff.getByLabel('Tên tập thể, cá nhân').fill('Tổ hợp tác thủy canh Bình Mỹ');
  await staff.getByLabel('Loại điển hình').selectOption({ label: 'Mô hình' });
  await staff.getByLabel('Phong trào thi đua').selectOption({ label: MOVEMENT });
  await staff.getByLabel('Mô hình, sáng kiến, kinh nghiệm').fill('Trồng rau thủy canh theo chuỗi liên kết');
  await staff.getByLabel('Số thành viên').fill('12');
  await expectAccessible(staff);
  await staff.getByRole('button', { name: 'Lưu' }).click();
  await expect(staff).toHaveURL(/\/nominations\/\d+$/);
  const profile = staff.locator('dl').filter({ hasText: 'Loại điển hình' });
  await expect(profile).toContainText('Mô hình');
  await expect(profile).toContainText(MOVEMENT);

  // Leadership's summary counts it under its movement, and by kind.
  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, 'leader');
  await leader.goto('/summary');
  await hydrated(leader);
  const byType = leader.locator('table.by-type');
  await expect(byType.locator('tr[data-exemplar-type="model"] th')).toHaveText('Mô hình');
  await expect(byType.locator('tr[data-exemplar-type="none"] th')).toHaveText('Chưa phân loại');
  const byMovement = leader.locator('table.by-movement');
  await expect(byMovement.locator('tr', { hasText: MOVEMENT }).locator('td')).toHaveText('1');
  await expect(byMovement.locator('tr[data-movement="none"] th')).toHaveText('Chưa gắn phong trào');
  await expectAccessible(leader);
  await leader.locator('.classification').screenshot({ path: test.info().outputPath('summary-classification.png') });

  // Retired, the movement is no longer offered for a new nomination; its count stays.
  await added.getByLabel('Ngừng theo dõi').check();
  // The row looks retired as soon as the box is ticked; the staff's form below is asked for
  // only once the server has answered the save (under load it could otherwise be first).
  const retiring = admin.waitForResponse((r) => r.url().includes('/api/admin/save_movement'));
  await added.getByRole('button', { name: 'Lưu' }).click();
  expect((await retiring).ok()).toBe(true);
  await expect(added).toHaveClass(/retired/);
  await staff.goto('/nominations/new');
  await hydrated(staff);
  await expect(staff.locator('#f-movement option', { hasText: MOVEMENT })).toHaveCount(0);
  await leader.reload();
  await hydrated(leader);
  await expect(leader.locator('table.by-movement tr', { hasText: MOVEMENT }).locator('td')).toHaveText('1');

  // On a phone, the summary's tables fit the screen (labels wrap, nothing scrolls the page).
  await leader.setViewportSize({ width: 390, height: 844 });
  const overflow = await leader.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await leader.locator('.classification').screenshot({ path: test.info().outputPath('summary-classification-phone.png') });
  for (const p of [admin, staff, leader]) await p.context().close();
});
