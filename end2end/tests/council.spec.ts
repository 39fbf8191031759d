import { test, expect, hydrated, signIn, expectAccessible } from './fixtures';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1400, height: 1000 } });

/** The first nomination in evaluation on the council's list that the member may score. */
async function firstOpen(page: Page): Promise<{ id: string; name: string }> {
  const row = page.locator('.council-table tbody tr[data-state="open"]').first();
  const id = (await row.getAttribute('data-nomination-id'))!;
  const name = (await row.locator('th a').textContent())!.trim();
  return { id, name };
}

test('council members score as they type, blind until they submit; the office sees the totals', { tag: '@smoke' }, async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(second, 'council2');
  await second.getByRole('link', { name: 'Hội đồng' }).click();
  await expect(second).toHaveURL(/\/council$/);
  await hydrated(second);
  const { id, name } = await firstOpen(second);

  // council2 scores every criterion (saved as typed) and submits.
  await second.goto(`/council/${id}`);
  await hydrated(second);
  await expect(second.getByRole('heading', { level: 1 })).toHaveText(name);
  const inputs = second.locator('.score-input');
  const n = await inputs.count();
  for (let i = 0; i < n; i++) {
    await inputs.nth(i).fill('8');
  }
  await expect(second.locator('.row-status').last()).toContainText('Đã lưu');
  await second.getByRole('button', { name: 'Nộp phiếu chấm' }).click();
  await expect(second.getByRole('status').filter({ hasText: 'Đã nộp phiếu chấm.' })).toBeVisible();

  // The office watches the list: council2's total is there.
  const office = await (await browser.newContext()).newPage();
  await signIn(office, 'office');
  await office.goto('/council');
  await hydrated(office);
  const row = office.locator(`.council-table tr[data-nomination-id="${id}"]`);
  await expect(row.locator('td.total')).toHaveText('8,00');

  // council1: an out-of-range score is refused at once; nothing of council2's is visible.
  await signIn(first, 'council1');
  await first.goto(`/council/${id}`);
  await hydrated(first);
  await expect(first.locator('section.others')).toHaveCount(0);
  const mine = first.locator('.score-input');
  await mine.nth(0).fill('11');
  await expect(first.locator('.row-status').first()).toContainText('phải từ 0 đến 10');
  await expect(mine.nth(0)).toHaveAttribute('aria-invalid', 'true');
  await mine.nth(0).fill('6');
  await expect(first.locator('.row-status').first()).toContainText('Đã lưu');
  // Submitting an incomplete sheet is refused with the missing criteria.
  await first.getByRole('button', { name: 'Nộp phiếu chấm' }).click();
  await expect(first.getByRole('alert').filter({ hasText: 'Chưa chấm đủ' })).toBeVisible();
  await expectAccessible(first);
  for (let i = 1; i < n; i++) {
    await mine.nth(i).fill('6');
  }
  await expect(first.locator('.row-status').last()).toContainText('Đã lưu');
  // The saved scores survive a reload.
  await first.reload();
  await hydrated(first);
  await expect(first.locator('.score-input').nth(0)).toHaveValue('6');
  await first.getByRole('button', { name: 'Nộp phiếu chấm' }).click();
  await expect(first.getByRole('status').filter({ hasText: 'Đã nộp phiếu chấm.' })).toBeVisible();
  // Now the others' scores and the totals appear: the mean of 6 and 8 is 7.
  await expect(first.locator('section.others')).toContainText('8,00');
  await expect(first.locator('dl.aggregate dd.total')).toHaveText('7,00');
  await expect(first.locator('.score-input').first()).toBeDisabled();
  await expectAccessible(first);
  await first.screenshot({ path: 'test-results/council-sheet.png', fullPage: true });

  // The office's list followed live, without reloading: the mean of 6 and 8.
  await expect(row.locator('td.total')).toHaveText('7,00', { timeout: 5_000 });
  await expect(office.locator('section.members-progress')).toBeVisible();
  await expectAccessible(office);
  await office.screenshot({ path: 'test-results/council-office.png', fullPage: true });
  await first.context().close();
  await second.context().close();
  await office.context().close();
});

