import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { actorId } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import { recordAudit } from '../audit/audit-log.js';
import { parseInput } from '../config/parse-input.js';
import { UNIT_KINDS } from '../config/units.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import type { Prisma } from '../generated/prisma/client.js';
import { DomainError, DomainErrorCode, validationError, type FieldIssueInput } from '../errors.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { PERIODICITIES, type Periodicity } from './indicator-periods.js';

/** A form is open for submissions until archived. */
export const IndicatorFormStatus = { ACTIVE: 'ACTIVE', ARCHIVED: 'ARCHIVED' } as const;
export type IndicatorFormStatus = (typeof IndicatorFormStatus)[keyof typeof IndicatorFormStatus];
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface IndicatorFormItemRecord {
  indicatorId: string;
  code: string;
  name: string;
  nameEn: string;
  unitOfMeasure: string;
  required: boolean;
  minValue: number | null;
  maxValue: number | null;
}

export interface IndicatorFormRecord {
  id: string;
  code: string;
  status: IndicatorFormStatus;
  /** The current version: 1, then +1 per change of the definition. */
  version: number;
  versionId: string;
  name: string;
  nameEn: string;
  periodicity: Periodicity;
  /** Submissions are due by the end of the day this many days after the period's last day (tenant time). */
  deadlineDays: number;
  unitIds: string[];
  unitKinds: UnitKind[];
  /** In the order units fill them in. */
  items: IndicatorFormItemRecord[];
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
}

const item = z.object({
  indicatorId: z.uuid(),
  required: z.boolean().optional(),
  minValue: z.number().finite().nullable().optional(),
  maxValue: z.number().finite().nullable().optional(),
});
const fields = {
  name: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300),
  periodicity: z.enum(PERIODICITIES),
  deadlineDays: z.number().int().min(0).max(366),
  unitIds: z.array(z.uuid()).max(500),
  unitKinds: z.array(z.enum(UNIT_KINDS)).max(UNIT_KINDS.length),
  items: z.array(item).min(1).max(100),
};
const defineInput = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/), ...fields, unitIds: fields.unitIds.optional(), unitKinds: fields.unitKinds.optional() });
const updateInput = z.object(fields).partial();
export type DefineIndicatorFormInput = z.input<typeof defineInput>;
export type UpdateIndicatorFormInput = z.input<typeof updateInput>;
type Definition = z.output<typeof updateInput> & Pick<z.output<typeof defineInput>, 'name' | 'nameEn' | 'periodicity' | 'deadlineDays' | 'items'> & { unitIds: string[]; unitKinds: UnitKind[] };

const include = { versions: { orderBy: { version: 'desc' }, take: 1, include: { items: { orderBy: { position: 'asc' } } } } } as const;

/** Defines a report form (version 1). Tenant admins only; audited as `indicator-form.define`. */
export async function defineIndicatorForm(ctx: CoreContext, tenantId: string, actor: Actor, input: DefineIndicatorFormInput): Promise<IndicatorFormRecord> {
  assertCan(actor, Permission.INDICATOR_FORM_MANAGE);
  const data = parseInput(defineInput, input);
  const def: Definition = { ...data, unitIds: data.unitIds ?? [], unitKinds: data.unitKinds ?? [] };
  return withTenant(ctx.db, tenantId, async (tx) => {
    if (await tx.indicatorForm.findUnique({ where: { tenantId_code: { tenantId, code: data.code } } })) {
      throw new DomainError(DomainErrorCode.CONFLICT, `A report form with code ${data.code} exists already`);
    }
    await checkDefinition(tx, def);
    const now = ctx.now();
    const form = await tx.indicatorForm.create({ data: { tenantId, code: data.code, createdAt: now, updatedAt: now } });
    await writeVersion(tx, tenantId, actor, form.id, 1, def, now);
    await recordAudit(tx, tenantId, actor, now, { action: 'indicator-form.define', subjectType: 'IndicatorForm', subjectId: form.id, data: { ...data } });
    return findIndicatorForm(tx, form.id);
  });
}

