import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineIndicator, defineIndicatorForm, hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Report form drafts over real HTTP: a unit's officer saves what it typed
// (a value out of the form's limits included), opens the form with one
// request that brings its state, the indicators with their targets, its
// values and its draft; another unit, another tenant, an anonymous caller
// and bad input (NUL, a lone surrogate, a number too large for a Float)
// are refused with nothing written; submitting deletes the draft.

const NOW = new Date('2026-04-06T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const ERR = '__typename ... on Error { errorCode: code message } ... on ValidationError { fields { path code } }';
const SAVE = `mutation S($input: SaveIndicatorFormDraftInput!) { result: saveIndicatorFormDraft(input: $input) { ${ERR} ... on IndicatorFormDraft { revision savedBy values { code value } } } }`;
const DISCARD = `mutation D($input: IndicatorFormDraftTargetInput!) { result: discardIndicatorFormDraft(input: $input) { ${ERR} ... on IndicatorFormDraftDiscarded { discarded } } }`;
const SUBMIT = `mutation S($input: SubmitIndicatorFormInput!) { result: submitIndicatorForm(input: $input) { ${ERR} ... on IndicatorFormSubmission { revision } } }`;
const ENTRY = `query E($formId: ID!, $unitId: ID!, $period: String!) { result: indicatorFormEntry(formId: $formId, unitId: $unitId, period: $period) { ${ERR}
  ... on IndicatorFormEntry { period deadline unit { state revision } indicators { code unitTarget higherIsBetter } values { value revision history { value } } draft { revision values { code value } } } } }`;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let endpoint: string;
const tokens: Record<string, string> = {};
type Body = { data?: { result: Record<string, unknown> & { __typename: string } }; errors?: Array<{ extensions?: Record<string, unknown> }> };

async function post(who: string | null, query: string, variables: Record<string, unknown>, tenant = 'draft-api', raw?: string): Promise<Body> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant, ...(who ? { authorization: `Bearer ${tokens[`${tenant}:${who}`]}` } : {}) },
    body: raw ?? JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Body;
}
async function run(who: string | null, query: string, variables: Record<string, unknown>, tenant?: string) {
  const body = await post(who, query, variables, tenant);
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data!.result;
}
const drafts = () => withTenant(ctx.db, t.tenantId, (tx) => tx.indicatorFormDraft.findMany({ select: { values: true, revision: true } }));