test('four more members submit their sheets, so the first row reaches the quorum', async ({ page, browser }) => {
  await signIn(page, 'office');
  await page.getByRole('link', { name: 'Hội đồng' }).click();
  await expect(page).toHaveURL(/\/council$/);
  await hydrated(page);
  // A final total needs a quorum of submitted sheets (two thirds of the council: 5 of the
  // demo's 7, 6 once the admin test has seated an eighth): four more members score the
  // first row (6 and 8 so far) 7 on every criterion and submit.
  const scoredId = await page.locator('.council-table tbody tr').nth(0).getAttribute('data-nomination-id');
  for (const member of ['council3', 'council4', 'council5', 'council6']) {
    const other = await (await browser.newContext()).newPage();
    await signIn(other, member);
    await other.goto(`/council/${scoredId}`);
    await hydrated(other);
    const inputs = other.locator('.score-input');
    const n = await inputs.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      await inputs.nth(i).fill('7');
    }
    await expect(other.locator('.row-status').last()).toContainText('Đã lưu');
    await other.getByRole('button', { name: 'Nộp phiếu chấm' }).click();
    await expect(other.getByRole('status').filter({ hasText: 'Đã nộp phiếu chấm.' })).toBeVisible();
    await other.context().close();
  }
  // The office's list: the row's total is now the mean of six submitted sheets.
  await page.reload();
  await hydrated(page);
  const scored = page.locator(`.council-table tbody tr[data-nomination-id="${scoredId}"]`);
  await expect(scored.locator('td.total')).toHaveText('7,00');
});

