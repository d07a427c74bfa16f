import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

const MIGRATION_LOCK_KEY = 72_110_311;

/** Where the SQL migrations are, from the source tree or from the built package. */
export function defaultMigrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'prisma', 'migrations');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('prisma/migrations not found next to @paht/core');
}

export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

/**
 * Applies `prisma/migrations/<name>/migration.sql` in name order, each once,
 * each in its own transaction, recorded in `_paht_migrations` with a
 * checksum. A migration that changed after it was applied stops the run.
 * Safe to run from several processes at once (advisory lock).
 */
export async function migrate(db: Database, dir = defaultMigrationsDir()): Promise<MigrationResult> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return db.withLock(MIGRATION_LOCK_KEY, async () => {
    await db.execScript(`CREATE TABLE IF NOT EXISTS "_paht_migrations" (
      "name" TEXT PRIMARY KEY,
      "checksum" TEXT NOT NULL,
      "applied_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP)`);
    const done = new Map(
      (await db.query<{ name: string; checksum: string }>('SELECT name, checksum FROM "_paht_migrations"')).map((r) => [r.name, r.checksum]),
    );
    const result: MigrationResult = { applied: [], skipped: [] };
    for (const name of names) {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = done.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`Migration ${name} was changed after it was applied`);
        result.skipped.push(name);
        continue;
      }
      const quoted = name.replace(/'/g, "''");
      await db.execScript(
        `BEGIN;\n${sql}\n;INSERT INTO "_paht_migrations" ("name", "checksum") VALUES ('${quoted}', '${checksum}');\nCOMMIT;`,
      );
      result.applied.push(name);
    }
    return result;
  });
}
