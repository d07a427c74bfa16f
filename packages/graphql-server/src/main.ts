// `pnpm start`: opens the database (PostgreSQL with DATABASE_URL, else
// PGlite in DATA_DIR), migrates it, seeds the demo tenants once, and serves
// the API until SIGINT or SIGTERM.
import { mkdir } from 'node:fs/promises';
import { createCoreContext, DEMO_KEY_ORIGINS, migrate, openDatabase, seedDemo, type DemoSeedResult, type MigrationResult } from '@paht/core';
import { buildApp } from './app.js';
import { loadSecretKey, readConfig } from './config.js';

const config = readConfig();
if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
const secret = await loadSecretKey(process.env, config.secretKeyFile);
const core = createCoreContext(db, { secretKey: secret.key });

const migrated = await migrate(db);
const demo = await seedDemo(core);
const app = await buildApp({ core, logger: config.logger });
const address = await app.listen({ port: config.port, host: config.host });

printWelcome(address, demo, migrated);

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

/**
 * What a newcomer needs to try the platform: the URLs, each demo tenant
 * with its demo public key (for the widgets on localhost pages, see
 * docs/embed.md) and, outside production, the demo staff sign-ins. In
 * production no password is printed.
 */
function printWelcome(address: string, seed: DemoSeedResult, migration: MigrationResult): void {
  const production = process.env.NODE_ENV === 'production';
  const base = address.replace('://0.0.0.0', '://localhost').replace('://[::]', '://localhost');
  const lines = [
    '',
    `PAHT API on ${db.engine === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}; secret key from ${secret.source}`,
    `  GraphQL   ${base}/graphql?tenant=<slug>   (or header x-tenant: <slug>)`,
    `  Health    ${base}/healthz`,
    `  Migrations applied now: ${migration.applied.length ? migration.applied.join(', ') : 'none (up to date)'}`,
    '',
    seed.seeded ? 'Demo tenants seeded now:' : 'Demo tenants (already there):',
  ];
  for (const tenant of seed.tenants) {
    lines.push(`  ${tenant.name} — slug ${tenant.slug}, ${tenant.reports} reports — ${base}/graphql?tenant=${tenant.slug}`);
    if (tenant.publicKey) lines.push(`      public key    ${tenant.publicKey}  (widgets on ${DEMO_KEY_ORIGINS.join(', ')})`);
    if (!production) for (const s of tenant.staff) lines.push(`      ${s.role.padEnd(13)} ${s.email}  password: ${s.password}`);
  }
  lines.push(
    '',
    production
      ? 'NODE_ENV=production: demo passwords are not printed; never use the demo tenants for real reports.'
      : 'Demo passwords are public: never use the demo tenants for real reports.',
    'Embedding the widgets: docs/embed.md',
    '',
  );
  console.log(lines.join('\n'));
}
