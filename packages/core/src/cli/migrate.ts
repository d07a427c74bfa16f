// `pnpm db:migrate`: applies the SQL migrations to DATABASE_URL, or to the
// PGlite folder DATA_DIR (default .data/pglite).
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';

const url = process.env.DATABASE_URL;
const db = await openDatabase(url ? { url } : { dataDir: process.env.DATA_DIR ?? '.data/pglite' });
try {
  const result = await migrate(db);
  console.log(`Applied: ${result.applied.join(', ') || 'none'}; already applied: ${result.skipped.length}`);
} finally {
  await db.close();
}
