import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveIndicatorForm,
  defineIndicator,
  defineIndicatorForm,
  listAuditEntries,
  listIndicatorForms,
  readIndicatorFormStatus,
  submitIndicatorForm,
  updateIndicatorForm,
  withTenant,
  type Actor,
  type DefineIndicatorFormInput,
  type IndicatorFormRecord,
  type IndicatorRecord,
  type SubmitIndicatorFormInput,
} from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// Report forms on a real database: the admin defines a versioned form, a
// unit submits it whole for a period (atomically: one bad value and nothing
// is written), corrects it with a reason (audited), replays are answered
// without writing, another tenant's form and another unit's submission are
// refused, and the status read says who is on time, late, pending, overdue.

const NOW = new Date('2026-04-06T02:00:00Z');
const AFTER_DEADLINE = new Date('2026-04-20T02:00:00Z');

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;
const ind: Record<string, IndicatorRecord> = {};
let form: IndicatorFormRecord;

const counts = () =>
  withTenant(ctx.db, t.tenantId, async (tx) => ({
    forms: await tx.indicatorFormVersion.count(),
    submissions: await tx.indicatorFormSubmission.count(),
    values: await tx.indicatorValue.count(),
    revisions: await tx.indicatorValueRevision.count(),
    audit: await tx.auditEntry.count(),
  }));
const userOf = (a: Actor) => ('userId' in a ? a.userId : null);
const submit = (actor: Actor, input: Partial<SubmitIndicatorFormInput> & { values: SubmitIndicatorFormInput['values'] }, tenantId = t.tenantId) =>
  submitIndicatorForm(ctx, tenantId, actor, { formId: form.id, unitId: t.wardUnitId, period: '2026-03', ...input });
const values = (rice: number, area?: number) => [{ indicatorId: ind.RICE!.id, value: rice }, ...(area === undefined ? [] : [{ indicatorId: ind.AREA!.id, value: area }])];

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  t = await createFixtureTenant(ctx, 'forms', 'FM');
  other = await createFixtureTenant(ctx, 'other-forms', 'OF');
  const base = { unitOfMeasure: 'tấn', periodicity: 'MONTH', aggregation: 'SUM' } as const;
  ind.RICE = await defineIndicator(ctx, t.tenantId, t.admin, { code: 'RICE', name: 'Sản lượng lúa', nameEn: 'Rice output', ...base });
  ind.AREA = await defineIndicator(ctx, t.tenantId, t.admin, { code: 'AREA', name: 'Diện tích gieo trồng', nameEn: 'Sown area', ...base, unitOfMeasure: 'ha', aggregation: 'LAST' });
  ind.YIELD = await defineIndicator(ctx, t.tenantId, t.admin, { code: 'YIELD', name: 'Năng suất', nameEn: 'Yield', ...base, formula: 'RICE / AREA' });
  ind.POP = await defineIndicator(ctx, t.tenantId, t.admin, { code: 'POP', name: 'Dân số', nameEn: 'Population', ...base, periodicity: 'YEAR', aggregation: 'LAST' });
});

afterAll(async () => tdb?.close());

const definition = (extra: Partial<DefineIndicatorFormInput> = {}): DefineIndicatorFormInput => ({
  code: 'AGRI_MONTHLY',
  name: 'Báo cáo nông nghiệp tháng',
  nameEn: 'Monthly agriculture report',
  periodicity: 'MONTH',
  deadlineDays: 10,
  unitKinds: ['COMMUNE'],
  unitIds: [t.roadsUnitId],
  items: [{ indicatorId: ind.RICE!.id, minValue: 0, maxValue: 1000 }, { indicatorId: ind.AREA!.id, required: false, minValue: 0 }],
  ...extra,
});

