import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A throwaway PostgreSQL server for the test run: its own data folder and
 * socket under /tmp, a free loopback port, fsync off. As root it runs as the
 * `postgres` user (the server refuses root).
 */
export interface PostgresServer {
  url: string;
  /** Its loopback port. */
  port: number;
  stop(): void;
  /** Stops the server at once (`pg_ctl stop -m immediate`, as a crash), keeping its data folder and port. Does not block the event loop. */
  kill(): Promise<void>;
  /** Starts the killed server again on the same data folder and port; resolves once it accepts connections. */
  restart(): Promise<void>;
}

/** Runs a PostgreSQL binary (as `postgres` when root); throws with its output when it fails. */
function runner(bin: string, asRoot: boolean) {
  return (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    const result = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
  };
}

/** The same, without blocking the event loop (kill and restart happen while a test's clients run). */
function asyncRunner(bin: string, asRoot: boolean) {
  return (cmd: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const full = join(bin, cmd);
      const [file, fileArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
      execFile(file, fileArgs, { encoding: 'utf8' }, (error, stdout, stderr) =>
        error ? reject(new Error(`${cmd} failed: ${stderr || stdout || error.message}`)) : resolve(),
      );
    });
}

function findBinDir(): string {
  const candidates = [
    process.env.PG_BIN_DIR,
    '/usr/local/bin',
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ].filter((d): d is string => Boolean(d));
  const dir = candidates.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!dir) {
    throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found: install PostgreSQL 15+ (pnpm test does it as root on Debian) or set PG_BIN_DIR');
  }
  // /usr/local/bin may hold links to a few of them only: the folder they point into has the rest (pg_basebackup).
  return existsSync(join(dir, 'pg_basebackup')) ? dir : dirname(realpathSync(join(dir, 'initdb')));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A temporary folder the server's user owns. */
function serverBase(prefix: string, asRoot: boolean): string {
  const base = mkdtempSync(join(tmpdir(), prefix));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(base, uid, gid);
  }
  return base;
}

export interface StartPostgresOptions {
  /**
   * Keep `synchronous_commit` on, so a commit the server acknowledged
   * survives `kill()` (an immediate stop loses WAL still in its buffers
   * otherwise). Default false: the faster setting.
   */
  durableCommits?: boolean;
}

export async function startPostgres(startOptions: StartPostgresOptions = {}): Promise<PostgresServer> {
  const bin = findBinDir();
  const asRoot = userInfo().uid === 0;
  const base = serverBase('paht-pg-', asRoot);
  const dataDir = join(base, 'data');
  const run = runner(bin, asRoot);
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  return startServer(bin, asRoot, base, dataDir, startOptions.durableCommits ? [] : ['-c synchronous_commit=off']);
}

/**
 * A streaming replica of `primary` (hot standby): a base backup taken with
 * `pg_basebackup -R` (which writes the standby's connection to the primary),
 * started on its own port. Read-only; it replays the primary's WAL.
 */
export async function startReplica(primary: PostgresServer): Promise<PostgresServer> {
  const bin = findBinDir();
  const asRoot = userInfo().uid === 0;
  const base = serverBase('paht-pg-replica-', asRoot);
  const dataDir = join(base, 'data');
  const run = runner(bin, asRoot);
  run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
  return startServer(bin, asRoot, base, dataDir, ['-c synchronous_commit=off', '-c hot_standby=on']);
}

async function startServer(bin: string, asRoot: boolean, base: string, dataDir: string, extra: string[] = []): Promise<PostgresServer> {
  const run = runner(bin, asRoot);
  const runAsync = asyncRunner(bin, asRoot);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${base}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
    ...extra,
  ].join(' ');
  const startArgs = ['-D', dataDir, '-o', options, '-l', join(base, 'server.log'), '-w', '-t', '60', 'start'];
  run('pg_ctl', startArgs);
  let stopped = false;
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        if (running) run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
    async kill() {
      if (!running || stopped) return;
      await runAsync('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      running = false;
    },
    async restart() {
      if (running || stopped) return;
      await runAsync('pg_ctl', startArgs);
      running = true;
    },
  };
}
