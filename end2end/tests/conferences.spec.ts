// Conferences (issue 20, E-1 and E-2): a unit records its conference of civil servants with
// the exemplar it honoured; the office goes from the annual list to the sector's year-end
// conference and records it (a date in the future refused); leadership reads both.

import { test, expect, hydrated, signIn, expectAccessible } from './fixtures';

test.use({ viewport: { width: 1280, height: 900 } });

test('a unit and the office record the conferences where exemplars were honoured', async ({ browser }) => {
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, 'staff1');
  await staff.getByRole('navigation', { name: 'primary' }).getByRole('link', { name: 'Hội nghị' }).click();
  await expect(staff).toHaveURL(/\/conferences$/);
  await hydrated(staff);
  const unitForm = staff.locator('section.conference-form[data-form^="unit-"]');
  await expect(unitForm.locator('h2')).toContainText('Chi cục Phát triển nông thôn');
  await expect(staff.locator('section.conference-form[data-form="sector"]')).toHaveCount(0);
  await expect(unitForm.getByLabel('Tên hội nghị')).toHaveValue('Hội nghị cán bộ, công chức, viên chức năm 2026');
  // Nothing ticked, no date: refused with every reason, nothing saved.
  await unitForm.getByRole('button', { name: 'Lưu hội nghị' }).click();
  const alert = unitForm.locator('[role="alert"]');
  await expect(alert).toContainText('Vui lòng nhập ngày tổ chức hội nghị.');
  await expect(alert).toContainText('Hãy chọn ít nhất một điển hình được giới thiệu, biểu dương tại hội nghị.');
  await unitForm.getByLabel('Ngày tổ chức hội nghị').fill('20/01/2026');
  const first = unitForm.locator('tbody tr').first();
  const name = (await first.locator('th label').textContent())!.trim();
  await first.getByRole('checkbox').check();
  await expect(alert).toContainText('Vui lòng nhập hình thức biểu dương, khen thưởng.');
  await first.getByRole('textbox').fill('Giấy khen của Thủ trưởng đơn vị');
  await expect(alert).toHaveCount(0);
  await unitForm.getByRole('button', { name: 'Lưu hội nghị' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Đã lưu hội nghị.' })).toBeVisible();
  const recorded = staff.locator('section.unit-conferences article.conference', { hasText: 'Chi cục Phát triển nông thôn' });
  await expect(recorded).toContainText('Tổ chức ngày 20/01/2026');
  await expect(recorded.locator('tbody tr', { hasText: name })).toContainText('Giấy khen của Thủ trưởng đơn vị');
  await expectAccessible(staff);

  // The office: from the annual list to the sector's year-end conference.
  const office = await (await browser.newContext()).newPage();
  await signIn(office, 'office');
  await office.goto('/selections?period=annual');
  await hydrated(office);
  await office.getByRole('link', { name: 'Hội nghị tổng kết năm của ngành' }).click();
  await expect(office).toHaveURL(/\/conferences\?year=2026$/);
  await hydrated(office);
  await expect(office.locator('section.sector-conference')).toContainText('Chưa ghi nhận hội nghị tổng kết năm của ngành.');
  const sectorForm = office.locator('section.conference-form[data-form="sector"]');
  await sectorForm.getByLabel('Ngày tổ chức hội nghị').fill('16/10/2026');
  const pick = sectorForm.locator('tbody tr', { hasText: name });
  await pick.getByRole('checkbox').check();
  await pick.getByRole('textbox').fill('Bằng khen của UBND Thành phố');
  await sectorForm.getByRole('button', { name: 'Lưu hội nghị' }).click();
  await expect(sectorForm.locator('[role="alert"]')).toContainText('Ngày không được ở tương lai.');
  await sectorForm.getByLabel('Ngày tổ chức hội nghị').fill('15/10/2026');
  await expect(sectorForm.locator('[role="alert"]')).toHaveCount(0);
  await expectAccessible(office);
  await sectorForm.screenshot({ path: test.info().outputPath('sector-form.png') });
  await sectorForm.getByRole('button', { name: 'Lưu hội nghị' }).click();
  await expect(office.getByRole('status').filter({ hasText: 'Đã lưu hội nghị.' })).toBeVisible();
  const sector = office.locator('section.sector-conference article.conference[data-conference="sector"]');
  await expect(sector).toContainText('Tổ chức ngày 15/10/2026');
  await expect(sector.locator('tbody tr', { hasText: name })).toContainText('Bằng khen của UBND Thành phố');

  // Leadership reads both, with nothing to fill.
  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, 'leader');
  await leader.goto('/conferences');
  await hydrated(leader);
  await expect(leader.locator('section.conference-form')).toHaveCount(0);
  await expect(leader.locator('article.conference[data-conference="sector"]')).toContainText('Bằng khen của UBND Thành phố');
  await expect(leader.locator('section.unit-conferences')).toContainText('Giấy khen của Thủ trưởng đơn vị');
  await expectAccessible(leader);
  await leader.screenshot({ path: test.info().outputPath('conferences.png'), fullPage: true });
  for (const p of [staff, office, leader]) await p.context().close();
});
