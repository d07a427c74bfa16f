import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient, typedDocument, type PahtClient, type SubmitReportInput } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// What anyone holding a tracking code sees, over real HTTP, through GraphQL
// and Open311 alike: one rule in core (`hasPublicContent`). A report that is
// private, of a private category, or rejected shows its progress only:
// statuses and dates, no note, no answer, no text, place, unit or files.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';

const QUESTION = 'Xin cho biết tên cán bộ và thời điểm xảy ra việc';
const OWN_ANSWER = 'Tôi là Lê Thị Hoa, cán bộ Trần Văn Tham thu 2 triệu đồng';
const REJECTION = 'Trùng nội dung với phản ánh về nhà văn hoá thôn';

const TRACK = `query Track($code: String!, $secret: String) {
  trackReport(trackingCode: $code, secret: $secret) {
    __typename
    ... on TrackedReport {
      access
      report {
        trackingCode status visibility title description category { code } unit { code }
        latitude longitude address areaCode answer rating
        attachments { id }
        timeline { seq type status at note }
      }
    }
    ... on Error { code message }
  }
}`;

type TransitionResult = { __typename: string; status?: string };
const CLASSIFY = typedDocument<Record<string, TransitionResult>, { id: string; categoryId: string }>(
  'mutation Classify($id: ID!, $categoryId: ID!) { result: classifyReport(id: $id, categoryId: $categoryId) { __typename ... on ReportTransition { status } } }',
);
const ASSIGN = typedDocument<Record<string, TransitionResult>, { id: string; unitId: string }>(
  'mutation Assign($id: ID!, $unitId: ID!) { result: assignReport(id: $id, unitId: $unitId) { __typename ... on ReportTransition { status } } }',
);
const ACCEPT = typedDocument<Record<string, TransitionResult>, { id: string }>(
  'mutation Accept($id: ID!) { result: acceptReport(id: $id) { __typename ... on ReportTransition { status } } }',
);
const RESOLVE = typedDocument<Record<string, TransitionResult>, { id: string; answer: string }>(
  'mutation Resolve($id: ID!, $answer: String!) { result: resolveReport(id: $id, answer: $answer) { __typename ... on ReportTransition { status } } }',
);
const PUBLISH = typedDocument<Record<string, TransitionResult>, { id: string }>(
  'mutation Publish($id: ID!) { result: publishReport(id: $id) { __typename ... on ReportTransition { status } } }',
);
const REJECT = typedDocument<Record<string, TransitionResult>, { id: string; reason: string }>(
  'mutation Reject($id: ID!, $reason: String!) { result: rejectReport(id: $id, rejection: OUT_OF_SCOPE, reason: $reason) { __typename ... on ReportTransition { status } } }',
);
const REQUEST_INFO = typedDocument<Record<string, TransitionResult>, { id: string; reason: string }>(
  'mutation Ask($id: ID!, $reason: String!) { result: requestInfo(id: $id, reason: $reason) { __typename ... on ReportTransition { status } } }',
);
const PROVIDE_INFO = typedDocument<Record<string, TransitionResult>, { trackingCode: string; secret: string; reason: string }>(
  'mutation Reply($trackingCode: String!, $secret: String!, $reason: String!) { result: provideInfo(trackingCode: $trackingCode, secret: $secret, reason: $reason) { __typename ... on ReportTransition { status } } }',
);

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let base: string;

const submission = (extra: Partial<SubmitReportInput> = {}): SubmitReportInput => ({
  title: 'Cán bộ phường gây phiền hà',
  description: 'Cán bộ tiếp dân yêu cầu nộp thêm tiền ngoài quy định khi làm thủ tục.',
  channel: 'WEB',
  latitude: 16.8163,
  longitude: 107.1003,
  address: '12 Lê Lợi, Đông Hà',
  areaCode: '19333',
  reporter: { fullName: 'Lê Thị Hoa', phone: '0905 111 222' },
  ...extra,
});

async function signedIn(email: string): Promise<PahtClient> {
  const client = createClient({ endpoint: `${base}/graphql`, tenant: 'privacy' });
  const result = await client.signIn(email, PASSWORD);
  if (result.__typename !== 'SignInSuccess') throw new Error(result.message);
  return client.withToken(result.token);
}

async function submitted(input: SubmitReportInput) {
  const result = await createClient({ endpoint: `${base}/graphql`, tenant: 'privacy' }).submitReport(input);
  if (result.__typename !== 'SubmitReportSuccess') throw new Error(result.message);
  return result;
}

