import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '@paht/core';
import { templatePrefix } from './drop-templates.js';

/**
 * What a test file's database starts with beyond the migrations (the demo
 * data, say). `key` names what `run` writes: built once per test run and key,
 * then copied for every file that asks for the same key, so two different
 * fillings must never share a key.
 */
export interface DatabaseFill {
  key: string;
  run(db: Database): Promise<void>;
}

/** A database name part from a key: lower-case letters, digits and `_`, with a hash so distinct keys never meet. */
const slug = (key: string): string =>
  `${key.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 24)}_${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;

/** Runs the migrations, then the fill, on a freshly opened database. */
async function build(db: Database, fill: DatabaseFill | undefined): Promise<void> {
  await migrate(db);
  await fill?.run(db);
}

const urlFor = (adminUrl: string, name: string): string => adminUrl.replace(/\/[^/]*$/, `/${name}`);

/**
 * PostgreSQL: a new database `CREATE DATABASE … TEMPLATE`d from the run's
 * migrated (and filled) template, which the first file asking for it builds.
 * An advisory lock per template keeps files in other workers from building
 * it twice or copying it half-built (it gets its name only once complete).
 * Returns the new database's name.
 */
export async function createFromTemplate(adminUrl: string, runId: string, fill: DatabaseFill | undefined): Promise<string> {
  const template = `${templatePrefix(runId)}${slug(fill?.key ?? 'migrated')}`;
  const name = `paht_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (found.rowCount === 0) {
      const building = `${template}_wip`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const db = await openDatabase({ url: urlFor(adminUrl, building), poolSize: 2 });
      try {
        await build(db, fill);
      } finally {
        await db.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await admin.end();
  }
  return name;
}

/**
 * PGlite: the migrated (and filled) data folder as a tarball, built by the
 * first file that asks and kept in `dir` (the run's folder, one per key) for
 * the files after it, in any worker. Written under a temporary name and
 * renamed, so a reader never sees half a file; two workers building it at
 * once both write the same content. Without `dir`, built for this file alone.
 */
export async function pgliteSnapshot(dir: string | undefined, fill: DatabaseFill | undefined): Promise<Blob> {
  const file = dir ? join(dir, `${slug(fill?.key ?? 'migrated')}.tar`) : undefined;
  if (file && existsSync(file)) return new Blob([readFileSync(file)]);
  const db = await openDatabase({});
  try {
    await build(db, fill);
    const snapshot = await db.dumpDataDir!();
    if (file) {
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, Buffer.from(await snapshot.arrayBuffer()));
      renameSync(partial, file);
    }
    return snapshot;
  } finally {
    await db.close();
  }
}
