import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineIndicator, hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Report forms over real HTTP: the admin defines a form (an officer may
// not), a unit's officer submits it whole for its own unit (never for
// another), one bad value refuses the whole form with a typed issue per
// indicator, a correction needs a reason and is audited, a replay writes
// nothing, staff read who is missing, and another tenant's form id is refused.
// Drafts (docs/indicators.md#drafts): a unit's officer saves what it typed
// (a value out of the form's limits included) and opens the form with one
// request bringing its state, the indicators, its values and its draft;
// another unit, another tenant, an anonymous caller and bad input (NUL, a
// lone surrogate, a number too large for a Float) are refused with nothing
// written; submitting deletes the draft.

const NOW = new Date('2026-04-06T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const ERR = '__typename ... on Error { errorCode: code message } ... on ValidationError { fields { path code messageVi messageEn } }';
const DEFINE = `mutation D($input: DefineIndicatorFormInput!) { result: defineIndicatorForm(input: $input) { ${ERR} ... on IndicatorForm { id code version status unitKinds items { code required minValue maxValue } } } }`;
const SUBMIT = `mutation S($input: SubmitIndicatorFormInput!) { result: submitIndicatorForm(input: $input) { ${ERR} ... on IndicatorFormSubmission { id revision reason replayed submittedBy formVersion values { code value revision } } } }`;
const STATUS = `query Q($formId: ID!, $period: String!) { result: indicatorFormStatus(formId: $formId, period: $period) { ${ERR} ... on IndicatorFormStatusReport { deadline submitted missing units { unitId state revision } } } }`;
const FORMS = `query F { result: indicatorForms { ${ERR} ... on IndicatorFormsSuccess { data { id code } } } }`;
const SAVE = `mutation S($input: SaveIndicatorFormDraftInput!) { result: saveIndicatorFormDraft(input: $input) { ${ERR} ... on IndicatorFormDraft { revision savedBy values { code value } } } }`;
const DISCARD = `mutation D($input: IndicatorFormDraftTargetInput!) { result: discardIndicatorFormDraft(input: $input) { ${ERR} ... on IndicatorFormDraftDiscarded { discarded } } }`;
const ENTRY = `query E($formId: ID!, $unitId: ID!, $period: String!) { result: indicatorFormEntry(formId: $formId, unitId: $unitId, period: $period) { ${ERR}
  ... on IndicatorFormEntry { period deadline unit { state revision } indicators { code higherIsBetter } values { value revision history { value } } draft { revision values { code value } } } } }`;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let endpoint: string;
const tokens: Record<string, string> = {};
type Result = { __typename: string; errorCode?: string; fields?: Array<{ path: string; code: string; messageVi: string; messageEn: string }> } & Record<string, unknown>;

type Body = { data?: { result: Result }; errors?: Array<{ extensions?: Record<string, unknown> }> };
/** `who` null: no token. `raw`: the request body as is (JSON a client could not write with JSON.stringify). */
async function post(who: string | null, query: string, variables: Record<string, unknown> = {}, tenant = 'form-api', raw?: string): Promise<Body> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant, ...(who ? { authorization: `Bearer ${tokens[`${tenant}:${who}`]}` } : {}) },
    body: raw ?? JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Body;
}
async function run(who: string | null, query: string, variables: Record<string, unknown> = {}, tenant = 'form-api'): Promise<Result> {
  const body = await post(who, query, variables, tenant);
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data!.result;
}
const rows = () => withTenant(ctx.db, t.tenantId, async (tx) => [await tx.indicatorFormSubmission.count(), await tx.indicatorValue.count(), await tx.indicatorValueRevision.count()]);

