import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Indicators over real HTTP: the admin defines them, a unit's officer
// submits and corrects its own values (never another unit's), a formula
// naming itself is refused on its field, staff read figures aggregated,
// anyone reads the public ones, and another tenant sees and changes nothing.
// Targets per level (docs/indicators.md#targets): RICE has a tenant-wide
// target of 100, 50 for each unit and 60 for the ward; each figure comes with
// the target that applies to it.

const NOW = new Date('2026-04-06T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const ERR = '__typename ... on Error { errorCode: code message } ... on ValidationError { fields { path code messageVi messageEn } }';
const INDICATOR = `${ERR} ... on Indicator { id code periodicity aggregation target unitTarget unitTargets { unitId unitKind target } isPublic formula }`;
const DEFINE = `mutation D($input: DefineIndicatorInput!) { result: defineIndicator(input: $input) { ${INDICATOR} } }`;
const UPDATE = `mutation U($id: ID!, $input: UpdateIndicatorInput!) { result: updateIndicator(id: $id, input: $input) { ${INDICATOR} } }`;
const SUBMIT = `mutation S($input: SubmitIndicatorValueInput!) { result: submitIndicatorValue(input: $input) { ${ERR} ... on IndicatorValue { id value revision submittedBy history { revision value reason } } } }`;
const FIGURE = `query F($id: ID!, $period: String!, $unitId: ID) { result: indicatorFigure(indicatorId: $id, period: $period, unitId: $unitId) { ${ERR} ... on IndicatorFigure { value target missesTarget byUnit { unitId value target missesTarget } } } }`;
const PUBLIC = `query P($period: String!) { result: publicIndicators(period: $period) { ${ERR} ... on PublicIndicatorsSuccess { data { period value indicator { code name nameEn unitOfMeasure } } } } }`;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let endpoint: string;
const tokens: Record<string, string> = {};
type Result = { __typename: string; errorCode?: string; fields?: Array<{ path: string; code: string; messageVi: string; messageEn: string }> } & Record<string, unknown>;

async function post(query: string, variables: Record<string, unknown>, token?: string, tenant = 'ind-api'): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}
async function run(who: string | null, query: string, variables: Record<string, unknown> = {}, tenant = 'ind-api'): Promise<Result> {
  const body = await post(query, variables, who ? tokens[`${tenant}:${who}`] : undefined, tenant);
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data!.result as Result;
}
const rows = () => withTenant(ctx.db, t.tenantId, async (tx) => [await tx.indicator.count(), await tx.indicatorValue.count(), await tx.indicatorValueRevision.count()]);

