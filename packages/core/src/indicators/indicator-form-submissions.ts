import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { actorId } from '../auth/actor.js';
import { assertCan, canSubmitIndicatorFor, Permission } from '../auth/permissions.js';
import { recordAudit } from '../audit/audit-log.js';
import { parseInput } from '../config/parse-input.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError, type FieldIssueInput } from '../errors.js';
import { isUniqueViolation } from '../reports/submit-report.js';
import { findTenantById } from '../tenants/tenant-directory.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { findIndicatorForm, IndicatorFormStatus, unitsDueFor, type IndicatorFormRecord } from './indicator-form-definitions.js';
import { formatPeriod, parsePeriod, type Period } from './indicator-periods.js';
import { writeIndicatorValue } from './indicator-values.js';

export interface IndicatorFormSubmissionRecord {
  id: string;
  formId: string;
  /** The form version it was made against. */
  formVersion: number;
  unitId: string;
  period: string;
  /** 1 for the first submission, +1 per correction. */
  revision: number;
  reason: string | null;
  submittedBy: string | null;
  submittedAt: Date;
  /** True when this answer is an earlier submission returned again (a replay), nothing written. */
  replayed: boolean;
  /** The unit's current value of each indicator of the form for the period (null: none submitted). */
  values: Array<{ indicatorId: string; code: string; value: number | null; revision: number | null }>;
}

const submitInput = z.object({
  formId: z.uuid(),
  unitId: z.uuid(),
  period: z.string().max(10),
  values: z.array(z.object({ indicatorId: z.uuid(), value: z.number().finite() })).max(100),
  reason: z.string().trim().min(1).max(500).optional(),
  idempotencyKey: z.string().trim().min(8).max(200).optional(),
});
export type SubmitIndicatorFormInput = z.input<typeof submitInput>;
type SubmitData = z.output<typeof submitInput>;

/** Keys sorted at every depth, as the report submission fingerprint does. */
const canonical = configure({ deterministic: true, circularValue: TypeError, strict: true });

/**
 * Submits a whole report form for a unit and period, atomically. Every value
 * is checked first (each issue on `values.<CODE>`, or `values.<i>.indicatorId`
 * for an indicator the form does not have: REQUIRED, TOO_SMALL, TOO_LARGE,
 * UNKNOWN_REFERENCE, INVALID); on any issue nothing is written. Each value
 * is written as a single value is (indicator-values.ts: revisions, audit,
 * target alerts). Submitting again for the same unit and period is a
 * correction: it needs `reason`, writes the changed values only and is
 * audited as `indicator-form.correct` (the first as `indicator-form.submit`).
 * The unit's draft of the form for the period (indicator-form-drafts.ts) is
 * deleted in the same transaction.
 * Replays change nothing: the same `idempotencyKey` with the same input
 * returns the first answer (another input: CONFLICT), and values equal to
 * the current ones return the current submission.
 */