const ADMIN = 'admin@example.gov.vn';
const OFFICER = 'officer@example.gov.vn';
const WARD = 'ward@example.gov.vn';
let rice: string;
let area: string;
let formId: string;
const input = (values: Array<[string, number]>, extra: Record<string, unknown> = {}) => ({
  input: { formId, unitId: t.wardUnitId, period: '2026-03', values: values.map(([indicatorId, value]) => ({ indicatorId, value })), ...extra },
});

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  t = await createFixtureTenant(ctx, 'form-api', 'FA');
  await createFixtureTenant(ctx, 'form-other', 'FO');
  const passwordHash = await hashPassword(PASSWORD);
  for (const tenant of await ctx.db.prisma.tenant.findMany()) await withTenant(ctx.db, tenant.id, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  const base = { unitOfMeasure: 'tấn', periodicity: 'MONTH', aggregation: 'SUM' } as const;
  rice = (await defineIndicator(ctx, t.tenantId, t.admin, { code: 'RICE', name: 'Sản lượng lúa', nameEn: 'Rice output', ...base })).id;
  area = (await defineIndicator(ctx, t.tenantId, t.admin, { code: 'AREA', name: 'Diện tích', nameEn: 'Area', ...base, unitOfMeasure: 'ha' })).id;
  app = await buildApp({ core: ctx, redisUrl: null, slaAlerts: { intervalMs: 0 } });
  endpoint = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
  for (const [tenant, email] of [['form-api', ADMIN], ['form-api', OFFICER], ['form-api', WARD], ['form-other', ADMIN]] as const) {
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

describe('indicator report forms API', () => {
  it('lets the admin define a form, and nobody else', async () => {
    const definition = { code: 'AGRI', name: 'Báo cáo nông nghiệp', nameEn: 'Agriculture', periodicity: 'MONTH', deadlineDays: 10, unitKinds: ['COMMUNE'], items: [{ indicatorId: rice, maxValue: 1000 }, { indicatorId: area, required: false }] };
    expect((await run(OFFICER, DEFINE, { input: definition })).__typename).toBe('ForbiddenError');
    const defined = await run(ADMIN, DEFINE, { input: definition });
    expect(defined).toMatchObject({ __typename: 'IndicatorForm', code: 'AGRI', version: 1, status: 'ACTIVE', unitKinds: ['COMMUNE'], items: [{ code: 'RICE', required: true, minValue: null, maxValue: 1000 }, { code: 'AREA', required: false }] });
    formId = defined.id as string;
  });

  it('refuses a whole form for one bad value, with a typed issue per indicator, writing nothing', async () => {
    const before = await rows();
    const refused = await run(WARD, SUBMIT, input([[rice, 5000], [area, 3]]));
    expect(refused).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'values.RICE', code: 'TOO_LARGE', messageVi: expect.any(String) }] });
    const missing = await run(WARD, SUBMIT, input([[area, 3]]));
    expect(missing.fields).toMatchObject([{ path: 'values.RICE', code: 'REQUIRED' }]);
    expect(await rows()).toEqual(before);
  });

  it('takes a unit’s form for its own unit only; a replay writes nothing; a correction needs a reason', async () => {
    const before = await rows();
    expect((await run(OFFICER, SUBMIT, input([[rice, 1]]))).__typename).toBe('ForbiddenError');
    expect(await rows()).toEqual(before);
    const first = await run(WARD, SUBMIT, input([[rice, 400], [area, 3]], { idempotencyKey: 'ward-agri-2026-03' }));
    expect(first).toMatchObject({ __typename: 'IndicatorFormSubmission', revision: 1, replayed: false, formVersion: 1, values: [{ code: 'RICE', value: 400, revision: 1 }, { code: 'AREA', value: 3, revision: 1 }] });
    const afterFirst = await rows();
    expect((await run(WARD, SUBMIT, input([[rice, 400], [area, 3]], { idempotencyKey: 'ward-agri-2026-03' })))).toMatchObject({ id: first.id, replayed: true });
    expect((await run(WARD, SUBMIT, input([[rice, 410], [area, 3]], { idempotencyKey: 'ward-agri-2026-03' }))).__typename).toBe('ConflictError');
    expect((await run(WARD, SUBMIT, input([[rice, 410], [area, 3]]))).fields).toMatchObject([{ path: 'reason', code: 'REQUIRED' }]);
    expect(await rows()).toEqual(afterFirst);
    const corrected = await run(WARD, SUBMIT, input([[rice, 410], [area, 3]], { reason: 'Cập nhật số liệu' }));
    expect(corrected).toMatchObject({ revision: 2, reason: 'Cập nhật số liệu', values: [{ code: 'RICE', value: 410, revision: 2 }, { code: 'AREA', value: 3, revision: 1 }] });
    const audit = await withTenant(ctx.db, t.tenantId, (tx) => tx.auditEntry.findMany({ where: { action: { startsWith: 'indicator-form.' } }, orderBy: { at: 'asc' } }));
    expect(audit.map((a) => a.action)).toEqual(['indicator-form.define', 'indicator-form.submit', 'indicator-form.correct']);
  });

  it('tells staff which units submitted and which are missing', async () => {
    const status = await run(ADMIN, STATUS, { formId, period: '2026-03' });
    expect(status).toMatchObject({ __typename: 'IndicatorFormStatusReport', deadline: '2026-04-10T16:59:59.999Z', submitted: 1, missing: 0, units: [{ unitId: t.wardUnitId, state: 'ON_TIME', revision: 2 }] });
    const april = await run(ADMIN, STATUS, { formId, period: '2026-04' });
    expect(april).toMatchObject({ submitted: 0, missing: 1, units: [{ unitId: t.wardUnitId, state: 'PENDING', revision: null }] });
  });

  it('refuses another tenant’s form id and shows it no forms', async () => {
    const before = await rows();
    expect(await run(ADMIN, SUBMIT, input([[rice, 1]]), 'form-other')).toMatchObject({ __typename: 'NotFoundError', errorCode: 'NOT_FOUND' });
    expect((await run(ADMIN, STATUS, { formId, period: '2026-03' }, 'form-other')).__typename).toBe('NotFoundError');
    expect((await run(ADMIN, FORMS, {}, 'form-other')).data).toEqual([]);
    expect((await run(ADMIN, FORMS)).data).toEqual([{ id: formId, code: 'AGRI' }]);
    expect(await rows()).toEqual(before);
  });
});

