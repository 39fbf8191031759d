import { test, expect, hydrated, signIn, expectAccessible, expectConsoleError, column, cardIn, pick } from './fixtures';
import type { Page, Locator } from '@playwright/test';

// Wide enough for all six columns side by side: a drag then needs no scrolling (which
// would move the page under the held mouse button).
test.use({ viewport: { width: 1600, height: 1000 } });

/** Drags a card onto the top of a column, as a mouse user does. */
async function drag(page: Page, card: Locator, stage: string) {
  await card.dragTo(column(page, stage), {
    sourcePosition: { x: 30, y: 12 },
    targetPosition: { x: 60, y: 20 },
  });
}

test('a card dragged to a permitted stage moves, and stays there after a reload', { tag: '@smoke' }, async ({ page, consoleErrors }) => {
  await signIn(page, 'office');
  const { name, card } = await pick(page, 'dropped');
  await drag(page, card, 'discovered');
  await expect(cardIn(page, 'discovered', name)).toHaveCount(1);
  await expect(cardIn(page, 'dropped', name)).toHaveCount(0);
  await expect(page.locator('.toast')).toContainText('Đã chuyển');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/board-after-drag.png', fullPage: true });

  await page.reload();
  await hydrated(page);
  await expect(cardIn(page, 'discovered', name)).toHaveCount(1);
});

test('a card dragged to a forbidden stage is refused with the reason, and stays', async ({ page, consoleErrors }) => {
  await signIn(page, 'staff1');
  const { name, card } = await pick(page, 'discovered');
  // While the card is held, the columns it may not go to are marked with the reason.
  await card.hover({ position: { x: 30, y: 12 } });
  await page.mouse.down();
  await column(page, 'registered').hover({ position: { x: 60, y: 20 } });
  await column(page, 'registered').hover({ position: { x: 70, y: 30 } });
  await expect(column(page, 'registered')).toHaveClass(/drop-no/);
  await expect(column(page, 'registered').locator('.drop-reason')).toContainText('Vai trò của bạn');
  // The held card, and only it, is shown as being dragged.
  await expect(card).toHaveClass(/dragging/);
  await expect(page.locator('.card.dragging')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/board-drag-in-progress.png', fullPage: true });
  await page.mouse.up();

  await drag(page, card, 'registered');
  await expect(page.getByRole('alert').filter({ hasText: 'Vai trò của bạn' })).toBeVisible();
  await expect(cardIn(page, 'discovered', name)).toHaveCount(1);
  await expect(cardIn(page, 'registered', name)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/board-refusal.png', fullPage: true });
  await expectAccessible(page);
});

test('a card moves by keyboard, each step announced', async ({ page, consoleErrors }) => {
  await signIn(page, 'office');
  const { name, card } = await pick(page, 'dropped');
  const grab = card.locator('.card-grab');
  await grab.focus();
  await page.keyboard.press('Space');
  await expect(card).toHaveClass(/picked/);
  await expect(grab).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.card.picked')).toHaveCount(1);
  await expect(page.locator('[aria-live="assertive"]')).toContainText('Đã nhấc thẻ');
  // Dropped is the last column: Right wraps round to Discovered, where it was dropped from.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[aria-live="assertive"]')).toContainText('Cột đích: Phát hiện');
  await expect(column(page, 'discovered')).toHaveClass(/drop-ok/);
  await page.keyboard.press('Space');
  await expect(cardIn(page, 'discovered', name)).toHaveCount(1);

  // Escape puts a picked-up card down where it was.
  const other = await pick(page, 'discovered', 1);
  await other.card.locator('.card-grab').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(other.card).toHaveClass(/picked/);
  await page.keyboard.press('Escape');
  await expect(page.locator('[aria-live="assertive"]')).toContainText('Đã hủy');
  await expect(cardIn(page, 'discovered', other.name)).toHaveCount(1);
  await expect(other.card).not.toHaveClass(/picked/);
  await expect(other.card.locator('.card-grab')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.card.picked')).toHaveCount(0);
});

test('the Move to menu asks for a reason to go back, and the move can be undone', async ({ page, consoleErrors }) => {
  await signIn(page, 'office');
  const { name, card } = await pick(page, 'registered');
  await card.getByRole('button', { name: /Chuyển đến/ }).click();
  await expect(card.getByRole('menu')).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole('menu')).toHaveCount(1);
  await card.getByRole('menuitem', { name: 'Phát hiện' }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);

  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(dialog.getByRole('alert')).toContainText('nêu lý do');
  await expectAccessible(page);
  await dialog.getByLabel('Lý do (bắt buộc)').fill('Hồ sơ cần bổ sung minh chứng');
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(cardIn(page, 'discovered', name)).toHaveCount(1);

  await page.locator('.toast').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(cardIn(page, 'registered', name)).toHaveCount(1);
  await expect(page.locator('.toast')).toContainText('Đã hoàn tác');
});

test('a move in one browser appears in another without reloading', { tag: '@smoke' }, async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await signIn(a, 'office');
  await signIn(b, 'leader');
  const { name, card } = await pick(a, 'dropped');
  await expect(cardIn(b, 'dropped', name)).toHaveCount(1);
  await card.getByRole('button', { name: /Chuyển đến/ }).click();
  await card.getByRole('menuitem', { name: 'Phát hiện' }).click();
  await expect(cardIn(a, 'discovered', name)).toHaveCount(1);
  // The leader's board follows within a second or so, with no reload.
  await expect(cardIn(b, 'discovered', name)).toHaveCount(1, { timeout: 3_000 });
  await expect(cardIn(b, 'dropped', name)).toHaveCount(0);
  await a.context().close();
  await b.context().close();
});

test('a stale move is refused with who changed the card, and the card is refreshed', async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  // B does not hear live updates, so it keeps acting on what it saw; the browser logs the
  // aborted live channel, and the server's refusal of B's stale move.
  await b.route('**/events*', (route) => route.abort());
  expectConsoleError(/Failed to load resource: net::ERR_FAILED/);
  expectConsoleError(/status of 409 \(Conflict\)/);
  await signIn(a, 'office');
  await signIn(b, 'head1');
  const { name, id } = await pick(b, 'discovered');
  const cardA = a.locator(`[data-nomination-id="${id}"]`);
  await cardA.getByRole('button', { name: /Chuyển đến/ }).click();
  await cardA.getByRole('menuitem', { name: 'Dừng' }).click();
  await a.getByRole('dialog').getByLabel('Lý do (bắt buộc)').fill('Trùng với hồ sơ khác');
  await a.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
  await expect(cardIn(a, 'dropped', name)).toHaveCount(1);

  const cardB = b.locator(`[data-nomination-id="${id}"]`);
  await expect(cardIn(b, 'discovered', name)).toHaveCount(1);
  await cardB.getByRole('button', { name: /Chuyển đến/ }).click();
  await cardB.getByRole('menuitem', { name: 'Dừng' }).click();
  await b.getByRole('dialog').getByLabel('Lý do (bắt buộc)').fill('Trùng');
  await b.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
  await expect(b.locator('.board-alert')).toContainText('người khác thay đổi');
  await expect(b.locator('.board-alert')).toContainText('Phạm Hoàng Nam');
  await expect(cardIn(b, 'dropped', name)).toHaveCount(1);
  await a.context().close();
  await b.context().close();
});

