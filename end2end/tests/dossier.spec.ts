// The dossier's documents (issue 20): a unit attaches real files to its nomination — a
// cultural-family certificate and the minutes of the collective's meeting that recognised
// the nominee (N-1) —, a file whose content is not an accepted type is refused with the
// reason, the documents download as attachments, and a removal is confirmed first and
// kept in the history.

import { test, expect, hydrated, signIn, expectAccessible, expectConsoleError, pick } from './fixtures';

test.use({ viewport: { width: 1280, height: 900 } });

const pdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
// A 1×1 PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);

test('a unit attaches a certificate and the meeting minutes, downloads one and removes one', async ({ page }) => {
  await signIn(page, 'staff1');
  const { id } = await pick(page, 'registered');
  await page.goto(`/nominations/${id}`);
  await hydrated(page);
  const section = page.locator('section.documents');
  await expect(section.getByRole('heading', { name: 'Tài liệu hồ sơ' })).toBeVisible();
  await expect(section.getByText('Chưa có tài liệu đính kèm.')).toBeVisible();
  await expect(section.locator('#d-file-hint')).toContainText('mỗi tệp tối đa 10 MB, cả hồ sơ tối đa 50 MB (đã dùng 0 KB)');

  // A web page named like a PDF: the server reads its content and refuses it.
  expectConsoleError(/status of 400 \(Bad Request\)/);
  await section.getByLabel('Tệp', { exact: true }).setInputFiles({
    name: 'giay-chung-nhan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<html><script>alert(1)</script></html>'),
  });
  await section.getByRole('button', { name: 'Tải lên' }).click();
  await expect(section.locator('.form-errors[role="alert"]')).toContainText(
    'Nội dung tệp giay-chung-nhan.pdf không phải PDF',
  );
  await expect(section.locator('tbody tr')).toHaveCount(0);

  // The real certificate.
  await section.getByLabel('Loại tài liệu').selectOption('certificate');
  await section.getByLabel('Tệp', { exact: true }).setInputFiles({
    name: 'giấy chứng nhận GĐVH 2024.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('Gia dinh van hoa 2022 2023 2024'),
  });
  await section.getByLabel('Tên tài liệu').fill('Giấy công nhận Gia đình văn hóa 2022–2024');
  await section.getByRole('button', { name: 'Tải lên' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã đính kèm tài liệu.' })).toBeVisible();
  const rows = section.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Giấy công nhận Gia đình văn hóa 2022–2024');
  await expect(rows.first()).toContainText('Giấy chứng nhận');
  await expect(rows.first()).toContainText('Trịnh Thị Hoa');

  // The minutes of the collective's meeting: its date and result are asked for (N-1).
  await section.getByLabel('Loại tài liệu').selectOption('meeting_minutes');
  await section.getByLabel('Tệp', { exact: true }).setInputFiles({ name: 'bien-ban-hop.png', mimeType: 'image/png', buffer: png });
  await section.getByRole('button', { name: 'Tải lên' }).click();
  await expect(section.locator('.form-errors[role="alert"]')).toContainText('Vui lòng nhập ngày họp tập thể.');
  await section.getByLabel('Ngày họp tập thể').fill('20/09/2026');
  await section.getByLabel('Kết quả họp').fill('Tập thể nhất trí suy tôn (25/25 phiếu)');
  await section.getByRole('button', { name: 'Tải lên' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Họp ngày 20/09/2026: Tập thể nhất trí suy tôn (25/25 phiếu)');
  // The form is empty again, as it will be sent: the kind back to a certificate, no file.
  await expect(section.getByLabel('Loại tài liệu')).toHaveValue('certificate');
  await expect(section.getByLabel('Ngày họp tập thể')).toHaveCount(0);
  await expect(section.getByLabel('Tệp', { exact: true })).toHaveValue('');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/dossier.png', fullPage: true });

  // A download: the file as it was attached, named after it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    rows.first().getByRole('link', { name: 'Giấy công nhận Gia đình văn hóa 2022–2024' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('giấy chứng nhận GĐVH 2024.pdf');
  const saved = await download.path();
  const fs = await import('fs');
  expect(fs.readFileSync(saved!).toString()).toContain('Gia dinh van hoa 2022 2023 2024');

  // Removing asks first, then keeps the document in the history, marked removed.
  await rows.nth(1).getByRole('button', { name: 'Gỡ tài liệu' }).click();
  await expect(rows.nth(1)).toContainText('Tài liệu vẫn được lưu trong lịch sử.');
  await rows.nth(1).getByRole('button', { name: 'Không gỡ' }).click();
  await expect(rows.nth(1).getByRole('button', { name: 'Gỡ tài liệu' })).toBeVisible();
  await rows.nth(1).getByRole('button', { name: 'Gỡ tài liệu' }).click();
  await rows.nth(1).locator('button.confirm-remove').click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã gỡ tài liệu' })).toBeVisible();
  await expect(rows.nth(1)).toHaveClass(/removed/);
  await expect(rows.nth(1)).toContainText('Đã gỡ: Trịnh Thị Hoa');
  await expect(rows.nth(1).getByRole('link')).toHaveCount(0);
  await expect(page.locator('ul.changes')).toContainText('Gỡ tài liệu');
  await expect(page.locator('ul.changes')).toContainText('Đính kèm tài liệu');
  await expectAccessible(page);

  // On a phone: the section fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await section.scrollIntoViewIfNeeded();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await section.screenshot({ path: 'test-results/dossier-phone.png' });
  // In English too (longer labels), the form's labels standing above their fields.
  await page.context().addCookies([{ name: 'lang', value: 'en', url: page.url() }]);
  await page.reload();
  await hydrated(page);
  await expect(section.getByRole('heading', { name: 'Dossier documents' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await section.screenshot({ path: 'test-results/dossier-phone-en.png' });
});