export async function submitIndicatorForm(ctx: CoreContext, tenantId: string, actor: Actor, input: SubmitIndicatorFormInput): Promise<IndicatorFormSubmissionRecord> {
  assertCan(actor, Permission.INDICATOR_SUBMIT);
  const data = parseInput(submitInput, input);
  if (!canSubmitIndicatorFor(actor, data.unitId)) throw new DomainError(DomainErrorCode.FORBIDDEN, 'A unit submits report forms for itself only', { action: Permission.INDICATOR_SUBMIT });
  const tenant = await findTenantById(ctx, tenantId);
  const fingerprint = fingerprintOf(actor, data);
  for (let attempt = 0; ; attempt++) {
    try {
      return await withTenant(ctx.db, tenantId, async (tx) => {
        if (data.idempotencyKey) {
          const previous = await tx.indicatorFormSubmission.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: data.idempotencyKey } } });
          if (previous && previous.fingerprint !== fingerprint) throw new DomainError(DomainErrorCode.CONFLICT, 'This idempotency key was already used for a different submission');
          if (previous) return toRecord(tx, await findIndicatorForm(tx, previous.formId), previous, true);
        }
        const form = await findIndicatorForm(tx, data.formId);
        if (form.status === IndicatorFormStatus.ARCHIVED) throw new DomainError(DomainErrorCode.CONFLICT, 'The report form is archived');
        const period = await checkFormTarget(tx, form, data);
        const existing = new Map(
          (await tx.indicatorValue.findMany({ where: { unitId: data.unitId, period: data.period, indicatorId: { in: form.items.map((i) => i.indicatorId) } } })).map((v) => [v.indicatorId, v]),
        );
        const changed = data.values.filter((v) => existing.get(v.indicatorId)?.value !== v.value);
        const current = await tx.indicatorFormSubmission.findFirst({ where: { formId: form.id, unitId: data.unitId, period: data.period }, orderBy: { revision: 'desc' } });
        if (current && changed.length === 0) {
          await tx.indicatorFormDraft.deleteMany({ where: { formId: form.id, unitId: data.unitId, period: data.period } });
          return toRecord(tx, form, current, true);
        }
        const corrects = current !== null || changed.some((v) => existing.has(v.indicatorId));
        if (corrects && !data.reason) throw validationError([{ path: 'reason', code: FieldIssueCode.REQUIRED }]);
        return write(tx, actor, ctx.now(), { form, data, period, changed, existing, current, fingerprint, tenant });
      });
    } catch (error) {
      // A concurrent replay with the same key, or a concurrent submission of the same form, unit and period: read again.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/**
 * The unit must be due for the form, the period of its periodicity, the
 * values the form's, each once; for a submission (`complete`) also in
 * bounds, with every required one. A draft (indicator-form-drafts.ts) is
 * checked without `complete`.
 */
export async function checkFormTarget(
  tx: TenantTx,
  form: IndicatorFormRecord,
  data: { unitId: string; period: string; values: ReadonlyArray<{ indicatorId: string; value: number }> },
  complete = true,
): Promise<Period> {
  const issues: FieldIssueInput[] = [];
  const due = await unitsDueFor(tx, form);
  if (!due.some((u) => u.id === data.unitId)) issues.push({ path: 'unitId', code: FieldIssueCode.INVALID, message: 'is not a unit this form is for' });
  const period = parsePeriod(data.period);
  if (!period || period.periodicity !== form.periodicity) issues.push({ path: 'period', code: FieldIssueCode.INVALID_FORMAT });
  const items = new Map(form.items.map((i) => [i.indicatorId, i]));
  const given = new Set<string>();
  data.values.forEach((v, i) => {
    const item = items.get(v.indicatorId);
    if (!item) return void issues.push({ path: `values.${i}.indicatorId`, code: FieldIssueCode.UNKNOWN_REFERENCE });
    const path = `values.${item.code}`;
    if (given.has(v.indicatorId)) issues.push({ path, code: FieldIssueCode.INVALID, message: 'is given twice' });
    given.add(v.indicatorId);
    if (!complete) return;
    if (item.minValue !== null && v.value < item.minValue) issues.push({ path, code: FieldIssueCode.TOO_SMALL, params: { minimum: item.minValue } });
    if (item.maxValue !== null && v.value > item.maxValue) issues.push({ path, code: FieldIssueCode.TOO_LARGE, params: { maximum: item.maxValue } });
  });
  if (complete) for (const item of form.items) if (item.required && !given.has(item.indicatorId)) issues.push({ path: `values.${item.code}`, code: FieldIssueCode.REQUIRED });
  if (issues.length > 0) throw validationError(issues);
  return period!;
}

interface Write {
  form: IndicatorFormRecord;
  data: SubmitData;
  period: Period;
  changed: SubmitData['values'];
  existing: Map<string, { id: string; value: number; revision: number }>;
  current: { revision: number } | null;
  fingerprint: string;
  tenant: Awaited<ReturnType<typeof findTenantById>>;
}

async function write(tx: TenantTx, actor: Actor, now: Date, w: Write): Promise<IndicatorFormSubmissionRecord> {
  const { form, data, tenant } = w;
  const codes = new Map(form.items.map((i) => [i.indicatorId, i.code]));
  const row = await tx.indicatorFormSubmission.create({
    data: {
      tenantId: tenant.id, formId: form.id, formVersionId: form.versionId, unitId: data.unitId, period: formatPeriod(w.period), revision: (w.current?.revision ?? 0) + 1,
      reason: data.reason ?? null, submittedBy: actorId(actor), submittedAt: now, idempotencyKey: data.idempotencyKey ?? null, fingerprint: w.fingerprint,
    },
  });
  await tx.indicatorFormDraft.deleteMany({ where: { formId: form.id, unitId: data.unitId, period: row.period } });
  for (const v of w.changed) {
    const indicator = { id: v.indicatorId, code: codes.get(v.indicatorId)! };
    await writeIndicatorValue(tx, tenant, actor, now, { indicator, existing: w.existing.get(v.indicatorId) ?? null, unitId: data.unitId, period: w.period, value: v.value, reason: data.reason ?? null });
  }
  await recordAudit(tx, tenant.id, actor, now, {
    action: row.revision > 1 ? 'indicator-form.correct' : 'indicator-form.submit',
    subjectType: 'IndicatorFormSubmission',
    subjectId: row.id,
    data: {
      formId: form.id, code: form.code, version: form.version, unitId: row.unitId, period: row.period, revision: row.revision, reason: row.reason,
      changed: w.changed.map((v) => ({ code: codes.get(v.indicatorId), value: v.value, previousValue: w.existing.get(v.indicatorId)?.value ?? null })),
    },
  });
  return toRecord(tx, form, row, false);
}

type SubmissionRow = { id: string; formId: string; formVersionId: string; unitId: string; period: string; revision: number; reason: string | null; submittedBy: string | null; submittedAt: Date };

async function toRecord(tx: TenantTx, form: IndicatorFormRecord, row: SubmissionRow, replayed: boolean): Promise<IndicatorFormSubmissionRecord> {
  const version = await tx.indicatorFormVersion.findUniqueOrThrow({ where: { id: row.formVersionId }, select: { version: true } });
  const values = new Map(
    (await tx.indicatorValue.findMany({ where: { unitId: row.unitId, period: row.period, indicatorId: { in: form.items.map((i) => i.indicatorId) } } })).map((v) => [v.indicatorId, v]),
  );
  return {
    id: row.id, formId: row.formId, formVersion: version.version, unitId: row.unitId, period: row.period, revision: row.revision, reason: row.reason,
    submittedBy: row.submittedBy, submittedAt: row.submittedAt, replayed,
    values: form.items.map((i) => ({ indicatorId: i.indicatorId, code: i.code, value: values.get(i.indicatorId)?.value ?? null, revision: values.get(i.indicatorId)?.revision ?? null })),
  };
}

/**
 * SHA-256 of the submitter and the normalised input, the key left out: a
 * replay is told from another request with the same key. Indicator values
 * are not personal data, so a plain hash does.
 */
function fingerprintOf(actor: Actor, data: SubmitData): string {
  const { idempotencyKey: _key, ...body } = data;
  const values = [...body.values].sort((a, b) => a.indicatorId.localeCompare(b.indicatorId));
  return createHash('sha256').update(canonical({ submitter: actorId(actor), ...body, values }) as string).digest('base64url');
}
