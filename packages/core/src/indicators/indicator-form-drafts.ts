import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { actorId } from '../auth/actor.js';
import { assertCan, canDraftIndicatorFormFor, Permission } from '../auth/permissions.js';
import { parseInput } from '../config/parse-input.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode } from '../errors.js';
import { findIndicatorForm, IndicatorFormStatus, type IndicatorFormRecord } from './indicator-form-definitions.js';
import { checkFormTarget } from './indicator-form-submissions.js';
import { formatPeriod } from './indicator-periods.js';
import { isUniqueViolation } from '../reports/submit-report.js';

// Drafts of report forms (docs/indicators.md#drafts): the values a unit has
// typed so far for a form and period, kept on the server so that closing
// the tab loses nothing and another officer of the unit can go on. A draft
// is the unit's unfinished work: no figure, alert, status, export or public
// view reads it (they read `indicator_values` only); submitting the form
// deletes it in the submission's transaction (indicator-form-submissions.ts).
// Who may see and edit drafts: `canDraftIndicatorFormFor` (permissions.ts).

export interface IndicatorFormDraftRecord {
  formId: string;
  unitId: string;
  period: string;
  /** The values typed so far, in the form's order (indicators without one are left out). */
  values: Array<{ indicatorId: string; code: string; value: number }>;
  /** 1, then +1 per save. */
  revision: number;
  savedBy: string | null;
  savedAt: Date;
}

const target = { formId: z.uuid(), unitId: z.uuid(), period: z.string().max(10) };
const saveInput = z.object({
  ...target,
  values: z.array(z.object({ indicatorId: z.uuid(), value: z.number().finite() })).max(100),
  /** The revision the client last read: another save since is a CONFLICT (two officers typing at once). */
  expectedRevision: z.number().int().min(0).optional(),
});
const targetInput = z.object(target);
export type SaveIndicatorFormDraftInput = z.input<typeof saveInput>;
export type IndicatorFormDraftTarget = z.input<typeof targetInput>;

/**
 * Saves (creates or replaces) a unit's draft of a form for a period. The
 * form must be this tenant's and active, the unit one it is due from, the
 * period of its periodicity, each value an indicator of the form given
 * once (ValidationError otherwise, nothing written). Limits and required
 * values are not checked: a draft keeps what was typed, out of bounds too,
 * and the submission refuses it at its field. Not audited: a draft changes
 * no figure, and the submission is audited.
 */
export async function saveIndicatorFormDraft(ctx: CoreContext, tenantId: string, actor: Actor, input: SaveIndicatorFormDraftInput): Promise<IndicatorFormDraftRecord> {
  assertCan(actor, Permission.INDICATOR_DRAFT);
  const data = parseInput(saveInput, input);
  assertOwnUnit(actor, data.unitId);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const form = await activeForm(tx, data.formId);
    const period = formatPeriod(await checkFormTarget(tx, form, data, false));
    const key = { formId: form.id, unitId: data.unitId, period };
    const conflict = () => new DomainError(DomainErrorCode.CONFLICT, 'The draft was saved by someone else since it was read');
    const existing = await tx.indicatorFormDraft.findUnique({ where: { formId_unitId_period: key }, select: { revision: true } });
    if (data.expectedRevision !== undefined && data.expectedRevision !== (existing?.revision ?? 0)) throw conflict();
    const values = Object.fromEntries(data.values.map((v) => [v.indicatorId, v.value]));
    const saved = { values, savedBy: actorId(actor), savedAt: ctx.now() };
    if (!existing) {
      try {
        return toDraft(form, await tx.indicatorFormDraft.create({ data: { tenantId, ...key, ...saved } }));
      } catch (error) {
        // A colleague's first save of the same draft committed in between.
        if (isUniqueViolation(error)) throw conflict();
        throw error;
      }
    }
    // The revision checked in the update itself: of two saves from the same revision at once, the second finds it moved.
    const revision = data.expectedRevision === undefined ? {} : { revision: existing.revision };
    const { count } = await tx.indicatorFormDraft.updateMany({ where: { ...key, ...revision }, data: { ...saved, revision: { increment: 1 } } });
    if (count === 0) throw conflict();
    return toDraft(form, await tx.indicatorFormDraft.findUniqueOrThrow({ where: { formId_unitId_period: key } }));
  });
}

/** Deletes a unit's draft of a form for a period; false when there was none. The same people as saving. */
export async function discardIndicatorFormDraft(ctx: CoreContext, tenantId: string, actor: Actor, input: IndicatorFormDraftTarget): Promise<boolean> {
  assertCan(actor, Permission.INDICATOR_DRAFT);
  const data = parseInput(targetInput, input);
  assertOwnUnit(actor, data.unitId);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const form = await findIndicatorForm(tx, data.formId);
    const { count } = await tx.indicatorFormDraft.deleteMany({ where: { formId: form.id, unitId: data.unitId, period: data.period } });
    return count > 0;
  });
}

/** The unit's draft of the form for the period, if any, for someone allowed to see it (null otherwise). */
export async function findFormDraft(tx: TenantTx, actor: Actor, form: IndicatorFormRecord, unitId: string, period: string): Promise<IndicatorFormDraftRecord | null> {
  if (!canDraftIndicatorFormFor(actor, unitId)) return null;
  const row = await tx.indicatorFormDraft.findUnique({ where: { formId_unitId_period: { formId: form.id, unitId, period } } });
  return row ? toDraft(form, row) : null;
}

function assertOwnUnit(actor: Actor, unitId: string): void {
  if (!canDraftIndicatorFormFor(actor, unitId)) throw new DomainError(DomainErrorCode.FORBIDDEN, 'A unit keeps drafts of its own forms only', { action: Permission.INDICATOR_DRAFT });
}

async function activeForm(tx: TenantTx, formId: string): Promise<IndicatorFormRecord> {
  const form = await findIndicatorForm(tx, formId);
  if (form.status === IndicatorFormStatus.ARCHIVED) throw new DomainError(DomainErrorCode.CONFLICT, 'The report form is archived');
  return form;
}

type DraftRow = { formId: string; unitId: string; period: string; values: unknown; revision: number; savedBy: string | null; savedAt: Date };

function toDraft(form: IndicatorFormRecord, row: DraftRow): IndicatorFormDraftRecord {
  const stored = row.values as Record<string, unknown>;
  // An item removed by a later version of the form drops out; a stored value is always a number (the column is written here only).
  const values = form.items.flatMap((i) => (typeof stored[i.indicatorId] === 'number' ? [{ indicatorId: i.indicatorId, code: i.code, value: stored[i.indicatorId] as number }] : []));
  return { formId: row.formId, unitId: row.unitId, period: row.period, values, revision: row.revision, savedBy: row.savedBy, savedAt: row.savedAt };
}
