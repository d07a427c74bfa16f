import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorId } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { issueStaffToken } from '../../src/auth/staff-token.js';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Working calendars are built once per process and reused (core's
// calendar/calendar-cache.ts). A change an admin makes through the API must
// still move the very next deadline: a day off, its removal, a new policy.
// Another tenant with the same calendar is not moved. Over real HTTP.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const ERR = '__typename ... on Error { code message }';
const SUBMIT = `mutation S($input: SubmitReportInput!) { submitReport(input: $input) { ${ERR} ... on SubmitReportSuccess { trackingCode secret } } }`;
const TRACK = `query T($code: String!, $secret: String) { trackReport(trackingCode: $code, secret: $secret) { ${ERR} ... on TrackedReport { report { dueAt sla { stage dueAt } } } } }`;
const SET_DAY = `mutation D($input: CalendarDayInput!) { result: setCalendarDay(input: $input) { ${ERR} } }`;
const REMOVE_DAY = `mutation R($date: String!) { result: removeCalendarDay(date: $date) { ${ERR} } }`;
const POLICY = `mutation P($input: SlaPolicyInput!) { result: upsertSlaPolicy(input: $input) { ${ERR} } }`;

let tdb: TestDatabase;
let app: FastifyInstance;
let endpoint: string;
const tenants: Record<'a' | 'b', { fixture: FixtureTenant; adminToken: string; trackingCode: string; secret: string }> = {} as never;

async function post(tenant: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Record<string, { __typename: string } & Record<string, unknown>>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, { __typename: string } & Record<string, unknown>>; errors?: unknown };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body));
  return body.data;
}

const slug = (key: 'a' | 'b') => `cal-${key}`;

/** The citizen's view of the tenant's report: its displayed deadline and its SLA stage's. */
async function dueOf(key: 'a' | 'b'): Promise<{ dueAt: string; stage: string; slaDueAt: string }> {
  const { trackReport } = await post(slug(key), TRACK, { code: tenants[key].trackingCode, secret: tenants[key].secret });
  const report = (trackReport as unknown as { report: { dueAt: string; sla: { stage: string; dueAt: string } } }).report;
  return { dueAt: report.dueAt, stage: report.sla.stage, slaDueAt: report.sla.dueAt };
}

async function asAdmin(key: 'a' | 'b', query: string, variables: Record<string, unknown>): Promise<void> {
  const { result } = await post(slug(key), query, variables, tenants[key].adminToken);
  expect(result!.__typename).not.toMatch(/Error$/);
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  const ctx = testContext(tdb.db, MONDAY_9AM);
  app = await buildApp({ core: ctx, rateLimits: false, redisUrl: null });
  endpoint = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
  for (const key of ['a', 'b'] as const) {
    const fixture = await createFixtureTenant(ctx, slug(key), key === 'a' ? 'CA' : 'CB');
    const adminToken = (await issueStaffToken(ctx.secretKey, { userId: actorId(fixture.admin)!, tenantId: fixture.tenantId, role: 'TENANT_ADMIN', unitId: null }, ctx.now())).token;
    const input = { title: 'Đèn đường hỏng', description: 'Đèn đường trước chợ không sáng ba đêm liền.', address: 'Đông Hà, Quảng Trị', reporter: { fullName: 'Lê Thị Cúc', phone: '0905 222 333' } };
    const { submitReport } = await post(slug(key), SUBMIT, { input });
    if (submitReport!.__typename !== 'SubmitReportSuccess') throw new Error(JSON.stringify(submitReport));
    const { trackingCode, secret } = submitReport as unknown as { trackingCode: string; secret: string };
    tenants[key] = { fixture, adminToken, trackingCode, secret };
  }
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('cached working calendars and SLA policies', () => {
  it('move the next deadline as soon as an admin changes a day off or a policy, in that tenant only', async () => {
    // Submitted Monday 09:00 local; classification within 240 working minutes: 09:00–11:30, 13:30–15:00.
    const before = await dueOf('a');
    expect(before).toEqual({ dueAt: '2026-03-02T08:00:00.000Z', stage: 'CLASSIFY', slaDueAt: '2026-03-02T08:00:00.000Z' });
    expect(await dueOf('b')).toEqual(before);

    // Monday becomes a day off: the clock starts on Tuesday at 07:30 and runs 240 minutes, to 11:30.
    await asAdmin('a', SET_DAY, { input: { date: '2026-03-02', kind: 'HOLIDAY', name: 'Nghỉ bù' } });
    expect((await dueOf('a')).slaDueAt).toBe('2026-03-03T04:30:00.000Z');
    expect(await dueOf('b')).toEqual(before);

    await asAdmin('a', REMOVE_DAY, { date: '2026-03-02' });
    expect(await dueOf('a')).toEqual(before);

    // A stricter policy: 60 working minutes from 09:00.
    await asAdmin('a', POLICY, { input: { code: 'STANDARD', name: 'Tiêu chuẩn', clock: 'WORKING', classifyMinutes: 60, acceptMinutes: 480, resolveMinutes: 2250, warnRatio: 0.8 } });
    expect((await dueOf('a')).slaDueAt).toBe('2026-03-02T03:00:00.000Z');
    expect(await dueOf('b')).toEqual(before);
  });
});
