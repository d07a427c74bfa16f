import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Vitest global setup of the `pglite` project: a folder for the run's PGlite
 * data-folder snapshots (the migrated database, built by the first test file
 * that needs it; packages/core/test/support/database-templates.ts), removed
 * at the end.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'paht-pglite-snapshots-'));
  project.provide('pgliteSnapshotDir' as never, dir as never);
  return () => rmSync(dir, { recursive: true, force: true });
}
