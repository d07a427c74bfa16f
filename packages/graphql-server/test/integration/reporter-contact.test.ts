import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorId, CONTACT_READ_ACTION, hashPassword, transitionReport, withTenant, type Actor, type ReportCommand } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import type { Client } from 'graphql-ws';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { liveClient } from '../support/live-client.js';

// "Staff reach the citizen", over real HTTP: the IOC and the assigned unit
// open a report's reporter contact with `revealReporterContact`, each read
// recorded in the audit log with its reader; other units, admins, anonymous
// callers and another tenant's staff get a typed refusal, read nothing and
// leave no audit row. Staff (and the citizen with the secret) keep every
// answer and the rating's comment after a reopen; the public sees neither.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const PHONE = '+84912345678';
const CONTACT_VALUES = [PHONE, '0912', 'Lê Thị Hoa', 'hoa@example.com'];

const REVEAL = `mutation Reveal($id: ID!) {
  revealReporterContact(reportId: $id) {
    __typename
    ... on ReporterContact { reportId fullName phone email }
    ... on Error { code message }
  }
}`;

const AUDIT = `query Audit($id: String!) {
  auditLog(first: 100, filter: { actions: ["${CONTACT_READ_ACTION}"], subjectId: $id }) {
    ... on AuditLogPage { entries { actorId actorRole action subjectType subjectId data } }
  }
}`;

interface Body {
  data?: Record<string, unknown>;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;
let app: FastifyInstance;
let base: string;
const tokens: Record<string, string> = {};
let report: { id: string; trackingCode: string; secret: string };

async function post(tenant: string, query: string, variables: Record<string, unknown> = {}, bearer?: string): Promise<{ status: number; text: string; body: Body }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Body };
}

const reveal = async (bearer: string | undefined, id = report.id, tenant = 'contact') => {
  const answer = await post(tenant, REVEAL, { id }, bearer);
  return { ...answer, result: answer.body.data?.revealReporterContact as Record<string, unknown> | undefined };
};

/** The contact reads of the report, as the tenant admin reads them in the audit log. */
async function contactReads(id = report.id, tenant = 'contact', admin = tokens.admin): Promise<Array<Record<string, unknown>>> {
  const { body } = await post(tenant, AUDIT, { id }, admin);
  return (body.data!.auditLog as { entries: Array<Record<string, unknown>> }).entries;
}

async function step(actor: Actor, command: ReportCommand, id = report.id) {
  ctx.advance(10 * 60_000);
  await transitionReport(ctx, t.tenantId, actor, id, command);
}

async function submit(): Promise<{ id: string; trackingCode: string; secret: string }> {
  const input = {
    title: 'Cây đổ chắn ngang đường Trần Hưng Đạo',
    description: 'Một cây xà cừ lớn đổ sau mưa, chắn hết làn xe máy từ sáng nay.',
    address: '80 Trần Hưng Đạo, Đông Hà',
    reporter: { fullName: 'Lê Thị Hoa', phone: '0912 345 678', email: 'hoa@example.com' },
  };
  const { body } = await post('contact', 'mutation S($input: SubmitReportInput!) { submitReport(input: $input) { __typename ... on SubmitReportSuccess { id trackingCode secret } ... on Error { message } } }', { input });
  const submitted = body.data?.submitReport as { id?: string; trackingCode: string; secret: string } | undefined;
  if (!submitted?.id) throw new Error(`submit failed: ${JSON.stringify(body)}`);
  return submitted as { id: string; trackingCode: string; secret: string };
}

