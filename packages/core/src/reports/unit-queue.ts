import type { Actor } from '../auth/actor.js';
import type { CoreContext } from '../context.js';
import { withTenantSql, type TenantTx } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import type { ReportEventRecord } from './report-event.js';
import { Prisma } from '../generated/prisma/client.js';
import { baseView } from './report-row-view.js';
import { readReportRows } from './report-rows.js';
import type { PublicReportView } from './report-views.js';
import { FINISHED_STATUSES } from './status-traits.js';

/** The deepest unit hierarchy a FORWARD walks up (a cycle in bad data ends here). */
const MAX_DEPTH = 32;

/**
 * The sub-unit a FORWARD hands the report to: an active unit of this tenant
 * (the tenant transaction sees no other) strictly below `holderUnitId` in
 * the hierarchy (`units.parent_id`). Otherwise VALIDATION on `unitId`, and
 * nothing is written.
 */
export async function forwardTarget(tx: TenantTx, holderUnitId: string | null, unitId: string): Promise<string> {
  const target = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true, active: true, parentId: true } });
  if (!target || !target.active || !holderUnitId) throw validationError([{ path: 'unitId', message: 'is not an active unit of this tenant' }]);
  if (await isBelow(tx, target.parentId, holderUnitId)) return target.id;
  throw validationError([{ path: 'unitId', code: FieldIssueCode.UNKNOWN_REFERENCE }]);
}

/** Whether `ancestorId` is `parentId` or one of its ancestors (`units.parent_id`). */
async function isBelow(tx: TenantTx, parentId: string | null, ancestorId: string): Promise<boolean> {
  let current = parentId;
  for (let depth = 0; current && depth < MAX_DEPTH; depth += 1) {
    if (current === ancestorId) return true;
    current = (await tx.unit.findUnique({ where: { id: current }, select: { parentId: true } }))?.parentId ?? null;
  }
  return false;
}

/**
 * Whether a unit's staff may read a report held below their unit: the
 * units a report was forwarded down from keep reading it (they answer for
 * it). The reporter's contact stays with the holding unit.
 */
export async function heldBelowUnit(tx: TenantTx, actor: Actor, reportUnitId: string | null): Promise<boolean> {
  if ((actor.role !== 'UNIT_OFFICER' && actor.role !== 'UNIT_LEADER') || !reportUnitId) return false;
  const unit = await tx.unit.findUnique({ where: { id: reportUnitId }, select: { parentId: true } });
  return unit ? isBelow(tx, unit.parentId, actor.unitId) : false;
}

/** Whether an answer link already drafted an answer on this timeline (a link answers once). */
export const linkAlreadyUsed = (timeline: readonly ReportEventRecord[], linkId: string): boolean =>
  timeline.some((e) => e.type === 'DRAFT_ANSWER' && e.data.linkId === linkId);

/**
 * The finished statuses (status-traits.ts) as SQL literals, as the partial
 * index of the queue (migration 0029, `reports_unit_queue_idx`) is written,
 * so that the planner can use it for a statement prepared once (a parameter
 * would not match the index's predicate).
 */
const FINISHED_LITERALS = Prisma.raw(FINISHED_STATUSES.map((s) => `'${s}'`).join(', '));

/** Most reports one unit queue read returns. */
export const UNIT_QUEUE_LIMIT = 200;

/**
 * The unit queue: the open reports the actor's unit holds now (assigned or
 * forwarded to it), the nearest deadline first (no deadline last), at most
 * `UNIT_QUEUE_LIMIT`. Unit staff only (FORBIDDEN otherwise).
 */
export async function listUnitQueue(ctx: CoreContext, tenantId: string, actor: Actor): Promise<Array<Omit<PublicReportView, 'timeline'>>> {
  if (actor.role !== 'UNIT_OFFICER' && actor.role !== 'UNIT_LEADER') throw new DomainError(DomainErrorCode.FORBIDDEN, 'Only unit staff have a unit queue');
  const unitId = actor.unitId;
  return withTenantSql(ctx.db, tenantId, async (sql) => {
    const rows = await readReportRows(
      sql,
      Prisma.sql`r.unit_id = ${unitId}::uuid AND r.status NOT IN (${FINISHED_LITERALS})`,
      Prisma.sql`r.due_at ASC NULLS LAST, r.submitted_at ASC, r.id ASC`,
      UNIT_QUEUE_LIMIT,
    );
    return rows.map((row) => baseView(row, true, true));
  }, { oneStatement: true });
}