/**
 * Changes a form's definition: writes the next version (the omitted fields
 * carried over), so submissions made against earlier versions keep naming
 * theirs. An archived form does not change; a form with submissions keeps
 * its periodicity. Audited as `indicator-form.update`.
 */
export async function updateIndicatorForm(ctx: CoreContext, tenantId: string, actor: Actor, id: string, input: UpdateIndicatorFormInput): Promise<IndicatorFormRecord> {
  assertCan(actor, Permission.INDICATOR_FORM_MANAGE);
  const data = parseInput(updateInput, input);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const current = await findIndicatorForm(tx, id);
    if (current.status === IndicatorFormStatus.ARCHIVED) throw new DomainError(DomainErrorCode.CONFLICT, 'The report form is archived');
    const carried: Definition = {
      name: current.name, nameEn: current.nameEn, periodicity: current.periodicity, deadlineDays: current.deadlineDays, unitIds: current.unitIds, unitKinds: current.unitKinds,
      items: current.items.map((i) => ({ indicatorId: i.indicatorId, required: i.required, minValue: i.minValue, maxValue: i.maxValue })),
    };
    const def: Definition = { ...carried, ...Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) };
    await checkDefinition(tx, def);
    if (def.periodicity !== current.periodicity && (await tx.indicatorFormSubmission.count({ where: { formId: current.id } })) > 0) {
      throw new DomainError(DomainErrorCode.CONFLICT, 'The report form has submissions: its periodicity stays');
    }
    const now = ctx.now();
    await writeVersion(tx, tenantId, actor, current.id, current.version + 1, def, now);
    await tx.indicatorForm.update({ where: { id: current.id }, data: { version: current.version + 1, updatedAt: now } });
    await recordAudit(tx, tenantId, actor, now, { action: 'indicator-form.update', subjectType: 'IndicatorForm', subjectId: current.id, data: { ...data, version: current.version + 1 } });
    return findIndicatorForm(tx, current.id);
  });
}

/** Archives a form: no more submissions, its submissions and values stay. Audited as `indicator-form.archive`. */
export async function archiveIndicatorForm(ctx: CoreContext, tenantId: string, actor: Actor, id: string): Promise<IndicatorFormRecord> {
  assertCan(actor, Permission.INDICATOR_FORM_MANAGE);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const current = await findIndicatorForm(tx, id);
    if (current.status === IndicatorFormStatus.ARCHIVED) return current;
    const now = ctx.now();
    await tx.indicatorForm.update({ where: { id: current.id }, data: { status: IndicatorFormStatus.ARCHIVED, archivedAt: now, updatedAt: now } });
    await recordAudit(tx, tenantId, actor, now, { action: 'indicator-form.archive', subjectType: 'IndicatorForm', subjectId: current.id, data: { code: current.code } });
    return findIndicatorForm(tx, current.id);
  });
}

/** The tenant's report forms by code (archived ones only when asked), each at its current version. Staff who read indicators. */
export async function listIndicatorForms(ctx: CoreContext, tenantId: string, actor: Actor, options: { includeArchived?: boolean } = {}): Promise<IndicatorFormRecord[]> {
  assertCan(actor, Permission.INDICATOR_READ);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const rows = await tx.indicatorForm.findMany({ where: options.includeArchived ? {} : { status: IndicatorFormStatus.ACTIVE }, include, orderBy: { code: 'asc' } });
    return Promise.all(rows.map((r) => toForm(tx, r)));
  });
}

/** A form of this tenant at its current version; NOT_FOUND otherwise (another tenant's id included). */
export async function findIndicatorForm(tx: TenantTx, id: string): Promise<IndicatorFormRecord> {
  const row = z.uuid().safeParse(id).success ? await tx.indicatorForm.findUnique({ where: { id }, include }) : null;
  if (!row) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such report form');
  return toForm(tx, row);
}

/** The units that must submit `form`: those it names and every active unit of its kinds, by code. */
export async function unitsDueFor(tx: TenantTx, form: Pick<IndicatorFormRecord, 'unitIds' | 'unitKinds'>) {
  return tx.unit.findMany({
    where: { OR: [{ id: { in: form.unitIds } }, { kind: { in: form.unitKinds }, active: true }] },
    select: { id: true, code: true, name: true },
    orderBy: { code: 'asc' },
  });
}

