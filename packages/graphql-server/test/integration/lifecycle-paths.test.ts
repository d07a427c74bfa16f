import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Every report mutation the end-to-end walk does not take, over real HTTP:
// reject, return, start, extend, request and provide information, reopen,
// close; each with its refusals (wrong role, wrong unit, wrong secret, bad
// input, wrong state), and proof that a refusal changes nothing.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const STEP = 10 * 60_000;

const RESULT = `__typename
  ... on ReportTransition { status reportId entry { type note } sla { dueAt } }
  ... on Error { code message }
  ... on ValidationError { fields { path } }
  ... on IllegalTransitionError { fromStatus }`;

interface Outcome {
  __typename: string;
  status?: string;
  code?: string;
  fields?: Array<{ path: string }>;
  fromStatus?: string | null;
  entry?: { type: string; note: string | null };
  sla?: { dueAt: string | null } | null;
}

type Value = string | number | boolean | { enum: string } | null | undefined;
/** A GraphQL argument list from values (JSON string syntax is GraphQL's). */
const argsOf = (args: Record<string, Value>) =>
  Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v !== null && typeof v === 'object' ? v.enum : JSON.stringify(v)}`)
    .join(', ');

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let base: string;
const token: Record<'operator' | 'officer' | 'leader' | 'ward' | 'admin', string> = { operator: '', officer: '', leader: '', ward: '', admin: '' };

async function post(query: string, bearer?: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'paths', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown> };
}

/** Runs one mutation (moving the clock on by ten minutes first: staff tokens expire) and returns its result. */
async function act(bearer: string | undefined, name: string, args: Record<string, Value>): Promise<Outcome> {
  ctx.advance(STEP);
  const body = await post(`mutation { result: ${name}(${argsOf(args)}) { ${RESULT} } }`, bearer);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.result as Outcome;
}

/** What staff see of a report: status, last change and timeline length. */
async function snapshot(id: string) {
  const body = await post(`query { report(id: ${JSON.stringify(id)}) { ... on Report { status updatedAt dueAt timeline { seq } } } }`, token.operator);
  return body.data!.report as { status: string; updatedAt: string; dueAt: string | null; timeline: Array<{ seq: number }> };
}

/** Asserts the refusal and that the report is exactly as before it. */
async function refused(id: string, run: () => Promise<Outcome>, expected: Partial<Outcome>): Promise<void> {
  const before = await snapshot(id);
  expect(await run()).toMatchObject(expected);
  expect(await snapshot(id)).toEqual(before);
}

async function submit(title: string): Promise<{ id: string; trackingCode: string; secret: string }> {
  const input = `{ title: ${JSON.stringify(title)}, description: "Mô tả chi tiết của phản ánh để kiểm thử các bước.", channel: APP, latitude: 16.8163, longitude: 107.1003, reporter: { phone: "0905 444 555" } }`;
  const body = await post(`mutation { submitReport(input: ${input}) { ... on SubmitReportSuccess { id trackingCode secret } } }`);
  return body.data!.submitReport as { id: string; trackingCode: string; secret: string };
}

async function signIn(email: string): Promise<string> {
  const body = await post(`mutation { signIn(email: ${JSON.stringify(email)}, password: ${JSON.stringify(PASSWORD)}) { ... on SignInSuccess { token } } }`);
  return (body.data!.signIn as { token: string }).token;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'paths', 'PT');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  token.operator = await signIn('ioc@example.gov.vn');
  token.officer = await signIn('officer@example.gov.vn');
  token.leader = await signIn('leader@example.gov.vn');
  token.ward = await signIn('ward@example.gov.vn');
  token.admin = await signIn('admin@example.gov.vn');
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('the clock between whole minutes', () => {
  it('gives whole remaining minutes, rounded down, when the clock is not on a minute', async () => {
    const r = await submit('Đèn tín hiệu giao thông tắt');
    ctx.advance(30_500);
    const body = await post(`query { trackReport(trackingCode: ${JSON.stringify(r.trackingCode)}, secret: ${JSON.stringify(r.secret)}) { ... on TrackedReport { report { sla { remainingMinutes } } } } }`);
    expect(body.errors).toBeUndefined();
    const minutes = (body.data!.trackReport as { report: { sla: { remainingMinutes: number } } }).report.sla.remainingMinutes;
    expect(Number.isInteger(minutes)).toBe(true);
  });
});

describe('rejecting', () => {
  it('lets the IOC turn a report away with a reason the citizen reads, once', async () => {
    const original = await submit('Phản ánh gốc về đèn đường');
    const copy = await submit('Phản ánh trùng về đèn đường');
    await refused(copy.id, () => act(token.ward, 'rejectReport', { id: copy.id, rejection: { enum: 'DUPLICATE' }, reason: 'Trùng' }), { __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    await refused(copy.id, () => act(undefined, 'rejectReport', { id: copy.id, rejection: { enum: 'SPAM' }, reason: 'Rác' }), { __typename: 'ForbiddenError' });
    await refused(copy.id, () => act(token.operator, 'rejectReport', { id: copy.id, rejection: { enum: 'DUPLICATE' }, reason: '' }), { __typename: 'ValidationError', fields: [{ path: 'reason' }] });
    await refused(copy.id, () => act(token.operator, 'rejectReport', { id: '00000000-0000-4000-8000-000000000000', rejection: { enum: 'SPAM' }, reason: 'Không có' }), { __typename: 'NotFoundError' });

    const rejected = await act(token.operator, 'rejectReport', { id: copy.id, rejection: { enum: 'DUPLICATE' }, reason: 'Trùng với phản ánh đã tiếp nhận', duplicateOfCode: original.trackingCode });
    expect(rejected).toMatchObject({ __typename: 'ReportTransition', status: 'REJECTED', entry: { type: 'REJECT' } });
    await refused(copy.id, () => act(token.operator, 'rejectReport', { id: copy.id, rejection: { enum: 'SPAM' }, reason: 'Lần nữa' }), {
      __typename: 'IllegalTransitionError',
      fromStatus: 'REJECTED',
    });

    // The citizen (with the secret) reads the reason; the public sees the step only (a rejected report's content is not public).
    const trackedBy = async (secret: string | null) => {
      const args = `trackingCode: ${JSON.stringify(copy.trackingCode)}${secret ? `, secret: ${JSON.stringify(secret)}` : ''}`;
      const tracked = await post(`query { trackReport(${args}) { ... on TrackedReport { report { status timeline { type note } } } } }`);
      return (tracked.data!.trackReport as { report: { status: string; timeline: Array<{ type: string; note: string | null }> } }).report;
    };
    const report = await trackedBy(copy.secret);
    expect(report.status).toBe('REJECTED');
    expect(report.timeline.at(-1)).toEqual({ type: 'REJECT', note: 'Trùng với phản ánh đã tiếp nhận' });
    expect((await trackedBy(null)).timeline.at(-1)).toEqual({ type: 'REJECT', note: null });
  });
});

describe('a unit at work', () => {
  it('returns, starts, extends, asks the citizen, gets the answer, resolves; the citizen reopens; the IOC closes', async () => {
    const r = await submit('Cống thoát nước bị tắc');
    expect(await act(token.operator, 'classifyReport', { id: r.id, categoryId: t.roadsCategoryId })).toMatchObject({ status: 'CLASSIFIED' });
    expect(await act(token.operator, 'assignReport', { id: r.id, unitId: t.roadsUnitId })).toMatchObject({ status: 'ASSIGNED' });

    // Return: only the assigned unit, with a reason.
    await refused(r.id, () => act(token.ward, 'returnReport', { id: r.id, reason: 'Không thuộc thẩm quyền' }), { __typename: 'ForbiddenError' });
    await refused(r.id, () => act(token.officer, 'returnReport', { id: r.id, reason: '   ' }), { __typename: 'ValidationError' });
    expect(await act(token.officer, 'returnReport', { id: r.id, reason: 'Thuộc thẩm quyền của phường' })).toMatchObject({ status: 'CLASSIFIED', entry: { type: 'RETURN' } });
    expect(await act(token.operator, 'assignReport', { id: r.id, unitId: t.roadsUnitId })).toMatchObject({ status: 'ASSIGNED' });
    await refused(r.id, () => act(token.officer, 'startReport', { id: r.id }), { __typename: 'IllegalTransitionError', fromStatus: 'ASSIGNED' });
    expect(await act(token.officer, 'acceptReport', { id: r.id })).toMatchObject({ status: 'ACCEPTED' });
    await refused(r.id, () => act(token.ward, 'startReport', { id: r.id }), { __typename: 'ForbiddenError' });
    expect(await act(token.officer, 'startReport', { id: r.id })).toMatchObject({ status: 'IN_PROGRESS' });

    // Extend: the unit's leader (or the IOC), by a positive number of minutes, with a reason.
    await refused(r.id, () => act(token.officer, 'extendDeadline', { id: r.id, extensionMinutes: 450, reason: 'Cần thêm thời gian' }), { __typename: 'ForbiddenError' });
    await refused(r.id, () => act(token.leader, 'extendDeadline', { id: r.id, extensionMinutes: -30, reason: 'Âm' }), { __typename: 'ValidationError' });
    const before = await snapshot(r.id);
    const extended = await act(token.leader, 'extendDeadline', { id: r.id, extensionMinutes: 450, reason: 'Chờ vật tư thay nắp cống' });
    expect(extended).toMatchObject({ __typename: 'ReportTransition', status: 'IN_PROGRESS', entry: { type: 'EXTEND' } });
    const after = await snapshot(r.id);
    expect(new Date(after.dueAt!).getTime()).toBeGreaterThan(new Date(before.dueAt!).getTime());

    // Ask the citizen; the citizen answers with the secret only.
    expect(await act(token.officer, 'requestInfo', { id: r.id, reason: 'Xin chụp thêm ảnh vị trí cống' })).toMatchObject({ status: 'WAITING_FOR_CITIZEN' });
    await refused(r.id, () => act(undefined, 'provideInfo', { trackingCode: r.trackingCode, secret: 'doan-mo', reason: 'Ảnh đây' }), { __typename: 'ForbiddenError' });
    await refused(r.id, () => act(undefined, 'provideInfo', { trackingCode: 'PT-000-000-000', secret: r.secret, reason: 'Ảnh đây' }), { __typename: 'NotFoundError' });
    expect(await act(undefined, 'provideInfo', { trackingCode: r.trackingCode, secret: r.secret, reason: 'Cống ở trước số nhà 8, đã gửi ảnh' })).toMatchObject({ status: 'IN_PROGRESS' });

    expect(await act(token.officer, 'resolveReport', { id: r.id, answer: 'Đã nạo vét cống.' })).toMatchObject({ status: 'RESOLVED' });
    expect(await act(token.operator, 'publishReport', { id: r.id })).toMatchObject({ status: 'PUBLISHED' });

    // Not satisfied: reopen with a rating out of range is refused, then done right.
    await refused(r.id, () => act(undefined, 'reopenReport', { trackingCode: r.trackingCode, secret: r.secret, rating: 9, reason: 'Vẫn tắc' }), { __typename: 'ValidationError' });
    expect(await act(undefined, 'reopenReport', { trackingCode: r.trackingCode, secret: r.secret, rating: 2, reason: 'Vẫn còn tắc sau mưa' })).toMatchObject({ status: 'IN_PROGRESS' });
    expect(await act(token.officer, 'resolveReport', { id: r.id, answer: 'Đã thay nắp và nạo vét lại.' })).toMatchObject({ status: 'RESOLVED' });
    expect(await act(token.operator, 'publishReport', { id: r.id })).toMatchObject({ status: 'PUBLISHED' });

    // No rating came: the IOC closes; nothing more can happen.
    await refused(r.id, () => act(token.officer, 'closeReport', { id: r.id }), { __typename: 'ForbiddenError' });
    expect(await act(token.operator, 'closeReport', { id: r.id, reason: 'Quá hạn đánh giá' })).toMatchObject({ status: 'CLOSED' });
    await refused(r.id, () => act(undefined, 'rateReport', { trackingCode: r.trackingCode, secret: r.secret, rating: 5 }), { __typename: 'IllegalTransitionError', fromStatus: 'CLOSED' });
    await refused(r.id, () => act(token.operator, 'closeReport', { id: r.id }), { __typename: 'IllegalTransitionError' });

    const timeline = (await snapshot(r.id)).timeline;
    expect(timeline.map((e) => e.seq)).toEqual(timeline.map((_, i) => i + 1));
  });

  it('refuses staff mutations to a read-only leader and to the admin, changing nothing', async () => {
    const r = await submit('Biển báo giao thông bị đổ');
    const leader = await signIn('lanhdao@example.gov.vn');
    await refused(r.id, () => act(leader, 'classifyReport', { id: r.id, categoryId: t.roadsCategoryId }), { __typename: 'ForbiddenError' });
    await refused(r.id, () => act(token.admin, 'rejectReport', { id: r.id, rejection: { enum: 'SPAM' }, reason: 'Không' }), { __typename: 'ForbiddenError' });
  });
});
