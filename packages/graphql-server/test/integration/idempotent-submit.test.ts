import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorId, createApiKey } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { issueStaffToken } from '../../src/auth/staff-token.js';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// An idempotency key replays a submission only when the replay is the same
// request (Stripe's rule): same tenant, same caller class, same normalised
// input. Anything else is a typed CONFLICT that tells nothing of the first
// report — above all not its tracking code or secret. Over real HTTP.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');

const SUBMIT = `mutation Submit($input: SubmitReportInput!) {
  submitReport(input: $input) {
    __typename
    ... on SubmitReportSuccess { id trackingCode secret submittedAt replayed }
    ... on Error { code message }
  }
}`;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let a: FixtureTenant;
let app: FastifyInstance;
let base: string;
let secretApiKey: string;
let staffToken: string;

const input = (key: string, extra: Record<string, unknown> = {}) => ({
  title: 'Cây đổ chắn ngang đường',
  description: 'Cây xà cừ đổ sau mưa bão, chắn hết lòng đường Trần Hưng Đạo.',
  latitude: 16.8163,
  longitude: 107.1003,
  reporter: { fullName: 'Phan Văn Khải', phone: '0905 111 222' },
  idempotencyKey: key,
  ...extra,
});

async function submit(tenant: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant, ...headers },
    body: JSON.stringify({ query: SUBMIT, variables: { input: variables } }),
  });
  const text = await response.text();
  return { status: response.status, text, result: JSON.parse(text).data?.submitReport };
}

const reportCount = () => tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports').then((rows) => rows[0]!.n);

/** The refusal: a typed CONFLICT, nothing of the first report in the answer, nothing filed. */
async function expectRefused(answer: Promise<Awaited<ReturnType<typeof submit>>>, first: { id: string; trackingCode: string; secret: string }) {
  const before = await reportCount();
  const { status, text, result } = await answer;
  expect(status).toBe(200);
  expect(result).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
  for (const leaked of [first.id, first.trackingCode, first.secret]) expect(text).not.toContain(leaked);
  expect(await reportCount()).toBe(before);
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  a = await createFixtureTenant(ctx, 'idem-a', 'IA');
  await createFixtureTenant(ctx, 'idem-b', 'IB');
  secretApiKey = (await createApiKey(ctx, a.tenantId, a.admin, { kind: 'SECRET', name: 'Tổng đài' })).key;
  staffToken = (await issueStaffToken(ctx.secretKey, { userId: actorId(a.operator)!, tenantId: a.tenantId, role: 'IOC_OPERATOR', unitId: a.iocUnitId }, ctx.now())).token;
  // No rate limits: this file files more reports from one address than a citizen would.
  app = await buildApp({ core: ctx, rateLimits: false, redisUrl: null });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('a submission replayed with its idempotency key', () => {
  it('answers an exact replay with the same report and the same secret, also when spelled differently but equal once normalised', async () => {
    const first = await submit('idem-a', input('idem-exact-0001'));
    expect(first.result).toMatchObject({ __typename: 'SubmitReportSuccess', replayed: false });
    const count = await reportCount();

    const again = await submit('idem-a', input('idem-exact-0001'));
    expect(again.result).toEqual({ ...first.result, replayed: true });
    const respelled = await submit('idem-a', input('idem-exact-0001', { title: '  Cây đổ chắn ngang đường ', reporter: { fullName: 'Phan Văn Khải', phone: '+84905111222' } }));
    expect(respelled.result).toEqual({ ...first.result, replayed: true });
    expect(await reportCount()).toBe(count);
  });

  it('refuses the key with another body: CONFLICT, never the first citizen’s code or secret', async () => {
    const first = (await submit('idem-a', input('idem-body-0001'))).result;
    await expectRefused(submit('idem-a', input('idem-body-0001', { title: 'Một phản ánh khác hẳn' })), first);
    await expectRefused(submit('idem-a', input('idem-body-0001', { reporter: { fullName: 'Phan Văn Khải', phone: '0905 999 888' } })), first);
    // Nothing else is needed to tell a stranger from the citizen: the key alone is refused, and the first still replays.
    expect((await submit('idem-a', input('idem-body-0001'))).result).toEqual({ ...first, replayed: true });
  });

  it('refuses the key from another caller class: a staff account, an API key, or anonymous after either', async () => {
    const anonymous = (await submit('idem-a', input('idem-caller-0001'))).result;
    await expectRefused(submit('idem-a', input('idem-caller-0001'), { authorization: `Bearer ${staffToken}` }), anonymous);
    await expectRefused(submit('idem-a', input('idem-caller-0001'), { 'x-api-key': secretApiKey }), anonymous);

    const keyed = (await submit('idem-a', input('idem-caller-0002'), { 'x-api-key': secretApiKey })).result;
    expect(keyed).toMatchObject({ __typename: 'SubmitReportSuccess', replayed: false });
    expect((await submit('idem-a', input('idem-caller-0002'), { 'x-api-key': secretApiKey })).result).toEqual({ ...keyed, replayed: true });
    await expectRefused(submit('idem-a', input('idem-caller-0002')), keyed);

    const staff = (await submit('idem-a', input('idem-caller-0003'), { authorization: `Bearer ${staffToken}` })).result;
    expect((await submit('idem-a', input('idem-caller-0003'), { authorization: `Bearer ${staffToken}` })).result).toEqual({ ...staff, replayed: true });
    await expectRefused(submit('idem-a', input('idem-caller-0003')), staff);
  });

  it('keeps keys per tenant: the same key and body in another tenant files that tenant’s own report', async () => {
    const inA = (await submit('idem-a', input('idem-tenant-0001'))).result;
    const inB = await submit('idem-b', input('idem-tenant-0001'));
    expect(inB.result).toMatchObject({ __typename: 'SubmitReportSuccess', replayed: false });
    expect(inB.result.trackingCode).toMatch(/^IB-/);
    for (const leaked of [inA.id, inA.trackingCode, inA.secret]) expect(inB.text).not.toContain(leaked);
  });

  it('refuses a key used before fingerprints were kept: it cannot be told from a stranger’s', async () => {
    const first = (await submit('idem-a', input('idem-legacy-0001'))).result;
    await tdb.db.query('UPDATE reports SET submission_fingerprint = NULL WHERE id = $1', [first.id]);
    await expectRefused(submit('idem-a', input('idem-legacy-0001')), first);
  });
});

describe('Open311 POST with an Idempotency-Key header', () => {
  const post = async (fields: Record<string, string>, key: string) => {
    const response = await fetch(`${base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': key },
      body: new URLSearchParams({ jurisdiction_id: 'idem-a', service_code: 'ROADS', address_string: '5 Trần Hưng Đạo, Đông Hà', phone: '0905 111 222', ...fields }).toString(),
    });
    return { status: response.status, text: await response.text() };
  };

  it('answers a faithful retry with the same request id, and another body with 409 that names no request', async () => {
    const description = 'Cột đèn nghiêng sắp đổ trước số nhà 5, rất nguy hiểm.';
    const first = await post({ description }, 'open311-key-0001');
    expect(first.status).toBe(200);
    const id = JSON.parse(first.text)[0].service_request_id as string;
    const count = await reportCount();

    expect(await post({ description }, 'open311-key-0001')).toEqual(first);
    const refused = await post({ description: 'Một yêu cầu khác hẳn với cùng khóa.' }, 'open311-key-0001');
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.text)).toEqual([{ code: 409, description: expect.stringContaining('Idempotency-Key') }]);
    expect(refused.text).not.toContain(id);
    expect(await reportCount()).toBe(count);
  });
});
