import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient, type PahtClient, type SubmitReportInput } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { ASSIGN, CLASSIFY } from './staff-documents.js';

// Relay lists and object identification over real HTTP: `reports` (staff)
// and `publicReports` as cursor connections with filters and orders, and
// `node`/`nodes` by id, with their refusals.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const HOUR = 3_600_000;

const LIST_FIELDS = `
  __typename
  ... on ReportConnection { edges { cursor node { id title status unit { id } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  ... on ValidationError { code fields { path message } }
`;
const REPORTS = `query Reports($first: Int, $after: String, $filter: ReportFilter, $orderBy: ReportOrder) {
  reports(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { ${LIST_FIELDS} ... on ForbiddenError { code } }
}`;
const PUBLIC = `query Public($first: Int, $after: String, $filter: ReportFilter, $orderBy: ReportOrder) {
  publicReports(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { ${LIST_FIELDS} }
}`;
const NODE = `query Node($id: ID!) { node(id: $id) { __typename id ... on Unit { code } ... on Category { code } ... on Report { trackingCode timeline { type } } } }`;
const NODES = `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

interface Listed {
  __typename: string;
  edges: Array<{ cursor: string; node: { id: string; title: string | null; status: string; unit: { id: string } | null } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  code?: string;
  fields?: Array<{ path: string; message: string }>;
}

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let base: string;
const ids: Record<string, string> = {};

async function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token?: string): Promise<{ status: number; data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'lists', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

const tokens: Record<string, string> = {};
async function signIn(email: string): Promise<{ client: PahtClient; token: string }> {
  const client = createClient({ endpoint: `${base}/graphql`, tenant: 'lists' });
  const result = await client.signIn(email, PASSWORD);
  if (result.__typename !== 'SignInSuccess') throw new Error(result.message);
  return { client: client.withToken(result.token), token: result.token };
}

const submission = (title: string, description: string): SubmitReportInput => ({
  title,
  description,
  channel: 'APP',
  latitude: 16.8163,
  longitude: 107.1003,
  address: 'Đông Hà, Quảng Trị',
  reporter: { fullName: 'Lê Thị Cúc', phone: '0905 222 333' },
});

async function listAll(query: string, variables: Record<string, unknown>, token?: string): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const answer: { data?: { reports?: Listed; publicReports?: Listed } } = await gql<{ reports?: Listed; publicReports?: Listed }>(query, { ...variables, first: 2, after }, token);
    const list: Listed = (answer.data?.reports ?? answer.data?.publicReports)!;
    expect(list.__typename).toBe('ReportConnection');
    seen.push(...list.edges.map((e) => e.node.id));
    expect(list.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!list.pageInfo.hasNextPage) return seen;
    after = list.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'lists', 'LI');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx });
  base = await app.listen({ port: 0, host: '127.0.0.1' });

  const citizen = createClient({ endpoint: `${base}/graphql`, tenant: 'lists' });
  const titles: Array<[string, string, string]> = [
    ['lamp', 'Đèn đường hỏng trước chợ', 'Đèn đường không sáng ba đêm liền, đoạn trước chợ Đông Hà.'],
    ['pothole', 'Ổ gà trên đường Hùng Vương', 'Ổ gà sâu trước số nhà 120, xe máy dễ té ngã.'],
    ['trash', 'Rác thải chưa được thu gom', 'Rác tồn đọng ba ngày ở đầu hẻm 45 Lê Lợi.'],
    ['flood', 'Ngập nước sau mưa', 'Nước ngập sâu 30cm ở ngã tư, không có cống thoát.'],
    ['tree', 'Cây xanh gãy cành', 'Cành cây lớn gãy treo lơ lửng trên vỉa hè.'],
  ];
  for (const [key, title, description] of titles) {
    ctx.advance(HOUR);
    const result = await citizen.submitReport(submission(title, description));
    if (result.__typename !== 'SubmitReportSuccess') throw new Error(result.message);
    ids[key] = result.id;
  }
  const operator = await signIn('ioc@example.gov.vn');
  tokens.operator = operator.token;
  tokens.officer = (await signIn('officer@example.gov.vn')).token;
  tokens.ward = (await signIn('ward@example.gov.vn')).token;
  // The pothole goes to the roads unit; the lamp goes to the ward.
  const later = () => ctx.advance(60_000);
  later();
  await operator.client.request(CLASSIFY, { id: ids.pothole!, categoryId: t.roadsCategoryId });
  later();
  await operator.client.request(ASSIGN, { id: ids.pothole!, unitId: t.roadsUnitId });
  later();
  await operator.client.request(CLASSIFY, { id: ids.lamp!, categoryId: t.roadsCategoryId });
  later();
  await operator.client.request(ASSIGN, { id: ids.lamp!, unitId: t.wardUnitId });
  later();
  // A report in the private category never shows in public.
  await operator.client.request(CLASSIFY, { id: ids.tree!, categoryId: t.misconductCategoryId });
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('report connections', () => {
  it('pages the whole staff list with cursors, newest first, each report once', async () => {
    const all = await listAll(REPORTS, {}, tokens.operator);
    expect(all).toEqual([ids.tree, ids.flood, ids.trash, ids.pothole, ids.lamp]);
    const oldest = await listAll(REPORTS, { orderBy: 'OLDEST' }, tokens.operator);
    expect(oldest).toEqual([...all].reverse());
    // Recently updated: the assignments came last, the lamp's after the pothole's; then the tree's classification.
    const { data } = await gql<{ reports: Listed }>(REPORTS, { orderBy: 'RECENTLY_UPDATED', first: 3 }, tokens.operator);
    expect(data!.reports.edges.map((e) => e.node.id)).toEqual([ids.tree, ids.lamp, ids.pothole]);
  });

  it('resumes after any edge cursor, not only the end cursor', async () => {
    const { data } = await gql<{ reports: Listed }>(REPORTS, { first: 3 }, tokens.operator);
    const second = data!.reports.edges[1]!;
    expect(data!.reports.pageInfo.startCursor).toBe(data!.reports.edges[0]!.cursor);
    const next = await gql<{ reports: Listed }>(REPORTS, { first: 10, after: second.cursor }, tokens.operator);
    expect(next.data!.reports.edges.map((e) => e.node.id)).toEqual([ids.trash, ids.pothole, ids.lamp]);
  });

  it('filters by status, unit, category, period and text with or without diacritics', async () => {
    const by = async (filter: Record<string, unknown>) => listAll(REPORTS, { filter }, tokens.operator);
    expect(await by({ status: ['ASSIGNED'] })).toEqual([ids.pothole, ids.lamp]);
    expect(await by({ unitId: t.roadsUnitId })).toEqual([ids.pothole]);
    expect(await by({ categoryId: t.misconductCategoryId })).toEqual([ids.tree]);
    expect(await by({ search: 'ổ gà Hùng Vương' })).toEqual([ids.pothole]);
    expect(await by({ search: 'o ga hung vuong' })).toEqual([ids.pothole]);
    expect(await by({ search: 'RAC THAI' })).toEqual([ids.trash]);
    expect(await by({ search: 'chợ' })).toEqual([ids.lamp]);
    const third = new Date(MONDAY_9AM.getTime() + 2.5 * HOUR).toISOString();
    expect(await by({ submittedFrom: third })).toEqual([ids.tree, ids.flood, ids.trash]);
    expect(await by({ submittedTo: third })).toEqual([ids.pothole, ids.lamp]);
    expect(await by({ overdue: true })).toEqual([]);
    expect(await by({ status: ['ASSIGNED'], unitId: t.wardUnitId, search: 'den duong' })).toEqual([ids.lamp]);
  });

  it('filters by the channel a report came in by, on the server', async () => {
    const by = async (filter: Record<string, unknown>, token?: string) => listAll(token ? REPORTS : PUBLIC, { filter }, token);
    expect(await by({ channel: ['APP'] }, tokens.operator)).toEqual([ids.tree, ids.flood, ids.trash, ids.pothole, ids.lamp]);
    expect(await by({ channel: ['ZALO', 'HOTLINE_1022'] }, tokens.operator)).toEqual([]);
    expect(await by({ channel: ['APP'], search: 'o ga hung vuong' }, tokens.operator)).toEqual([ids.pothole]);
    expect(await by({ channel: ['ZALO'] })).toEqual([]);
    const unknown = await gql(REPORTS, { filter: { channel: ['PIGEON'] } }, tokens.operator);
    expect(unknown.status).toBe(400);
    expect(unknown.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('lists private categories to staff only (staffCategories), never in the public list', async () => {
    const STAFF_CATEGORIES = 'query { staffCategories { __typename ... on StaffCategoriesSuccess { data { id code } } ... on ForbiddenError { code } } }';
    const staff = await gql<{ staffCategories: { __typename: string; data: Array<{ id: string }> } }>(STAFF_CATEGORIES, {}, tokens.officer);
    expect(staff.data!.staffCategories.data.map((c) => c.id)).toEqual(expect.arrayContaining([t.misconductCategoryId, t.roadsCategoryId]));
    const anonymous = await gql<{ staffCategories: unknown }>(STAFF_CATEGORIES, {});
    expect(anonymous.data!.staffCategories).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const publicList = await gql<{ categories: Array<{ id: string }> }>('query { categories { id } }', {});
    expect(publicList.data!.categories.map((c) => c.id)).not.toContain(t.misconductCategoryId);
  });

  it('shows a unit only its own reports', async () => {
    expect(await listAll(REPORTS, {}, tokens.officer)).toEqual([ids.pothole]);
    expect(await listAll(REPORTS, {}, tokens.ward)).toEqual([ids.lamp]);
  });

  it('lists in public only classified public reports of public categories, without contact data', async () => {
    // Moderation first: only what the IOC classified into a public category (not the flood or trash yet, never the tree).
    const all = await listAll(PUBLIC, {});
    expect(all).toEqual([ids.pothole, ids.lamp]);
    expect(await listAll(PUBLIC, { filter: { search: 'cay xanh' } })).toEqual([]);
    const raw = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenant': 'lists' },
      body: JSON.stringify({ query: 'query { publicReports(first: 100) { ... on ReportConnection { nodes { id title description address } } } }' }),
    });
    expect(await raw.text()).not.toMatch(/0905|84905222333|Lê Thị Cúc/);
  });

  it('refuses the staff list to the public, and bad paging with typed results', async () => {
    const anonymous = await gql<{ reports: Listed }>(REPORTS, {});
    expect(anonymous.data!.reports).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const badCursor = await gql<{ reports: Listed }>(REPORTS, { after: 'not-a-cursor' }, tokens.operator);
    expect(badCursor.data!.reports).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'after' }] });
    const tooMany = await gql<{ publicReports: Listed }>(PUBLIC, { first: 500 });
    expect(tooMany.data!.publicReports).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'first' }] });
    const badStatus = await gql(PUBLIC, { filter: { status: ['LOST'] } });
    expect(badStatus.status).toBe(400);
    expect(badStatus.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('node', () => {
  it('finds units and categories for everyone, reports for staff who may read them', async () => {
    const unit = await gql<{ node: { __typename: string; code: string } }>(NODE, { id: t.roadsUnitId });
    expect(unit.data!.node).toMatchObject({ __typename: 'Unit', id: t.roadsUnitId, code: expect.any(String) });
    const category = await gql<{ node: { __typename: string } }>(NODE, { id: t.roadsCategoryId });
    expect(category.data!.node).toMatchObject({ __typename: 'Category', code: 'ROADS' });
    // The private category exists for staff only.
    expect((await gql<{ node: null }>(NODE, { id: t.misconductCategoryId })).data!.node).toBeNull();
    expect((await gql<{ node: { __typename: string } }>(NODE, { id: t.misconductCategoryId }, tokens.operator)).data!.node).toMatchObject({ __typename: 'Category' });

    const report = await gql<{ node: { __typename: string; timeline: unknown[] } }>(NODE, { id: ids.pothole }, tokens.operator);
    expect(report.data!.node).toMatchObject({ __typename: 'Report', id: ids.pothole, trackingCode: expect.stringMatching(/^LI-/) });
    expect(report.data!.node.timeline.length).toBeGreaterThan(1);
    expect((await gql<{ node: null }>(NODE, { id: ids.pothole })).data!.node).toBeNull();
    expect((await gql<{ node: null }>(NODE, { id: ids.lamp }, tokens.officer)).data!.node).toBeNull();
    expect((await gql<{ node: null }>(NODE, { id: 'not-an-id' }, tokens.operator)).data!.node).toBeNull();
  });

  it('finds several in the order given, and refuses more than 100 ids', async () => {
    const many = await gql<{ nodes: Array<{ __typename: string; id: string } | null> }>(NODES, { ids: [t.wardUnitId, '00000000-0000-4000-8000-000000000000', ids.flood] }, tokens.operator);
    expect(many.data!.nodes).toEqual([{ __typename: 'Unit', id: t.wardUnitId }, null, { __typename: 'Report', id: ids.flood }]);
    const tooMany = await gql(NODES, { ids: Array.from({ length: 101 }, () => t.wardUnitId) });
    expect(tooMany.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0]!.message).toContain('100');
  });
});
