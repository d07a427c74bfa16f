// A province from nothing to a configured tenant, as an operator does it:
// `pnpm tenant:create` run as a process on the database, the first admin's
// sign-in over HTTP with the one-time password, the forced password change,
// then an SLA policy, a category on it and a public key through the admin
// API; and the operator API (POST /operator/tenants) with its credential.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@paht/client-sdk';
import { listTenants, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, testContext, testEngine, type TestDatabase } from '../../../core/test/support/test-database.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const OPERATOR_TOKEN = 'operator-token-for-tests-0123456789abcdef';
const ERR = '__typename ... on Error { errorCode: code message } ... on ValidationError { fields { path } }';

let tdb: TestDatabase;
let app: FastifyInstance;
let base: string;
let core: ReturnType<typeof testContext>;

/** Runs `pnpm tenant:create` (the script's command line) on the test database. */
function tenantCreate(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@paht/source', '--import', 'tsx', 'packages/core/src/cli/tenant-create.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: tdb.url! },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function gql(tenant: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: { result: Record<string, unknown> }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!.result;
}

const SIGN_IN = `mutation S($email: String!, $password: String!) { result: signIn(email: $email, password: $password) { __typename ... on Error { errorCode: code message } ... on SignInSuccess { token role passwordChangeRequired } } }`;
const CHANGE = `mutation C($current: String!, $next: String!) { result: changePassword(currentPassword: $current, newPassword: $next) { ${ERR} ... on PasswordChanged { userId passwordChangeRequired } } }`;
const POLICY = `mutation P($input: SlaPolicyInput!) { result: upsertSlaPolicy(input: $input) { ${ERR} ... on SlaPolicy { code resolveMinutes } } }`;
const CATEGORY = `mutation C($input: CategoryInput!) { result: upsertCategory(input: $input) { ${ERR} ... on CategoryConfig { code slaPolicy { code } } } }`;
const API_KEY = `mutation K($input: CreateApiKeyInput!) { result: createApiKey(input: $input) { ${ERR} ... on NewApiKey { key apiKey { kind allowedOrigins } } } }`;

const FLAGS = [
  '--slug', 'ha-tinh',
  '--name', 'Tỉnh Hà Tĩnh',
  '--name-en', 'Ha Tinh Province',
  '--province-code', '42',
  '--tracking-prefix', 'HT',
  '--office-hours', '1-5=07:00-11:30,13:30-17:00',
  '--admin-email', 'Admin@HaTinh.gov.vn',
  '--admin-name', 'Nguyễn Thị Quản Trị',
];

