import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { TEST_SECRET_KEY } from '../../../core/test/support/test-database.js';

const ENTRY = fileURLToPath(new URL('./live-server-process.ts', import.meta.url));

export interface ServerProcess {
  base: string;
  child: ChildProcess;
}

/**
 * A server process (`live-server-process.ts`) on `databaseUrl`, sharing its
 * changes through `redisUrl`, with the test's secret key; `env` adds
 * variables (PAHT_JOB_WORKERS=0: it works no job queue). Resolves once it
 * listens; stop it with `stopChild` (redis-server.ts).
 */
export async function startServerProcess(databaseUrl: string, redisUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--conditions', '@paht/source', '--import', 'tsx', ENTRY], {
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, PAHT_SECRET_KEY: TEST_SECRET_KEY, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{"address"')) resolve((JSON.parse(line) as { address: string }).address);
    });
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
  return { base, child };
}