async function step<V>(client: PahtClient, doc: ReturnType<typeof typedDocument<Record<string, TransitionResult>, V>>, variables: V, status: string) {
  const { result } = await client.request(doc, variables);
  expect(result).toMatchObject({ __typename: 'ReportTransition', status });
}

/** The tracker by code (and secret) over HTTP: the parsed answer and the exact body text. */
async function track(code: string, secret?: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'privacy' },
    body: JSON.stringify({ query: TRACK, variables: { code, ...(secret ? { secret } : {}) } }),
  });
  const text = await response.text();
  return { text, tracked: JSON.parse(text).data.trackReport };
}

async function open311(path: string) {
  const response = await fetch(`${base}/open311/v2${path}`);
  return { status: response.status, text: await response.text() };
}

/** A report waiting for the citizen's answer to the unit's question, then answered by the citizen. */
async function askedAndAnswered(input: SubmitReportInput, categoryId: string) {
  const report = await submitted(input);
  const operator = await signedIn('ioc@example.gov.vn');
  const ward = await signedIn('ward@example.gov.vn');
  const citizen = createClient({ endpoint: `${base}/graphql`, tenant: 'privacy' });
  await step(operator, CLASSIFY, { id: report.id, categoryId }, 'CLASSIFIED');
  await step(operator, ASSIGN, { id: report.id, unitId: t.wardUnitId }, 'ASSIGNED');
  await step(ward, ACCEPT, { id: report.id }, 'ACCEPTED');
  await step(ward, REQUEST_INFO, { id: report.id, reason: QUESTION }, 'WAITING_FOR_CITIZEN');
  await step(citizen, PROVIDE_INFO, { trackingCode: report.trackingCode, secret: report.secret, reason: OWN_ANSWER }, 'IN_PROGRESS');
  return report;
}

const PROGRESS_ONLY = {
  title: null,
  description: null,
  category: null,
  unit: null,
  latitude: null,
  longitude: null,
  address: null,
  areaCode: null,
  answer: null,
  rating: null,
  attachments: [],
};

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'privacy', 'PV');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('a private report seen by its tracking code alone', () => {
  it('shows its progress only: statuses and dates, no question, no answer of the citizen, no text, place or unit', async () => {
    const report = await askedAndAnswered(submission({ categoryId: t.misconductCategoryId }), t.misconductCategoryId);

    const { text, tracked } = await track(report.trackingCode);
    expect(tracked).toMatchObject({ __typename: 'TrackedReport', access: 'PUBLIC', report: { status: 'IN_PROGRESS', visibility: 'PRIVATE', ...PROGRESS_ONLY } });
    expect(tracked.report.timeline.map((e: { type: string; status: string; note: string | null }) => [e.type, e.status, e.note])).toEqual([
      ['SUBMIT', 'SUBMITTED', null],
      ['CLASSIFY', 'CLASSIFIED', null],
      ['ASSIGN', 'ASSIGNED', null],
      ['ACCEPT', 'ACCEPTED', null],
      ['REQUEST_INFO', 'WAITING_FOR_CITIZEN', null],
      ['PROVIDE_INFO', 'IN_PROGRESS', null],
    ]);
    for (const words of [QUESTION, OWN_ANSWER, 'Lê Thị Hoa', 'Trần Văn Tham', 'Lê Lợi', 'P-DONGHA', 'MISCONDUCT']) expect(text).not.toContain(words);

    // The citizen holding the secret reads the question and their own answer.
    const own = await track(report.trackingCode, report.secret);
    expect(own.tracked.access).toBe('CITIZEN');
    expect(own.tracked.report.timeline.filter((e: { note: string | null }) => e.note).map((e: { note: string }) => e.note)).toEqual([QUESTION, OWN_ANSWER]);

    // Open311 has no progress-only view: not found, alone or among ids.
    expect((await open311(`/requests/${report.trackingCode}.json?jurisdiction_id=privacy`)).status).toBe(404);
    const listed = await open311(`/requests.json?jurisdiction_id=privacy&service_request_id=${report.trackingCode}`);
    expect(listed).toEqual({ status: 200, text: '[]' });
  });
});