test('filters live in the URL and search ignores accents', { tag: '@smoke' }, async ({ page, consoleErrors }) => {
  await signIn(page, 'office');
  await page.getByRole('searchbox').fill('nguyen van an');
  await expect(page).toHaveURL(/q=nguyen(%20|\+)van(%20|\+)an/);
  await expect(page.locator('[data-nomination-id]').filter({ hasText: 'Nguyễn Văn An' }).first()).toBeVisible();
  const names = await page.locator('.card-name').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  await page.getByLabel('Chia làn theo khối').check();
  await expect(page).toHaveURL(/lanes=bloc/);
  await expect(page.locator('.lane-title').first()).toBeVisible();
  // The shared link opens the same view.
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('searchbox')).toHaveValue('nguyen van an');
  await expect(page.locator('.lane-title').first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/board-filtered.png', fullPage: true });
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 1366, height: 1024 } });

  /** A finger's path as the touchscreen sends it: real touch events, so the page sees the
   *  pointer events a tablet would give it. */
  async function finger(page: Page) {
    const cdp = await page.context().newCDPSession(page);
    let at = { x: 0, y: 0 };
    return {
      down: async (x: number, y: number) => {
        at = { x, y };
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      },
      moveTo: async (x: number, y: number) => {
        const steps = 8;
        const from = at;
        for (let i = 1; i <= steps; i++) {
          const p = { x: from.x + ((x - from.x) * i) / steps, y: from.y + ((y - from.y) * i) / steps };
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
        }
        at = { x, y };
      },
      up: async () => {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      },
    };
  }

  const centre = async (l: Locator) => {
    const box = (await l.boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };

  test('a finger carries a card by its grip; forbidden columns say why; the card lands where it is let go', { tag: '@smoke' }, async ({ page, consoleErrors }) => {
    await signIn(page, 'office');
    const { name, card } = await pick(page, 'dropped');
    const grip = card.locator('.grip');
    await expect(grip).toBeVisible();
    const touch = await finger(page);

    // A tap on the grip is not a move.
    const g = await centre(grip);
    await touch.down(g.x, g.y);
    await touch.up();
    await expect(cardIn(page, 'dropped', name)).toHaveCount(1);
    await expect(page.locator('.touch-ghost')).toBeHidden();

    // Carried over a column it may not enter: marked with the reason, the label follows.
    await touch.down(g.x, g.y);
    const fostering = await centre(column(page, 'fostering').locator('h2'));
    await touch.moveTo(fostering.x, fostering.y + 40);
    await expect(page.locator('.touch-ghost')).toBeVisible();
    await expect(page.locator('.touch-ghost')).toContainText(name);
    await expect(column(page, 'fostering')).toHaveClass(/drop-no/);
    await expect(column(page, 'discovered')).toHaveClass(/drop-ok/);
    await page.screenshot({ path: 'test-results/board-touch-carry.png' });

    // Let go over Discovered, at its top.
    const discovered = await centre(column(page, 'discovered').locator('h2'));
    await touch.moveTo(discovered.x, discovered.y + 30);
    await touch.up();
    await expect(page.locator('.touch-ghost')).toBeHidden();
    await expect(cardIn(page, 'discovered', name)).toHaveCount(1);
    await expect(cardIn(page, 'dropped', name)).toHaveCount(0);
    await expect(column(page, 'discovered').locator('[data-nomination-id]').first()).toContainText(name);
    await expectAccessible(page);

    // Let go over the forbidden column: refused, with the reason, and the card stays.
    const again = await centre(cardIn(page, 'discovered', name).locator('.grip'));
    await touch.down(again.x, again.y);
    await touch.moveTo(fostering.x, fostering.y + 40);
    await touch.up();
    await expect(page.getByRole('alert').filter({ hasText: /./ }).first()).toBeVisible();
    await expect(cardIn(page, 'discovered', name)).toHaveCount(1);
    await expect(cardIn(page, 'fostering', name)).toHaveCount(0);
  });
});
