// Global setup of the whole suite on PostgreSQL (`E2E_BACKEND=postgres`, see
// playwright.config.ts): one instance on a fresh database, on the suite's usual port.

import type { FullConfig } from '@playwright/test';
import { startOnPostgres } from './instances';
import { port } from '../../playwright.config';

export default function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  return startOnPostgres(config, 1, port);
}
