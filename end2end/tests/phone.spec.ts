import { test, expect, hydrated, signIn, expectAccessible, column } from './fixtures';
import type { Browser, Page } from '@playwright/test';

// A phone's screen (390 × 844 CSS pixels, touch): every page is read and used here without
// scrolling the page itself sideways. Wide tables scroll inside their own frame.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function phone(browser: Browser, user: string): Promise<Page> {
  const page = await (await browser.newContext(PHONE)).newPage();
  await signIn(page, user);
  return page;
}

/** Opens `path`, takes the phone screenshot, and checks that nothing widens the page. */
async function fits(page: Page, path: string, shot: string) {
  await page.goto(path);
  await hydrated(page);
  await page.screenshot({ path: test.info().outputPath(`phone-${shot}.png`), fullPage: true });
  // Measured against the phone's width, not window.innerWidth: a mobile browser widens its
  // layout viewport to fit content wider than the screen, which would hide the overflow.
  const overflow = await page.evaluate((width) => {
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        // Inside a frame that scrolls on its own, an element may be wider: skip those.
        let p = el.parentElement;
        while (p && p !== document.body) {
          const s = getComputedStyle(p);
          if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') return false;
          p = p.parentElement;
        }
        return r.width > 0 && r.right > width + 1;
      })
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { by: document.documentElement.scrollWidth - width, wide };
  }, PHONE.viewport.width);
  expect.soft(overflow.by, `${path} scrolls sideways because of ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(0);
}

test('the board on a phone: the cards on the first screen, filters behind one button, one stage at a time @smoke', async ({ browser }) => {
  const page = await phone(browser, 'staff1');
  // The first card starts on the first screen: the filters no longer fill it.
  const first = page.locator('[data-nomination-id]').first();
  const box = (await first.boundingBox())!;
  expect(box.y).toBeLessThan(844);
  // The search stays in sight; the other filters are folded behind one button.
  await expect(page.locator('input[type="search"]')).toBeVisible();
  const toggle = page.getByRole('button', { name: /Bộ lọc/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Loại đối tượng')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByLabel('Loại đối tượng').selectOption({ label: 'Cá nhân' });
  await expect(page).toHaveURL(/kind=individual/);
  await hydrated(page);
  // The active filter shows as a chip beside the button, which counts it; the chip clears it.
  const chip = page.locator('.filter-chips').getByRole('link', { name: /Cá nhân/ });
  await expect(chip).toBeVisible();
  await expect(page.getByRole('button', { name: /Bộ lọc/ })).toContainText('1');
  await page.screenshot({ path: test.info().outputPath('phone-board-filtered.png') });
  await chip.click();
  await expect(page).not.toHaveURL(/kind=/);
  await hydrated(page);
  await expect(page.locator('.filter-chips a')).toHaveCount(0);

  // One stage at a time: the switcher brings a stage's column into view.
  const switcher = page.getByRole('navigation', { name: 'Các giai đoạn' });
  await expect(switcher).toBeVisible();
  await switcher.getByRole('button', { name: /Bồi dưỡng/ }).click();
  await expect(async () => {
    const col = (await column(page, 'fostering').boundingBox())!;
    expect(col.x).toBeGreaterThanOrEqual(-1);
    expect(col.x + col.width).toBeLessThanOrEqual(391);
  }).toPass();
  await expect(switcher.getByRole('button', { name: /Bồi dưỡng/ })).toHaveAttribute('aria-current', 'true');
  const overflow = await page.evaluate((width) => document.documentElement.scrollWidth - width, PHONE.viewport.width);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('phone-board.png') });
  await page.context().close();
});

test('a card carried by keyboard on a phone brings the column it would go to into view', async ({ browser }) => {
  const page = await phone(browser, 'staff1');
  const card = page.locator('[data-nomination-id]').first();
  const from = await card.evaluate((el) => el.closest('[data-stage]')!.getAttribute('data-stage')!);
  const stages = await page.locator('.column').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')!));
  const to = stages[(stages.indexOf(from) + 1) % stages.length];
  const grab = card.locator('.card-grab');
  await grab.focus();
  await page.keyboard.press('Space');
  await expect(grab).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  // The column it would go to is marked and now fills the phone's width; the page itself
  // did not scroll sideways, and the stage switcher follows.
  await expect(column(page, to)).toHaveClass(/keyboard-target/);
  await expect(async () => {
    const col = (await column(page, to).boundingBox())!;
    expect(col.x).toBeGreaterThanOrEqual(-1);
    expect(col.x + col.width).toBeLessThanOrEqual(391);
  }).toPass();
  const switcher = page.getByRole('navigation', { name: 'Các giai đoạn' });
  await expect(switcher.locator(`button[data-shows-stage="${to}"]`)).toHaveAttribute('aria-current', 'true');
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
  await page.screenshot({ path: test.info().outputPath('phone-board-carried.png') });
  // Escape puts it back where it was; nothing moved.
  await page.keyboard.press('Escape');
  await expect(grab).toHaveAttribute('aria-pressed', 'false');
  await expect(column(page, from).locator(`[data-nomination-id="${await card.getAttribute('data-nomination-id')}"]`)).toHaveCount(1);
  await page.context().close();
});

test('every page fits a phone\'s width, for each role', async ({ browser }) => {
  test.setTimeout(240_000);
  // Unit staff: the board, a card, its forms, the calendar, reports, conferences.
  const staff = await phone(browser, 'staff1');
  // A card being fostered or further (its plan page has content); earlier tests may have
  // moved any one of them.
  const id = (await staff
    .locator(':is(.column[data-stage="fostering"], .column[data-stage="evaluating"], .column[data-stage="replicated"]) [data-nomination-id]')
    .first()
    .getAttribute('data-nomination-id', { timeout: 15_000 }))!;
  await fits(staff, '/board', 'board-staff');
  await fits(staff, `/nominations/${id}`, 'card');
  await fits(staff, `/nominations/${id}/edit`, 'card-edit');
  await fits(staff, `/nominations/${id}/plan`, 'card-plan');
  await fits(staff, '/nominations/new', 'new-nomination');
  await fits(staff, '/calendar', 'calendar');
  await fits(staff, '/reports', 'reports');
  await fits(staff, '/conferences', 'conferences');
  await fits(staff, '/account/password', 'password');
  await staff.context().close();

  // The office: the whole board, the council's work, the lists, the summary.
  const office = await phone(browser, 'office');
  await fits(office, '/board', 'board-office');
  await fits(office, '/board?lanes=true', 'board-lanes');
  await fits(office, '/council', 'council-office');
  await fits(office, '/council/minutes', 'minutes');
  await fits(office, '/selections', 'selections');
  await fits(office, '/summary', 'summary');
  await fits(office, '/reports', 'reports-office');
  await fits(office, '/carry-over', 'carry-over');
  await office.context().close();

  // A council member scores on a phone.
  const member = await phone(browser, 'council1');
  await member.goto('/council');
  await hydrated(member);
  const open = await member.locator('.council-table tbody tr[data-nomination-id]').first().getAttribute('data-nomination-id');
  await fits(member, '/council', 'council');
  await fits(member, `/council/${open}`, 'scoring');
  await member.context().close();

  // A bloc head's review; leadership's summary.
  const bloc = await phone(browser, 'bloc1');
  await bloc.goto('/summary');
  await hydrated(bloc);
  const review = await bloc.locator('a[href*="/review"]').first().getAttribute('href');
  await fits(bloc, '/summary', 'summary-bloc');
  await fits(bloc, review!, 'review');
  await bloc.context().close();
  const leader = await phone(browser, 'leader');
  await fits(leader, '/summary', 'summary-leader');
  await leader.context().close();

  // The administrator's pages.
  const admin = await phone(browser, 'admin');
  await fits(admin, '/audit', 'audit');
  await fits(admin, '/admin/setup', 'setup');
  await fits(admin, '/admin/organisation', 'organisation');
  await fits(admin, '/admin/accounts', 'accounts');
  await fits(admin, '/admin/campaigns', 'campaigns');
  const campaign = await admin.locator('a[href^="/admin/campaigns/"]').first().getAttribute('href');
  const campaignId = campaign!.split('/')[3];
  await fits(admin, `/admin/campaigns/${campaignId}`, 'campaign-years');
  await fits(admin, `/admin/campaigns/${campaignId}/criteria`, 'criteria');
  await fits(admin, `/admin/campaigns/${campaignId}/movements`, 'movements');
  await admin.context().close();
});

test('signed out on a phone, the header keeps the app\'s name on one row and its links below it', async ({ browser }) => {
  const page = await (await browser.newContext(PHONE)).newPage();
  await page.goto('/login');
  await hydrated(page);
  const name = await page.locator('.brand-name').boundingBox();
  const link = await page.locator('.site-header nav a').first().boundingBox();
  expect(name && link).toBeTruthy();
  // Before: the links came up beside the name and squeezed it to a word a line, its words
  // running over the first link.
  const lineHeight = await page.locator('.brand-name').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 24);
  expect(name!.height, 'the app\'s name on one line').toBeLessThan(lineHeight * 1.5);
  expect(link!.y, 'the links below the name').toBeGreaterThanOrEqual(name!.y + name!.height - 1);
  await page.screenshot({ path: test.info().outputPath('phone-signed-out-header.png') });
});
