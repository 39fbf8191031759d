import { test, expect, hydrated, signIn, expectAccessible, docxToPdf } from './fixtures';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

test.use({ viewport: { width: 1400, height: 1000 } });

/** Every card of a board response, wherever the view nests them. */
function cardsOf(value: unknown, out: any[] = []): any[] {
  if (Array.isArray(value)) {
    value.forEach((v) => cardsOf(v, out));
  } else if (value && typeof value === 'object') {
    const o = value as any;
    if (typeof o.id === 'number' && typeof o.version === 'number' && typeof o.unit_id === 'number' && o.stage) {
      out.push(o);
    } else {
      Object.values(o).forEach((v) => cardsOf(v, out));
    }
  }
  return out;
}

async function count(page: Page, unit: number, stage: string): Promise<number> {
  const text = await page.locator(`tr[data-unit="${unit}"] td[data-stage="${stage}"]`).textContent();
  return Number(text!.trim().replace(/\./g, ''));
}

test('leadership watches the summary change live when a card is moved in another browser', { tag: '@smoke' }, async ({ browser, baseURL }) => {
  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, 'leader');
  await leader.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(leader).toHaveURL(/\/summary/);
  await hydrated(leader);
  await expect(leader.getByRole('heading', { name: 'Tổng hợp theo khối thi đua' })).toBeVisible();
  await expect(leader.locator('svg.stage-chart')).toBeVisible();
  await expect(leader.locator('section.bloc-summary')).toHaveCount(4);
  await expectAccessible(leader);

  // The office drops a discovered nomination, from its own browser.
  const office = await (await browser.newContext()).newPage();
  await signIn(office, 'office');
  const board = await office.request.post('/api/board', {
    headers: { origin: baseURL! },
    data: { filters: { year: null, bloc: null, unit: null, kind: null, city: null, q: null, lanes: false } },
  });
  expect(board.ok()).toBeTruthy();
  const card = cardsOf(await board.json()).find((c) => c.stage === 'discovered');
  expect(card, 'a discovered card').toBeTruthy();
  const before = { discovered: await count(leader, card.unit_id, 'discovered'), dropped: await count(leader, card.unit_id, 'dropped') };
  const total = await leader.locator('[data-figure="nominations"]').textContent();
  // The page is not reloaded: a mark left on it stays.
  await leader.evaluate(() => ((window as any).__stillHere = true));

  const moved = await office.request.post('/api/board/move', {
    headers: { origin: baseURL! },
    data: { request: { id: card.id, version: card.version, to: 'dropped', place: 'top', reason: 'Không đủ điều kiện', undo_of: null } },
  });
  expect(moved.ok(), await moved.text()).toBeTruthy();

  const row = leader.locator(`tr[data-unit="${card.unit_id}"]`);
  await expect(row.locator('td[data-stage="discovered"]')).toHaveText(String(before.discovered - 1), { timeout: 5_000 });
  await expect(row.locator('td[data-stage="dropped"]')).toHaveText(String(before.dropped + 1));
  await expect(leader.locator('[data-figure="nominations"]')).toHaveText(total!);
  expect(await leader.evaluate(() => (window as any).__stillHere)).toBe(true);

  // A number leads to the cards behind it.
  await row.locator('th a').click();
  await expect(leader).toHaveURL(new RegExp(`/board\\?year=\\d+&bloc=\\d+&unit=${card.unit_id}`));
  await leader.context().close();
  await office.context().close();
});

