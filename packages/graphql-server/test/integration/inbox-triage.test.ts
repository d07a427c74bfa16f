import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, submitReport, transitionReport, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient, findPossibleDuplicates, listTriageReports, mergeReport, nearbyReports, suggestClassification, supportReport } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Issue 12, IOC inbox, over HTTP on PostgreSQL and PGlite: suggested
// category and unit learned from the tenant's own history only; possible
// duplicates near in place and time; merging a later report into the
// original makes its reporter a counted supporter; the citizen form's
// nearby reports and idempotent "me too", never private reports, never
// contacts; other tenants' ids refused; NUL and extreme input refused with
// nothing changed.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const DAY = 86_400_000;
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const HERE = { latitude: 16.8163, longitude: 107.1003 };
const north = (metres: number) => ({ latitude: HERE.latitude + metres / 111_320, longitude: HERE.longitude });

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let a: Tenant;
let b: Tenant;
let c: Tenant;
let app: FastifyInstance;
let base: string;
const tokens: Record<string, string> = {};

type Tenant = FixtureTenant & { slug: string; lightsCategoryId: string };

async function gql(query: string, variables: Record<string, unknown>, o: { tenant?: string; token?: string; url?: string } = {}) {
  const response = await fetch(`${o.url ?? base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': o.tenant ?? 'triage', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const json = JSON.parse(text) as { data?: Record<string, any>; errors?: unknown };
  return { status: response.status, text, data: json.data ?? {}, errors: json.errors };
}

async function signIn(slug: string, email: string): Promise<string> {
  const r = await gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { ... on SignInSuccess { token } } }`, { e: email, p: PASSWORD }, { tenant: slug });
  return r.data.signIn.token as string;
}

const ERR = '... on Error { __typename code message ... on ValidationError { fields { path code } } }';
const SUGGEST = `query($id: ID!) { classificationSuggestions(reportId: $id) { __typename
  ... on ClassificationSuggestionsSuccess { data { confidence category { id code } unit { id code } } } ${ERR} } }`;
const DUPLICATES = `query($id: ID!, $r: Int, $d: Int, $s: Float) { possibleDuplicates(reportId: $id, radiusMeters: $r, withinDays: $d, minSimilarity: $s) { __typename
  ... on PossibleDuplicatesSuccess { data { similarity distanceMeters report { id trackingCode status } } } ${ERR} } }`;
const MERGE = `mutation($id: ID!, $into: ID!) { mergeReport(id: $id, intoId: $into) { __typename
  ... on ReportMerge { originalId supporterCount merged { reportId status } } ${ERR} } }`;
const NEARBY = `query($c: ID!, $lat: Float!, $lng: Float!, $r: Int) { nearbyReports(categoryId: $c, latitude: $lat, longitude: $lng, radiusMeters: $r) { __typename
  ... on NearbyReportsSuccess { data { distanceMeters report { id trackingCode title supporterCount } } } ${ERR} } }`;
const SUPPORT = `mutation($id: ID!, $d: String!, $p: String, $e: String) { supportReport(reportId: $id, deviceId: $d, phone: $p, email: $e) { __typename
  ... on ReportSupport { reportId supporterCount alreadySupported } ${ERR} } }`;

const POTHOLES = ['Ổ gà lớn giữa đường {s}, xe máy dễ ngã', 'Mặt đường {s} sụt lún, nhiều ổ gà sâu nguy hiểm', 'Đường {s} hư hỏng nặng, ổ gà đọng nước'];
const LIGHTS = ['Đèn đường trên đường {s} không sáng', 'Cột đèn chiếu sáng đường {s} bị hỏng, buổi tối tối om', 'Bóng đèn đường {s} tắt cả tuần nay'];
const STREETS = ['Hùng Vương', 'Lê Duẩn', 'Trần Hưng Đạo', 'Nguyễn Huệ'];