const ADMIN = 'admin@example.gov.vn';
const OFFICER = 'officer@example.gov.vn';
const WARD = 'ward@example.gov.vn';
let rice: string;
let formId: string;
const target = () => ({ formId, unitId: t.wardUnitId, period: '2026-03' });
const saveInput = (value: number, extra: Record<string, unknown> = {}) => ({ input: { ...target(), values: [{ indicatorId: rice, value }], ...extra } });

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  t = await createFixtureTenant(ctx, 'draft-api', 'DA');
  await createFixtureTenant(ctx, 'draft-other', 'DO');
  const passwordHash = await hashPassword(PASSWORD);
  for (const tenant of await ctx.db.prisma.tenant.findMany()) await withTenant(ctx.db, tenant.id, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  rice = (await defineIndicator(ctx, t.tenantId, t.admin, { code: 'RICE', name: 'Sản lượng lúa', nameEn: 'Rice output', unitOfMeasure: 'tấn', periodicity: 'MONTH', aggregation: 'SUM', unitTarget: 100 })).id;
  formId = (await defineIndicatorForm(ctx, t.tenantId, t.admin, {
    code: 'AGRI', name: 'Nông nghiệp', nameEn: 'Agriculture', periodicity: 'MONTH', deadlineDays: 10, unitKinds: ['COMMUNE'], items: [{ indicatorId: rice, minValue: 0, maxValue: 1000 }],
  })).id;
  app = await buildApp({ core: ctx, redisUrl: null, slaAlerts: { intervalMs: 0 } });
  endpoint = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
  for (const [tenant, email] of [['draft-api', ADMIN], ['draft-api', OFFICER], ['draft-api', WARD], ['draft-other', ADMIN]] as const) {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenant': tenant },
      body: JSON.stringify({ query: 'mutation S($e: String!, $p: String!) { signIn(email: $e, password: $p) { ... on SignInSuccess { token } } }', variables: { e: email, p: PASSWORD } }),
    });
    tokens[`${tenant}:${email}`] = ((await response.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
  }
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('report form drafts API', () => {
  it('saves a unit’s draft, out of limits too, and opens the form with its state, targets, values and draft in one request', async () => {
    expect(await run(WARD, SAVE, saveInput(5000))).toMatchObject({ __typename: 'IndicatorFormDraft', revision: 1, values: [{ code: 'RICE', value: 5000 }] });
    expect(await run(WARD, SAVE, saveInput(50, { expectedRevision: 1 }))).toMatchObject({ revision: 2, values: [{ code: 'RICE', value: 50 }] });
    const entry = await run(WARD, ENTRY, target());
    expect(entry).toMatchObject({
      __typename: 'IndicatorFormEntry', period: '2026-03', deadline: '2026-04-10T16:59:59.999Z', unit: { state: 'PENDING', revision: null },
      indicators: [{ code: 'RICE', unitTarget: 100, higherIsBetter: true }], values: [], draft: { revision: 2, values: [{ code: 'RICE', value: 50 }] },
    });
    // Another unit's officer reads the form but not the ward's draft.
    expect((await run(OFFICER, ENTRY, target())).draft).toBeNull();
  });

  it('refuses another unit, another tenant, an anonymous caller and bad input, writing nothing', async () => {
    const before = await drafts();
    expect(await run(OFFICER, SAVE, saveInput(1))).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await run(OFFICER, DISCARD, { input: target() })).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await run(ADMIN, SAVE, saveInput(1), 'draft-other')).toMatchObject({ __typename: 'NotFoundError' });
    expect(await run(ADMIN, ENTRY, target(), 'draft-other')).toMatchObject({ __typename: 'NotFoundError' });
    expect(await run(null, SAVE, saveInput(1))).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await run(null, ENTRY, target())).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await run(WARD, SAVE, saveInput(1, { expectedRevision: 1 }))).toMatchObject({ __typename: 'ConflictError' });
    expect(await run(WARD, SAVE, { input: { ...target(), values: [{ indicatorId: crypto.randomUUID(), value: 1 }] } })).toMatchObject({
      __typename: 'ValidationError', fields: [{ path: 'values.0.indicatorId', code: 'UNKNOWN_REFERENCE' }],
    });
    for (const [period, reason] of [['2026-\u000003', 'NUL_CHARACTER'], ['2026-\udc0003', 'ILL_FORMED_TEXT']]) {
      const body = await post(WARD, SAVE, { input: { ...target(), period, values: [] } });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    }
    // 1e400 is no double: GraphQL's Float refuses it.
    const huge = await post(WARD, SAVE, {}, 'draft-api', `{"query":${JSON.stringify(SAVE)},"variables":{"input":{"formId":"${formId}","unitId":"${t.wardUnitId}","period":"2026-03","values":[{"indicatorId":"${rice}","value":1e400}]}}}`);
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await drafts()).toEqual(before);
  });

  it('deletes the draft when the form is submitted, and discards one on request', async () => {
    expect(await run(WARD, SUBMIT, { input: { ...target(), values: [{ indicatorId: rice, value: 50 }] } })).toMatchObject({ __typename: 'IndicatorFormSubmission', revision: 1 });
    const entry = await run(WARD, ENTRY, target());
    expect(entry).toMatchObject({ unit: { state: 'ON_TIME', revision: 1 }, values: [{ value: 50, revision: 1, history: [{ value: 50 }] }], draft: null });
    expect(await drafts()).toEqual([]);
    await run(WARD, SAVE, { input: { ...target(), period: '2026-04', values: [] } });
    expect(await run(WARD, DISCARD, { input: { ...target(), period: '2026-04' } })).toMatchObject({ discarded: true });
    expect(await drafts()).toEqual([]);
  });
});