describe('a rejected report seen by its tracking code alone', () => {
  it('shows its progress, the rejection as a step without its reason, nothing it said; Open311 agrees by not showing it', async () => {
    const report = await submitted(submission({ title: 'Nhà văn hoá thôn xuống cấp', description: 'Mái nhà văn hoá thôn bị dột, tường nứt nhiều chỗ.' }));
    const operator = await signedIn('ioc@example.gov.vn');
    await step(operator, REJECT, { id: report.id, reason: REJECTION }, 'REJECTED');

    const { text, tracked } = await track(report.trackingCode);
    expect(tracked).toMatchObject({ access: 'PUBLIC', report: { status: 'REJECTED', visibility: 'PUBLIC', ...PROGRESS_ONLY } });
    expect(tracked.report.timeline.map((e: { type: string; note: string | null }) => [e.type, e.note])).toEqual([
      ['SUBMIT', null],
      ['REJECT', null],
    ]);
    for (const words of [REJECTION, 'Nhà văn hoá', 'Mái nhà', 'Lê Lợi']) expect(text).not.toContain(words);

    // The citizen keeps their report and the reason it was turned away.
    const own = await track(report.trackingCode, report.secret);
    expect(own.tracked.report).toMatchObject({ title: 'Nhà văn hoá thôn xuống cấp', address: '12 Lê Lợi, Đông Hà' });
    expect(own.tracked.report.timeline.at(-1)).toMatchObject({ type: 'REJECT', note: REJECTION });

    for (const format of ['json', 'xml']) {
      const one = await open311(`/requests/${report.trackingCode}.${format}?jurisdiction_id=privacy`);
      expect(one.status).toBe(404);
      expect(one.text).not.toContain('Nhà văn hoá');
    }
    expect((await open311(`/requests.json?jurisdiction_id=privacy&service_request_id=${report.trackingCode}`)).text).toBe('[]');
  });
});

describe('a public report seen by its tracking code alone', () => {
  it('shows the unit’s question, never the citizen’s own answer; Open311 says the same', async () => {
    const report = await askedAndAnswered(
      submission({ title: 'Ổ gà trước trường học', description: 'Ổ gà sâu trước cổng trường, học sinh dễ ngã khi đi xe đạp.' }),
      t.roadsCategoryId,
    );
    const { text, tracked } = await track(report.trackingCode);
    expect(tracked.report).toMatchObject({ title: 'Ổ gà trước trường học', unit: { code: 'P-DONGHA' } });
    expect(tracked.report.timeline.filter((e: { note: string | null }) => e.note).map((e: { type: string; note: string }) => [e.type, e.note])).toEqual([
      ['REQUEST_INFO', QUESTION],
    ]);
    expect(text).not.toContain(OWN_ANSWER);

    const one = await open311(`/requests/${report.trackingCode}.json?jurisdiction_id=privacy`);
    expect(one.status).toBe(200);
    expect(JSON.parse(one.text)[0]).toMatchObject({ status_notes: QUESTION, description: 'Ổ gà sâu trước cổng trường, học sinh dễ ngã khi đi xe đạp.' });
    expect(one.text).not.toContain(OWN_ANSWER);
  });
});

describe('an answer seen by tracking code alone', () => {
  it('stays with the citizen and staff until the IOC publishes it, in GraphQL and Open311 alike', async () => {
    const ANSWER = 'Đã san lấp ổ gà, chờ IOC duyệt trước khi công bố';
    const report = await submitted(submission({ title: 'Ổ gà đường Lê Duẩn', description: 'Ổ gà lớn giữa đường Lê Duẩn gây nguy hiểm cho xe máy.' }));
    const operator = await signedIn('ioc@example.gov.vn');
    const ward = await signedIn('ward@example.gov.vn');
    await step(operator, CLASSIFY, { id: report.id, categoryId: t.roadsCategoryId }, 'CLASSIFIED');
    await step(operator, ASSIGN, { id: report.id, unitId: t.wardUnitId }, 'ASSIGNED');
    await step(ward, ACCEPT, { id: report.id }, 'ACCEPTED');
    await step(ward, RESOLVE, { id: report.id, answer: ANSWER }, 'RESOLVED');

    const before = await track(report.trackingCode);
    expect(before.tracked.report).toMatchObject({ status: 'RESOLVED', title: 'Ổ gà đường Lê Duẩn', answer: null });
    expect(before.text).not.toContain(ANSWER);
    expect((await track(report.trackingCode, report.secret)).tracked.report.answer).toBe(ANSWER);
    const open311Before = await open311(`/requests/${report.trackingCode}.json?jurisdiction_id=privacy`);
    expect(open311Before.status).toBe(200);
    expect(open311Before.text).not.toContain(ANSWER);

    await step(operator, PUBLISH, { id: report.id }, 'PUBLISHED');
    expect((await track(report.trackingCode)).tracked.report.answer).toBe(ANSWER);
    expect(JSON.parse((await open311(`/requests/${report.trackingCode}.json?jurisdiction_id=privacy`)).text)[0].status_notes).toBe(ANSWER);
  });
});
