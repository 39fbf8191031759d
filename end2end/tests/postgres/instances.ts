// Global setup of the PostgreSQL runs: a fresh PostgreSQL database and Exemplar servers on
// it, stopped and dropped again when the run ends — two instances for
// playwright.postgres.config.ts, one for the whole suite on PostgreSQL (see
// one-instance.ts and playwright.config.ts).
//
// Why not `webServer` in the config: Playwright (1.65, see createGlobalSetupTasks in
// playwright/lib/runner) starts the web servers BEFORE global setup and stops them AFTER
// global teardown, so the database they need cannot be created first, nor dropped after
// they are gone; and the config file itself cannot wait for an asynchronous CREATE
// DATABASE. Doing everything here, in the runner's main process, gives the order the
// servers need (create the database, start A and wait until it is ready — it loads the
// demo data — then B; at the end stop both, then drop the database), and the cleanup runs
// even when a test or a worker fails.

import type { FullConfig } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { today } from '../../playwright.config';

/** Where the databases are created from: a URL whose user may create databases. */
const adminUrl = process.env.EXEMPLAR_TEST_POSTGRES || 'postgres://postgres@127.0.0.1:5432/postgres';
/** The two instances' ports (B is the next one); both must be free. */
const twoInstancesPort = Number(process.env.E2E_POSTGRES_PORT ?? 3927);

/** The base URLs of the two running instances, for the tests (set by the setup below). */
export function instances(): { a: string; b: string } {
  const a = process.env.E2E_INSTANCE_A;
  const b = process.env.E2E_INSTANCE_B;
  if (!a || !b) {
    throw new Error('the instances are not running: use --config playwright.postgres.config.ts');
  }
  return { a, b };
}

interface Server {
  label: string;
  child: ChildProcess;
  log: string;
  /** Why it could not be started, if it could not. */
  error?: Error;
}

export default function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  return startOnPostgres(config, 2, twoInstancesPort);
}

/** Creates the database and starts `count` instances on it, on ports `firstPort`,
 *  `firstPort + 1`, …; returns the teardown. */
export async function startOnPostgres(
  config: FullConfig,
  count: number,
  firstPort: number,
): Promise<() => Promise<void>> {
  const configDir = config.configFile ? path.dirname(config.configFile) : process.cwd();
  const bin = path.resolve(configDir, process.env.EXEMPLAR_BIN ?? '');
  const output = path.resolve(configDir, process.env.E2E_OUTPUT ?? 'test-results');
  mkdirSync(output, { recursive: true });

  const name = `exemplar_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;

  const servers: Server[] = [];
  const teardown = async () => {
    await Promise.all(servers.map(stop));
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    // One after the other: the first fills the empty database with the demo data.
    for (const [i, label] of ['a', 'b'].slice(0, count).entries()) {
      const port = firstPort + i;
      await expectFree(port);
      const server = spawnServer(label, bin, configDir, output, {
        LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
        LEPTOS_SITE_ROOT: process.env.LEPTOS_SITE_ROOT ?? '',
        DATABASE_URL: databaseUrl.toString(),
        EXEMPLAR_TODAY: today,
        EXEMPLAR_DEMO_DATA: 'on',
        // One audit key for every instance of this database, made by the first.
        EXEMPLAR_AUDIT_KEY_FILE: path.join(output, `${name}.audit.key`),
        // One files directory too: every instance serves every dossier's documents.
        EXEMPLAR_FILES_DIR: path.join(output, `${name}.files`),
      });
      servers.push(server);
      const url = `http://127.0.0.1:${port}`;
      await ready(server, url);
      process.env[`E2E_INSTANCE_${label.toUpperCase()}`] = url;
    }
  } catch (e) {
    await teardown();
    throw e;
  }
  return teardown;
}

/** Runs one statement on the administration database. */
async function admin(sql: string) {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (e) {
    // Never skipped: without PostgreSQL these tests fail, saying why.
    throw new Error(
      `PostgreSQL is not reachable at ${redacted(adminUrl)} (EXEMPLAR_TEST_POSTGRES): ` +
        `${(e as Error).message}; the two-instance tests need it`,
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** Fails at once if something already listens on the port (a leftover server would answer
 *  the readiness check in place of the one started here). */
function expectFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (e) => reject(new Error(`port ${port} is taken (${e.message}): set E2E_POSTGRES_PORT`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

function spawnServer(
  label: string,
  bin: string,
  cwd: string,
  output: string,
  env: Record<string, string>,
): Server {
  const log = path.join(output, `exemplar-${label}.log`);
  const out = createWriteStream(log);
  const child = spawn(bin, [], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const server: Server = { label, child, log };
  child.on('error', (e) => (server.error = e));
  return server;
}

const running = ({ child }: Server) => child.pid !== undefined && child.exitCode === null && child.signalCode === null;

/** Waits until the server answers /healthz (its database is reachable), or fails with the
 *  end of its log if it exits or takes more than a minute. */
async function ready(server: Server, url: string) {
  const deadline = Date.now() + 60_000;
  const failed = (why: string) => {
    let tail = '';
    try {
      tail = readFileSync(server.log, 'utf8').split('\n').slice(-20).join('\n');
    } catch {
      // No log yet.
    }
    return new Error(`instance ${server.label.toUpperCase()} (${url}) ${why}; its log, ${server.log}:\n${tail}`);
  };
  while (Date.now() < deadline) {
    if (server.error) throw failed(`cannot be started: ${server.error.message}`);
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw failed(`exited (${server.child.exitCode ?? server.child.signalCode})`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw failed('was not ready within a minute');
}

/** Stops a server as a service manager would (SIGTERM), killing it if it lingers. */
async function stop(server: Server) {
  if (!running(server)) return;
  const { child } = server;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const lingering = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(lingering);
}
