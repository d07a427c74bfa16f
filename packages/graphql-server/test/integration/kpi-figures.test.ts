import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, submitReport, transitionReport, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { approveAnswer, createClient, draftAnswer, getKpiFigures, getStatistics, resolveReport } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Issue 13, report-handling figures over HTTP through the SDK: a "closed –
// not fixed" answer (drafted by an officer with its reason, approved by the
// unit leader) is its own outcome beside a resolved one; groupings; refusals.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let base: string;
const tokens: Record<string, string> = {};

const client = (token?: string, tenant = 'figures') => createClient({ endpoint: `${base}/graphql`, tenant, ...(token ? { token } : {}) });

async function signIn(email: string, tenant = 'figures'): Promise<string> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { ... on SignInSuccess { token } } }', variables: { e: email, p: PASSWORD } }),
  });
  return ((await response.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
}

async function acceptedByRoads(): Promise<string> {
  const r = await submitReport(ctx, t.tenantId, {
    title: 'Cây đổ chắn lối đi',
    description: 'Cây lớn đổ sau bão chắn lối đi vào khu dân cư.',
    address: 'Phường Đông Hà',
    reporter: { fullName: 'Lê Văn Cường', phone: '0912 345 678' },
  });
  await transitionReport(ctx, t.tenantId, t.operator, r.id, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
  await transitionReport(ctx, t.tenantId, t.operator, r.id, { type: 'ASSIGN', unitId: t.roadsUnitId });
  await transitionReport(ctx, t.tenantId, t.roadsOfficer, r.id, { type: 'ACCEPT' });
  return r.id;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'figures', 'FG');
  await createFixtureTenant(ctx, 'figures-other', 'FO');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx, rateLimits: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  tokens.officer = await signIn('officer@example.gov.vn');
  tokens.unitLeader = await signIn('leader@example.gov.vn');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('report-handling figures through the API', () => {
  it('keeps a "not fixed" answer apart from resolved ones, with the reason the officer drafted', async () => {
    const notFixed = await acceptedByRoads();
    const refused = await draftAnswer(client(tokens.officer), { id: notFixed, answer: 'Không xử lý được.', outcome: 'NOT_FIXED' });
    expect(refused).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'reason' }] });
    const drafted = await draftAnswer(client(tokens.officer), { id: notFixed, answer: 'Cây thuộc khuôn viên tư nhân.', outcome: 'NOT_FIXED', reason: 'Ngoài phạm vi quản lý của đơn vị' });
    expect(drafted.__typename).toBe('ReportTransition');
    const approved = await approveAnswer(client(tokens.unitLeader), { id: notFixed });
    expect(approved).toMatchObject({ __typename: 'ReportTransition', status: 'RESOLVED' });
    const fixed = await acceptedByRoads();
    expect(await resolveReport(client(tokens.unitLeader), { id: fixed, answer: 'Đã dọn cây.' })).toMatchObject({ status: 'RESOLVED' });

    const [stored] = await tdb.db.query<{ reason: string | null; outcome: string | null }>(
      `SELECT e.reason, e.data->>'outcome' AS outcome FROM report_events e WHERE e.report_id = $1 AND e.type = 'RESOLVE'`,
      [notFixed],
    );
    expect(stored).toEqual({ reason: 'Ngoài phạm vi quản lý của đơn vị', outcome: 'NOT_FIXED' });

    const figures = await getKpiFigures(client(tokens.unitLeader), { ...MARCH, groupBy: 'UNIT', includePrivate: true });
    expect(figures.__typename).toBe('KpisSuccess');
    if (figures.__typename !== 'KpisSuccess') return;
    expect(figures.data).toEqual([
      expect.objectContaining({ key: t.roadsUnitId, received: 2, resolved: 1, resolvedOnTime: 1, resolvedLate: 0, notFixed: 1, open: 0, classified: 2, publishedShare: 0 }),
    ]);
    expect(figures.data[0]!.medianHandlingHours).toBeGreaterThanOrEqual(0);
  });

  it('groups the public figures by channel and by quarter; another tenant counts nothing of them', async () => {
    const byChannel = await getStatistics(client(), { ...MARCH, groupBy: 'CHANNEL' });
    expect(byChannel).toMatchObject({ __typename: 'KpisSuccess', data: [{ key: 'WEB', label: 'Cổng thông tin', labelEn: 'Web portal', received: 2 }] });
    const byQuarter = await getKpiFigures(client(), { ...MARCH, groupBy: 'QUARTER' });
    expect(byQuarter).toMatchObject({ __typename: 'KpisSuccess', data: [{ key: '2026-Q1', received: 2, notFixed: 1 }] });
    expect(await getKpiFigures(client(undefined, 'figures-other'), MARCH)).toEqual({ __typename: 'KpisSuccess', data: [] });
  });

  it('refuses a bad day as a ValidationError, private figures to the public as ForbiddenError, and an unknown grouping as bad input', async () => {
    expect(await getKpiFigures(client(), { from: '2026-02-30', to: '2026-03-31' })).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'from' }] });
    expect(await getKpiFigures(client(), { ...MARCH, includePrivate: true })).toMatchObject({ __typename: 'ForbiddenError' });
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenant': 'figures' },
      body: JSON.stringify({ query: 'query { kpis(from: "2026-03-01", to: "2026-03-31", groupBy: HOUR) { __typename } }' }),
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