async function checkDefinition(tx: TenantTx, def: Definition): Promise<void> {
  const issues: FieldIssueInput[] = [];
  if (def.unitIds.length === 0 && def.unitKinds.length === 0) issues.push({ path: 'unitIds', code: FieldIssueCode.REQUIRED });
  const units = new Set((await tx.unit.findMany({ where: { id: { in: def.unitIds } }, select: { id: true } })).map((u) => u.id));
  def.unitIds.forEach((u, i) => {
    if (!units.has(u)) issues.push({ path: `unitIds.${i}`, code: FieldIssueCode.UNKNOWN_REFERENCE });
  });
  const indicators = new Map((await tx.indicator.findMany({ where: { id: { in: def.items.map((i) => i.indicatorId) } } })).map((r) => [r.id, r]));
  const seen = new Set<string>();
  def.items.forEach((it, i) => {
    const path = `items.${i}.indicatorId`;
    const indicator = indicators.get(it.indicatorId);
    if (!indicator) issues.push({ path, code: FieldIssueCode.UNKNOWN_REFERENCE });
    else if (indicator.formula) issues.push({ path, code: FieldIssueCode.INVALID, message: 'is computed by its formula; a form holds submitted indicators only' });
    else if (indicator.periodicity !== def.periodicity) issues.push({ path, code: FieldIssueCode.INVALID, message: 'has another periodicity than the form' });
    else if (seen.has(it.indicatorId)) issues.push({ path, code: FieldIssueCode.INVALID, message: 'is in the form twice' });
    seen.add(it.indicatorId);
    if (it.minValue != null && it.maxValue != null && it.maxValue < it.minValue) issues.push({ path: `items.${i}.maxValue`, code: FieldIssueCode.INVALID, message: 'must not be below minValue' });
  });
  if (issues.length > 0) throw validationError(issues);
}

async function writeVersion(tx: TenantTx, tenantId: string, actor: Actor, formId: string, version: number, def: Definition, now: Date): Promise<void> {
  const row = await tx.indicatorFormVersion.create({
    data: {
      tenantId, formId, version, name: def.name, nameEn: def.nameEn, periodicity: def.periodicity, deadlineDays: def.deadlineDays,
      unitIds: [...new Set(def.unitIds)], unitKinds: [...new Set(def.unitKinds)], createdBy: actorId(actor), createdAt: now,
    },
  });
  await tx.indicatorFormItem.createMany({
    data: def.items.map((it, position) => ({
      tenantId, formVersionId: row.id, indicatorId: it.indicatorId, position, required: it.required ?? true, minValue: it.minValue ?? null, maxValue: it.maxValue ?? null,
    })),
  });
}

type FormRow = Prisma.IndicatorFormGetPayload<{ include: typeof include }>;

async function toForm(tx: TenantTx, row: FormRow): Promise<IndicatorFormRecord> {
  const v = row.versions[0]!;
  const indicators = new Map((await tx.indicator.findMany({ where: { id: { in: v.items.map((i) => i.indicatorId) } } })).map((r) => [r.id, r]));
  return {
    id: row.id, code: row.code, status: row.status as IndicatorFormStatus, version: v.version, versionId: v.id, name: v.name, nameEn: v.nameEn,
    periodicity: v.periodicity as Periodicity, deadlineDays: v.deadlineDays, unitIds: v.unitIds, unitKinds: v.unitKinds as UnitKind[],
    items: v.items.map((i) => {
      const ind = indicators.get(i.indicatorId)!;
      return { indicatorId: i.indicatorId, code: ind.code, name: ind.name, nameEn: ind.nameEn, unitOfMeasure: ind.unitOfMeasure, required: i.required, minValue: i.minValue, maxValue: i.maxValue };
    }),
    createdAt: row.createdAt, updatedAt: row.updatedAt, archivedAt: row.archivedAt,
  };
}