beforeAll(async () => {
  tdb = await openTestDatabase();
  core = testContext(tdb.db, new Date());
  app = await buildApp({ core, operatorToken: OPERATOR_TOKEN });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe.runIf(testEngine() === 'postgres')('pnpm tenant:create, then the first admin over HTTP', () => {
  it('lists its flags with --help and names the missing ones without a terminal, writing nothing', async () => {
    const help = await tenantCreate(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--slug', '--name-en', '--tracking-prefix', '--office-hours', '--admin-email', '--public-key-origin']) expect(help.stdout).toContain(flag);
    const missing = await tenantCreate(['--slug', 'ha-tinh']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing: --name, --name-en');
    expect(await listTenants(core)).toHaveLength(0);
  });

  it.runIf(existsSync('/usr/bin/script'))('asks for the missing flags in a terminal (answers typed or pasted)', async () => {
    // util-linux `script` gives the command a pseudo-terminal; stdin stays open until the command ends.
    const command = ['node', '--conditions=@paht/source', '--import', 'tsx', 'packages/core/src/cli/tenant-create.ts', '--slug', 'quang-binh', '--json'].join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: tdb.url! } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.write(['Tỉnh Quảng Bình', 'Quang Binh Province', '44', 'QB', 'admin@quangbinh.gov.vn', 'Hoàng Văn Quản Trị', ''].join('\n'));
    expect(await exited).toBe(0);
    child.stdin.destroy();
    expect(output).toContain("first tenant admin's e-mail");
    expect(output).toContain('"oneTimePassword"');
    const created = (await listTenants(core)).find((t) => t.slug === 'quang-binh');
    expect(created).toMatchObject({ name: 'Tỉnh Quảng Bình', nameEn: 'Quang Binh Province', provinceCode: '44' });
  });

  it('refuses invalid input with every field named, changing nothing', async () => {
    const before = (await listTenants(core)).length;
    const bad = await tenantCreate([...FLAGS.slice(0, 6), '--province-code', '4', '--tracking-prefix', 'ht', '--admin-email', 'not-an-address', '--admin-name', 'X']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Refused, nothing written');
    for (const path of ['tenant.provinceCode', 'tenant.trackingPrefix', 'admin.email']) expect(bad.stderr).toContain(path);
    const hours = await tenantCreate([...FLAGS.filter((f) => f !== '1-5=07:00-11:30,13:30-17:00' && f !== '--office-hours'), '--office-hours', '1=11:30-07:00']);
    expect(hours.code).toBe(1);
    expect(await listTenants(core)).toHaveLength(before);
  });

  it('creates the tenant and its admin, who must change the one-time password before anything else', async () => {
    const created = await tenantCreate([...FLAGS, '--json']);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const out = JSON.parse(created.stdout) as { tenant: { slug: string }; admin: { email: string }; oneTimePassword: string };
    expect(out).toMatchObject({ tenant: { slug: 'ha-tinh' }, admin: { email: 'admin@hatinh.gov.vn' } });
    expect(out.oneTimePassword).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    const tenant = (await listTenants(core)).find((t) => t.slug === 'ha-tinh');
    expect(tenant).toMatchObject({ slug: 'ha-tinh', name: 'Tỉnh Hà Tĩnh', nameEn: 'Ha Tinh Province', timezone: 'Asia/Ho_Chi_Minh' });
    expect(tenant!.workingHours['1']).toEqual([['07:00', '11:30'], ['13:30', '17:00']]);
    // A second run with the same slug is refused.
    expect((await tenantCreate(FLAGS)).code).toBe(1);

    const signedIn = await gql('ha-tinh', SIGN_IN, { email: 'admin@hatinh.gov.vn', password: out.oneTimePassword });
    expect(signedIn).toMatchObject({ __typename: 'SignInSuccess', role: 'TENANT_ADMIN', passwordChangeRequired: true });
    const token = signedIn.token as string;
    const policyInput = { code: 'STANDARD_HT', name: 'Tiêu chuẩn', clock: 'WORKING', classifyMinutes: 240, acceptMinutes: 480, resolveMinutes: 7200 };
    // Until the change, the token opens nothing else.
    expect(await gql('ha-tinh', POLICY, { input: policyInput }, token)).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('changePassword') });

    expect(await gql('ha-tinh', CHANGE, { current: 'wrong-password-1234', next: 'a-new-long-password-42' }, token)).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await gql('ha-tinh', CHANGE, { current: out.oneTimePassword, next: out.oneTimePassword }, token)).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'newPassword' }] });
    expect(await gql('ha-tinh', CHANGE, { current: out.oneTimePassword, next: 'short' }, token)).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'newPassword' }] });
    expect(await gql('ha-tinh', CHANGE, { current: out.oneTimePassword, next: 'Hà Tĩnh mật khẩu mới 2026' }, token)).toMatchObject({
      __typename: 'PasswordChanged',
      passwordChangeRequired: false,
    });
    // The one-time password is spent; the new one signs in without conditions.
    expect(await gql('ha-tinh', SIGN_IN, { email: 'admin@hatinh.gov.vn', password: out.oneTimePassword })).toMatchObject({ __typename: 'ForbiddenError' });
    const again = await gql('ha-tinh', SIGN_IN, { email: 'admin@hatinh.gov.vn', password: 'Hà Tĩnh mật khẩu mới 2026' });
    expect(again).toMatchObject({ __typename: 'SignInSuccess', passwordChangeRequired: false });

    // The same token now carries the admin's rights.
    expect(await gql('ha-tinh', POLICY, { input: policyInput }, token)).toMatchObject({ __typename: 'SlaPolicy', code: 'STANDARD_HT', resolveMinutes: 7200 });
    const category = { code: 'ROADS', name: 'Giao thông', nameEn: 'Roads', slaPolicyCode: 'STANDARD_HT' };
    expect(await gql('ha-tinh', CATEGORY, { input: category }, token)).toMatchObject({ __typename: 'CategoryConfig', code: 'ROADS', slaPolicy: { code: 'STANDARD_HT' } });
    const key = await gql('ha-tinh', API_KEY, { input: { kind: 'PUBLIC', name: 'Cổng tỉnh', allowedOrigins: ['https://dichvucong.hatinh.gov.vn'] } }, token);
    expect(key).toMatchObject({ __typename: 'NewApiKey', key: expect.stringMatching(/^pk_/), apiKey: { kind: 'PUBLIC' } });

    // The public key works from its origin: the new tenant's public categories.
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key.key as string, origin: 'https://dichvucong.hatinh.gov.vn' },
      body: JSON.stringify({ query: '{ categories { code } }' }),
    });
    expect(((await res.json()) as { data: { categories: { code: string }[] } }).data.categories).toEqual([{ code: 'ROADS' }]);

    const actions = (await withTenant(tdb.db, tenant!.id, (tx) => tx.auditEntry.findMany())).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['tenant.create', 'staff.password-change', 'sla-policy.upsert', 'category.upsert', 'api-key.create']));
  });
});

