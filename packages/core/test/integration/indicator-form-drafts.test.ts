import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defineIndicator,
  defineIndicatorForm,
  discardIndicatorFormDraft,
  readIndicatorFigure,
  readIndicatorFormEntry,
  readIndicatorFormStatus,
  readPublicIndicatorFigures,
  saveIndicatorFormDraft,
  submitIndicatorForm,
  withTenant,
  type Actor,
  type IndicatorFormRecord,
  type IndicatorRecord,
  type SaveIndicatorFormDraftInput,
} from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// Report form drafts on a real database: a unit keeps what it typed so far
// (out of bounds too), any officer of the unit finds it in the form entry,
// nobody else does; a draft counts in no figure, alert, status or public
// view; submitting turns it into values and deletes it in one transaction;
// another tenant's form, another unit, a citizen and bad input are refused
// with nothing written.

const NOW = new Date('2026-04-06T02:00:00Z');
const PERIOD = '2026-03';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;
let rice: IndicatorRecord;
let area: IndicatorRecord;
let form: IndicatorFormRecord;
/** A second officer of the ward: drafts are the unit's, not one officer's. */
let wardColleague: Actor;

const citizen: Actor = { role: 'CITIZEN', reportId: crypto.randomUUID() };
const save = (actor: Actor, values: SaveIndicatorFormDraftInput['values'], extra: Partial<SaveIndicatorFormDraftInput> = {}, tenantId = t.tenantId) =>
  saveIndicatorFormDraft(ctx, tenantId, actor, { formId: form.id, unitId: t.wardUnitId, period: PERIOD, values, ...extra });
const entry = (actor: Actor, unitId = t.wardUnitId) => readIndicatorFormEntry(ctx, t.tenantId, actor, { formId: form.id, unitId, period: PERIOD });
const drafts = () => withTenant(ctx.db, t.tenantId, (tx) => tx.indicatorFormDraft.findMany({ select: { unitId: true, period: true, values: true, revision: true } }));
const counts = () =>
  withTenant(ctx.db, t.tenantId, async (tx) => ({
    values: await tx.indicatorValue.count(),
    submissions: await tx.indicatorFormSubmission.count(),
    notices: await tx.staffNotification.count(),
    audit: await tx.auditEntry.count(),
  }));

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  t = await createFixtureTenant(ctx, 'drafts', 'DR');
  other = await createFixtureTenant(ctx, 'other-drafts', 'OD');
  const base = { unitOfMeasure: 'tấn', periodicity: 'MONTH', aggregation: 'SUM', isPublic: true } as const;
  // Every unit is expected to produce at least 100: a value below alerts the unit once submitted.
  rice = await defineIndicator(ctx, t.tenantId, t.admin, { code: 'RICE', name: 'Sản lượng lúa', nameEn: 'Rice output', ...base, target: 1000, unitTarget: 100 });
  area = await defineIndicator(ctx, t.tenantId, t.admin, { code: 'AREA', name: 'Diện tích', nameEn: 'Area', ...base, unitOfMeasure: 'ha' });
  form = await defineIndicatorForm(ctx, t.tenantId, t.admin, {
    code: 'AGRI', name: 'Nông nghiệp', nameEn: 'Agriculture', periodicity: 'MONTH', deadlineDays: 10, unitKinds: ['COMMUNE'], unitIds: [t.roadsUnitId],
    items: [{ indicatorId: rice.id, minValue: 0, maxValue: 1000 }, { indicatorId: area.id, required: false }],
  });
  wardColleague = { role: 'UNIT_OFFICER', userId: crypto.randomUUID(), unitId: t.wardUnitId };
});

afterAll(async () => tdb?.close());

