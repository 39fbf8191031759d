// Closing the year (issue 18): the Department office carries the year's exemplars over into
// the campaign's next year from the board, in one action; the next year's board shows them,
// and each card links its years. Runs last: it adds a year to the demo campaign's data.

import { test, expect, hydrated, signIn, expectAccessible, expectConsoleError } from './fixtures';

test.use({ viewport: { width: 1280, height: 900 } });

test('the office carries the year over into the next: the next year\'s board and each card\'s years', async ({ page, browser }) => {
  await signIn(page, 'office');
  await page.getByRole('link', { name: 'Chuyển tiếp sang năm sau' }).click();
  await expect(page).toHaveURL(/\/carry-over\?year=2026$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chuyển tiếp điển hình sang năm sau');
  const rows = page.locator('.carry-table tbody tr');
  const total = await rows.count();
  expect(total).toBeGreaterThan(3);
  // By default every exemplar still in the running goes on; a dropped one stays behind and
  // cannot go on where it stood, only start again.
  const dropped = page.locator('.carry-table tbody tr[data-stage="dropped"]').first();
  await expect(dropped.locator('select')).toHaveValue('');
  await expect(dropped.locator('option[value="continue"]')).toHaveCount(0);
  const evaluating = page.locator('.carry-table tbody tr[data-stage="evaluating"]').first();
  await expect(evaluating.locator('select')).toHaveValue('continue');
  await expect(evaluating.locator('select option:checked')).toHaveText('Tiếp tục: Bồi dưỡng');
  const live = await page.locator('.carry-table tbody tr:not([data-stage="dropped"])').count();
  await expect(page.locator('.selected-count')).toHaveText(`${live} hồ sơ sẽ được chuyển`);
  // The dropped one starts again, discovered.
  const droppedId = await dropped.getAttribute('data-nomination-id');
  await dropped.locator('select').selectOption('restart');
  await expect(page.locator('.selected-count')).toHaveText(`${live + 1} hồ sơ sẽ được chuyển`);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/carry-over.png', fullPage: true });

  // Meanwhile someone edits one of the cards: the office's batch is stale, refused whole.
  const first = rows.first();
  const firstId = await first.getAttribute('data-nomination-id');
  const other = await (await browser.newContext()).newPage();
  await signIn(other, 'office');
  await other.goto(`/nominations/${firstId}/edit`);
  await hydrated(other);
  const description = other.getByLabel('Mô hình, sáng kiến, kinh nghiệm');
  await description.fill(`${await description.inputValue()} (cập nhật)`);
  await other.getByRole('button', { name: 'Lưu' }).click();
  await expect(other).toHaveURL(/\/nominations\/\d+$/);
  await other.context().close();
  expectConsoleError(/status of 409 \(Conflict\)/);
  await page.getByRole('button', { name: 'Chuyển sang năm 2027' }).click();
  await expect(page.locator('.carry-stale[role="alert"]')).toContainText('người khác thay đổi');

  // The rows were reloaded with the user's choices kept: the batch now goes through.
  await expect(page.locator(`.carry-table tbody tr[data-nomination-id="${droppedId}"] select`)).toHaveValue('restart');
  await expect(page.locator('.selected-count')).toHaveText(`${live + 1} hồ sơ sẽ được chuyển`);
  await page.getByRole('button', { name: 'Chuyển sang năm 2027' }).click();
  await expect(page.locator('p.notice[role="status"]')).toContainText(`Đã chuyển ${live + 1} hồ sơ sang năm 2027.`);
  await expect(page.locator('.carry-stale')).toHaveCount(0);
  await expect(page.locator('.carry-table a.carried')).toHaveCount(live + 1);
  await expect(page.locator('.carry-table select')).toHaveCount(total - live - 1);
  const restartedHref = await page
    .locator(`.carry-table tbody tr[data-nomination-id="${droppedId}"] a.carried`)
    .getAttribute('href');
  expect(restartedHref).toMatch(/^\/nominations\/\d+$/);
  await expectAccessible(page);

  // The 2027 board: the exemplars that went on, the one that starts again discovered.
  await page.getByRole('link', { name: 'Xem bảng theo dõi năm 2027' }).click();
  await expect(page).toHaveURL(/\/board\?year=2027$/);
  await hydrated(page);
  await expect(page.locator('.board-summary')).toContainText('2027');
  await expect(page.locator('[data-nomination-id]')).toHaveCount(live + 1);
  await expect(page.locator('.column[data-stage="evaluating"] [data-nomination-id]')).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/year-two-board.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/year-two-board-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // A card's page links its years; the 2026 card keeps that year's records.
  const restartedId = restartedHref!.split('/').pop();
  await expect(page.locator(`.column[data-stage="discovered"] [data-nomination-id="${restartedId}"]`)).toHaveCount(1);
  await page.goto(restartedHref!);
  await hydrated(page);
  const years = page.locator('nav.year-records');
  await expect(years.getByRole('link')).toHaveText(['2026', '2027']);
  await expect(years.getByRole('link', { name: '2027' })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('.changes')).toContainText('Chuyển tiếp từ năm trước');
  await expectAccessible(page);
  await years.getByRole('link', { name: '2026' }).click();
  await expect(page).toHaveURL(new RegExp(`/nominations/${droppedId}$`));
  await hydrated(page);
  await expect(page.locator('nav.year-records').getByRole('link', { name: '2026' })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('.timeline')).toContainText('Dừng');
  // The 2026 card is 2026's record now: it says where it goes on, and offers no edit.
  const carriedOn = page.locator('p.carried-on');
  await expect(carriedOn).toContainText('đã được chuyển sang năm 2027');
  await expect(page.getByRole('link', { name: 'Sửa hồ sơ' })).toHaveCount(0);
  await expectAccessible(page);
  await carriedOn.getByRole('link', { name: 'Mở thẻ năm 2027' }).click();
  await expect(page).toHaveURL(new RegExp(`/nominations/${restartedId}$`));
  await expect(page.locator('p.carried-on')).toHaveCount(0);
});
