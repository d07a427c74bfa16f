import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** What `main.ts` reads from the environment, each with its default. */
export interface ServerConfig {
  /** `PORT`, default 4000. */
  port: number;
  /** `HOST`, default `0.0.0.0`. */
  host: string;
  /** `DATABASE_URL`: a PostgreSQL connection string; absent = PGlite in `dataDir`. */
  databaseUrl: string | null;
  /**
   * `DATABASE_REPLICA_URL`: a streaming replica (hot standby) of `DATABASE_URL`
   * for reads that tolerate lag (public lists, statistics, KPIs, exports);
   * absent = every read on the primary. Only with `DATABASE_URL` (docs/scale.md).
   */
  databaseReplicaUrl: string | null;
  /** `DATA_DIR`, default `.data/pglite` under the working directory (PGlite's files). */
  dataDir: string;
  /** Where the generated secret key is kept when `PAHT_SECRET_KEY` is not set. */
  secretKeyFile: string;
  /** `LOG`, default true: `LOG=false` silences request logs. */
  logger: boolean;
  /** `NODE_ENV=production`: the secret key must be given, no demo unless `demo`, no passwords printed. */
  production: boolean;
  /** `PAHT_DEMO=1`: seed the demo tenants in production too (always seeded otherwise). */
  demo: boolean;
  /** `PAHT_DELIVERY_INTERVAL_MS`: milliseconds between the notification worker's passes (e-mail, SMS). Default null: the worker's own (30 s); 0 turns its timer off. */
  deliveryIntervalMs: number | null;
  /**
   * `PAHT_OTEL=1`: export OpenTelemetry traces and metrics over OTLP, as the
   * standard `OTEL_*` variables say (docs/operations.md). Default off: no
   * SDK loaded, nothing recorded. `OTEL_SDK_DISABLED=true` keeps it off.
   */
  telemetry: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`PORT must be a port number, not ${env.PORT}`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const databaseReplicaUrl = env.DATABASE_REPLICA_URL?.trim() || null;
  if (databaseReplicaUrl && !databaseUrl) throw new RangeError('DATABASE_REPLICA_URL needs DATABASE_URL (the primary) too');
  const dataDir = resolve(cwd, env.DATA_DIR ?? '.data/pglite');
  const interval = env.PAHT_DELIVERY_INTERVAL_MS?.trim();
  const deliveryIntervalMs = interval ? Number(interval) : null;
  if (deliveryIntervalMs !== null && !(Number.isInteger(deliveryIntervalMs) && deliveryIntervalMs >= 0)) {
    throw new RangeError(`PAHT_DELIVERY_INTERVAL_MS must be a whole number of milliseconds (0 or more), not ${interval}`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    databaseReplicaUrl,
    dataDir,
    secretKeyFile: databaseUrl ? resolve(cwd, '.data/secret.key') : join(dataDir, 'secret.key'),
    logger: env.LOG !== 'false',
    production: env.NODE_ENV === 'production',
    demo: env.PAHT_DEMO === '1',
    deliveryIntervalMs,
    telemetry: telemetryOn(env),
  };
}

/** `PAHT_OTEL` (`1` or `true`: on; unset, `0` or `false`: off), unless `OTEL_SDK_DISABLED=true`. */
function telemetryOn(env: NodeJS.ProcessEnv): boolean {
  const value = env.PAHT_OTEL?.trim().toLowerCase() ?? '';
  if (!['', '0', '1', 'true', 'false'].includes(value)) throw new RangeError(`PAHT_OTEL must be 1 (on) or 0 (off), not ${env.PAHT_OTEL}`);
  return (value === '1' || value === 'true') && env.OTEL_SDK_DISABLED?.trim().toLowerCase() !== 'true';
}

/**
 * Why the process may not start in production (empty outside it): the
 * instance secret must be given (`PAHT_SECRET_KEY`, at least 32
 * characters), not generated into a file the next deployment may lose.
 * Names the variables, never their values.
 */
export function productionProblems(env: NodeJS.ProcessEnv): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const secret = env.PAHT_SECRET_KEY;
  if (!secret) return ['PAHT_SECRET_KEY is not set: give the instance secret (at least 32 characters, e.g. `openssl rand -base64 48`).'];
  if (secret.length < 32) return ['PAHT_SECRET_KEY is shorter than 32 characters.'];
  return [];
}

/** The database for the start banner: engine, host and database name, never the user or password. */
export function describeDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'> & { databaseReplicaUrl?: string | null }): string {
  if (!config.databaseUrl) return `PGlite (${config.dataDir})`;
  const primary = `PostgreSQL (${whereIs(config.databaseUrl)})`;
  return config.databaseReplicaUrl ? `${primary}, lag-tolerant reads on the replica (${whereIs(config.databaseReplicaUrl)})` : primary;
}

function whereIs(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname || 'local socket'}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'connection string';
  }
}

/**
 * The instance secret: `PAHT_SECRET_KEY`, else the one generated on the
 * first start and kept in `file` (mode 600). Changing it signs every staff
 * member out and makes citizens' report secrets invalid.
 */
export async function loadSecretKey(env: NodeJS.ProcessEnv, file: string): Promise<{ key: string; source: string }> {
  if (env.PAHT_SECRET_KEY) return { key: env.PAHT_SECRET_KEY, source: 'PAHT_SECRET_KEY' };
  try {
    const key = (await readFile(file, 'utf8')).trim();
    if (key.length >= 32) return { key, source: file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32).toString('base64url');
  await mkdir(resolve(file, '..'), { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const stored = (await readFile(file, 'utf8')).trim();
  return { key: stored, source: `${file} (generated)` };
}