async function file(t: Tenant, title: string, place: { latitude: number; longitude: number } | null = HERE, phone = '0912345678') {
  const report = await submitReport(ctx, t.tenantId, {
    title,
    description: `${title}. Đề nghị cơ quan chức năng kiểm tra, xử lý sớm.`,
    address: 'Phường Đông Hà',
    ...(place ?? {}),
    reporter: { fullName: 'Nguyễn Văn An', phone },
  });
  return report;
}

async function classify(t: Tenant, id: string, categoryId: string, unitId: string | null, visibility?: 'PUBLIC' | 'PRIVATE') {
  await transitionReport(ctx, t.tenantId, t.operator, id, { type: 'CLASSIFY', categoryId, ...(visibility ? { visibility } : {}) });
  if (unitId) await transitionReport(ctx, t.tenantId, t.operator, id, { type: 'ASSIGN', unitId });
}

/** A classified history: potholes to `roads`, broken lights to `lights` (each with its unit). */
async function history(t: Tenant, roads: [string, string], lights: [string, string]) {
  for (const s of STREETS) {
    for (const text of POTHOLES) await classify(t, (await file(t, text.replace('{s}', s), null)).id, ...roads);
    for (const text of LIGHTS) await classify(t, (await file(t, text.replace('{s}', s), null)).id, ...lights);
  }
}

async function tenant(slug: string, prefix: string): Promise<Tenant> {
  const f = await createFixtureTenant(ctx, slug, prefix);
  const passwordHash = await hashPassword(PASSWORD);
  const lights = await withTenant(ctx.db, f.tenantId, async (tx) => {
    await tx.staffUser.updateMany({ data: { passwordHash } });
    const policy = await tx.slaPolicy.findFirstOrThrow();
    return tx.category.create({ data: { tenantId: f.tenantId, code: 'LIGHTS', name: 'Chiếu sáng', nameEn: 'Street lights', slaPolicyId: policy.id, defaultUnitId: f.wardUnitId } });
  });
  return { ...f, slug, lightsCategoryId: lights.id };
}

