// Periodic reports (issue 20, E-1): a unit's 6-month report is drafted from its records,
// edited, saved, refused while incomplete, then sent once; the calendar flags it late; the
// office sees who has reported, compiles the Department's report and downloads it as Word,
// which LibreOffice opens with the names.

import { test, expect, hydrated, signIn, expectAccessible, docxToPdf } from './fixtures';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 900 } });

// Compared without spaces and hyphens: the PDF's lines wrap where the page decides.
const squeezed = (text: string) => text.replace(/[\s-]/g, '');

/** Downloads the link `name` of `page` and returns the text LibreOffice renders of it. */
async function wordText(page: Page, scope: string, name: string, dirName: string): Promise<string> {
  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(scope).getByRole('link', { name }).click(),
  ]);
  const dir = test.info().outputPath(dirName);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, docx.suggestedFilename());
  await docx.saveAs(file);
  const pdfFile = docxToPdf(file, dir);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile, path.join(dir, 'page')]);
  return squeezed(execFileSync('pdftotext', [pdfFile, '-']).toString());
}

test('a unit drafts its 6-month report from its records and sends it; the office compiles the Department\'s', async ({ browser }) => {
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, 'staff1');
  await staff.getByRole('navigation', { name: 'primary' }).getByRole('link', { name: 'Báo cáo định kỳ' }).click();
  await expect(staff).toHaveURL(/\/reports$/);
  await hydrated(staff);
  await staff.locator('nav.period-choice').getByRole('link', { name: '6 tháng' }).click();
  await expect(staff).toHaveURL(/period=six_month/);
  await expect(staff.locator('h2.report-title')).toHaveText('Báo cáo định kỳ 6 tháng của đơn vị');
  await expect(staff.locator('.review-head')).toContainText('Chi cục Phát triển nông thôn');
  await expect(staff.locator('.review-head')).toContainText('Hạn gửi 30/06/2026');

  // Drafted from the records: an entry per exemplar with its evaluation and achievements.
  await expect(staff.getByText('Bản thảo được lập từ dữ liệu đã ghi nhận')).toBeVisible();
  const entries = staff.locator('section.report-entry');
  const n = await entries.count();
  expect(n).toBeGreaterThanOrEqual(2);
  const names: string[] = [];
  for (let i = 0; i < n; i++) names.push((await entries.nth(i).locator('h3 a').textContent())!.trim());
  const first = entries.first();
  await expect(first.getByLabel('Kết quả đánh giá')).not.toHaveValue('');
  await expect(staff.getByLabel(/Tự đánh giá công tác/)).toHaveValue(/Kỳ báo cáo 6 tháng: đơn vị theo dõi \d+ điển hình/);
  await expectAccessible(staff);
  await staff.screenshot({ path: test.info().outputPath('unit-report-draft.png'), fullPage: true });

  // Incomplete: not sent, every problem named.
  await staff.getByLabel(/Tự đánh giá công tác/).fill('');
  await first.getByLabel('Tóm tắt thành tích').fill('');
  await staff.getByRole('button', { name: 'Gửi báo cáo cho Sở' }).click();
  const alert = staff.locator('.report-form [role="alert"]');
  await expect(alert).toContainText('tự đánh giá công tác phát hiện');
  await expect(alert).toContainText(`Chưa có kết quả đánh giá hoặc tóm tắt thành tích cho: ${names[0]}`);

  // Edited and saved as a draft: it is there after a reload.
  const assessment = 'Đơn vị đã chủ động phát hiện, bồi dưỡng các điển hình; cần đẩy mạnh nhân rộng mô hình liên kết.';
  await staff.getByLabel(/Tự đánh giá công tác/).fill(assessment);
  await first.getByLabel('Tóm tắt thành tích').fill('Doanh thu tăng 18% so với cùng kỳ; 40 hộ tham gia liên kết.');
  await first.getByLabel('Công tác tuyên truyền').fill('Phóng sự trên Đài Phát thanh – Truyền hình (12/05/2026).');
  await staff.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Đã lưu nháp báo cáo.' })).toBeVisible();
  await staff.reload();
  await hydrated(staff);
  await expect(staff.getByLabel(/Tự đánh giá công tác/)).toHaveValue(assessment);
  await expect(entries.first().getByLabel('Công tác tuyên truyền')).toHaveValue('Phóng sự trên Đài Phát thanh – Truyền hình (12/05/2026).');
  await expect(staff.getByText('Bản thảo được lập từ dữ liệu đã ghi nhận')).toHaveCount(0);

  // Sent: read-only from then on, late (the checkpoint was 30/06).
  await staff.getByRole('button', { name: 'Gửi báo cáo cho Sở' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Đã gửi báo cáo cho Sở.' })).toBeVisible();
  await expect(staff.locator('.report-sent')).toContainText('Đã gửi ngày 15/10/2026 (Trịnh Thị Hoa).');
  await expect(staff.locator('.review-head .status')).toHaveAttribute('data-status', 'late');
  await expect(staff.locator('.report-form textarea')).toHaveCount(0);
  await expect(staff.getByRole('button', { name: 'Gửi báo cáo cho Sở' })).toHaveCount(0);
  await expect(staff.locator('#unit-assessment')).toHaveText(assessment);
  const unitWords = await wordText(staff, 'p.downloads', 'Tải Word (.docx)', 'unit-docx');
  // The table's cells wrap in narrow columns, and pdftotext may interleave their lines:
  // the paragraphs are checked whole, the cells by a short phrase.
  for (const expected of ['BÁO CÁO', 'CHI CỤC PHÁT TRIỂN NÔNG THÔN', assessment, names[0], 'Doanh thu tăng']) {
    expect(unitWords).toContain(squeezed(expected));
  }

  // The office: who has reported (this unit late, the others overdue), the compiled report.
  const office = await (await browser.newContext()).newPage();
  await signIn(office, 'office');
  await office.goto('/reports?period=six_month');
  await hydrated(office);
  const row = office.locator('table.reports-table tr', { hasText: 'Chi cục Phát triển nông thôn' });
  await expect(row).toHaveAttribute('data-status', 'late');
  await expect(row).toContainText('Gửi muộn 107 ngày (15/10/2026)');
  // The demo's other units: one not started, one still drafting, one sent on time.
  const thuyLoi = office.locator('table.reports-table tr', { hasText: 'Chi cục Thủy lợi' });
  await expect(thuyLoi).toHaveAttribute('data-status', 'overdue');
  await expect(thuyLoi).toContainText('Chưa lập · Quá hạn');
  await expect(office.locator('table.reports-table tr', { hasText: 'Phòng Tổ chức cán bộ' })).toContainText('Đang soạn');
  await expect(office.locator('table.reports-table').getByRole('row', { name: /^Văn phòng Sở / })).toContainText('Đã gửi 25/06/2026');
  await expect(office.locator('.report-count')).toContainText(/^\d+\/\d+ đơn vị đã gửi; \d+ gửi muộn; \d+ quá hạn chưa gửi\.$/);
  const compiled = office.locator('section.compiled-unit', { hasText: 'Chi cục Phát triển nông thôn' });
  await expect(compiled).toContainText(assessment);
  await expect(compiled).toContainText(names[1]);
  const department = 'Sáu tháng đầu năm, các đơn vị đã phát hiện và bồi dưỡng nhiều điển hình tiên tiến.';
  await office.getByLabel('Đánh giá chung của Sở').fill(department);
  await office.getByRole('button', { name: 'Lưu đánh giá của Sở' }).click();
  await expect(office.getByRole('status').filter({ hasText: 'Đã lưu đánh giá chung của Sở.' })).toBeVisible();
  await expect(office.getByLabel('Đánh giá chung của Sở')).toHaveValue(department);
  await expectAccessible(office);
  await office.screenshot({ path: test.info().outputPath('office-reports.png'), fullPage: true });
  // The office opens the unit's report, read-only.
  await row.getByRole('link', { name: /Xem báo cáo/ }).click();
  await expect(office.locator('#unit-assessment')).toHaveText(assessment);
  await expect(office.locator('.report-form textarea')).toHaveCount(0);
  await office.goBack();
  await hydrated(office);
  const deptWords = await wordText(office, 'section.department-report p.downloads', 'Tải Word (.docx)', 'department-docx');
  for (const expected of ['BÁO CÁO', department, 'Chi cục Phát triển nông thôn (15/10/2026)', assessment]) {
    expect(deptWords).toContain(squeezed(expected));
  }

  // The calendar flags it: met late by this unit.
  await office.goto('/calendar');
  await hydrated(office);
  const deadline = office.locator('li.deadline', { hasText: 'Báo cáo định kỳ 6 tháng (E-1)' });
  await expect(deadline.locator('tr', { hasText: 'Chi cục Phát triển nông thôn' })).toHaveAttribute('data-status', 'late');
  for (const p of [staff, office]) await p.context().close();
});

test('a unit\'s report reads on a phone without scrolling sideways', async ({ browser }) => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(phone, 'head.cctl');
  await phone.goto('/reports?period=nine_month');
  await hydrated(phone);
  await expect(phone.locator('h2.report-title')).toHaveText('Báo cáo định kỳ 9 tháng của đơn vị');
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await expectAccessible(phone);
  await phone.screenshot({ path: test.info().outputPath('unit-report-phone.png'), fullPage: true });
  await phone.context().close();
});
