// A real install for a spec of its own: a server on an empty SQLite database (no demo
// data), its administrator made with `exemplar create-admin`, as the README's "first real
// install" does it.

import { expect } from '@playwright/test';
import { port, today } from '../playwright.config';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Install {
  url: string;
  stop: () => void;
}

/** Starts a server of its own on `port + offset`, with `admin` made first, and waits until
 *  it answers. */
export async function startEmptyInstall(offset: number, admin: string, password: string): Promise<Install> {
  const bin = path.resolve(process.env.EXEMPLAR_BIN ?? '');
  const dir = mkdtempSync(path.join(tmpdir(), 'exemplar-install-'));
  const url = `http://127.0.0.1:${port + offset}`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: `sqlite://${path.join(dir, 'exemplar.db')}`,
    LEPTOS_SITE_ADDR: `127.0.0.1:${port + offset}`,
    LEPTOS_SITE_ROOT: process.env.LEPTOS_SITE_ROOT ?? '',
    EXEMPLAR_TODAY: today,
  };
  // A real install asks for no demo data.
  delete env.EXEMPLAR_DEMO_DATA;
  const made = spawnSync(bin, ['create-admin', '--username', admin], {
    env: { ...env, EXEMPLAR_ADMIN_PASSWORD: password },
    encoding: 'utf8',
  });
  expect(made.status, made.stderr).toBe(0);
  const server: ChildProcess = spawn(bin, [], { env, stdio: 'ignore' });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      server.kill();
      throw new Error(`the server at ${url} did not start`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => server.kill() };
}
