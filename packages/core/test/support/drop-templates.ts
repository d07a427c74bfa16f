import pg from 'pg';

/** The run's template databases are named `paht_tpl_<runId>_…` (database-templates.ts). */
export const templatePrefix = (runId: string): string => `paht_tpl_${runId}_`;

/** Drops the run's templates (`runId`), for a server that outlives the run (TEST_PG_URL). */
export async function dropTemplates(adminUrl: string, runId: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${templatePrefix(runId)}%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
