import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { dropTemplates } from '../../packages/core/test/support/drop-templates.js';
import { startPostgres } from './postgres-server.js';

/**
 * Vitest global setup of the projects on PostgreSQL: one real PostgreSQL
 * server for the run (or the one in TEST_PG_URL); each test file makes its
 * own database in it, copied from the run's migrated template
 * (packages/core/test/support/database-templates.ts), named by `pgRunId`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void> | void> {
  const runId = randomBytes(4).toString('hex');
  project.provide('pgRunId' as never, runId as never);
  const external = process.env.TEST_PG_URL;
  if (external) {
    project.provide('pgAdminUrl' as never, external as never);
    // The server outlives the run: its templates go with the run.
    return () => dropTemplates(external, runId);
  }
  const server = await startPostgres();
  project.provide('pgAdminUrl' as never, server.url as never);
  return () => server.stop();
}
