import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres-server.js';

/**
 * Vitest global setup of the `postgres` project: one real PostgreSQL server
 * for the run (or the one in TEST_PG_URL); each test file makes its own
 * database in it.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.TEST_PG_URL) {
    project.provide('pgAdminUrl' as never, process.env.TEST_PG_URL as never);
    return () => undefined;
  }
  const server = await startPostgres();
  project.provide('pgAdminUrl' as never, server.url as never);
  return () => server.stop();
}
