import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import { parseInput } from '../config/parse-input.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { validationError } from '../errors.js';
import { findTenantById } from '../tenants/tenant-directory.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { toIndicator, withTargets, type IndicatorRecord } from './indicator-definitions.js';
import { findIndicatorForm, type IndicatorFormRecord } from './indicator-form-definitions.js';
import { findFormDraft, type IndicatorFormDraftRecord } from './indicator-form-drafts.js';
import { formDeadline, unitStatesIn, type UnitFormStatus } from './indicator-form-status.js';
import { parsePeriod } from './indicator-periods.js';
import type { IndicatorValueRecord } from './indicator-values.js';

/** Everything a unit needs to fill a form for a period, read at once (one request, one transaction). */
export interface IndicatorFormEntryRecord {
  form: IndicatorFormRecord;
  period: string;
  deadline: Date;
  /** The unit's state for the period; null when the form is not due from the unit. */
  unit: UnitFormStatus | null;
  /** The form's indicators (targets, direction), in the form's order. */
  indicators: IndicatorRecord[];
  /** The unit's current value of each indicator that has one, with its history. */
  values: IndicatorValueRecord[];
  /** The unit's draft, for those who may see it (`canDraftIndicatorFormFor`); null otherwise or when there is none. */
  draft: IndicatorFormDraftRecord | null;
}

const entryInput = z.object({ formId: z.string().max(100), unitId: z.uuid(), period: z.string().max(10) });

/**
 * A form for a unit and period: the unit's state and deadline, the form's
 * indicators with their targets, the unit's current values with their
 * history, and its draft. Staff who read indicators (the draft only for the
 * unit's own staff and tenant admins). A period of another periodicity is a
 * ValidationError on `period`; another tenant's form NOT_FOUND.
 */
export async function readIndicatorFormEntry(ctx: CoreContext, tenantId: string, actor: Actor, raw: z.input<typeof entryInput>): Promise<IndicatorFormEntryRecord> {
  assertCan(actor, Permission.INDICATOR_READ);
  const input = parseInput(entryInput, raw);
  const tenant = await findTenantById(ctx, tenantId);
  const now = ctx.now();
  return withTenant(ctx.db, tenantId, async (tx) => {
    const form = await findIndicatorForm(tx, input.formId);
    const period = parsePeriod(input.period);
    if (!period || period.periodicity !== form.periodicity) throw validationError([{ path: 'period', code: FieldIssueCode.INVALID_FORMAT }]);
    const deadline = formDeadline(period, form.deadlineDays, tenant.timezone);
    const ids = form.items.map((i) => i.indicatorId);
    const [units, indicators, rows, draft] = await Promise.all([
      unitStatesIn(tx, form, input.period, deadline, now),
      tx.indicator.findMany({ where: { id: { in: ids } }, include: withTargets }),
      tx.indicatorValue.findMany({ where: { unitId: input.unitId, period: input.period, indicatorId: { in: ids } }, include: { revisions: { orderBy: { revision: 'asc' } } } }),
      findFormDraft(tx, actor, form, input.unitId, input.period),
    ]);
    const order = (id: string) => ids.indexOf(id);
    return {
      form, period: input.period, deadline,
      unit: units.find((u) => u.unitId === input.unitId) ?? null,
      indicators: indicators.map(toIndicator).sort((a, b) => order(a.id) - order(b.id)),
      values: rows
        .sort((a, b) => order(a.indicatorId) - order(b.indicatorId))
        .map(({ revisions, ...r }) => ({ ...r, history: revisions.map((h) => ({ revision: h.revision, value: h.value, reason: h.reason, submittedBy: h.submittedBy, submittedAt: h.submittedAt })) })),
      draft: units.some((u) => u.unitId === input.unitId) ? draft : null,
    };
  });
}