test('the office chooses five models for the City, is refused a sixth, and records the decision', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/council');
  await hydrated(page);
  const boxes = page.locator('.council-table tbody input[type="checkbox"]');
  // The year's quota, as the Department stored it (the demo keeps the plan's 3 to 5).
  await expect(page.locator('.city-choice p.hint')).toContainText('Chọn từ 3 đến 5 mô hình');
  // Fewer than three: refused with the rule, nothing sent.
  await boxes.nth(0).check();
  await page.getByRole('button', { name: 'Ghi quyết định' }).click();
  await expect(page.locator('.city-choice [role="alert"]')).toContainText('cần ít nhất 3 mô hình');
  for (let i = 1; i < 5; i++) {
    await boxes.nth(i).check();
  }
  await expect(page.locator('.chosen-count')).toHaveText('5 đã chọn, tối đa 5');
  // A sixth is refused at once by the quota rule.
  await boxes.nth(5).click();
  await expect(boxes.nth(5)).not.toBeChecked();
  await expect(page.locator('.city-choice [role="alert"]')).toContainText('tối đa 5 mô hình');
  await expect(page.locator('.chosen-count')).toHaveText('5 đã chọn, tối đa 5');
  await expectAccessible(page);
  await page.getByLabel('Ngày quyết định').fill('14/10/2026');
  await page.getByRole('button', { name: 'Ghi quyết định' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã ghi quyết định gửi Thành phố.' })).toBeVisible();
  const decision = page.locator('section.decision');
  await expect(decision).toContainText('Quyết định ngày 14/10/2026');
  await expect(decision.locator('li')).toHaveCount(5);
  await expect(page.locator('.council-table tbody input[type="checkbox"]')).toHaveCount(0);
});

test('the office records the list as sent to the City (D-3); the board and the minutes show the decision', async ({ page }) => {
  await signIn(page, 'office');
  await page.goto('/council');
  await hydrated(page);
  const decision = page.locator('section.decision');
  // The first row, the one with a quorum of sheets, was the first chosen.
  const chosenId = await page.locator('.council-table tbody tr').nth(0).getAttribute('data-nomination-id');
  // D-3: the office records the list as sent to the City, checked as typed.
  await decision.getByRole('button', { name: 'Ghi nhận đã gửi Thành phố' }).click();
  await expect(decision.locator('.dispatch-form [role="alert"]')).toContainText('Vui lòng nhập số văn bản.');
  await decision.getByLabel('Số văn bản').fill('125/SNN-VP');
  await decision.getByLabel('Ngày gửi').fill('13/10/2026');
  await decision.getByRole('button', { name: 'Ghi nhận đã gửi Thành phố' }).click();
  await expect(decision.locator('.dispatch-form [role="alert"]')).toContainText('Ngày gửi phải từ 14/10/2026 đến 15/10/2026.');
  await decision.getByLabel('Ngày gửi').fill('15/10/2026');
  await decision.getByRole('button', { name: 'Ghi nhận đã gửi Thành phố' }).click();
  await expect(decision.locator('p.dispatch')).toContainText('Đã gửi Thành phố: văn bản số 125/SNN-VP · ngày 15/10/2026');
  // What it carried: the five models decided, each with its unit.
  await expect(decision.locator('p.dispatch-sent')).toContainText('Danh sách gửi kèm (5 mô hình):');
  const firstChosen = (await decision.locator('ol li').first().innerText()).trim();
  expect(firstChosen.length).toBeGreaterThan(0);
  await expect(decision.locator('p.dispatch-sent')).toContainText(firstChosen);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/council-decision.png', fullPage: true });
  await page.goto('/calendar');
  await hydrated(page);
  await expect(page.locator('li.deadline[data-rule="D-3"] tr[data-status="done"]')).toHaveCount(1);
  await page.goto('/council');
  await hydrated(page);

  // The City's answers (D-3): one model returned with its reason, sent again, commended.
  const answers = decision.locator('section.city-answers li');
  await expect(answers).toHaveCount(5);
  const first = answers.first();
  await expect(first).toHaveAttribute('data-city-state', 'awaiting');
  await first.getByLabel('Kết quả Thành phố trả lời').selectOption('returned');
  await first.getByLabel('Ngày Thành phố trả lời').fill('15/10/2026');
  await first.getByRole('button', { name: 'Ghi nhận trả lời' }).click();
  await expect(first.locator('[role="alert"]')).toContainText('Vui lòng nhập hình thức khen thưởng hoặc lý do trả lại.');
  await first.getByLabel('Hình thức khen thưởng hoặc lý do trả lại').fill('Thiếu biên bản họp xét');
  await first.getByRole('button', { name: 'Ghi nhận trả lời' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã ghi nhận trả lời của Thành phố.' })).toBeVisible();
  await expect(first).toHaveAttribute('data-city-state', 'returned');
  await expect(first).toContainText('Thành phố trả lại ngày 15/10/2026: Thiếu biên bản họp xét');
  await first.getByRole('button', { name: 'Gửi lại' }).click();
  await expect(first).toHaveAttribute('data-city-state', 'awaiting');
  await expect(first).toContainText('Gửi lại ngày 15/10/2026');
  await first.getByLabel('Kết quả Thành phố trả lời').selectOption('commended');
  await first.getByLabel('Hình thức khen thưởng hoặc lý do trả lại').fill('Bằng khen của UBND Thành phố');
  await first.getByRole('button', { name: 'Ghi nhận trả lời' }).click();
  await expect(first).toHaveAttribute('data-city-state', 'commended');
  await expect(first.locator('form')).toHaveCount(0);
  await expectAccessible(page);
  await decision.screenshot({ path: 'test-results/city-answers.png' });

  // The chosen cards carry the City badge on the board; with the scores now final, the
  // first row (6 and 8 in the test above, four 7s here: a quorum) shows its total.
  await page.goto('/board');
  await hydrated(page);
  const card = page.locator(`[data-nomination-id="${chosenId}"]`);
  await expect(card.locator('.badge-city')).toBeVisible();
  await expect(card.locator('.badge-score')).toHaveText('Điểm Hội đồng: 7,00');
  await expectAccessible(page);

  // The minutes (biên bản): who took part, the scores, the ballot, the decision; printable.
  await page.goto('/council');
  await hydrated(page);
  await page.getByRole('link', { name: 'Biên bản' }).click();
  await expect(page).toHaveURL(/\/council\/minutes$/);
  await hydrated(page);
  const minutes = page.locator('article.minutes');
  await expect(minutes.getByRole('heading', { level: 1 })).toHaveText('BIÊN BẢN');
  await expect(minutes).toContainText('Ngày 14/10/2026');
  await expect(minutes).toContainText('Hoàng Thanh Nam');
  await expect(minutes.locator('table.minutes-table').first()).toContainText('7,00');
  await expect(minutes.locator('ol').last().locator('li')).toHaveCount(5);
  await expectAccessible(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await page.screenshot({ path: 'test-results/minutes-print.png', fullPage: true });
});
