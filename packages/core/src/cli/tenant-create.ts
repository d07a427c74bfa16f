// `pnpm tenant:create`: creates a tenant and its first tenant admin (and, on
// request, a public key for the widgets) on DATABASE_URL, or on the PGlite
// folder DATA_DIR (default .data/pglite) like `pnpm db:migrate`. Flags, or
// questions for the missing ones when stdin is a terminal; `--help` lists them.
//
// Arguments: node:util parseArgs; questions: node:readline/promises. Both are
// Node's own, so the operator's tool adds no dependency, and nothing asked
// is secret (the one-time password is generated, never typed).
import { randomBytes } from 'node:crypto';
import { stdin, stdout } from 'node:process';
import { createInterface } from 'node:readline/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { createApiKey } from '../auth/api-keys.js';
import { createCoreContext } from '../context.js';
import { openDatabase } from '../db/database.js';
import { isDomainError } from '../errors.js';
import { parseInput } from '../config/parse-input.js';
import { createTenantWithAdmin, type CreateTenantInput } from '../tenants/create-tenant.js';
import { tenantSettingsSchema } from '../tenants/tenant-settings-schema.js';
import { parseOfficeHours } from './office-hours-flag.js';

const OPTIONS = {
  slug: { type: 'string', help: 'tenant slug: lower-case words joined by dashes (quang-tri)', required: true },
  name: { type: 'string', help: 'name in Vietnamese (Tỉnh Quảng Trị)', required: true },
  'name-en': { type: 'string', help: 'name in English (Quang Tri Province)', required: true },
  kind: { type: 'string', help: 'PROVINCE or CITY', required: true, default: 'PROVINCE' },
  'province-code': { type: 'string', help: 'two-digit official province code (45)', required: true },
  timezone: { type: 'string', help: 'IANA time zone', required: true, default: 'Asia/Ho_Chi_Minh' },
  'tracking-prefix': { type: 'string', help: '2–4 capital letters starting tracking codes (QT)', required: true },
  'office-hours': { type: 'string', help: "office hours, e.g. '1-5=07:30-11:30,13:30-17:00' (default Mon–Fri 07:30–11:30, 13:30–17:00), or JSON", required: false },
  'allowed-origin': { type: 'string', multiple: true, help: 'web origin allowed to embed the widgets (repeatable)', required: false },
  'admin-email': { type: 'string', help: "first tenant admin's e-mail", required: true },
  'admin-name': { type: 'string', help: "first tenant admin's full name", required: true },
  'public-key-origin': { type: 'string', multiple: true, help: 'also create a public key for the widgets on this origin (repeatable)', required: false },
  json: { type: 'boolean', help: 'print the result as one JSON object (for scripts)', required: false },
  help: { type: 'boolean', short: 'h', help: 'show this help', required: false },
} as const;
type Name = keyof typeof OPTIONS;

function usage(): string {
  const lines = ['Usage: pnpm tenant:create [flags]', '', 'Creates a tenant and its first tenant admin, who gets a one-time password to change at the first sign-in.', 'Database: DATABASE_URL (PostgreSQL), else the PGlite folder DATA_DIR (default .data/pglite). Run `pnpm db:migrate` first.', ''];
  for (const [name, o] of Object.entries(OPTIONS)) {
    const flag = `--${name}${o.type === 'string' ? ' <value>' : ''}`;
    const extra = [o.required ? 'required' : '', 'default' in o ? `default ${o.default}` : ''].filter(Boolean).join(', ');
    lines.push(`  ${flag.padEnd(30)} ${o.help}${extra ? ` (${extra})` : ''}`);
  }
  lines.push('', 'Missing required flags are asked for when stdin is a terminal; otherwise the command stops and names them (exit code 2).');
  lines.push('Exit codes: 0 created; 1 refused (invalid input or a taken slug; nothing was written); 2 wrong usage.');
  return lines.join('\n');
}

const fail = (code: number, message: string): never => {
  console.error(message);
  process.exit(code);
};

const parsed = (() => {
  try {
    const options = Object.fromEntries(
      Object.entries(OPTIONS).map(([name, o]) => [name, { type: o.type, ...('multiple' in o ? { multiple: o.multiple } : {}), ...('short' in o ? { short: o.short } : {}) }]),
    ) as NonNullable<ParseArgsConfig['options']>;
    return parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return fail(2, `${(error as Error).message}\n\n${usage()}`);
  }
})() as Partial<Record<Name, string | string[] | boolean>>;

