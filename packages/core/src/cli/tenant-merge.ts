// `pnpm tenant:merge --from <slug> --into <slug>`: merges one tenant into
// another (docs/tenant-merge.md) on DATABASE_URL, or on the PGlite folder
// DATA_DIR (default .data/pglite) like `pnpm tenant:create`. Arguments:
// node:util parseArgs, as in tenant-create.ts. Running servers are told
// through REDIS_URL, when set (tell-servers.ts).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createCoreContext } from '../context.js';
import { openDatabase } from '../db/database.js';
import { isDomainError } from '../errors.js';
import { mergeTenants, TenantMergedError } from '../tenants/merge-tenants.js';
import { tellServers } from './tell-servers.js';

const usage = [
  'Usage: pnpm tenant:merge --from <slug> --into <slug> [--json]',
  '',
  'Merges the tenant --from into the tenant --into in one transaction: units, categories, SLA policies,',
  'staff, reports and their history, audit log and indicators move with their ids; tracking codes keep',
  'working; the former tenant’s API keys are revoked and its slug leads to the merged tenant.',
  'Codes and e-mails the merged tenant has already are suffixed with the former slug (listed).',
  'Database: DATABASE_URL (PostgreSQL), else the PGlite folder DATA_DIR (default .data/pglite).',
  'Running servers: told through REDIS_URL when set (they drop both tenants’ cached answers at once);',
  'without it they serve cached answers for up to 60 s (5 s with a read replica).',
  '',
  'Exit codes: 0 merged; 1 refused (unknown or same tenant, or merged already; nothing changed); 2 wrong usage.',
].join('\n');

let values: { from?: string; into?: string; json?: boolean; help?: boolean };
try {
  values = parseArgs({
    options: { from: { type: 'string' }, into: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.from || !values.into) {
  console.error(`Missing: ${[values.from ? '' : '--from', values.into ? '' : '--into'].filter(Boolean).join(', ')} (see --help)`);
  process.exit(2);
}

const url = process.env.DATABASE_URL;
const db = await openDatabase(url ? { url } : { dataDir: process.env.DATA_DIR ?? '.data/pglite' });
// A merge derives no report secret: any key will do when none is given.
const core = createCoreContext(db, { secretKey: process.env.PAHT_SECRET_KEY ?? randomBytes(32).toString('base64url') });
let exitCode = 0;
try {
  const result = await mergeTenants(core, { from: values.from, into: values.into }, 'cli');
  // Everything public of both changed (reports, categories and units moved), and the former slug leads elsewhere.
  await tellServers([result.from.id, result.into.id]);
  if (values.json) {
    console.log(JSON.stringify(result));
  } else {
    const moved = Object.entries(result.moved)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `  ${table.padEnd(26)} ${n}`);
    const renamed = result.renamed.map((r) => `  ${r.table}: ${r.from} → ${r.to}`);
    console.log(
      [
        `Merged ${result.from.slug} into ${result.into.slug} at ${result.mergedAt.toISOString()}.`,
        'Moved (ids kept):',
        ...moved,
        `API keys of ${result.from.slug} revoked: ${result.revokedApiKeys}`,
        renamed.length ? 'Renamed (taken in the merged tenant):' : 'Nothing renamed.',
        ...renamed,
      ].join('\n'),
    );
  }
} catch (error) {
  if (error instanceof TenantMergedError) {
    exitCode = 1;
    console.error(`Refused, nothing changed: ${error.message} (${error.code})`);
  } else if (isDomainError(error)) {
    exitCode = 1;
    const fields = (error.details.fields ?? []).map((f) => `  ${f.path || '(input)'}: ${f.messageEn}`);
    console.error([`Refused, nothing changed: ${error.message}`, ...fields].join('\n'));
  } else {
    throw error;
  }
} finally {
  await db.close();
}
// Explicit: process.exitCode set above does not survive the database's shutdown (PGlite).
process.exit(exitCode);