test('a bloc head writes the bloc review from the bloc data and sends it to the Department', async ({ page }) => {
  await signIn(page, 'bloc1');
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await hydrated(page);
  await expect(page.locator('section.bloc-summary')).toHaveCount(1);
  const bloc = page.locator('section.bloc-summary');
  await expect(bloc.locator('.review-status')).toContainText('Quá hạn');
  await bloc.getByRole('link', { name: 'Báo cáo của khối' }).click();
  await expect(page).toHaveURL(/\/summary\/blocs\/\d+\/review/);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Báo cáo đánh giá sơ bộ điển hình tiên tiến của khối' })).toBeVisible();
  await expect(page.locator('.review-figures')).toContainText('Hồ sơ');

  // Sending with comments missing is refused, nothing is lost.
  await page.getByLabel('Đánh giá chung của khối').fill('Khối hoàn thành tốt việc bồi dưỡng, nhân rộng điển hình.');
  await page.getByRole('button', { name: 'Gửi Sở' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Chưa có nhận xét cho' })).toBeVisible();
  await expect(page.getByLabel('Đánh giá chung của khối')).toHaveValue(/Khối hoàn thành tốt/);

  // A draft first.
  const comments = page.locator('.review-table textarea');
  const n = await comments.count();
  expect(n).toBeGreaterThan(0);
  await comments.first().fill('Mô hình hiệu quả, đã nhân rộng ở hai xã.');
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu nháp.' })).toBeVisible();
  await expect(comments.first()).toHaveValue('Mô hình hiệu quả, đã nhân rộng ở hai xã.');
  await expectAccessible(page);

  for (let i = 1; i < n; i++) {
    await comments.nth(i).fill(`Điển hình thứ ${i + 1}: hoàn thành kế hoạch bồi dưỡng.`);
  }
  await page.getByRole('button', { name: 'Gửi Sở' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã gửi báo cáo cho Sở.' })).toBeVisible();
  // Read-only from now on.
  await expect(page.locator('.review-sent')).toContainText('15/10/2026');
  await expect(page.getByRole('button', { name: 'Gửi Sở' })).toHaveCount(0);
  await expect(page.locator('.review-table textarea')).toHaveCount(0);
  await expectAccessible(page);

  // The summary and the calendar show it was sent.
  await page.goto('/summary');
  await hydrated(page);
  await expect(page.locator('section.bloc-summary .review-status')).toContainText('Đã gửi ngày 15/10/2026');

  // Its printable page, in the administrative layout.
  await page.goto(page.url().replace(/\/summary.*$/, '/summary'));
  await page.locator('section.bloc-summary').getByRole('link', { name: 'Báo cáo của khối' }).click();
  await hydrated(page);
  await page.getByRole('link', { name: 'Bản in A4' }).click();
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'BÁO CÁO ĐÁNH GIÁ SƠ BỘ ĐIỂN HÌNH TIÊN TIẾN' })).toBeVisible();
  await expect(page.locator('.doc-paragraph')).toContainText('Khối hoàn thành tốt');
  await expect(page.locator('.signatures')).toContainText('TRƯỞNG KHỐI');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/review-print.png', fullPage: true });
});

test('the office downloads the City list and prints it', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/summary');
  await hydrated(page);
  const lists = page.locator('section.city-lists');
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    lists.getByRole('link', { name: 'Danh sách đăng ký với Thành phố — Tải Excel (.xlsx)' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/^danh-sach-thanh-pho-\d{4}\.xlsx$/);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    lists.getByRole('link', { name: 'Danh sách đăng ký với Thành phố — Tải CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  // The Word file, opened as an office would: LibreOffice renders it to PDF, and the PDF's
  // text holds the motto, the title and the names on the printable page.
  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    lists.getByRole('link', { name: 'Danh sách đăng ký với Thành phố — Tải Word (.docx)' }).click(),
  ]);
  expect(docx.suggestedFilename()).toMatch(/^danh-sach-thanh-pho-\d{4}\.docx$/);
  const dir = test.info().outputPath('docx');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, docx.suggestedFilename());
  await docx.saveAs(file);
  const pdf = docxToPdf(file, dir);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')]);
  // Compared without spaces and hyphens: the PDF's lines wrap where the page decides.
  const squeezed = (text: string) => text.replace(/[\s-]/g, '');
  const words = squeezed(execFileSync('pdftotext', [pdf, '-']).toString());
  expect(words).toContain(squeezed('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
  expect(words).toContain(squeezed('DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN ĐĂNG KÝ VỚI THÀNH PHỐ NĂM'));
  await lists.getByRole('link', { name: 'Danh sách đăng ký với Thành phố — Bản in A4' }).click();
  await hydrated(page);
  await expect(page.getByRole('heading', { name: /DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN ĐĂNG KÝ VỚI THÀNH PHỐ NĂM/ })).toBeVisible();
  await expect(page.locator('.minutes-table thead')).toContainText('STT');
  await expect(page.getByRole('button', { name: 'In' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/city-print.png', fullPage: true });
  // The names on the printable page are the Word file's.
  const names = await page.locator('.minutes-table tbody tr td:nth-child(2)').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(words).toContain(squeezed(name));
});
