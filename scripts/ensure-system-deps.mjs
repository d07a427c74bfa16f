// Makes sure the servers the integration tests start themselves are on the
// machine: PostgreSQL's server binaries, redis-server and pgbouncer (and
// Chromium for the widgets' browser tests). The tests start
// throwaway instances; this only installs the binaries (Debian packages) on
// a fresh machine where they are missing, as root with apt-get.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';

function hasPostgres() {
  const dirs = [process.env.PG_BIN_DIR, '/usr/local/bin'];
  if (existsSync('/usr/lib/postgresql')) {
    for (const v of readdirSync('/usr/lib/postgresql')) dirs.push(`/usr/lib/postgresql/${v}/bin`);
  }
  return dirs.some((d) => d && existsSync(`${d}/initdb`) && existsSync(`${d}/pg_ctl`));
}

const hasRedis = () => spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;
// The pooling test runs its own pgbouncer process (the package's service plays no part).
const hasPgbouncer = () => existsSync('/usr/sbin/pgbouncer') || spawnSync('sh', ['-c', 'command -v pgbouncer']).status === 0;

export function ensureSystemDeps() {
  const missing = [];
  if (!hasPostgres()) missing.push('postgresql');
  if (!hasRedis()) missing.push('redis-server');
  if (!hasPgbouncer()) missing.push('pgbouncer');
  // The widgets' browser tests drive Debian's Chromium (no browser downloads).
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (missing.length === 0) return;
  const canApt = userInfo().uid === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canApt) {
    console.error(`Missing for the integration tests: ${missing.join(', ')}. Install them (PostgreSQL 15+, Redis, pgbouncer), or set PG_BIN_DIR.`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} (apt-get)…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!hasPostgres() || !hasRedis() || !hasPgbouncer() || !existsSync('/usr/bin/chromium')) {
    console.error('Installed, but initdb/pg_ctl, redis-server, pgbouncer or /usr/bin/chromium still not found.');
    process.exit(1);
  }
}
