// `pnpm start`: opens the database (PostgreSQL with DATABASE_URL, else
// PGlite in DATA_DIR), migrates it, seeds the demo tenants once, and serves
// the API until SIGINT or SIGTERM. With NODE_ENV=production (docs/deployment.md):
// PAHT_SECRET_KEY is required, and no demo tenant is seeded unless PAHT_DEMO=1.
import { mkdir } from 'node:fs/promises';
import { createCoreContext, isDatabaseUnavailable, listTenants, migrate, openDatabase, seedDemo } from '@paht/core';
import { buildApp } from './app.js';
import { describeDatabase, loadSecretKey, productionProblems, readConfig } from './config.js';
import { operatorTokenCheck } from './operator/operator-routes.js';
import { startTelemetry } from './telemetry/index.js';
import { welcomeBanner } from './welcome-banner.js';

// A database that went away must not end the process: pg-boss 10 leaves
// the promises of marking a job done or failed unawaited (upstream issue
// timgit/pg-boss#577), and when the database is down they reject with no
// handler, which Node turns into a crash. Those are logged and the job is
// retried after its expiry; any other unhandled rejection still ends the
// process, as by default.
process.on('unhandledRejection', (reason) => {
  if (!isDatabaseUnavailable(reason)) throw reason;
  console.error(`database unavailable (unhandled, kept running): ${reason instanceof Error ? reason.message : String(reason)}`);
});

const config = readConfig();
const problems = productionProblems(process.env);
if (problems.length > 0) {
  console.error(['Refusing to start in production (NODE_ENV=production):', ...problems.map((p) => `  - ${p}`), 'See docs/deployment.md.'].join('\n'));
  process.exit(1);
}
// OpenTelemetry before the app is built (PAHT_OTEL=1, docs/operations.md); off by default.
const telemetry = config.telemetry ? await startTelemetry() : null;
// A short operator token stops the start here, with its message.
const operatorApi = process.env.PAHT_OPERATOR_TOKEN ? (operatorTokenCheck(process.env.PAHT_OPERATOR_TOKEN), true) : false;
if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
const db = await openDatabase(
  config.databaseUrl ? { url: config.databaseUrl, ...(config.databaseReplicaUrl ? { replicaUrl: config.databaseReplicaUrl } : {}) } : { dataDir: config.dataDir },
);
const secret = await loadSecretKey(process.env, config.secretKeyFile);
const core = createCoreContext(db, { secretKey: secret.key });

const migrated = await migrate(db);
// In production the demo tenants are never made unless asked for: an empty instance.
const demo = config.production && !config.demo ? null : await seedDemo(core);
const app = await buildApp({ core, logger: config.logger, ...(config.deliveryIntervalMs !== null ? { notifications: { intervalMs: config.deliveryIntervalMs } } : {}) });
const address = await app.listen({ port: config.port, host: config.host });

console.log(
  welcomeBanner({
    address,
    database: describeDatabase(config),
    secretSource: secret.source,
    migration: migrated,
    seed: demo,
    production: config.production,
    configured: {
      tenants: (await listTenants(core)).length,
      redis: Boolean(process.env.REDIS_URL),
      operatorApi,
      citizenMail: app.notificationDelivery.email,
      sms: app.notificationDelivery.sms,
      origins: (process.env.PAHT_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    },
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
    await telemetry?.shutdown();
    clearTimeout(timer);
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
