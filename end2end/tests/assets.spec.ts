import { test, expect, expectConsoleError, hydrated, DEMO_PASSWORD } from './fixtures';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import * as fs from 'fs';

/** One response as Chromium received it: what it is and how many bytes crossed the wire
 *  (headers and body, compressed as sent; 0 when it came from the browser's cache). */
interface Load {
  url: string;
  kind: 'html' | 'js' | 'wasm' | 'css' | 'other';
  status: number;
  encoding: string | undefined;
  cacheControl: string | undefined;
  fromCache: boolean;
  wire: number;
}

function kindOf(url: string, mime: string): Load['kind'] {
  const path = new URL(url).pathname;
  if (mime === 'text/html') return 'html';
  if (path.endsWith('.js')) return 'js';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.css')) return 'css';
  return 'other';
}

/** Records every finished load of `page` through the DevTools protocol. */
async function recordLoads(page: Page): Promise<{ loads: Load[]; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const seen = new Map<string, Load>();
  const loads: Load[] = [];
  cdp.on('Network.responseReceived', (e: any) => {
    const h: Record<string, string> = {};
    for (const [k, v] of Object.entries(e.response.headers)) h[k.toLowerCase()] = String(v);
    seen.set(e.requestId, {
      url: e.response.url,
      kind: kindOf(e.response.url, e.response.mimeType),
      status: e.response.status,
      encoding: h['content-encoding'],
      cacheControl: h['cache-control'],
      fromCache: !!(e.response.fromDiskCache || e.response.fromMemoryCache || e.response.fromPrefetchCache),
      wire: 0,
    });
  });
  cdp.on('Network.requestServedFromCache', (e: any) => {
    const load = seen.get(e.requestId);
    if (load) load.fromCache = true;
  });
  cdp.on('Network.loadingFinished', (e: any) => {
    const load = seen.get(e.requestId);
    if (load) {
      load.wire = e.encodedDataLength;
      loads.push(load);
    }
  });
  await cdp.send('Network.enable');
  return { loads, cdp };
}

/** Signs in without a page (the session cookie lands in the context), so that the first
 *  page the browser loads is the board itself, with an empty cache. */
async function signInQuietly(context: BrowserContext, baseURL: string, username: string) {
  const resp = await context.request.post('/login', {
    headers: { origin: baseURL },
    form: { username, password: DEMO_PASSWORD, next: '/board' },
  });
  expect(resp.status(), 'signed in').toBeLessThan(400);
}

/** Visits the board and waits until it is live and the bundle's loads have finished. */
async function visitBoard(page: Page, loads: Load[]) {
  await page.goto('/board');
  await hydrated(page);
  for (const kind of ['js', 'wasm', 'css'] as const) {
    await expect.poll(() => loads.some((l) => l.kind === kind), { message: `the ${kind} loaded` }).toBe(true);
  }
}

const bytes = (loads: Load[], kind: Load['kind']) =>
  loads.filter((l) => l.kind === kind).reduce((n, l) => n + l.wire, 0);

/** The main module, the pages' split modules and the chunks they share, the loader. */
const HASHED =
  /^\/pkg\/(exemplar\.[0-9a-f]{16}\.(js|wasm|css)|(split_[a-z_]+|chunk_\d+)\.[0-9a-f]{16}\.wasm|__wasm_split\.[0-9a-f]{22}\.js)$/;

/** The pages' groups whose own module was loaded. */
const splitsIn = (loads: Load[]) =>
  loads.map((l) => /\/split_([a-z_]+)\./.exec(new URL(l.url).pathname)?.[1]).filter((s): s is string => !!s);

