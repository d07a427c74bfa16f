import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './postgres-server.js';

/**
 * A throwaway pgbouncer in transaction pooling mode in front of a test
 * PostgreSQL server: its own process and generated ini in a temporary
 * folder, a free loopback port (never the Debian package's service). Every
 * database name maps to the same name on the server; user `postgres`, no
 * password (trust, as the test server).
 */
export interface Pgbouncer {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` through the pooler. */
  urlFor(database: string): string;
  /** pgbouncer's version line (`PgBouncer 1.18.0`). */
  version: string;
  stop(): Promise<void>;
}

export interface PgbouncerOptions {
  /** Server connections per database and user (default 3: few, so requests share them). */
  poolSize?: number;
}

export async function startPgbouncer(serverPort: number, options: PgbouncerOptions = {}): Promise<Pgbouncer> {
  // Debian installs it in /usr/sbin, which a non-root PATH may lack.
  const bin = existsSync('/usr/sbin/pgbouncer') ? '/usr/sbin/pgbouncer' : 'pgbouncer';
  const found = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error('pgbouncer not found: install the Debian package (scripts/ensure-system-deps.mjs does it as root)');
  const version = found.stdout.split('\n')[0]!.trim();
  const base = mkdtempSync(join(tmpdir(), 'paht-pgbouncer-'));
  const asRoot = userInfo().uid === 0;
  const port = await freePort();
  writeFileSync(join(base, 'userlist.txt'), '"postgres" ""\n');
  writeFileSync(
    join(base, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=127.0.0.1 port=${serverPort}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(base, 'userlist.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize ?? 3}`,
      'max_client_conn = 500',
      'ignore_startup_parameters = extra_float_digits,options',
      // pgbouncer refuses to run as root: it drops to the server's user after reading its files.
      ...(asRoot ? ['user = postgres'] : []),
      '',
    ].join('\n'),
  );
  if (asRoot) chownSync(base, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), 0);
  const child = spawn(bin, [join(base, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (!running || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(base, { recursive: true, force: true });
      throw new Error(`pgbouncer did not start: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    urlFor: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    version,
    async stop() {
      if (running) {
        child.kill('SIGINT');
        await exited;
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