describe('The operator API: POST /operator/tenants', () => {
  const body = {
    tenant: { slug: 'nghe-an', name: 'Tỉnh Nghệ An', nameEn: 'Nghe An Province', kind: 'PROVINCE', provinceCode: '40', trackingPrefix: 'NA' },
    admin: { email: 'qtv@nghean.gov.vn', fullName: 'Trần Văn Vận Hành' },
  };
  const call = (payload: unknown, authorization?: string) =>
    fetch(`${base}/operator/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(payload),
    });

  it('refuses a call without the operator token, or with a tenant admin\'s token or a wrong one, with a typed 401', async () => {
    const before = (await listTenants(core)).length;
    for (const authorization of [undefined, 'Bearer wrong-token', `Bearer ${OPERATOR_TOKEN}x`, OPERATOR_TOKEN]) {
      const res = await call(body, authorization);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    }
    expect(await listTenants(core)).toHaveLength(before);
  });

  it('refuses invalid input with the fields (400) and a taken slug (409), changing nothing', async () => {
    const before = (await listTenants(core)).length;
    const res = await call({ tenant: { ...body.tenant, slug: 'Nghe An', timezone: 'Asia/Ho_Chi_Minh' }, admin: { email: 'x' } }, `Bearer ${OPERATOR_TOKEN}`);
    expect(res.status).toBe(400);
    const refused = (await res.json()) as { error: { code: string; fields: { path: string }[] } };
    expect(refused.error.code).toBe('VALIDATION');
    expect(refused.error.fields.map((f) => f.path)).toEqual(expect.arrayContaining(['tenant.slug', 'admin.email', 'admin.fullName']));
    expect(await listTenants(core)).toHaveLength(before);
  });

  it('creates a tenant and its first admin with the operator token, audited; the admin must change the password', async () => {
    const res = await call(body, `Bearer ${OPERATOR_TOKEN}`);
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const created = (await res.json()) as { tenant: { id: string; slug: string }; oneTimePassword: string };
    expect(created.tenant.slug).toBe('nghe-an');
    const entries = await withTenant(tdb.db, created.tenant.id, (tx) => tx.auditEntry.findMany());
    expect(entries).toEqual([expect.objectContaining({ action: 'tenant.create', actorRole: 'SYSTEM', data: expect.objectContaining({ by: 'operator-api' }) })]);
    expect(JSON.stringify(entries.map((e) => e.data))).not.toContain(created.oneTimePassword);
    expect((await call(body, `Bearer ${OPERATOR_TOKEN}`)).status).toBe(409);

    // The SDK's way through the first sign-in.
    const client = createClient({ endpoint: `${base}/graphql`, tenant: 'nghe-an' });
    const session = await client.signIn(body.admin.email, created.oneTimePassword);
    if (session.__typename !== 'SignInSuccess') throw new Error(session.__typename);
    expect(session.passwordChangeRequired).toBe(true);
    const changed = await client.withToken(session.token).changePassword(created.oneTimePassword, 'Nghệ An mật khẩu riêng 2026');
    expect(changed).toMatchObject({ __typename: 'PasswordChanged', passwordChangeRequired: false });
  });

  it('is off (404) when no operator token is configured', async () => {
    const off = await buildApp({ core: testContext(tdb.db, new Date()), operatorToken: null });
    try {
      const res = await off.inject({ method: 'POST', url: '/operator/tenants', payload: body });
      expect(res.statusCode).toBe(404);
    } finally {
      await off.close();
    }
  });
});
