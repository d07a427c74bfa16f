import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorId, createApiKey, revokeApiKey, setStaffActive, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { publicAnswerCacheOf } from '../../src/cache/public-answer-cache.js';
import { resolveSecurityOptions } from '../../src/security/security-options.js';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Tenant resolution (header, query, host name, API key), API keys and their
// origins, CORS per tenant, and staff sign-in through an external OpenID
// Connect provider (a real JWKS served over HTTP by this test), over real
// HTTP against buildApp on the test database.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PORTAL_A = 'https://portal-a.example.vn';
const PORTAL_B = 'https://portal-b.example.vn';
const HOST_A = 'gopy.a.example.vn';
const CATEGORIES = '{ categories { code } }';
const STAFF_PROBE = 'query Probe($id: ID!) { report(id: $id) { __typename ... on Error { code } } }';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let a: FixtureTenant;
let b: FixtureTenant;
let app: FastifyInstance;
let port: number;
const keys = {} as Record<'publicA' | 'secretA' | 'publicB' | 'revokedA', string>;

// The identity provider: a signing key served as a JWKS by a plain node:http server.
let idp: Server;
let issuer: string;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[]; error?: { code: string } };
}

/** One HTTP request with any headers (Host and Origin included), through node:http. */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Answer['json'] = {};
        try {
          json = text ? JSON.parse(text) : {};
        } catch {
          json = {};
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const gql = (query: string, headers: Record<string, string>, variables: Record<string, unknown> = {}) =>
  send('POST', '/graphql', headers, JSON.stringify({ query, variables }));

const codes = (answer: Answer) => ((answer.json.data?.categories ?? []) as { code: string }[]).map((c) => c.code);
const errorCode = (answer: Answer) => answer.json.errors?.[0]?.extensions?.code;

async function idToken(email: string, options: { audience?: string; key?: CryptoKey; kid?: string; expiresIn?: number; iss?: string; verified?: boolean | null } = {}) {
  const now = Math.floor(ctx.now().getTime() / 1000);
  const verified = options.verified === undefined ? true : options.verified;
  return new SignJWT({ email, ...(verified === null ? {} : { email_verified: verified }) })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'idp-1' })
    .setIssuer(options.iss ?? issuer)
    .setAudience(options.audience ?? 'paht-api')
    .setSubject(`idp|${email}`)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(options.key ?? signingKey);
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  a = await createFixtureTenant(ctx, 'ta-a', 'TA');
  b = await createFixtureTenant(ctx, 'ta-b', 'TB');
  // A tenant with no OpenID Connect provider.
  await createFixtureTenant(ctx, 'ta-c', 'TC');
  // A category only tenant A has: which tenant answered shows in `categories`.
  await withTenant(ctx.db, a.tenantId, async (tx) => {
    const policy = await tx.slaPolicy.findFirstOrThrow();
    await tx.category.create({ data: { tenantId: a.tenantId, code: 'ONLY-A', name: 'Chỉ A', nameEn: 'Only A', isPublic: true, defaultUnitId: a.roadsUnitId, slaPolicyId: policy.id } });
  });
  keys.publicA = (await createApiKey(ctx, a.tenantId, a.admin, { kind: 'PUBLIC', name: 'Cổng A', allowedOrigins: [PORTAL_A] })).key;
  keys.secretA = (await createApiKey(ctx, a.tenantId, a.admin, { kind: 'SECRET', name: 'Tổng đài A' })).key;
  keys.publicB = (await createApiKey(ctx, b.tenantId, b.admin, { kind: 'PUBLIC', name: 'Cổng B', allowedOrigins: [PORTAL_B] })).key;
  const revoked = await createApiKey(ctx, a.tenantId, a.admin, { kind: 'PUBLIC', name: 'Cũ', allowedOrigins: [PORTAL_A] });
  await revokeApiKey(ctx, a.tenantId, a.admin, revoked.record.id);
  keys.revokedA = revoked.key;

  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  idp = createServer((req, res) => {
    if (req.url === '/jwks') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  // Tenant B configures its provider itself, in its settings (a different audience).
  await ctx.db.prisma.tenant.update({
    where: { id: b.tenantId },
    data: { settings: { trackingPrefix: 'TB', oidc: { issuer, audience: 'paht-b', jwksUrl: `${issuer}/jwks` } } },
  });

  app = await buildApp({
    core: ctx,
    tenantHosts: { [HOST_A]: 'ta-a' },
    oidc: { 'ta-a': { issuer, audience: 'paht-api', jwksUrl: `${issuer}/jwks` } },
    corsOrigins: [],
    rateLimits: false,
    apiKeyCacheMs: 1000,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => idp?.close(resolve));
  await tdb?.close();
});

describe('tenant resolution', () => {
  it('takes the tenant from x-tenant, ?tenant= or the host name, in that order', async () => {
    expect(codes(await gql(CATEGORIES, { 'x-tenant': 'ta-a' }))).toContain('ONLY-A');
    expect(codes(await gql(CATEGORIES, { 'x-tenant': 'ta-b' }))).not.toContain('ONLY-A');
    const byQuery = await send('POST', '/graphql?tenant=ta-a', {}, JSON.stringify({ query: CATEGORIES }));
    expect(codes(byQuery)).toContain('ONLY-A');
    expect(codes(await gql(CATEGORIES, { host: HOST_A }))).toContain('ONLY-A');
    // The host name is only a fallback: a request naming its tenant keeps it.
    expect(codes(await gql(CATEGORIES, { host: HOST_A, 'x-tenant': 'ta-b' }))).toEqual(['ROADS']);
  });

  it('refuses a request that names no tenant, or an unknown one', async () => {
    const none = await gql(CATEGORIES, { host: 'unknown.example.vn' });
    expect(none.status).toBe(404);
    expect(errorCode(none)).toBe('TENANT_NOT_FOUND');
    const unknown = await gql(CATEGORIES, { 'x-tenant': 'no-such-tenant' });
    expect(errorCode(unknown)).toBe('TENANT_NOT_FOUND');
  });
});

describe('API keys', () => {
  it('a public key, from one of its origins, names its tenant', async () => {
    const answer = await gql(CATEGORIES, { 'x-api-key': keys.publicA, origin: PORTAL_A });
    expect(answer.status).toBe(200);
    expect(codes(answer)).toContain('ONLY-A');
    expect(answer.headers['access-control-allow-origin']).toBe(PORTAL_A);
  });

  it('a public key without an Origin, or from another origin, is refused', async () => {
    for (const headers of [{}, { origin: PORTAL_B }, { origin: 'https://evil.example' }] as Record<string, string>[]) {
      const answer = await gql(CATEGORIES, { 'x-api-key': keys.publicA, ...headers });
      expect(answer.status).toBe(403);
      expect(errorCode(answer)).toBe('ORIGIN_NOT_ALLOWED');
      expect(answer.json.data).toBeUndefined();
    }
  });

  it('a secret key works server to server, and never from a browser', async () => {
    const server = await gql(CATEGORIES, { 'x-api-key': keys.secretA });
    expect(codes(server)).toContain('ONLY-A');
    const browser = await gql(CATEGORIES, { 'x-api-key': keys.secretA, origin: PORTAL_A });
    expect(browser.status).toBe(403);
    expect(errorCode(browser)).toBe('SECRET_KEY_IN_BROWSER');
  });

  it('a key of tenant A with x-tenant B, or on B’s host name, is refused clearly', async () => {
    const mismatch = await gql(CATEGORIES, { 'x-api-key': keys.publicA, origin: PORTAL_A, 'x-tenant': 'ta-b' });
    expect(mismatch.status).toBe(403);
    expect(errorCode(mismatch)).toBe('TENANT_MISMATCH');
    expect(mismatch.json.errors?.[0]?.message).toMatch(/another tenant/);
    const sameTenant = await gql(CATEGORIES, { 'x-api-key': keys.publicA, origin: PORTAL_A, 'x-tenant': 'ta-a' });
    expect(codes(sameTenant)).toContain('ONLY-A');
    const hostOfA = await gql(CATEGORIES, { 'x-api-key': keys.publicB, origin: PORTAL_B, host: HOST_A });
    expect(errorCode(hostOfA)).toBe('TENANT_MISMATCH');
  });

  it('on the Open311 façade too: a key speaks for its tenant, and for no other jurisdiction', async () => {
    const base = `http://127.0.0.1:${port}/open311/v2`;
    const own = await fetch(`${base}/services.json`, { headers: { 'x-api-key': keys.secretA } });
    expect(own.status).toBe(200);
    expect(((await own.json()) as Array<{ service_code: string }>).map((s) => s.service_code)).toContain('ROADS');
    const other = await fetch(`${base}/requests.json?jurisdiction_id=ta-b`, { headers: { 'x-api-key': keys.secretA } });
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual([{ code: 403, description: expect.stringMatching(/another jurisdiction/) }]);
    const before = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
    const filing = await fetch(`${base}/requests.json`, {
      method: 'POST',
      headers: { 'x-api-key': keys.secretA, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ jurisdiction_id: 'ta-b', service_code: 'ROADS', description: 'Đèn đường hỏng ở ngã tư', lat: '16.8', long: '107.1', phone: '0905 111 222' }).toString(),
    });
    expect(filing.status).toBe(403);
    expect(await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports')).toEqual(before);
  });

  it('unknown, malformed and revoked keys are refused with 401', async () => {
    for (const key of ['pk_' + 'x'.repeat(32), 'not-a-key', '', keys.revokedA]) {
      const answer = await gql(CATEGORIES, { 'x-api-key': key, origin: PORTAL_A });
      expect(answer.status).toBe(401);
      expect(errorCode(answer)).toBe('INVALID_API_KEY');
    }
  });

  it('a refused key is refused even for a public answer the cache holds', async () => {
    const cache = publicAnswerCacheOf(app)!;
    await gql(CATEGORIES, { 'x-tenant': 'ta-a' });
    const hits = cache.stats.hits;
    expect(codes(await gql(CATEGORIES, { 'x-tenant': 'ta-a' }))).toContain('ONLY-A');
    expect(cache.stats.hits).toBe(hits + 1);
    for (const [key, origin] of [
      [keys.revokedA, PORTAL_A],
      [keys.publicA, PORTAL_B],
      [keys.publicB, PORTAL_B],
    ] as const) {
      const refused = await gql(CATEGORIES, { 'x-tenant': 'ta-a', 'x-api-key': key, origin });
      expect(refused.status).toBeGreaterThanOrEqual(401);
      expect(refused.json.data).toBeUndefined();
    }
    expect(cache.stats.hits).toBe(hits + 1);
  });

  it('a refused key changes nothing', async () => {
    const count = () => withTenant(ctx.db, a.tenantId, (tx) => tx.report.count());
    const before = await count();
    const submit = 'mutation Submit($input: SubmitReportInput!) { submitReport(input: $input) { __typename } }';
    const input = {
      title: 'Đèn đường hỏng',
      description: 'Đèn đường không sáng cả tuần nay, đoạn trước trường học.',
      channel: 'WEB',
      latitude: 16.8,
      longitude: 107.1,
      reporter: { fullName: 'Trần Thị Bình', phone: '0905 111 222' },
    };
    const refused = await gql(submit, { 'x-api-key': keys.revokedA, origin: PORTAL_A }, { input });
    expect(refused.status).toBe(401);
    expect(refused.body).not.toMatch(/0905|Bình/);
    expect(await count()).toBe(before);
    // The same submission with a valid key files the report.
    const accepted = await gql(submit, { 'x-api-key': keys.publicA, origin: PORTAL_A }, { input });
    expect(accepted.json.data?.submitReport).toEqual({ __typename: 'SubmitReportSuccess' });
    expect(await count()).toBe(before + 1);
  });
});

describe('CORS per tenant', () => {
  const preflight = (origin: string, path = '/graphql') =>
    send('OPTIONS', path, { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key,x-file-name' });

  it('allows a preflight from an origin of any tenant’s public key, with x-api-key and x-file-name', async () => {
    const answer = await preflight(PORTAL_B);
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(PORTAL_B);
    const allowed = String(answer.headers['access-control-allow-headers']).split(',').map((h) => h.trim());
    expect(allowed).toEqual(expect.arrayContaining(['x-api-key', 'x-file-name', 'x-tenant', 'authorization']));
  });

  it('does not allow other origins, nor another tenant’s origin when the URL names the tenant', async () => {
    expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
    expect((await preflight(PORTAL_B, '/graphql?tenant=ta-a')).headers['access-control-allow-origin']).toBeUndefined();
    expect((await preflight(PORTAL_A, '/graphql?tenant=ta-a')).headers['access-control-allow-origin']).toBe(PORTAL_A);
    const simple = await gql(CATEGORIES, { 'x-tenant': 'ta-a', origin: PORTAL_B });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows loopback origins outside production (local development)', async () => {
    expect((await preflight('http://localhost:5173')).headers['access-control-allow-origin']).toBe('http://localhost:5173');
  });

  it('picks up the origin of a new public key within seconds; a revoked key stops within apiKeyCacheMs', async () => {
    const origin = 'https://moi.example.vn';
    expect((await preflight(origin)).headers['access-control-allow-origin']).toBeUndefined();
    const created = await createApiKey(ctx, b.tenantId, b.admin, { kind: 'PUBLIC', name: 'Cổng mới', allowedOrigins: [origin] });
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await preflight(origin)).headers['access-control-allow-origin']).toBe(origin);
    // Used at once: the key check reads the database, not the CORS list.
    expect(codes(await gql(CATEGORIES, { 'x-api-key': created.key, origin }))).toEqual(['ROADS']);
    await revokeApiKey(ctx, b.tenantId, b.admin, created.record.id);
    // Resolved keys are kept for `apiKeyCacheMs` (1 s here): refused once that has passed.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(errorCode(await gql(CATEGORIES, { 'x-api-key': created.key, origin }))).toBe('INVALID_API_KEY');
  });
});

describe('staff sign-in through OpenID Connect', () => {
  const probe = async (token: string, tenant = 'ta-a') =>
    gql(STAFF_PROBE, { 'x-tenant': tenant, authorization: `Bearer ${token}` }, { id: crypto.randomUUID() });

  it('maps a valid ID token’s e-mail to the tenant’s staff account', async () => {
    const anonymous = await gql(STAFF_PROBE, { 'x-tenant': 'ta-a' }, { id: crypto.randomUUID() });
    expect((anonymous.json.data?.report as { __typename: string }).__typename).toBe('ForbiddenError');
    const staff = await probe(await idToken('IOC@example.gov.vn'));
    expect(staff.status).toBe(200);
    expect((staff.json.data?.report as { __typename: string }).__typename).toBe('NotFoundError');
  });

  it('refuses tokens with another audience, another key, another issuer, or expired', async () => {
    for (const token of [
      await idToken('ioc@example.gov.vn', { audience: 'someone-else' }),
      await idToken('ioc@example.gov.vn', { key: strangerKey }),
      await idToken('ioc@example.gov.vn', { key: strangerKey, kid: 'unknown-kid' }),
      await idToken('ioc@example.gov.vn', { expiresIn: -120 }),
      await idToken('ioc@example.gov.vn', { iss: 'https://other-idp.example' }),
    ]) {
      const answer = await probe(token);
      expect(answer.status).toBe(401);
      expect(errorCode(answer)).toBe('UNAUTHENTICATED');
      expect(answer.json.data ?? null).toBeNull();
    }
  });

  it('refuses an e-mail with no active staff account in the tenant, without echoing it', async () => {
    const stranger = await probe(await idToken('nobody@example.gov.vn'));
    expect(stranger.status).toBe(401);
    expect(stranger.json.errors?.[0]?.message).toMatch(/No active staff account/);
    expect(stranger.body).not.toContain('nobody@example.gov.vn');
    await setStaffActive(ctx, a.tenantId, a.admin, actorId(a.leader)!, false);
    const inactive = await probe(await idToken('lanhdao@example.gov.vn'));
    expect(inactive.status).toBe(401);
    await setStaffActive(ctx, a.tenantId, a.admin, actorId(a.leader)!, true);
    expect((await probe(await idToken('lanhdao@example.gov.vn'))).status).toBe(200);
  });

  it('refuses an e-mail the provider does not mark verified, absent or false', async () => {
    for (const verified of [false, null]) {
      const answer = await probe(await idToken('lanhdao@example.gov.vn', { verified }));
      expect(answer.status).toBe(401);
      expect(errorCode(answer)).toBe('UNAUTHENTICATED');
    }
  });

  it('uses a tenant’s own settings.oidc, with its audience, and never another tenant’s', async () => {
    const forB = await probe(await idToken('ioc@example.gov.vn', { audience: 'paht-b' }), 'ta-b');
    expect((forB.json.data?.report as { __typename: string }).__typename).toBe('NotFoundError');
    // Tenant A's audience is not tenant B's.
    expect((await probe(await idToken('ioc@example.gov.vn'), 'ta-b')).status).toBe(401);
  });
});

describe('signInWithOidc and staffSignInOptions', () => {
  const SIGN_IN = 'mutation S($t: String!) { signInWithOidc(idToken: $t) { __typename ... on SignInSuccess { token role } ... on Error { message } } }';
  const OPTIONS = '{ staffSignInOptions { password oidc { issuer clientId } } }';
  const signIn = async (token: string, tenant: string) =>
    (await gql(SIGN_IN, { 'x-tenant': tenant }, { t: token })).json.data?.signInWithOidc as { __typename: string; token?: string; role?: string; message?: string };

  it('tell a sign-in page each tenant’s own provider: the operator’s, the tenant’s settings, or none', async () => {
    const options = async (headers: Record<string, string>) => (await gql(OPTIONS, headers)).json.data?.staffSignInOptions;
    expect(await options({ 'x-tenant': 'ta-a' })).toEqual({ password: true, oidc: { issuer, clientId: 'paht-api' } });
    expect(await options({ 'x-tenant': 'ta-b' })).toEqual({ password: true, oidc: { issuer, clientId: 'paht-b' } });
    expect(await options({ 'x-tenant': 'ta-c' })).toEqual({ password: true, oidc: null });
  });

  it('exchange a provider’s ID token for the API’s own session, which then works as a password sign-in’s', async () => {
    const session = await signIn(await idToken('ioc@example.gov.vn'), 'ta-a');
    expect(session).toMatchObject({ __typename: 'SignInSuccess', role: 'IOC_OPERATOR' });
    const probe = await gql(STAFF_PROBE, { 'x-tenant': 'ta-a', authorization: `Bearer ${session.token!}` }, { id: crypto.randomUUID() });
    expect((probe.json.data?.report as { __typename: string }).__typename).toBe('NotFoundError');
    // The session is for tenant A only.
    expect((await gql(STAFF_PROBE, { 'x-tenant': 'ta-b', authorization: `Bearer ${session.token!}` }, { id: crypto.randomUUID() })).status).toBe(401);
  });

  it('refuse another tenant’s audience, an unknown e-mail, a foreign key and a tenant without a provider, without echoing the e-mail', async () => {
    expect((await signIn(await idToken('ioc@example.gov.vn'), 'ta-b')).__typename).toBe('ForbiddenError');
    const unknown = await signIn(await idToken('nobody@example.gov.vn'), 'ta-a');
    expect(unknown.__typename).toBe('ForbiddenError');
    expect(unknown.message).not.toContain('nobody');
    expect((await signIn(await idToken('ioc@example.gov.vn', { key: strangerKey }), 'ta-a')).__typename).toBe('ForbiddenError');
    expect((await signIn(await idToken('ioc@example.gov.vn'), 'ta-c')).__typename).toBe('ForbiddenError');
  });
});

describe('configuration from the environment', () => {
  it('reads host names, OIDC providers, CORS origins and trusted documents', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paht-trusted-'));
    const manifest = join(dir, 'manifest.json');
    const query = '{ categories { code } }';
    const hash = (await import('node:crypto')).createHash('sha256').update(query).digest('hex');
    await writeFile(manifest, JSON.stringify({ [hash]: query }));
    const resolved = resolveSecurityOptions(
      {},
      {
        PAHT_TENANT_HOSTS: 'GoPy.QuangTri.gov.vn=quang-tri, gopy.quangnam.gov.vn=quang-nam',
        PAHT_OIDC: JSON.stringify({ 'quang-tri': { issuer: 'https://sso.quangtri.gov.vn', audience: 'paht', jwksUrl: 'https://sso.quangtri.gov.vn/jwks' } }),
        PAHT_CORS_ORIGINS: 'https://console.example.vn, https://IOC.example.vn',
        PAHT_TRUSTED_DOCUMENTS: manifest,
      },
    );
    expect([...resolved.tenantHosts]).toEqual([
      ['gopy.quangtri.gov.vn', 'quang-tri'],
      ['gopy.quangnam.gov.vn', 'quang-nam'],
    ]);
    expect(resolved.oidc['quang-tri']?.issuer).toBe('https://sso.quangtri.gov.vn');
    expect(resolved.corsOrigins).toEqual(['https://console.example.vn', 'https://ioc.example.vn']);
    expect(resolved.trustedDocuments?.get(hash)).toBe(query);
    expect(resolved.rateLimits?.rules.signIn).toEqual({ perIp: 10, perKey: 600 });
  });

  it('refuses malformed settings at start-up, not at the first request', async () => {
    expect(() => resolveSecurityOptions({}, { PAHT_TENANT_HOSTS: 'gopy.example.vn' })).toThrow(RangeError);
    expect(() => resolveSecurityOptions({ trustedDocuments: { 'not-a-hash': '{ units { id } }' } }, {})).toThrow(/sha256/);
    expect(() => resolveSecurityOptions({}, { PAHT_OIDC: '{not json' })).toThrow(SyntaxError);
  });
});
