import { test, expect, hydrated, signIn, expectAccessible } from './fixtures';

test.use({ viewport: { width: 1400, height: 1000 } });

test('the office opens a secret ballot, a member votes once, the office closes it and the results show', async ({ browser }) => {
  const office = await (await browser.newContext()).newPage();
  await signIn(office, 'office');
  await office.goto('/council');
  await hydrated(office);
  const boxes = office.locator('.council-table tbody input[type="checkbox"]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await office.getByRole('button', { name: 'Mở biểu quyết' }).click();
  await expect(office.getByRole('status').filter({ hasText: 'Đã mở biểu quyết.' })).toBeVisible();
  const ballot = office.locator('section.ballot');
  await expect(ballot.locator('li')).toHaveCount(2);
  await expect(ballot).toContainText('Thông qua khi có từ 70% tổng số thành viên Hội đồng đồng ý');
  const first = ballot.locator('li').first();
  const name = (await first.locator('.ballot-name').textContent())!.trim();
  await expect(first).toContainText('0 phiếu đã bỏ');

  const member = await (await browser.newContext()).newPage();
  await signIn(member, 'council3');
  await member.goto('/council');
  await hydrated(member);
  const mine = member.locator('section.ballot li').filter({ hasText: name });
  await mine.getByRole("button", { name: `Đồng ý — ${name}`, exact: true }).click();
  await expect(member.getByRole('status').filter({ hasText: 'Đã ghi nhận phiếu biểu quyết.' })).toBeVisible();
  await expect(mine).toContainText('Đã biểu quyết');
  // Once only: the buttons are gone; no tally while the ballot is open.
  await expect(mine.getByRole('button')).toHaveCount(0);
  await expect(mine.locator('.ballot-result')).toHaveCount(0);
  await expectAccessible(member);

  // The office's page follows live: one vote cast, how is not shown.
  await expect(first).toContainText('1 phiếu đã bỏ', { timeout: 5_000 });
  await office.getByRole('button', { name: 'Đóng biểu quyết' }).click();
  await expect(office.getByRole('status').filter({ hasText: 'Đã đóng biểu quyết.' })).toBeVisible();
  // One agree of a council of seven or more: no quorum, not passed.
  const result = office.locator('section.ballot li').filter({ hasText: name }).locator('.ballot-result');
  await expect(result).toContainText('Đồng ý 1');
  await expect(result).toContainText('Không thông qua');
  await expect(result).toHaveAttribute('data-passed', 'false');
  await expectAccessible(office);
  await office.screenshot({ path: 'test-results/ballot.png', fullPage: true });
  await office.context().close();
  await member.context().close();
});