const count = (sql: string) => tdb.db.query<{ n: number }>(sql).then((r) => r[0]!.n);
async function snapshot() {
  return {
    supporters: await count('SELECT count(*)::int AS n FROM report_supporters'),
    counted: await count('SELECT coalesce(sum(supporter_count), 0)::int AS n FROM reports'),
    events: await count('SELECT count(*)::int AS n FROM report_events'),
  };
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  a = await tenant('triage', 'TA');
  b = await tenant('triage-other', 'TB');
  c = await tenant('triage-new', 'TC');
  // Tenant B learned the opposite: potholes are its lighting team's, lights its roads department's.
  await history(a, [a.roadsCategoryId, a.roadsUnitId], [a.lightsCategoryId, a.wardUnitId]);
  await history(b, [b.lightsCategoryId, b.wardUnitId], [b.roadsCategoryId, b.roadsUnitId]);
  app = await buildApp({ core: ctx, rateLimits: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  tokens.a = await signIn('triage', 'ioc@example.gov.vn');
  tokens.aOfficer = await signIn('triage', 'officer@example.gov.vn');
  tokens.b = await signIn('triage-other', 'ioc@example.gov.vn');
  tokens.c = await signIn('triage-new', 'ioc@example.gov.vn');
}, 300_000);

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('suggested category and unit', () => {
  it("learns from the tenant's own history only, with or without diacritics", async () => {
    const text = 'O ga to giua duong Le Loi, xe may de nga';
    const inA = await file(a, text);
    const inB = await file(b, text);
    const sa = (await gql(SUGGEST, { id: inA.id }, { token: tokens.a })).data.classificationSuggestions;
    const sb = (await gql(SUGGEST, { id: inB.id }, { tenant: 'triage-other', token: tokens.b })).data.classificationSuggestions;
    expect(sa.__typename).toBe('ClassificationSuggestionsSuccess');
    expect(sa.data[0]).toMatchObject({ category: { id: a.roadsCategoryId }, unit: { id: a.roadsUnitId } });
    expect(sa.data[0].confidence).toBeGreaterThan(0.5);
    expect(sb.data[0]).toMatchObject({ category: { id: b.lightsCategoryId }, unit: { id: b.wardUnitId } });
    // Nothing of one tenant appears in the other's suggestions.
    const idsOf = (list: any[]) => list.flatMap((s) => [s.category.id, s.unit?.id]);
    const bIds = [b.roadsCategoryId, b.lightsCategoryId, b.roadsUnitId, b.wardUnitId];
    expect(idsOf(sa.data).some((id) => bIds.includes(id))).toBe(false);
    // A tenant without history gets none, however rich the others' are.
    const inC = await file(c, text);
    expect((await gql(SUGGEST, { id: inC.id }, { tenant: 'triage-new', token: tokens.c })).data.classificationSuggestions.data).toEqual([]);
  });

  it('learns new classifications once they land (after the short rebuild pause)', async () => {
    for (const s of STREETS.slice(0, 2)) await classify(c, (await file(c, `Đèn đường ${s} không sáng`, null)).id, c.lightsCategoryId, c.wardUnitId);
    ctx.advance(31_000);
    const report = await file(c, 'Den duong Tran Phu khong sang');
    const r = (await gql(SUGGEST, { id: report.id }, { tenant: 'triage-new', token: tokens.c })).data.classificationSuggestions;
    expect(r.data[0]).toMatchObject({ category: { id: c.lightsCategoryId }, unit: { id: c.wardUnitId } });
  });

  it('shows on Report for the IOC, null for a unit officer and for the public', async () => {
    const report = await file(a, 'Cột đèn chiếu sáng đường Lê Lợi bị hỏng');
    const Q = `query($id: ID!) { report(id: $id) { ... on Report { suggestions { category { id } } } } }`;
    expect((await gql(Q, { id: report.id }, { token: tokens.a })).data.report.suggestions[0].category.id).toBe(a.lightsCategoryId);
    await classify(a, report.id, a.lightsCategoryId, a.wardUnitId);
    const officer = await gql(Q, { id: report.id }, { token: await signIn('triage', 'ward@example.gov.vn') });
    expect(officer.data.report.suggestions).toBeNull();
    const list = await gql(`{ publicReports(first: 50) { ... on ReportConnection { nodes { id suggestions { confidence } } } } }`, {});
    expect(list.data.publicReports.nodes.length).toBeGreaterThan(0);
    expect(list.data.publicReports.nodes.every((n: any) => n.suggestions === null)).toBe(true);
  });

  it("refuses unit officers, the public and another tenant's report ids", async () => {
    const report = await file(a, 'Ổ gà đường Phan Bội Châu');
    expect((await gql(SUGGEST, { id: report.id }, { token: tokens.aOfficer })).data.classificationSuggestions.__typename).toBe('ForbiddenError');
    expect((await gql(SUGGEST, { id: report.id }, {})).data.classificationSuggestions.__typename).toBe('ForbiddenError');
    // Tenant B's operator naming tenant A's report: not found in B.
    expect((await gql(SUGGEST, { id: report.id }, { tenant: 'triage-other', token: tokens.b })).data.classificationSuggestions.__typename).toBe('NotFoundError');
    // Tenant A's token presented to tenant B: refused at the door.
    const cross = await gql(SUGGEST, { id: report.id }, { tenant: 'triage-other', token: tokens.a });
    expect(cross.data.classificationSuggestions).toBeUndefined();
    expect(JSON.stringify(cross.errors)).toMatch(/UNAUTHENTICATED/);
    for (const id of ['not-a-uuid', 'x'.repeat(10_000)]) {
      expect((await gql(SUGGEST, { id }, { token: tokens.a })).data.classificationSuggestions.__typename).toBe('NotFoundError');
    }
    expect(JSON.stringify((await gql(SUGGEST, { id: '\u0000' }, { token: tokens.a })).errors)).toMatch(/NUL_CHARACTER/);
  });
});

describe('possible duplicates and merging', () => {
  let original: { id: string; trackingCode: string };
  let later: { id: string; trackingCode: string };

  it('finds an open report near in place and time with a similar text, and nothing else', async () => {
    original = await file(a, 'Ổ gà rất lớn trước số 25 đường Lý Thường Kiệt', HERE);
    later = await file(a, 'O ga rat lon truoc so 27 duong Ly Thuong Kiet', north(60), '0987654321');
    const otherTopic = await file(a, 'Đèn chiếu sáng công cộng ở ngã tư bị tắt', north(30));
    const far = await file(a, 'Ổ gà rất lớn đường Lý Thường Kiệt', north(2_000));
    const r = (await gql(DUPLICATES, { id: later.id }, { token: tokens.a })).data.possibleDuplicates;
    expect(r.__typename).toBe('PossibleDuplicatesSuccess');
    const ids = r.data.map((d: any) => d.report.id);
    expect(ids).toContain(original.id);
    expect(ids).not.toContain(otherTopic.id);
    expect(ids).not.toContain(far.id);
    expect(ids).not.toContain(later.id);
    const hit = r.data.find((d: any) => d.report.id === original.id);
    expect(hit.similarity).toBeGreaterThan(0.4);
    expect(hit.distanceMeters).toBeGreaterThan(40);
    expect(hit.distanceMeters).toBeLessThan(80);
    // Outside the time window, or the radius: not offered.
    ctx.advance(3 * DAY);
    const daysLater = await file(a, 'Ổ gà rất lớn trước số 25 đường Lý Thường Kiệt', HERE);
    ctx.advance(-3 * DAY);
    const near = async (id: string, v: Record<string, unknown> = {}) =>
      (await gql(DUPLICATES, { id, ...v }, { token: tokens.a })).data.possibleDuplicates.data.map((d: any) => d.report.id);
    expect(await near(daysLater.id)).toContain(original.id);
    expect(await near(daysLater.id, { d: 2 })).not.toContain(original.id);
    expect(await near(original.id, { r: 10 })).not.toContain(later.id);
  });

  it('refuses the public, unit officers, other tenants and bad arguments', async () => {
    expect((await gql(DUPLICATES, { id: later.id }, {})).data.possibleDuplicates.__typename).toBe('ForbiddenError');
    expect((await gql(DUPLICATES, { id: later.id }, { token: tokens.aOfficer })).data.possibleDuplicates.__typename).toBe('ForbiddenError');
    expect((await gql(DUPLICATES, { id: later.id }, { tenant: 'triage-other', token: tokens.b })).data.possibleDuplicates.__typename).toBe('NotFoundError');
    const bad = (await gql(DUPLICATES, { id: later.id, r: 2_000_000_000, d: -1, s: 7 }, { token: tokens.a })).data.possibleDuplicates;
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.fields.map((f: any) => f.path).sort()).toEqual(['minSimilarity', 'radiusMeters', 'withinDays']);
  });

  it('merges the later report into the original: the later ends as a duplicate, its reporter a counted supporter', async () => {
    const refusedBy = (await gql(MERGE, { id: later.id, into: original.id }, { token: tokens.aOfficer })).data.mergeReport;
    expect(refusedBy.__typename).toBe('ForbiddenError');
    const inB = await file(b, 'Ổ gà ở tỉnh khác');
    const before = await snapshot();
    for (const [into, code] of [[inB.id, 'UNKNOWN_REFERENCE'], [later.id, 'SELF_REFERENCE'], ['not-an-id', 'UNKNOWN_REFERENCE']] as const) {
      const r = (await gql(MERGE, { id: later.id, into }, { token: tokens.a })).data.mergeReport;
      expect(r, into).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'intoId', code }] });
    }
    expect(await snapshot()).toEqual(before);

    const merged = (await gql(MERGE, { id: later.id, into: original.id }, { token: tokens.a })).data.mergeReport;
    expect(merged).toMatchObject({ __typename: 'ReportMerge', originalId: original.id, supporterCount: 1, merged: { reportId: later.id, status: 'REJECTED' } });
    const event = await withTenant(ctx.db, a.tenantId, (tx) => tx.reportEvent.findFirstOrThrow({ where: { reportId: later.id, type: 'REJECT' } }));
    expect(event.data).toMatchObject({ rejection: 'DUPLICATE', duplicateOfCode: original.trackingCode });
    expect(event.reason).toContain(original.trackingCode);
    const supporter = await withTenant(ctx.db, a.tenantId, (tx) => tx.reportSupporter.findFirstOrThrow({ where: { reportId: original.id } }));
    expect(supporter).toMatchObject({ source: 'MERGED', mergedReportId: later.id });
    // A retry completes nothing twice.
    expect((await gql(MERGE, { id: later.id, into: original.id }, { token: tokens.a })).data.mergeReport).toMatchObject({ supporterCount: 1, merged: null });
    const Q = `query($id: ID!) { report(id: $id) { ... on Report { supporterCount } } }`;
    expect((await gql(Q, { id: original.id }, { token: tokens.a })).data.report.supporterCount).toBe(1);
    // The merged report is no longer a duplicate candidate (it ended).
    expect((await gql(DUPLICATES, { id: original.id }, { token: tokens.a })).data.possibleDuplicates.data.map((d: any) => d.report.id)).not.toContain(later.id);
  });
});

