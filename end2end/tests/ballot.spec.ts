import { test, expect, hydrated, signIn, expectAccessible, expectConsoleError, DEMO_PASSWORD } from './fixtures';
import type { Browser } from '@playwright/test';

test.use({ viewport: { width: 1400, height: 1000 } });

/** A council member casts a paper without a page (signed in through the form's POST):
 *  agree on every nomination they may vote on. */
async function castQuietly(browser: Browser, baseURL: string, username: string): Promise<number[]> {
  const context = await browser.newContext({ baseURL });
  const login = await context.request.post('/login', {
    headers: { origin: baseURL },
    form: { username, password: DEMO_PASSWORD, next: '/board' },
  });
  expect(login.status(), 'signed in').toBeLessThan(400);
  const council = await context.request.post('/api/council', { headers: { origin: baseURL }, data: {} });
  expect(council.ok(), await council.text()).toBeTruthy();
  const items: { id: number; can_vote: boolean }[] = (await council.json()).ballot.items;
  const choices = items.filter((i) => i.can_vote).map((i) => ({ id: i.id, agree: true }));
  const cast = await context.request.post('/api/council/ballot/vote', {
    headers: { origin: baseURL },
    data: { choices },
  });
  expect(cast.ok(), await cast.text()).toBeTruthy();
  await context.close();
  return choices.map((c) => c.id);
}

test('the secret ballot: a member casts one paper on every nomination, the office closes it only with the quorum, the results show together', async ({ browser, baseURL }) => {
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
  // The council as seated (seven in the demo data, more once a test has seated someone).
  await expect(ballot.locator('.ballot-turnout')).toHaveText(/^0\/\d+ thành viên đã tham gia$/);
  const council = Number((await ballot.locator('.ballot-turnout').textContent())!.match(/^0\/(\d+)/)![1]);
  const quorum = Math.ceil((council * 66) / 100);
  const first = ballot.locator('li').first();
  const name = (await first.locator('.ballot-name').textContent())!.trim();

  // A member's paper: Agree or Disagree on each nomination they may vote on, by keyboard
  // too, on a phone; half a paper is refused as typed, by the rule the server applies.
  const member = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(member, 'council3');
  await member.goto('/council');
  await hydrated(member);
  const paper = member.locator('form.ballot-paper');
  const groups = paper.locator('fieldset');
  await expect(groups).toHaveCount(2);
  const mine = paper.getByRole('group', { name });
  await mine.getByRole('radio', { name: 'Đồng ý', exact: true }).check();
  await paper.getByRole('button', { name: 'Gửi phiếu biểu quyết' }).click();
  await expect(member.locator('section.ballot [role="alert"]')).toContainText('Còn 1 hồ sơ chưa chọn');
  const other = groups.nth(1);
  await other.getByRole('radio', { name: 'Không đồng ý', exact: true }).focus();
  await member.keyboard.press('Space');
  await expect(other.getByRole('radio', { name: 'Không đồng ý', exact: true })).toBeChecked();
  // Another member's paper reloads the list live: the choices made stay.
  const agreed = new Map<number, number>();
  for (const id of await castQuietly(browser, baseURL!, 'council4')) agreed.set(id, (agreed.get(id) ?? 0) + 1);
  await expect(member.locator('.ballot-turnout')).toHaveText(`1/${council} thành viên đã tham gia`, { timeout: 8_000 });
  await expect(mine.getByRole('radio', { name: 'Đồng ý', exact: true })).toBeChecked();
  await expect(other.getByRole('radio', { name: 'Không đồng ý', exact: true })).toBeChecked();
  await expectAccessible(member);
  await paper.screenshot({ path: test.info().outputPath('ballot-paper-phone.png') });
  await paper.getByRole('button', { name: 'Gửi phiếu biểu quyết' }).click();
  await expect(member.getByRole('status').filter({ hasText: 'Đã ghi nhận phiếu biểu quyết.' })).toBeVisible();
  // Once only: no paper any more, and no tally while the ballot is open.
  await expect(member.locator('section.ballot')).toContainText('Bạn đã gửi phiếu biểu quyết.');
  await expect(member.locator('section.ballot input[type="radio"]')).toHaveCount(0);
  await expect(member.locator('section.ballot .ballot-result')).toHaveCount(0);

  // The office's page follows live: two members took part, how is not shown; closing
  // short of the quorum would tell how the papers voted, so it is refused.
  await expect(ballot.locator('.ballot-turnout')).toHaveText(`2/${council} thành viên đã tham gia`, { timeout: 8_000 });
  expectConsoleError(/status of 400/);
  await office.getByRole('button', { name: 'Đóng biểu quyết' }).click();
  await expect(ballot.locator('[role="alert"]')).toContainText(`mới có 2 thành viên tham gia, cần ít nhất ${quorum}`);
  await expect(ballot.locator('.ballot-result')).toHaveCount(0);

  // More papers (agree on what each may vote on) make the quorum.
  const others = ['council5', 'council6', 'council7', 'council1', 'council2'];
  for (const who of others.slice(0, quorum - 2)) {
    for (const id of await castQuietly(browser, baseURL!, who)) agreed.set(id, (agreed.get(id) ?? 0) + 1);
  }
  await expect(ballot.locator('.ballot-turnout')).toHaveText(`${quorum}/${council} thành viên đã tham gia`, { timeout: 8_000 });
  await office.getByRole('button', { name: 'Đóng biểu quyết' }).click();
  await expect(office.getByRole('status').filter({ hasText: 'Đã đóng biểu quyết.' })).toBeVisible();
  // Each shows its count; it passes with 70 % of the whole council agreeing and the quorum
  // voting on it. The first had council3's agree, the other council3's disagree.
  const rows = office.locator('section.ballot li');
  for (let i = 0; i < 2; i++) {
    const id = Number(await rows.nth(i).getAttribute('data-nomination-id'));
    const agree = (agreed.get(id) ?? 0) + (i === 0 ? 1 : 0);
    const disagree = i === 0 ? 0 : 1;
    const result = rows.nth(i).locator('.ballot-result');
    await expect(result).toContainText(`Đồng ý ${agree} · Không đồng ý ${disagree}`);
    const passed = agree * 100 >= 70 * council && (agree + disagree) * 100 >= 66 * council;
    await expect(result).toHaveAttribute('data-passed', String(passed));
  }
  await expect(rows.first()).toContainText(name);
  await expectAccessible(office);
  await office.screenshot({ path: test.info().outputPath('ballot.png'), fullPage: true });
  await office.context().close();
  await member.context().close();
});