test('the bundle arrives compressed under hashed names, and a second visit downloads none of it', { tag: '@smoke' }, async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await signInQuietly(context, baseURL!, 'staff1');
  const page = await context.newPage();
  const first = await recordLoads(page);
  await visitBoard(page, first.loads);

  const html = first.loads.find((l) => l.kind === 'html' && new URL(l.url).pathname === '/board')!;
  expect(html.cacheControl, 'the page is never stored').toBe('no-store');
  expect(['br', 'gzip'], 'the page is compressed').toContain(html.encoding);
  const assets = first.loads.filter((l) => ['js', 'wasm', 'css'].includes(l.kind));
  for (const a of assets) {
    expect(new URL(a.url).pathname, 'a hashed name').toMatch(HASHED);
    expect(a.status).toBe(200);
    expect(['br', 'gzip'], `${a.url} is sent compressed`).toContain(a.encoding);
    expect(a.cacheControl, `${a.url} is kept`).toBe('public, max-age=31536000, immutable');
    expect(a.fromCache).toBe(false);
  }

  // The board's own code came with it; the other pages' did not.
  await expect.poll(() => splitsIn(first.loads), { message: 'only the board\'s page module' }).toEqual(['board']);

  // Again, as a person coming back to the board: only the page itself comes over the wire.
  const again = await context.newPage();
  const second = await recordLoads(again);
  await visitBoard(again, second.loads);
  const reloaded = second.loads.filter((l) => ['js', 'wasm', 'css'].includes(l.kind));
  expect(reloaded.length, 'the bundle is used again').toBeGreaterThanOrEqual(3);
  for (const a of reloaded) {
    expect(a.fromCache, `${a.url} comes from the cache`).toBe(true);
  }
  expect(bytes(second.loads, 'js') + bytes(second.loads, 'wasm') + bytes(second.loads, 'css'), 'asset bytes downloaded again').toBe(0);

  // `cargo xtask bench` asks for the figures of the release build.
  const out = process.env.E2E_WIRE_OUT;
  if (out) {
    const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    const parts = (['html', 'js', 'wasm', 'css'] as const).map((k) => `${k.toUpperCase()} ${kib(bytes(first.loads, k))}`);
    const total = (['html', 'js', 'wasm', 'css'] as const).reduce((n, k) => n + bytes(first.loads, k), 0);
    const encodings = [...new Set(assets.map((a) => a.encoding))].join(', ');
    fs.writeFileSync(
      out,
      `| First visit to \`/board\` as unit staff, on the wire (HTML + JS + WASM + CSS, ${encodings}) | ${kib(total)} (${parts.join(' · ')}) | (same) | — |\n` +
        `| Second visit: bundle bytes downloaded again | ${bytes(second.loads, 'js') + bytes(second.loads, 'wasm') + bytes(second.loads, 'css')} B | (same) | 0 |\n`,
    );
  }
  await context.close();
});

test('another page\'s code is fetched when it is first shown; a failed fetch says so and can be tried again', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await signInQuietly(context, baseURL!, 'office');
  const page = await context.newPage();
  const { loads } = await recordLoads(page);
  await visitBoard(page, loads);
  await expect.poll(() => splitsIn(loads)).toEqual(['board']);

  // The audit history's code is not there yet, and the network drops it (the browser and
  // the loader report the failed fetch in the console).
  expectConsoleError(/ERR_INTERNET_DISCONNECTED|TypeError: Failed to fetch/);
  await page.route('**/pkg/split_admin.*', (route) => route.abort('internetdisconnected'));
  await page.getByRole('link', { name: 'Nhật ký', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Không tải được trang này');
  await expect(page.locator('.app')).toHaveAttribute('data-hydrated', 'true');

  // The network is back: trying again shows the page, its module fetched once.
  await page.unroute('**/pkg/split_admin.*');
  await page.getByRole('button', { name: 'Thử lại', exact: true }).click();
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nhật ký');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Back on the board by its link: its code is not fetched again.
  const before = loads.filter((l) => l.kind === 'wasm' && !l.fromCache).length;
  await page.getByRole('link', { name: 'Bảng theo dõi', exact: true }).click();
  await expect(page.locator('[data-stage]').first()).toBeVisible();
  expect(loads.filter((l) => l.kind === 'wasm' && !l.fromCache).length).toBe(before);

  // On a slow network the council's code takes a while: the page says it is loading.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/pkg/split_council.*', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('link', { name: 'Hội đồng', exact: true }).click();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('.routing-bar.active')).toHaveCount(1);
  release();
  await expect(page).toHaveURL(/\/council$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hội đồng');
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('.routing-bar.active')).toHaveCount(0);
  await context.close();
});

test('the page counts as live only once its own code has arrived and taken over; signing in works before', async ({ browser, baseURL }) => {
  // The sign-in form carries where to go next in the server's page, before any code runs.
  const context = await browser.newContext();
  const login = await context.request.get('/login?next=%2Fcalendar');
  expect(await login.text()).toMatch(/<input type="hidden" name="next" value="\/calendar"/);

  await signInQuietly(context, baseURL!, 'staff1');
  const page = await context.newPage();
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/pkg/split_board.*', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/board', { waitUntil: 'domcontentloaded' });
  // The frame's code runs, the board's is held back: not live yet.
  await page.waitForTimeout(1000);
  await expect(page.locator('.app')).toHaveAttribute('data-hydrated', 'false');
  release();
  await hydrated(page);
  await expect(page.locator('[data-stage]').first()).toBeVisible();
  await context.close();
});
