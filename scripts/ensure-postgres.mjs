// Makes sure PostgreSQL server binaries exist for the integration tests.
// The tests start their own throwaway server; this only installs the
// binaries (Debian's postgresql package) on a fresh machine where they are
// missing, when running as root with apt-get available.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';

function hasServerBinaries() {
  const dirs = [process.env.PG_BIN_DIR, '/usr/local/bin'];
  if (existsSync('/usr/lib/postgresql')) {
    for (const v of readdirSync('/usr/lib/postgresql')) dirs.push(`/usr/lib/postgresql/${v}/bin`);
  }
  return dirs.some((d) => d && existsSync(`${d}/initdb`) && existsSync(`${d}/pg_ctl`));
}

export function ensurePostgres() {
  if (hasServerBinaries()) return;
  const canApt = userInfo().uid === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canApt) {
    console.error('PostgreSQL server binaries (initdb, pg_ctl) are missing. Install PostgreSQL 15+ or set PG_BIN_DIR.');
    process.exit(1);
  }
  console.log('Installing PostgreSQL server binaries (apt-get install postgresql)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!hasServerBinaries()) {
    console.error('PostgreSQL was installed but initdb was not found.');
    process.exit(1);
  }
}