describe('supporters are kept informed', () => {
  it("queues the original's citizen notices for a merged reporter and a me-too contact, once each", async () => {
    const original = await file(a, 'Cây xanh đổ chắn ngang đường Phan Chu Trinh', north(500), '0966666666');
    await classify(a, original.id, a.roadsCategoryId, null);
    const later = await submitReport(ctx, a.tenantId, {
      title: 'Cay xanh do chan duong Phan Chu Trinh',
      description: 'Cây đổ chắn hết lối đi, xe không qua được.',
      ...north(510),
      reporter: { phone: '0977777777', email: 'nguoi-sau@example.vn' },
    });
    expect((await gql(MERGE, { id: later.id, into: original.id }, { token: tokens.a })).data.mergeReport.supporterCount).toBe(1);
    expect((await gql(SUPPORT, { id: original.id, d: 'device-notice-0001', e: 'hang-xom@example.vn' }, {})).data.supportReport.supporterCount).toBe(2);
    const outbox = () => withTenant(ctx.db, a.tenantId, (tx) => tx.notificationOutbox.findMany({ where: { reportId: original.id, dedupeKey: { contains: ':supporter:' } } }));
    expect(await outbox()).toEqual([]);
    await transitionReport(ctx, a.tenantId, a.operator, original.id, { type: 'ASSIGN', unitId: a.roadsUnitId });
    const queued = await outbox();
    expect(queued.map((m) => `${m.channel} ${m.recipient}`).sort()).toEqual(['EMAIL hang-xom@example.vn', 'EMAIL nguoi-sau@example.vn']);
    expect(queued.every((m) => m.body.includes(original.trackingCode))).toBe(true);
    // Tenant B's outbox holds none of it.
    expect(await withTenant(ctx.db, b.tenantId, (tx) => tx.notificationOutbox.count({ where: { reportId: original.id } }))).toBe(0);
  });
});