async function signIn(tenant: string, email: string): Promise<string> {
  const { body } = await post(tenant, 'mutation { signIn(email: "' + email + '", password: "' + PASSWORD + '") { ... on SignInSuccess { token } } }');
  return (body.data!.signIn as { token: string }).token;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'contact', 'CT');
  other = await createFixtureTenant(ctx, 'contact-other', 'CO');
  const passwordHash = await hashPassword(PASSWORD);
  for (const tenantId of [t.tenantId, other.tenantId]) await withTenant(ctx.db, tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx, redisUrl: null });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  for (const [name, email] of Object.entries({ operator: 'ioc', officer: 'officer', leader: 'leader', ward: 'ward', admin: 'admin', chief: 'lanhdao' })) {
    tokens[name] = await signIn('contact', `${email}@example.gov.vn`);
  }
  tokens.otherOperator = await signIn('contact-other', 'ioc@example.gov.vn');
  tokens.otherAdmin = await signIn('contact-other', 'admin@example.gov.vn');
  report = await submit();
  await step(t.operator, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
  await step(t.operator, { type: 'ASSIGN', unitId: t.roadsUnitId });
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('revealReporterContact', () => {
  it('gives the IOC operator the name, phone and e-mail, and the audit log names the operator and the fields, not the values', async () => {
    const { result } = await reveal(tokens.operator);
    expect(result).toEqual({ __typename: 'ReporterContact', reportId: report.id, fullName: 'Lê Thị Hoa', phone: PHONE, email: 'hoa@example.com' });
    const reads = await contactReads();
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorId: actorId(t.operator), actorRole: 'IOC_OPERATOR', action: CONTACT_READ_ACTION, subjectType: 'Report', subjectId: report.id });
    expect(JSON.parse(reads[0]!.data as string)).toMatchObject({ trackingCode: report.trackingCode, fields: ['fullName', 'phone', 'email'] });
    for (const value of CONTACT_VALUES) expect(JSON.stringify(reads)).not.toContain(value);
  });

  it('gives it to the officer and the leader of the unit the report is assigned to, one audit row each', async () => {
    const before = (await contactReads()).length;
    expect((await reveal(tokens.officer)).result).toMatchObject({ __typename: 'ReporterContact', phone: PHONE });
    expect((await reveal(tokens.leader)).result).toMatchObject({ __typename: 'ReporterContact', phone: PHONE });
    const reads = await contactReads();
    expect(reads).toHaveLength(before + 2);
    // Newest first.
    expect(reads.slice(0, 2).map((r) => r.actorId)).toEqual([actorId(t.roadsLeader), actorId(t.roadsOfficer)]);
  });

  it.each([
    ['another unit’s officer', 'ward'],
    ['the tenant admin', 'admin'],
    ['a provincial leader', 'chief'],
    ['an anonymous caller (the public, or a citizen: citizens have no staff token)', undefined],
  ])('refuses %s with ForbiddenError, shows no contact and records no read', async (_who, name) => {
    const before = await contactReads();
    const { status, text, result } = await reveal(name ? tokens[name] : undefined);
    expect(status).toBe(200);
    expect(result).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    for (const value of CONTACT_VALUES) expect(text).not.toContain(value);
    expect(await contactReads()).toEqual(before);
  });

  it('answers another tenant’s operator with NotFoundError for this report’s id, and records nothing in either tenant', async () => {
    const before = await contactReads();
    const { text, result } = await reveal(tokens.otherOperator, report.id, 'contact-other');
    expect(result).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    for (const value of CONTACT_VALUES) expect(text).not.toContain(value);
    expect(await contactReads()).toEqual(before);
    expect(await contactReads(report.id, 'contact-other', tokens.otherAdmin)).toEqual([]);
  });

  it('refuses another tenant’s token sent to this tenant before anything runs (401)', async () => {
    const before = await contactReads();
    const { status, text, body } = await reveal(tokens.otherOperator);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const value of CONTACT_VALUES) expect(text).not.toContain(value);
    expect(await contactReads()).toEqual(before);
  });

  it('answers NotFoundError for an unknown or malformed id', async () => {
    expect((await reveal(tokens.operator, crypto.randomUUID())).result).toMatchObject({ __typename: 'NotFoundError' });
    expect((await reveal(tokens.operator, 'CT-123')).result).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('does not run over the WebSocket path (subscriptions only), so it cannot be read there unaudited', async () => {
    const before = await contactReads();
    const client: Client = liveClient(base, { tenant: 'contact', authorization: `Bearer ${tokens.operator}` });
    try {
      const outcome = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: REVEAL, variables: { id: report.id } }, { next: resolve, error: resolve, complete: () => resolve('complete') });
      });
      expect(JSON.stringify(outcome)).toMatch(/Only subscriptions/);
      for (const value of CONTACT_VALUES) expect(JSON.stringify(outcome)).not.toContain(value);
    } finally {
      await client.dispose();
    }
    expect(await contactReads()).toEqual(before);
  });

  it('is not part of any Report field: the staff report carries no contact', async () => {
    const { text } = await post('contact', `query { report(id: "${report.id}") { ... on Report { trackingCode title timeline { note } } } }`, {}, tokens.operator);
    expect(text).toContain(report.trackingCode);
    for (const value of CONTACT_VALUES) expect(text).not.toContain(value);
  });
});

