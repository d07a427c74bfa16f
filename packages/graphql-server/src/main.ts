// `pnpm start`: opens the database (PostgreSQL with DATABASE_URL, else
// PGlite in DATA_DIR), migrates it, seeds the demo tenants once, and serves
// the API until SIGINT or SIGTERM.
import { mkdir } from 'node:fs/promises';
import { createCoreContext, migrate, openDatabase, seedDemo } from '@paht/core';
import { buildApp } from './app.js';
import { loadSecretKey, readConfig } from './config.js';
import { welcomeBanner } from './welcome-banner.js';

const config = readConfig();
if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
const secret = await loadSecretKey(process.env, config.secretKeyFile);
const core = createCoreContext(db, { secretKey: secret.key });

const migrated = await migrate(db);
const demo = await seedDemo(core);
const app = await buildApp({ core, logger: config.logger });
const address = await app.listen({ port: config.port, host: config.host });

console.log(
  welcomeBanner({
    address,
    database: db.engine === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL',
    secretSource: secret.source,
    migration: migrated,
    seed: demo,
    production: process.env.NODE_ENV === 'production',
  }),
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  const timer = setTimeout(() => process.exit(1), 10_000).unref();
  try {
    await app.close();
    await db.close();
    clearTimeout(timer);
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