describe('indicator report forms', () => {
  it('are defined by tenant admins only, of submitted indicators of the form’s periodicity, writing nothing when refused', async () => {
    const before = await counts();
    await expect(defineIndicatorForm(ctx, t.tenantId, t.wardOfficer, definition())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const bad = definition({ unitIds: [crypto.randomUUID()], items: [{ indicatorId: ind.YIELD!.id }, { indicatorId: ind.POP!.id }, { indicatorId: crypto.randomUUID() }] });
    await expect(defineIndicatorForm(ctx, t.tenantId, t.admin, bad)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'unitIds.0', code: 'UNKNOWN_REFERENCE' }, { path: 'items.0.indicatorId', code: 'INVALID' }, { path: 'items.1.indicatorId', code: 'INVALID' }, { path: 'items.2.indicatorId', code: 'UNKNOWN_REFERENCE' }] },
    });
    await expect(defineIndicatorForm(ctx, t.tenantId, t.admin, definition({ unitIds: [], unitKinds: [] }))).rejects.toMatchObject({ details: { fields: [{ path: 'unitIds', code: 'REQUIRED' }] } });
    expect(await counts()).toEqual(before);
    form = await defineIndicatorForm(ctx, t.tenantId, t.admin, definition());
    expect(form).toMatchObject({ code: 'AGRI_MONTHLY', version: 1, status: 'ACTIVE', periodicity: 'MONTH', deadlineDays: 10, unitKinds: ['COMMUNE'], unitIds: [t.roadsUnitId] });
    expect(form.items.map((i) => [i.code, i.required, i.minValue, i.maxValue])).toEqual([['RICE', true, 0, 1000], ['AREA', false, 0, null]]);
    await expect(defineIndicatorForm(ctx, t.tenantId, t.admin, definition())).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('takes a unit’s whole form for a period with who and when, and refuses bad values atomically with a typed issue per indicator', async () => {
    const before = await counts();
    const bad = [{ indicatorId: ind.AREA!.id, value: -5 }, { indicatorId: ind.POP!.id, value: 1 }];
    await expect(submit(t.wardOfficer, { values: bad })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'values.AREA', code: 'TOO_SMALL' }, { path: 'values.1.indicatorId', code: 'UNKNOWN_REFERENCE' }, { path: 'values.RICE', code: 'REQUIRED' }] },
    });
    await expect(submit(t.wardOfficer, { values: values(5000, 10) })).rejects.toMatchObject({ details: { fields: [{ path: 'values.RICE', code: 'TOO_LARGE' }] } });
    await expect(submit(t.wardOfficer, { values: values(1), period: '2026-Q1' })).rejects.toMatchObject({ details: { fields: [{ path: 'period', code: 'INVALID_FORMAT' }] } });
    await expect(submit(t.admin, { values: values(1), unitId: t.iocUnitId })).rejects.toMatchObject({ details: { fields: [{ path: 'unitId', code: 'INVALID' }] } });
    expect(await counts()).toEqual(before);

    const first = await submit(t.wardOfficer, { values: values(400, 120), idempotencyKey: 'ward-2026-03-first' });
    expect(first).toMatchObject({ formVersion: 1, unitId: t.wardUnitId, period: '2026-03', revision: 1, replayed: false, submittedBy: userOf(t.wardOfficer), submittedAt: NOW });
    expect(first.values).toEqual([{ indicatorId: ind.RICE!.id, code: 'RICE', value: 400, revision: 1 }, { indicatorId: ind.AREA!.id, code: 'AREA', value: 120, revision: 1 }]);
    const after = await counts();
    expect(after).toMatchObject({ submissions: before.submissions + 1, values: before.values + 2, revisions: before.revisions + 2 });
  });

  it('answers a replay without writing: the same key and input, or the current values again; a reused key with other input is a conflict', async () => {
    const before = await counts();
    const again = await submit(t.wardOfficer, { values: values(400, 120), idempotencyKey: 'ward-2026-03-first' });
    expect(again).toMatchObject({ revision: 1, replayed: true });
    expect(await submit(t.wardOfficer, { values: values(400, 120) })).toMatchObject({ revision: 1, replayed: true });
    await expect(submit(t.wardOfficer, { values: values(401, 120), idempotencyKey: 'ward-2026-03-first' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await counts()).toEqual(before);
  });

  it('takes a resubmission as a correction: a reason is required, the changed values are revised, both audited', async () => {
    await expect(submit(t.wardOfficer, { values: values(450, 120) })).rejects.toMatchObject({ details: { fields: [{ path: 'reason', code: 'REQUIRED' }] } });
    const corrected = await submit(t.wardOfficer, { values: values(450, 120), reason: 'Số liệu thống kê cập nhật' });
    expect(corrected).toMatchObject({ revision: 2, reason: 'Số liệu thống kê cập nhật', replayed: false });
    expect(corrected.values.map((v) => [v.code, v.value, v.revision])).toEqual([['RICE', 450, 2], ['AREA', 120, 1]]);
    const audit = await listAuditEntries(ctx, t.tenantId, t.admin, { first: 50 });
    const formEntry = audit.find((e) => e.subjectId === corrected.id);
    expect(formEntry).toMatchObject({ action: 'indicator-form.correct', data: { revision: 2, reason: 'Số liệu thống kê cập nhật', changed: [{ code: 'RICE', value: 450, previousValue: 400 }] } });
    expect(audit.filter((e) => e.action === 'indicator-value.correct').map((e) => e.data)).toEqual([expect.objectContaining({ code: 'RICE', value: 450, previousValue: 400, revision: 2 })]);
    expect(audit.filter((e) => e.action === 'indicator-form.submit')).toHaveLength(1);
  });

  it('refuses another tenant’s form id and a unit submitting for another unit, writing nothing', async () => {
    const before = await counts();
    await expect(submit(other.admin, { values: values(1) }, other.tenantId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readIndicatorFormStatus(ctx, other.tenantId, other.admin, form.id, '2026-03')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(submit(t.wardOfficer, { values: values(1), unitId: t.roadsUnitId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(submit(t.leader, { values: values(1) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await counts()).toEqual(before);
    expect(await listIndicatorForms(ctx, other.tenantId, other.admin)).toEqual([]);
  });

  it('reports per period which units submitted on time or late and which are pending or overdue', async () => {
    const status = await readIndicatorFormStatus(ctx, t.tenantId, t.leader, form.id, '2026-03');
    expect(status.deadline).toEqual(new Date('2026-04-10T16:59:59.999Z')); // end of 10 April, UTC+7
    expect(status.units.map((u) => [u.unitId, u.state, u.revision])).toEqual([[t.wardUnitId, 'ON_TIME', 2], [t.roadsUnitId, 'PENDING', null]]);
    expect(status).toMatchObject({ submitted: 1, missing: 1, late: 0, overdue: 0 });
    ctx.setNow(AFTER_DEADLINE);
    try {
      expect((await readIndicatorFormStatus(ctx, t.tenantId, t.leader, form.id, '2026-03')).units.find((u) => u.unitId === t.roadsUnitId)?.state).toBe('OVERDUE');
      await submit(t.roadsOfficer, { unitId: t.roadsUnitId, values: values(10) });
      const later = await readIndicatorFormStatus(ctx, t.tenantId, t.leader, form.id, '2026-03');
      expect(later.units.find((u) => u.unitId === t.roadsUnitId)).toMatchObject({ state: 'LATE', firstSubmittedAt: AFTER_DEADLINE, lastSubmittedBy: userOf(t.roadsOfficer) });
      expect(later).toMatchObject({ submitted: 2, missing: 0, late: 1, overdue: 0 });
    } finally {
      ctx.setNow(NOW);
    }
    await expect(readIndicatorFormStatus(ctx, t.tenantId, t.leader, form.id, '2026')).rejects.toMatchObject({ details: { fields: [{ path: 'period' }] } });
  });

  it('versions a changed definition, keeping earlier submissions’ version, and takes no submissions once archived', async () => {
    const updated = await updateIndicatorForm(ctx, t.tenantId, t.admin, form.id, { deadlineDays: 5, items: [{ indicatorId: ind.RICE!.id }] });
    expect(updated).toMatchObject({ version: 2, deadlineDays: 5, name: form.name, unitKinds: ['COMMUNE'] });
    expect(updated.items.map((i) => i.code)).toEqual(['RICE']);
    await expect(updateIndicatorForm(ctx, t.tenantId, t.admin, form.id, { periodicity: 'YEAR', items: [{ indicatorId: ind.POP!.id }] })).rejects.toMatchObject({ code: 'CONFLICT' });
    const april = await submit(t.wardOfficer, { period: '2026-04', values: values(300) });
    expect(april.formVersion).toBe(2);
    const archived = await archiveIndicatorForm(ctx, t.tenantId, t.admin, form.id);
    expect(archived).toMatchObject({ status: 'ARCHIVED', archivedAt: NOW });
    await expect(submit(t.wardOfficer, { period: '2026-05', values: values(1) })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await listIndicatorForms(ctx, t.tenantId, t.admin)).toEqual([]);
    expect((await listIndicatorForms(ctx, t.tenantId, t.admin, { includeArchived: true })).map((f) => f.code)).toEqual(['AGRI_MONTHLY']);
    const versions = await withTenant(ctx.db, t.tenantId, (tx) => tx.indicatorFormSubmission.findMany({ where: { formId: form.id }, include: { formVersion: { select: { version: true } } }, orderBy: { submittedAt: 'asc' } }));
    expect(versions.filter((s) => s.period === '2026-03').every((s) => s.formVersion.version === 1)).toBe(true);
  });
});