describe('answers and the rating’s comment after a reopen', () => {
  const SELECTION = 'status answer ratingComment answers { seq text unit { code } } timeline { type note }';

  it('stay visible to staff and to the citizen with the secret; the public sees neither', async () => {
    const r = await submit();
    const citizen: Actor = { role: 'CITIZEN', reportId: r.id };
    await step(t.operator, { type: 'CLASSIFY', categoryId: t.roadsCategoryId }, r.id);
    await step(t.operator, { type: 'ASSIGN', unitId: t.roadsUnitId }, r.id);
    await step(t.roadsOfficer, { type: 'ACCEPT' }, r.id);
    await step(t.roadsOfficer, { type: 'RESOLVE', answer: 'Đã cưa và dọn cây.' }, r.id);
    await step(t.operator, { type: 'PUBLISH' }, r.id);
    await step(citizen, { type: 'REOPEN', reason: 'Gốc cây vẫn nằm trên vỉa hè', rating: 2 }, r.id);
    await step(t.roadsOfficer, { type: 'RESOLVE', answer: 'Đã chuyển gốc cây đi.' }, r.id);
    await step(t.operator, { type: 'PUBLISH' }, r.id);
    await step(citizen, { type: 'RATE', rating: 5, comment: 'Cảm ơn đội cây xanh' }, r.id);

    const staff = (await post('contact', `query { report(id: "${r.id}") { ... on Report { ${SELECTION} } } }`, {}, tokens.officer)).body.data!.report;
    expect(staff).toMatchObject({
      status: 'CLOSED',
      answer: 'Đã chuyển gốc cây đi.',
      ratingComment: 'Cảm ơn đội cây xanh',
      answers: [
        { text: 'Đã cưa và dọn cây.', unit: { code: 'SGTVT' } },
        { text: 'Đã chuyển gốc cây đi.', unit: { code: 'SGTVT' } },
      ],
    });

    const track = (secret?: string) =>
      post('contact', `query T($code: String!, $secret: String) { trackReport(trackingCode: $code, secret: $secret) { ... on TrackedReport { access report { ${SELECTION} } } } }`, {
        code: r.trackingCode,
        secret,
      });
    const own = (await track(r.secret)).body.data!.trackReport as { access: string; report: Record<string, unknown> };
    expect(own.access).toBe('CITIZEN');
    expect(own.report).toMatchObject({ ratingComment: 'Cảm ơn đội cây xanh', answers: [{ text: 'Đã cưa và dọn cây.' }, { text: 'Đã chuyển gốc cây đi.' }] });

    const seen = (await track()).body.data!.trackReport as { access: string; report: Record<string, unknown> };
    expect(seen.access).toBe('PUBLIC');
    expect(seen.report).toMatchObject({ answers: null, ratingComment: null });
  });
});