describe('report form drafts API', () => {
  const PERIOD = '2026-05';
  const target = () => ({ formId, unitId: t.wardUnitId, period: PERIOD });
  const saveInput = (value: number, extra: Record<string, unknown> = {}) => ({ input: { ...target(), values: [{ indicatorId: rice, value }], ...extra } });
  const drafts = () => withTenant(ctx.db, t.tenantId, (tx) => tx.indicatorFormDraft.findMany({ select: { period: true, values: true, revision: true } }));

  it('saves a unit’s draft, out of limits too, and opens the form with its state, indicators, values and draft in one request', async () => {
    expect(await run(WARD, SAVE, saveInput(5000))).toMatchObject({ __typename: 'IndicatorFormDraft', revision: 1, values: [{ code: 'RICE', value: 5000 }] });
    expect(await run(WARD, SAVE, saveInput(50, { expectedRevision: 1 }))).toMatchObject({ revision: 2, values: [{ code: 'RICE', value: 50 }] });
    expect(await run(WARD, ENTRY, target())).toMatchObject({
      __typename: 'IndicatorFormEntry', period: PERIOD, deadline: '2026-06-10T16:59:59.999Z', unit: { state: 'PENDING', revision: null },
      indicators: [{ code: 'RICE', higherIsBetter: true }, { code: 'AREA' }], values: [], draft: { revision: 2, values: [{ code: 'RICE', value: 50 }] },
    });
    // Another unit's officer reads the form but not the ward's draft.
    expect((await run(OFFICER, ENTRY, target())).draft).toBeNull();
  });

  it('refuses another unit, another tenant, an anonymous caller and bad input, writing nothing', async () => {
    const before = await drafts();
    expect(await run(OFFICER, SAVE, saveInput(1))).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await run(OFFICER, DISCARD, { input: target() })).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await run(ADMIN, SAVE, saveInput(1), 'form-other')).toMatchObject({ __typename: 'NotFoundError' });
    expect(await run(ADMIN, ENTRY, target(), 'form-other')).toMatchObject({ __typename: 'NotFoundError' });
    expect(await run(null, SAVE, saveInput(1))).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await run(null, ENTRY, target())).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await run(WARD, SAVE, saveInput(1, { expectedRevision: 1 }))).toMatchObject({ __typename: 'ConflictError' });
    expect(await run(WARD, SAVE, { input: { ...target(), values: [{ indicatorId: crypto.randomUUID(), value: 1 }] } })).toMatchObject({
      __typename: 'ValidationError', fields: [{ path: 'values.0.indicatorId', code: 'UNKNOWN_REFERENCE' }],
    });
    for (const [period, reason] of [['2026-\u000005', 'NUL_CHARACTER'], ['2026-\udc0005', 'ILL_FORMED_TEXT']]) {
      const body = await post(WARD, SAVE, { input: { ...target(), period, values: [] } });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    }
    // 1e400 is no double: GraphQL's Float refuses it.
    const values = `[{"indicatorId":"${rice}","value":1e400}]`;
    const huge = await post(WARD, SAVE, {}, 'form-api', `{"query":${JSON.stringify(SAVE)},"variables":{"input":{"formId":"${formId}","unitId":"${t.wardUnitId}","period":"${PERIOD}","values":${values}}}}`);
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await drafts()).toEqual(before);
  });

  it('deletes the draft when the form is submitted, and discards one on request', async () => {
    expect(await run(WARD, SUBMIT, { input: { ...target(), values: [{ indicatorId: rice, value: 50 }] } })).toMatchObject({ __typename: 'IndicatorFormSubmission', revision: 1 });
    expect(await run(WARD, ENTRY, target())).toMatchObject({ unit: { state: 'ON_TIME', revision: 1 }, values: [{ value: 50, revision: 1, history: [{ value: 50 }] }], draft: null });
    expect(await drafts()).toEqual([]);
    await run(WARD, SAVE, { input: { ...target(), period: '2026-06', values: [] } });
    expect(await run(WARD, DISCARD, { input: { ...target(), period: '2026-06' } })).toMatchObject({ discarded: true });
    expect(await drafts()).toEqual([]);
  });
});