describe('report form drafts', () => {
  it('keep a partial form, out-of-bounds values included, that any officer of the unit restores and continues', async () => {
    const first = await save(t.wardOfficer, [{ indicatorId: rice.id, value: 5000 }]);
    expect(first).toMatchObject({ formId: form.id, unitId: t.wardUnitId, period: PERIOD, revision: 1, savedAt: NOW, values: [{ indicatorId: rice.id, code: 'RICE', value: 5000 }] });
    expect(first.savedBy).toBe('userId' in t.wardOfficer ? t.wardOfficer.userId : null);

    const restored = await entry(wardColleague);
    expect(restored.draft).toMatchObject({ revision: 1, values: [{ code: 'RICE', value: 5000 }] });
    expect(restored.unit).toMatchObject({ unitId: t.wardUnitId, state: 'PENDING', revision: null });
    expect(restored.indicators.map((i) => [i.code, i.unitTarget])).toEqual([['RICE', 100], ['AREA', null]]);
    expect(restored.values).toEqual([]);

    // The colleague goes on where the first officer stopped; the draft is replaced whole, in the form's order.
    const second = await save(wardColleague, [{ indicatorId: area.id, value: 1.7976931348623157e308 }, { indicatorId: rice.id, value: 5 }], { expectedRevision: 1 });
    expect(second).toMatchObject({ revision: 2, savedBy: 'userId' in wardColleague ? wardColleague.userId : null });
    expect(second.values.map((v) => [v.code, v.value])).toEqual([['RICE', 5], ['AREA', 1.7976931348623157e308]]);
    expect((await entry(t.admin)).draft?.revision).toBe(2);
  });

  it('are seen by the unit’s own staff and tenant admins only', async () => {
    expect((await entry(t.leader)).draft).toBeNull();
    expect((await entry(t.operator)).draft).toBeNull();
    expect((await entry(t.roadsOfficer)).draft).toBeNull();
    await expect(entry(citizen)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(entry(t.admin, 'not-a-unit')).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'unitId' }] } });
    // A unit the form is not for: no state, no draft.
    expect(await entry(t.admin, t.iocUnitId)).toMatchObject({ unit: null, draft: null });
  });

  it('count in no figure, alert, status or public view', async () => {
    const before = await counts();
    expect((await readIndicatorFigure(ctx, t.tenantId, t.admin, { indicatorId: rice.id, period: PERIOD, unitId: t.wardUnitId })).value).toBeNull();
    expect((await readIndicatorFigure(ctx, t.tenantId, t.admin, { indicatorId: rice.id, period: '2026' })).value).toBeNull();
    expect((await readPublicIndicatorFigures(ctx, t.tenantId, PERIOD)).map((f) => [f.indicator.code, f.value])).toEqual([['AREA', null], ['RICE', null]]);
    const status = await readIndicatorFormStatus(ctx, t.tenantId, t.leader, form.id, PERIOD);
    expect(status).toMatchObject({ submitted: 0, missing: 2 });
    expect(before).toMatchObject({ values: 0, submissions: 0, notices: 0 });
  });

  it('refuse another tenant, another unit, a citizen or a reader, and bad input, with a typed error and nothing written', async () => {
    const before = await drafts();
    const values = [{ indicatorId: rice.id, value: 1 }];
    await expect(save(other.admin, values, {}, other.tenantId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readIndicatorFormEntry(ctx, other.tenantId, other.admin, { formId: form.id, unitId: t.wardUnitId, period: PERIOD })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(save(other.admin, values, { unitId: other.wardUnitId }, other.tenantId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(save(t.roadsOfficer, values)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(save(t.leader, values)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(save(t.operator, values)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(save(citizen, values)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(discardIndicatorFormDraft(ctx, t.tenantId, t.roadsOfficer, { formId: form.id, unitId: t.wardUnitId, period: PERIOD })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Another tenant's unit, named by a tenant admin: not a unit this form is for.
    await expect(save(t.admin, values, { unitId: other.wardUnitId })).rejects.toMatchObject({ details: { fields: [{ path: 'unitId', code: 'INVALID' }] } });
    await expect(save(t.admin, values, { unitId: t.iocUnitId })).rejects.toMatchObject({ details: { fields: [{ path: 'unitId', code: 'INVALID' }] } });
    await expect(save(t.wardOfficer, [{ indicatorId: crypto.randomUUID(), value: 1 }])).rejects.toMatchObject({ details: { fields: [{ path: 'values.0.indicatorId', code: 'UNKNOWN_REFERENCE' }] } });
    await expect(save(t.wardOfficer, [...values, ...values])).rejects.toMatchObject({ details: { fields: [{ path: 'values.RICE', code: 'INVALID' }] } });
    await expect(save(t.wardOfficer, values, { period: '2026-Q1' })).rejects.toMatchObject({ details: { fields: [{ path: 'period', code: 'INVALID_FORMAT' }] } });
    await expect(save(t.wardOfficer, values, { period: '2026-\u000003' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(save(t.wardOfficer, values, { period: '2026-\udc0003' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(save(t.wardOfficer, [{ indicatorId: rice.id, value: Number.POSITIVE_INFINITY }])).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(save(t.wardOfficer, [{ indicatorId: rice.id, value: Number.NaN }])).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(save(t.wardOfficer, Array.from({ length: 101 }, () => ({ indicatorId: rice.id, value: 1 })))).rejects.toMatchObject({ code: 'VALIDATION' });
    // A save over a draft someone else saved since it was read.
    await expect(save(t.wardOfficer, values, { expectedRevision: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await drafts()).toEqual(before);
  });

  it('turn into submitted values on submission, the draft deleted in the same transaction; a refused submission keeps it', async () => {
    const submit = (values: Array<{ indicatorId: string; value: number }>) => submitIndicatorForm(ctx, t.tenantId, t.wardOfficer, { formId: form.id, unitId: t.wardUnitId, period: PERIOD, values });
    // The draft's out-of-bounds area is fine, but 5000 rice is refused at submission: nothing written, the draft kept.
    await expect(submit([{ indicatorId: rice.id, value: 5000 }])).rejects.toMatchObject({ details: { fields: [{ path: 'values.RICE', code: 'TOO_LARGE' }] } });
    expect(await drafts()).toHaveLength(1);
    expect(await counts()).toMatchObject({ values: 0, submissions: 0 });

    const draft = (await entry(t.wardOfficer)).draft!;
    const submitted = await submit(draft.values.filter((v) => v.code === 'RICE'));
    expect(submitted.values.map((v) => [v.code, v.value])).toEqual([['RICE', 5], ['AREA', null]]);
    expect(await drafts()).toEqual([]);
    const after = await entry(wardColleague);
    expect(after.draft).toBeNull();
    expect(after.unit).toMatchObject({ state: 'ON_TIME', revision: 1 });
    expect(after.values.map((v) => [v.indicatorId, v.value, v.history.length])).toEqual([[rice.id, 5, 1]]);
    // Now it counts: the figure, and the alert of a unit below its target (the draft had not alerted).
    expect((await readIndicatorFigure(ctx, t.tenantId, t.admin, { indicatorId: rice.id, period: PERIOD, unitId: t.wardUnitId })).value).toBe(5);
    expect((await counts()).notices).toBeGreaterThan(0);
  });

  it('are discarded by the unit’s staff; a submission whose deletion of the draft fails writes nothing', async () => {
    await save(t.wardOfficer, [{ indicatorId: rice.id, value: 7 }], { period: '2026-04' });
    expect(await discardIndicatorFormDraft(ctx, t.tenantId, wardColleague, { formId: form.id, unitId: t.wardUnitId, period: '2026-04' })).toBe(true);
    expect(await discardIndicatorFormDraft(ctx, t.tenantId, wardColleague, { formId: form.id, unitId: t.wardUnitId, period: '2026-04' })).toBe(false);

    // One transaction: when deleting the draft fails, the submission's values are rolled back with it.
    await save(t.wardOfficer, [{ indicatorId: rice.id, value: 8 }], { period: '2026-05' });
    const before = await counts();
    await tdb.db.execScript(`CREATE FUNCTION test_refuse_draft_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
      CREATE TRIGGER test_refuse_draft_delete BEFORE DELETE ON indicator_form_drafts FOR EACH ROW EXECUTE FUNCTION test_refuse_draft_delete();`);
    try {
      await expect(submitIndicatorForm(ctx, t.tenantId, t.wardOfficer, { formId: form.id, unitId: t.wardUnitId, period: '2026-05', values: [{ indicatorId: rice.id, value: 8 }] })).rejects.toThrow();
    } finally {
      await tdb.db.execScript('DROP TRIGGER test_refuse_draft_delete ON indicator_form_drafts; DROP FUNCTION test_refuse_draft_delete();');
    }
    expect(await counts()).toEqual(before);
    expect((await drafts()).map((d) => d.period)).toEqual(['2026-05']);
  });

  it('let one of two saves from the same revision at once win, the other answered CONFLICT (nothing lost silently)', async () => {
    await discardIndicatorFormDraft(ctx, t.tenantId, t.wardOfficer, { formId: form.id, unitId: t.wardUnitId, period: PERIOD });
    // From no draft (two first saves) and from a saved one (two updates).
    for (const from of [0, 1]) {
      const results = await Promise.allSettled([
        save(t.wardOfficer, [{ indicatorId: rice.id, value: 11 + from }], { expectedRevision: from }),
        save(wardColleague, [{ indicatorId: rice.id, value: 22 + from }], { expectedRevision: from }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
      const kept = (await entry(t.admin)).draft;
      expect(kept?.revision).toBe(from + 1);
      expect(kept?.values).toEqual((won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof save>>>).value.values);
    }
  });
});
