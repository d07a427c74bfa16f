// `pnpm start` as a real process for the fault tests: the package script's
// command line with this Node, a production environment given in full, and
// the address read from the start banner.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCoreContext, hashPassword, withTenant, type CoreContext, type Database } from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../../../../core/test/support/fixture-tenant.js';

export const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
export const SECRET_KEY = 'e2e-faults-instance-secret-0123456789abcdef';
export const STAFF_PASSWORD = 'mat-khau-can-bo-2026';

export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` once it listens. */
  ready: Promise<string>;
  /** Everything it wrote (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (null after a signal). */
  exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** The package script's command line (`node <args>`), for this Node. */
export function scriptArgs(name: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [command, ...args] = scripts[name]!.split(' ');
  if (command !== 'node') throw new Error(`script ${name} does not start with node: ${scripts[name]}`);
  return args;
}

/** `pnpm start` in production on `databaseUrl`, with only the given environment (no demo tenants). */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, scriptArgs('start'), {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME!,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      PAHT_SECRET_KEY: SECRET_KEY,
      LOG: 'false',
      // No e-mail or SMS to deliver in these tests.
      PAHT_DELIVERY_INTERVAL_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const url = /Health\s+(http:\/\/\S+)\/healthz/.exec(out)?.[1];
      if (url && out.includes('No demo tenants')) resolve(url);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`the server exited with ${code}: ${out}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    ready,
    output: () => out,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The fixture tenant (an IOC, two units, a public category, one staff
 * member per role, all with `STAFF_PASSWORD`), made with a core on the
 * processes' secret key, so their tokens and report secrets agree.
 */
export async function provisionFixture(db: Database, slug: string, prefix: string): Promise<{ core: CoreContext; tenant: FixtureTenant }> {
  const core = createCoreContext(db, { secretKey: SECRET_KEY });
  const tenant = await createFixtureTenant(core, slug, prefix);
  const passwordHash = await hashPassword(STAFF_PASSWORD);
  await withTenant(db, tenant.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  return { core, tenant };
}

/** Resolves once `condition()` holds (checked every 50 ms); rejects after `ms` naming `what`. Phases of a load wait on progress, not on a clock, so a slow machine does not fail them. */
export async function until(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`still not ${what} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The next value of `stream` that `accept` takes, within `ms`. */
export async function nextMatching<T>(stream: AsyncIterableIterator<T>, accept: (value: T) => boolean, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no matching event within ${ms} ms`)), ms)));
  try {
    return await Promise.race([
      (async () => {
        for (;;) {
          const { value, done } = await stream.next();
          if (done) throw new Error('the stream ended');
          if (accept(value)) return value;
        }
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
