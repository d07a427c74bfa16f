import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { actorId } from '../auth/actor.js';
import { assertCan, canSubmitIndicatorFor, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { recordAudit } from '../audit/audit-log.js';
import { parseInput } from '../config/parse-input.js';
import { findTenantById, type TenantRecord } from '../tenants/tenant-directory.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { findIndicatorRow } from './indicator-definitions.js';
import { alertMissedTargets } from './indicator-alerts.js';
import { formatPeriod, parsePeriod, type Period } from './indicator-periods.js';

export interface IndicatorValueRevisionRecord {
  revision: number;
  value: number;
  reason: string | null;
  submittedBy: string | null;
  submittedAt: Date;
}

export interface IndicatorValueRecord {
  id: string;
  indicatorId: string;
  unitId: string;
  period: string;
  value: number;
  revision: number;
  submittedBy: string | null;
  submittedAt: Date;
  /** Every value submitted for this unit and period, oldest first (the current one last). */
  history: IndicatorValueRevisionRecord[];
}

const submitInput = z.object({
  indicatorId: z.uuid(),
  unitId: z.uuid(),
  period: z.string().max(10),
  value: z.number().finite(),
  reason: z.string().trim().min(1).max(500).optional(),
});
export type SubmitIndicatorValueInput = z.input<typeof submitInput>;

/**
 * Records a unit's value of an indicator for a period (who and when). A
 * second value for the same unit and period is a correction: it needs a
 * `reason`, keeps the earlier value in the history and is audited as
 * `indicator-value.correct`. A unit's staff submit for their own unit only;
 * tenant admins for any. A value that misses the target alerts the
 * responsible units (indicator-alerts.ts), in the same transaction.
 */
export async function submitIndicatorValue(ctx: CoreContext, tenantId: string, actor: Actor, input: SubmitIndicatorValueInput): Promise<IndicatorValueRecord> {
  assertCan(actor, Permission.INDICATOR_SUBMIT);
  const data = parseInput(submitInput, input);
  if (!canSubmitIndicatorFor(actor, data.unitId)) throw new DomainError(DomainErrorCode.FORBIDDEN, 'A unit submits indicator values for itself only', { action: Permission.INDICATOR_SUBMIT });
  const tenant = await findTenantById(ctx, tenantId);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const indicator = await findIndicatorRow(tx, data.indicatorId);
    if (indicator.formula) throw validationError([{ path: 'indicatorId', message: 'is computed by its formula; submit its inputs' }]);
    if (!(await tx.unit.findUnique({ where: { id: data.unitId } }))) throw validationError([{ path: 'unitId', code: FieldIssueCode.UNKNOWN_REFERENCE }]);
    const period = parsePeriod(data.period);
    if (!period || period.periodicity !== indicator.periodicity) throw validationError([{ path: 'period', code: FieldIssueCode.INVALID_FORMAT }]);
    const existing = await tx.indicatorValue.findUnique({ where: { indicatorId_unitId_period: { indicatorId: indicator.id, unitId: data.unitId, period: data.period } } });
    if (existing && !data.reason) throw validationError([{ path: 'reason', code: FieldIssueCode.REQUIRED }]);
    const row = await writeIndicatorValue(tx, tenant, actor, ctx.now(), { indicator, existing, unitId: data.unitId, period, value: data.value, reason: data.reason ?? null });
    const history = await tx.indicatorValueRevision.findMany({ where: { valueId: row.id }, orderBy: { revision: 'asc' } });
    return { ...row, history: history.map(toRevision) };
  });
}

/** The values units submitted for an indicator and period, with their history. Staff who read indicators. */
export async function listIndicatorSubmissions(ctx: CoreContext, tenantId: string, actor: Actor, indicatorId: string, period: string): Promise<IndicatorValueRecord[]> {
  assertCan(actor, Permission.INDICATOR_READ);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const indicator = await findIndicatorRow(tx, indicatorId);
    const rows = await tx.indicatorValue.findMany({ where: { indicatorId: indicator.id, period }, include: { revisions: { orderBy: { revision: 'asc' } } }, orderBy: { unitId: 'asc' } });
    return rows.map(({ revisions, ...r }) => ({ ...r, history: revisions.map(toRevision) }));
  });
}

/** One value to write: `existing` is the unit's current value for the period (null for a first value). */
export interface IndicatorValueWrite {
  indicator: { id: string; code: string };
  existing: { id: string; value: number; revision: number } | null;
  unitId: string;
  period: Period;
  value: number;
  reason: string | null;
}

/**
 * Writes a checked value in the caller's transaction: a first value, or a
 * correction of `existing` (revision + 1, the earlier value kept as a
 * revision), audited as `indicator-value.submit` or `indicator-value.correct`,
 * then alerts on missed targets. Shared by single values and report forms.
 */
export async function writeIndicatorValue(tx: TenantTx, tenant: TenantRecord, actor: Actor, now: Date, w: IndicatorValueWrite) {
  const by = actorId(actor);
  const periodKey = formatPeriod(w.period);
  const { existing, indicator } = w;
  const row = existing
    ? await tx.indicatorValue.update({ where: { id: existing.id }, data: { value: w.value, revision: existing.revision + 1, submittedBy: by, submittedAt: now } })
    : await tx.indicatorValue.create({ data: { tenantId: tenant.id, indicatorId: indicator.id, unitId: w.unitId, period: periodKey, value: w.value, submittedBy: by, submittedAt: now } });
  await tx.indicatorValueRevision.create({
    data: { tenantId: tenant.id, valueId: row.id, revision: row.revision, value: row.value, reason: w.reason, submittedBy: by, submittedAt: now },
  });
  await recordAudit(tx, tenant.id, actor, now, {
    action: existing ? 'indicator-value.correct' : 'indicator-value.submit',
    subjectType: 'IndicatorValue',
    subjectId: row.id,
    data: { indicatorId: indicator.id, code: indicator.code, unitId: row.unitId, period: row.period, value: row.value, revision: row.revision, previousValue: existing?.value ?? null, reason: w.reason },
  });
  await alertMissedTargets(tx, tenant, indicator.code, row.unitId, w.period, `r${row.revision}`, now);
  return row;
}

const toRevision = (r: IndicatorValueRevisionRecord): IndicatorValueRevisionRecord => ({ revision: r.revision, value: r.value, reason: r.reason, submittedBy: r.submittedBy, submittedAt: r.submittedAt });