const ADMIN = 'admin@example.gov.vn';
const OFFICER = 'officer@example.gov.vn';
const WARD = 'ward@example.gov.vn';
let rice: string;
let other: FixtureTenant;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  t = await createFixtureTenant(ctx, 'ind-api', 'IA');
  other = await createFixtureTenant(ctx, 'ind-other', 'IO');
  const passwordHash = await hashPassword(PASSWORD);
  for (const tenant of await ctx.db.prisma.tenant.findMany()) await withTenant(ctx.db, tenant.id, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx, redisUrl: null, slaAlerts: { intervalMs: 0 } });
  endpoint = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
  for (const [tenant, email] of [['ind-api', ADMIN], ['ind-api', OFFICER], ['ind-api', WARD], ['ind-other', ADMIN]] as const) {
    const body = await post('mutation S($e: String!, $p: String!) { signIn(email: $e, password: $p) { ... on SignInSuccess { token } } }', { e: email, p: PASSWORD }, undefined, tenant);
    tokens[`${tenant}:${email}`] = (body.data!.signIn as { token: string }).token;
  }
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('indicators API', () => {
  it('lets the admin define indicators, and refuses a formula naming itself on its field, writing nothing', async () => {
    const defined = await run(ADMIN, DEFINE, { input: { code: 'RICE', name: 'Sản lượng lúa', nameEn: 'Rice output', unitOfMeasure: 'tấn', periodicity: 'MONTH', aggregation: 'SUM', target: 100, unitTarget: 50, unitTargets: [{ unitId: t.wardUnitId, target: 60 }], isPublic: true } });
    expect(defined).toMatchObject({
      __typename: 'Indicator', code: 'RICE', periodicity: 'MONTH', aggregation: 'SUM', target: 100, unitTarget: 50, unitTargets: [{ unitId: t.wardUnitId, unitKind: null, target: 60 }], isPublic: true, formula: null,
    });
    rice = defined.id as string;
    await run(ADMIN, DEFINE, { input: { code: 'SECRET', name: 'Chỉ tiêu nội bộ', nameEn: 'Internal', unitOfMeasure: '%', periodicity: 'YEAR', aggregation: 'AVERAGE' } });
    const before = await rows();
    const self = await run(ADMIN, DEFINE, { input: { code: 'LOOP', name: 'Vòng', nameEn: 'Loop', unitOfMeasure: '%', periodicity: 'MONTH', aggregation: 'SUM', formula: 'LOOP * 2' } });
    expect(self).toMatchObject({ __typename: 'ValidationError', errorCode: 'VALIDATION', fields: [{ path: 'formula', code: 'FORMULA_CYCLE' }] });
    const missing = await run(ADMIN, DEFINE, { input: { code: 'X', name: 'X', nameEn: 'X', unitOfMeasure: '%', periodicity: 'MONTH', aggregation: 'SUM', formula: 'RICE / NONE' } });
    expect(missing.fields![0]).toMatchObject({ code: 'FORMULA_UNKNOWN_INDICATOR', messageVi: expect.stringContaining('không tồn tại') });
    expect((await run(OFFICER, DEFINE, { input: { code: 'Y', name: 'Y', nameEn: 'Y', unitOfMeasure: '%', periodicity: 'MONTH', aggregation: 'SUM' } })).__typename).toBe('ForbiddenError');
    expect(await rows()).toEqual(before);
  });

  it('takes a unit’s own values and corrections, never another unit’s', async () => {
    const first = await run(OFFICER, SUBMIT, { input: { indicatorId: rice, unitId: t.roadsUnitId, period: '2026-03', value: 70 } });
    expect(first).toMatchObject({ __typename: 'IndicatorValue', value: 70, revision: 1 });
    const before = await rows();
    expect((await run(OFFICER, SUBMIT, { input: { indicatorId: rice, unitId: t.wardUnitId, period: '2026-03', value: 1 } })).__typename).toBe('ForbiddenError');
    expect((await run(OFFICER, SUBMIT, { input: { indicatorId: rice, unitId: t.roadsUnitId, period: '2026-03', value: 75 } })).fields).toMatchObject([{ path: 'reason', code: 'REQUIRED' }]);
    expect(await rows()).toEqual(before);
    const corrected = await run(OFFICER, SUBMIT, { input: { indicatorId: rice, unitId: t.roadsUnitId, period: '2026-03', value: 75, reason: 'Cập nhật số liệu' } });
    expect(corrected).toMatchObject({ revision: 2, history: [{ revision: 1, value: 70, reason: null }, { revision: 2, value: 75, reason: 'Cập nhật số liệu' }] });
    await run(WARD, SUBMIT, { input: { indicatorId: rice, unitId: t.wardUnitId, period: '2026-03', value: 50 } });
  });

  it('gives staff the aggregated figure and anyone the public indicators only', async () => {
    const figure = await run(ADMIN, FIGURE, { id: rice, period: '2026-Q1' });
    expect(figure).toMatchObject({ __typename: 'IndicatorFigure', value: 125, target: 100, missesTarget: false });
    expect(figure.byUnit).toEqual(expect.arrayContaining([
      { unitId: t.roadsUnitId, value: 75, target: 50, missesTarget: false },
      { unitId: t.wardUnitId, value: 50, target: 60, missesTarget: true },
    ]));
    expect(await run(ADMIN, FIGURE, { id: rice, period: '2026-03', unitId: t.wardUnitId })).toMatchObject({ value: 50, target: 60, missesTarget: true });
    expect((await run(null, FIGURE, { id: rice, period: '2026-03' })).__typename).toBe('ForbiddenError');
    const publicFigures = await run(null, PUBLIC, { period: '2026' });
    expect(publicFigures.data).toEqual([{ period: '2026', value: 125, indicator: { code: 'RICE', name: 'Sản lượng lúa', nameEn: 'Rice output', unitOfMeasure: 'tấn' } }]);
  });

  it('shows another tenant nothing and refuses its ids', async () => {
    expect((await run(null, PUBLIC, { period: '2026' }, 'ind-other')).data).toEqual([]);
    expect((await run(ADMIN, FIGURE, { id: rice, period: '2026-03' }, 'ind-other')).__typename).toBe('NotFoundError');
    const before = await rows();
    expect((await run(ADMIN, SUBMIT, { input: { indicatorId: rice, unitId: t.roadsUnitId, period: '2026-04', value: 1 } }, 'ind-other')).__typename).toBe('NotFoundError');
    expect(await rows()).toEqual(before);
    // A target for another tenant's unit: refused at its place, the targets as they were.
    const refused = await run(ADMIN, UPDATE, { id: rice, input: { unitTarget: 1, unitTargets: [{ unitId: other.roadsUnitId, target: 1 }] } });
    expect(refused).toMatchObject({ __typename: 'ValidationError', errorCode: 'VALIDATION', fields: [{ path: 'unitTargets.0.unitId', code: 'UNKNOWN_REFERENCE' }] });
    expect(await run(ADMIN, FIGURE, { id: rice, period: '2026-03', unitId: t.wardUnitId })).toMatchObject({ target: 60 });
    expect((await run(ADMIN, FIGURE, { id: rice, period: '2026-03', unitId: t.roadsUnitId })).target).toBe(50);
  });
});
