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
  /** `DATA_DIR`, default `.data/pglite` under the working directory (PGlite's files). */
  dataDir: string;
  /** Where the generated secret key is kept when `PAHT_SECRET_KEY` is not set. */
  secretKeyFile: string;
  /** `LOG`, default true: `LOG=false` silences request logs. */
  logger: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`PORT must be a port number, not ${env.PORT}`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const dataDir = resolve(cwd, env.DATA_DIR ?? '.data/pglite');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir,
    secretKeyFile: databaseUrl ? resolve(cwd, '.data/secret.key') : join(dataDir, 'secret.key'),
    logger: env.LOG !== 'false',
  };
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
