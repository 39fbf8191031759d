// Honouring exemplars (issue 20, S-3): a unit attaches a cultural-family certificate and its
// achievement report (real files) to its exemplar's dossier and proposes a commendation with
// its own council's decision; the office decides it (a date before the proposal refused);
// the card's history and leadership's summary show it.

import { test, expect, hydrated, signIn, expectAccessible, pick, docxToPdf } from './fixtures';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

test.use({ viewport: { width: 1280, height: 900 } });

const pdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

test('a unit proposes a commendation with its achievement report, and the office decides it', async ({ browser }) => {
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, 'staff1');
  const { id, name } = await pick(staff, 'replicated');
  await staff.goto(`/nominations/${id}`);
  await hydrated(staff);

  // The dossier: the cultural-family certificate and the achievement report, as files.
  const documents = staff.locator('section.documents');
  for (const [kind, title] of [
    ['certificate', 'Giấy công nhận Gia đình văn hóa 2023–2025'],
    ['achievement_report', 'Báo cáo thành tích năm 2026 (đề nghị Bằng khen)'],
  ]) {
    await documents.getByLabel('Loại tài liệu').selectOption(kind);
    await documents.getByLabel('Tệp', { exact: true }).setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: pdf(title) });
    await documents.getByLabel('Tên tài liệu').fill(title);
    await documents.getByRole('button', { name: 'Tải lên' }).click();
    await expect(documents.locator('tbody tr', { hasText: title })).toHaveCount(1);
  }

  // The proposal: nothing is sent while the form is incomplete; every problem is listed.
  const section = staff.locator('section.commendations');
  await expect(section.getByText('Chưa có đề nghị khen thưởng.')).toBeVisible();
  await section.getByRole('button', { name: 'Gửi đề nghị' }).click();
  const alert = section.locator('.proposal-form [role="alert"]');
  await expect(alert).toContainText('Vui lòng nhập hình thức khen thưởng đề nghị.');
  await expect(alert).toContainText('Vui lòng nhập tóm tắt thành tích.');
  await section.getByLabel('Hình thức khen thưởng đề nghị').selectOption({ label: 'Bằng khen của UBND Thành phố' });
  await section.getByLabel('Danh hiệu đề nghị (nếu có)').fill('Tập thể lao động xuất sắc');
  await section.getByLabel('Tóm tắt thành tích').fill('Ba năm liền hoàn thành xuất sắc nhiệm vụ; mô hình được 12 xã áp dụng.');
  await section.getByLabel('Báo cáo thành tích', { exact: true }).selectOption({ label: 'Báo cáo thành tích năm 2026 (đề nghị Bằng khen)' });
  await section.getByLabel('Ngày họp Hội đồng TĐKT đơn vị').fill('16/10/2026');
  await expect(alert).toContainText('Ngày họp Hội đồng TĐKT đơn vị');
  await section.getByLabel('Ngày họp Hội đồng TĐKT đơn vị').fill('02/10/2026');
  await section.getByLabel('Số thành viên dự họp').fill('9');
  await section.getByLabel('Kết quả họp Hội đồng đơn vị').fill('Nhất trí 9/9 đề nghị Bằng khen của UBND Thành phố');
  await expect(alert).toHaveCount(0);
  await expectAccessible(staff);
  await section.screenshot({ path: test.info().outputPath('proposal-form.png') });
  await section.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Đã gửi đề nghị khen thưởng.' })).toBeVisible();
  const row = section.locator('tbody tr[data-status="proposed"]');
  await expect(row).toContainText('Bằng khen của UBND Thành phố');
  await expect(row).toContainText('Chờ Sở quyết định');
  await expect(row).toContainText('Họp ngày 02/10/2026, 9 thành viên dự');
  // One proposal at a time: while it awaits the decision, the form gives way to why.
  await expect(section.locator('p.awaiting')).toContainText('đang chờ quyết định');
  await expect(section.getByRole('button', { name: 'Gửi đề nghị' })).toHaveCount(0);

  // The office decides: a date before the proposal is refused, then the decision recorded.
  const office = await (await browser.newContext()).newPage();
  await signIn(office, 'office');
  await office.goto(`/nominations/${id}`);
  await hydrated(office);
  const decision = office.locator('.decision-box');
  await expect(decision).toContainText('Quyết định cho đề nghị ngày 15/10/2026: Bằng khen của UBND Thành phố');
  await decision.getByLabel('Số quyết định').fill('1250/QĐ-UBND');
  await decision.getByLabel('Ngày quyết định').fill('14/10/2026');
  await decision.getByLabel('Người ký').fill('Phó Chủ tịch UBND Thành phố');
  await expect(decision.locator('[role="alert"]')).toContainText('Ngày quyết định không thể trước ngày đề nghị (15/10/2026).');
  await decision.getByLabel('Ngày quyết định').fill('15/10/2026');
  await expect(decision.locator('[role="alert"]')).toHaveCount(0);
  await expectAccessible(office);
  await office.locator('section.commendations').screenshot({ path: test.info().outputPath('decision-form.png') });
  await decision.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
  await expect(office.getByRole('status').filter({ hasText: 'Đã ghi nhận quyết định khen thưởng.' })).toBeVisible();
  const decided = office.locator('section.commendations tbody tr[data-status="granted"]');
  await expect(decided).toContainText('Quyết định số 1250/QĐ-UBND ngày 15/10/2026 (Phó Chủ tịch UBND Thành phố ký): Bằng khen của UBND Thành phố');
  await expect(office.locator('.decision-box')).toHaveCount(0);
  // Decided, the unit (or the office) may propose again.
  await expect(office.locator('.proposal-form')).toHaveCount(1);
  await expect(office.locator('.changes')).toContainText('Đề nghị khen thưởng');
  await expect(office.locator('.changes')).toContainText('Quyết định khen thưởng');

  // The unit's page follows: the decision is there after it reloads.
  await staff.reload();
  await hydrated(staff);
  await expect(staff.locator('section.commendations tbody tr[data-status="granted"]')).toContainText('1250/QĐ-UBND');
  // The unit's submission (tờ trình) downloads as Word and opens in LibreOffice.
  const [docx] = await Promise.all([
    staff.waitForEvent('download'),
    staff.locator('section.commendations tbody tr[data-status="granted"]').getByRole('link', { name: 'Tải Word (.docx)' }).click(),
  ]);
  expect(docx.suggestedFilename()).toMatch(/^to-trinh-khen-thuong-\d+\.docx$/);
  const dir = test.info().outputPath('docx');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, docx.suggestedFilename());
  await docx.saveAs(file);
  const pdfFile = docxToPdf(file, dir);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdfFile, path.join(dir, 'page')]);
  // Compared without spaces and hyphens: the PDF's lines wrap where the page decides.
  const squeezed = (text: string) => text.replace(/[\s-]/g, '');
  const words = squeezed(execFileSync('pdftotext', [pdfFile, '-']).toString());
  for (const expected of ['TỜ TRÌNH', 'Bằng khen của UBND Thành phố', '1250/QĐ-UBND', 'Nhất trí 9/9', name]) {
    expect(words).toContain(squeezed(expected));
  }

  // Leadership's summary counts it, by form and by bloc and unit.
  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, 'leader');
  await leader.goto('/summary');
  await hydrated(leader);
  const summary = leader.locator('section.commendations-summary');
  const merit = summary.locator('table.by-form tr[data-form="city_merit"] td[data-count="granted"]');
  expect(Number(await merit.textContent())).toBeGreaterThanOrEqual(1);
  await expect(summary.locator('table.by-place')).toContainText('Chi cục Phát triển nông thôn');
  await expectAccessible(leader);
  await summary.screenshot({ path: test.info().outputPath('summary-commendations.png') });
  for (const p of [staff, office, leader]) await p.context().close();
});