if (parsed.help) {
  console.log(usage());
  process.exit(0);
}

const values = parsed as Record<string, string | string[] | boolean | undefined>;
const missing = (Object.keys(OPTIONS) as Name[]).filter((n) => OPTIONS[n].required && values[n] === undefined && !('default' in OPTIONS[n]));
if (missing.length > 0) {
  if (!stdin.isTTY) fail(2, `Missing: ${missing.map((n) => `--${n}`).join(', ')} (see --help)`);
  const rl = createInterface({ input: stdin, output: stdout });
  // Lines are buffered by the iterator, so answers pasted at once are not lost.
  const lines = rl[Symbol.asyncIterator]();
  for (const name of missing) {
    rl.setPrompt(`${OPTIONS[name].help}: `);
    rl.prompt();
    const answer = await lines.next();
    if (answer.done) fail(2, '\nStopped: no answer (nothing written).');
    values[name] = String(answer.value).trim();
  }
  rl.close();
}
const text = (name: Name): string => {
  const v = values[name];
  return typeof v === 'string' ? v : 'default' in OPTIONS[name] ? String(OPTIONS[name].default) : '';
};
const list = (name: Name): string[] => {
  const v = values[name];
  return Array.isArray(v) ? v : [];
};

let workingHours: ReturnType<typeof parseOfficeHours> | undefined;
try {
  workingHours = values['office-hours'] ? parseOfficeHours(text('office-hours')) : undefined;
} catch (error) {
  fail(1, `Refused, nothing written: --office-hours: ${(error as Error).message}`);
}

const input: CreateTenantInput = {
  tenant: {
    slug: text('slug'),
    name: text('name'),
    nameEn: text('name-en'),
    kind: text('kind') as 'PROVINCE' | 'CITY',
    provinceCode: text('province-code'),
    timezone: text('timezone'),
    trackingPrefix: text('tracking-prefix'),
    ...(workingHours ? { workingHours } : {}),
    allowedOrigins: list('allowed-origin'),
  },
  admin: { email: text('admin-email'), fullName: text('admin-name') },
};
const keyOrigins = list('public-key-origin');

const url = process.env.DATABASE_URL;
const db = await openDatabase(url ? { url } : { dataDir: process.env.DATA_DIR ?? '.data/pglite' });
// Creating a tenant derives no report secret: any key will do when none is given.
const core = createCoreContext(db, { secretKey: process.env.PAHT_SECRET_KEY ?? randomBytes(32).toString('base64url') });
let refused = false;
try {
  // The key's origins are checked before anything is written, by the settings' own rule.
  parseInput(z.object({ publicKeyOrigin: tenantSettingsSchema.shape.allowedOrigins }), { publicKeyOrigin: keyOrigins });
  const created = await createTenantWithAdmin(core, input, 'cli');
  const publicKey =
    keyOrigins.length > 0
      ? (await createApiKey(core, created.tenant.id, { role: 'TENANT_ADMIN', userId: created.admin.id }, { kind: 'PUBLIC', name: 'Widgets', allowedOrigins: keyOrigins })).key
      : null;
  if (values.json) {
    console.log(JSON.stringify({ tenant: { id: created.tenant.id, slug: created.tenant.slug }, admin: created.admin, oneTimePassword: created.oneTimePassword, publicKey }));
  } else {
    console.log(
      [
        `Created tenant ${created.tenant.slug} (${created.tenant.name} / ${created.tenant.nameEn}).`,
        `First tenant admin: ${created.admin.email}`,
        `One-time password:  ${created.oneTimePassword}`,
        '  Shown only now: hand it over privately. It must be changed at the first sign-in.',
        ...(publicKey ? [`Public key for the widgets (${keyOrigins.join(', ')}): ${publicKey}`] : []),
      ].join('\n'),
    );
  }
} catch (error) {
  if (!isDomainError(error)) throw error;
  const fields = (error.details.fields ?? []).map((f) => `  ${f.path || '(input)'}: ${f.messageEn}`);
  refused = true;
  console.error([`Refused, nothing written: ${error.message}`, ...fields].join('\n'));
} finally {
  await db.close();
}
// Explicit: process.exitCode set above does not survive the database's shutdown (PGlite).
process.exit(refused ? 1 : 0);