describe('the citizen form: nearby reports and "me too"', () => {
  let open: { id: string; trackingCode: string };
  let hidden: { id: string };
  let submitted: { id: string };

  beforeAll(async () => {
    open = await file(a, 'Ống nước vỡ trên vỉa hè đường Hàm Nghi', north(100), '0911111111');
    await classify(a, open.id, a.roadsCategoryId, a.roadsUnitId);
    hidden = await file(a, 'Ống nước vỡ, tôi không muốn công khai', north(50), '0922222222');
    await classify(a, hidden.id, a.roadsCategoryId, a.roadsUnitId, 'PRIVATE');
    submitted = await file(a, 'Ống nước vỡ chưa ai xem', north(20), '0933333333');
  });

  it('offers open public reports of the category nearby, never private or unmoderated ones, never contacts', async () => {
    const r = await gql(NEARBY, { c: a.roadsCategoryId, lat: HERE.latitude, lng: HERE.longitude }, {});
    expect(r.data.nearbyReports.__typename).toBe('NearbyReportsSuccess');
    const ids = r.data.nearbyReports.data.map((n: any) => n.report.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(hidden.id);
    expect(ids).not.toContain(submitted.id);
    expect(r.text).not.toMatch(/0911111111|\+84911111111|Nguyễn Văn An/);
    // Another category, or another tenant with the same category id: none.
    expect((await gql(NEARBY, { c: a.lightsCategoryId, lat: HERE.latitude, lng: HERE.longitude }, {})).data.nearbyReports.data.map((n: any) => n.report.id)).not.toContain(open.id);
    expect((await gql(NEARBY, { c: a.roadsCategoryId, lat: HERE.latitude, lng: HERE.longitude }, { tenant: 'triage-other' })).data.nearbyReports.data).toEqual([]);
    expect((await gql(NEARBY, { c: a.roadsCategoryId, lat: HERE.latitude, lng: HERE.longitude, r: 50 }, {})).data.nearbyReports.data.map((n: any) => n.report.id)).not.toContain(open.id);
  });

  it('counts a "me too" once per device or contact', async () => {
    const before = await snapshot();
    const first = (await gql(SUPPORT, { id: open.id, d: 'device-0001-abcdef' }, {})).data.supportReport;
    expect(first).toEqual({ __typename: 'ReportSupport', reportId: open.id, supporterCount: 1, alreadySupported: false });
    expect((await gql(SUPPORT, { id: open.id, d: 'device-0001-abcdef' }, {})).data.supportReport).toMatchObject({ supporterCount: 1, alreadySupported: true });
    expect((await gql(SUPPORT, { id: open.id, d: 'device-0002-abcdef', p: '0944 444 444' }, {})).data.supportReport).toMatchObject({ supporterCount: 2, alreadySupported: false });
    expect((await gql(SUPPORT, { id: open.id, d: 'device-0003-abcdef', p: '+84944444444' }, {})).data.supportReport).toMatchObject({ supporterCount: 2, alreadySupported: true });
    const both = await Promise.all([1, 2, 3].map(() => gql(SUPPORT, { id: open.id, d: 'device-0004-abcdef' }, {})));
    expect(both.map((r) => r.data.supportReport.alreadySupported).sort()).toEqual([false, true, true]);
    expect(await snapshot()).toMatchObject({ supporters: before.supporters + 3, counted: before.counted + 3 });
    const listed = await gql(NEARBY, { c: a.roadsCategoryId, lat: HERE.latitude, lng: HERE.longitude }, {});
    expect(listed.data.nearbyReports.data.find((n: any) => n.report.id === open.id).report.supporterCount).toBe(3);
    expect(listed.text).not.toMatch(/944444444/);
    const tracked = await gql(`query($c: String!) { trackReport(trackingCode: $c) { ... on TrackedReport { report { supporterCount } } } }`, { c: open.trackingCode });
    expect(tracked.data.trackReport.report.supporterCount).toBe(3);
  });

  it('refuses private, unmoderated, other tenants\u2019 and unknown reports alike, and NUL or extreme input, changing nothing', async () => {
    const before = await snapshot();
    for (const id of [hidden.id, submitted.id, crypto.randomUUID(), 'nope']) {
      expect((await gql(SUPPORT, { id, d: 'device-0009-abcdef' }, {})).data.supportReport.__typename, id).toBe('NotFoundError');
    }
    expect((await gql(SUPPORT, { id: open.id, d: 'device-0009-abcdef' }, { tenant: 'triage-other' })).data.supportReport.__typename).toBe('NotFoundError');
    const bad = [
      { d: 'dev\u0000ice-0009' },
      { d: 'short' },
      { d: 'x'.repeat(100_000) },
      { d: 'device-0009-abcdef', p: '12345' },
      { d: 'device-0009-abcdef', e: 'not an e-mail' },
    ];
    for (const v of bad) {
      const r = await gql(SUPPORT, { id: open.id, ...v }, {});
      expect(r.data.supportReport?.__typename ?? JSON.stringify(r.errors), JSON.stringify(v).slice(0, 80)).toMatch(/ValidationError|BAD_USER_INPUT|UNSAFE_INPUT/);
      expect(r.text).not.toMatch(/12345|not an e-mail/);
    }
    for (const v of [{ lat: 1e308, lng: 0 }, { lat: 16, lng: -1e308 }, { lat: 16, lng: 107, r: 2_000_000_000 }, { lat: 16, lng: 107, c: 'x\u0000' }]) {
      const r = await gql(NEARBY, { c: a.roadsCategoryId, ...v }, {});
      expect(r.data.nearbyReports?.__typename ?? JSON.stringify(r.errors)).toMatch(/ValidationError|BAD_USER_INPUT|UNSAFE_INPUT/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('rate limits "me too" like submitting', async () => {
    const rules = { signIn: { perIp: 100, perKey: 100 }, submitReport: { perIp: 2, perKey: 100 }, citizenReply: { perIp: 100, perKey: 100 }, uploads: { perIp: 100, perKey: 100 } };
    const limited = await buildApp({ core: ctx, rateLimits: { rules } });
    const url = await limited.listen({ port: 0, host: '127.0.0.1' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await gql(SUPPORT, { id: open.id, d: `device-rate-${i}-abcdef` }, { url })).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('through the SDK', () => {
  it('the inbox reads suggestions, duplicates and counts, merges, and the citizen form supports', async () => {
    const staff = createClient({ endpoint: `${base}/graphql`, tenant: 'triage', token: tokens.a });
    const citizen = createClient({ endpoint: `${base}/graphql`, tenant: 'triage' });
    const first = await file(a, 'Cống thoát nước bị tắc trên đường Hai Bà Trưng', north(300));
    await classify(a, first.id, a.roadsCategoryId, a.roadsUnitId);
    const second = await file(a, 'Cong thoat nuoc bi tac tren duong Hai Ba Trung', north(320), '0955555555');

    const page = await listTriageReports(staff, { first: 100, filter: { status: ['SUBMITTED'] } });
    if (page.__typename !== 'ReportConnection') throw new Error(page.__typename);
    const row = page.nodes.find((n) => n.id === second.id);
    expect(row?.supporterCount).toBe(0);
    expect(Array.isArray(row?.suggestions)).toBe(true);
    const suggested = await suggestClassification(staff, second.id);
    expect(suggested.__typename).toBe('ClassificationSuggestionsSuccess');

    const duplicates = await findPossibleDuplicates(staff, { reportId: second.id });
    if (duplicates.__typename !== 'PossibleDuplicatesSuccess') throw new Error(duplicates.__typename);
    expect(duplicates.data[0]?.report.id).toBe(first.id);
    const merged = await mergeReport(staff, { id: second.id, intoId: first.id });
    expect(merged).toMatchObject({ __typename: 'ReportMerge', supporterCount: 1, merged: { status: 'REJECTED' } });

    const nearby = await nearbyReports(citizen, { categoryId: a.roadsCategoryId, latitude: north(310).latitude, longitude: HERE.longitude, radiusMeters: 100 });
    if (nearby.__typename !== 'NearbyReportsSuccess') throw new Error(nearby.__typename);
    expect(nearby.data.map((n) => n.report.id)).toContain(first.id);
    expect(await supportReport(citizen, { reportId: first.id, deviceId: 'sdk-device-000001' })).toMatchObject({ supporterCount: 2, alreadySupported: false });
    expect(await supportReport(citizen, { reportId: first.id, deviceId: 'sdk-device-000001' })).toMatchObject({ supporterCount: 2, alreadySupported: true });
  });
});
